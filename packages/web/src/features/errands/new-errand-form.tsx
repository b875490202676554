// "Registrera ansökan" for one person: the household this month (or a new one with the person
// as applicant), the kind of application and the month. An återansökan is filled in from last
// month by the server, so a re-application of an unchanged household takes a few clicks.
import { type FormEvent, useState } from 'react';
import { type ErrandDetail, type ErrandType, errandTypes } from '../../api/case-types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { errandTypeLabels, memberRoleLabels } from '../../i18n/labels.ts';
import { useCreateErrand, usePersonHouseholds } from './api.ts';

const pointerFields: Record<string, string> = {
  '/type': 'type',
  '/month': 'month',
  '/requestedNote': 'requestedNote',
  '/householdId': 'household',
  '/applicantPersonId': 'household',
};

export function NewErrandForm({
  personId,
  onCreated,
}: {
  personId: string;
  onCreated: (errand: ErrandDetail) => void;
}) {
  const { t } = useI18n();
  const households = usePersonHouseholds(personId);

  return (
    <Page title={t('newErrand.title')} lead={t('newErrand.intro')}>
      {households.isPending ? <Loading /> : null}
      {households.isError ? (
        <LoadError error={households.error} onRetry={() => households.refetch()} />
      ) : null}
      {households.data ? (
        <Form
          personId={personId}
          month={households.data.month ?? ''}
          households={households.data.households}
          onCreated={onCreated}
        />
      ) : null}
    </Page>
  );
}

function Form({
  personId,
  month: defaultMonth,
  households,
  onCreated,
}: {
  personId: string;
  month: string;
  households: NonNullable<ReturnType<typeof usePersonHouseholds>['data']>['households'];
  onCreated: (errand: ErrandDetail) => void;
}) {
  const { t } = useI18n();
  const create = useCreateErrand();
  const [householdId, setHouseholdId] = useState(households[0]?.id ?? '');
  const [type, setType] = useState<ErrandType>(
    households.length > 0 ? 'renewalApplication' : 'newApplication',
  );
  const [month, setMonth] = useState(defaultMonth);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const trimmed = month.trim();
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(trimmed)) {
      setErrors([{ field: 'month', message: t('newErrand.monthInvalid') }]);
      return;
    }
    create.mutate(
      { personId, householdId: householdId || null, type, month: trimmed, requestedNote: note.trim() },
      {
        onSuccess: onCreated,
        onError: (error) =>
          setErrors(problemToFieldErrors(error, pointerFields, t(errorMessages[errorCodeOf(error)]))),
      },
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} />
      <form onSubmit={onSubmit} noValidate className="form">
        {households.length > 0 ? (
          <SelectField
            id="household"
            label={t('newErrand.household')}
            value={householdId}
            onChange={setHouseholdId}
            error={errorFor(errors, 'household')}
            options={[
              ...households.map((household) => ({
                value: household.id,
                label: household.members
                  .map((member) => `${member.person.name} (${t(memberRoleLabels[member.role])})`)
                  .join(', '),
              })),
              { value: '', label: t('newErrand.newHousehold') },
            ]}
          />
        ) : (
          <p>{t('newErrand.noHousehold')}</p>
        )}
        <SelectField
          id="type"
          label={t('newErrand.type')}
          hint={t('newErrand.typeHint')}
          value={type}
          onChange={(value) => setType(value as ErrandType)}
          error={errorFor(errors, 'type')}
          options={errandTypes.map((value) => ({ value, label: t(errandTypeLabels[value]) }))}
        />
        <TextField
          id="month"
          label={t('newErrand.month')}
          hint={t('newErrand.monthHint')}
          value={month}
          onChange={setMonth}
          error={errorFor(errors, 'month')}
          inputMode="numeric"
          autoComplete="off"
          width="short"
        />
        <TextArea
          id="requestedNote"
          label={t('newErrand.note')}
          hint={t('newErrand.noteHint')}
          optional
          value={note}
          onChange={setNote}
          error={errorFor(errors, 'requestedNote')}
          rows={3}
        />
        <button type="submit" className="button">
          {create.isPending ? t('newErrand.submitting') : t('newErrand.submit')}
        </button>
      </form>
    </>
  );
}
