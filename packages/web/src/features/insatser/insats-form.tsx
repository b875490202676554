// The form for one of the municipality's own insatser: new, or a change to an existing one.
// Cost is typed in kronor and sent as öre; the server checks everything again and its field
// messages are shown beside the fields and in the error summary.
import { type FormEvent, useState } from 'react';
import { fundingSources, type Insats, insatsKinds, type NewInsats } from '../../api/types.ts';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fundingSourceLabels, insatsKindLabels } from '../../i18n/labels.ts';
import { kronorInput, parseKronor } from '../../i18n/money.ts';

const POINTERS = {
  '/name': 'insatsName',
  '/kind': 'insatsKind',
  '/provider': 'insatsProvider',
  '/targetGroup': 'insatsTargetGroup',
  '/eligibility': 'insatsEligibility',
  '/capacity': 'insatsCapacity',
  '/durationWeeks': 'insatsDuration',
  '/costPerParticipantOre': 'insatsCost',
  '/fundingSource': 'insatsFunding',
  '/active': 'insatsActive',
};

/** A whole number as typed; anything else is NaN (sent as null), for the server to name. */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function InsatsForm({
  insats,
  submitLabel,
  pending,
  onSubmit,
}: {
  insats?: Insats;
  submitLabel: string;
  pending: boolean;
  onSubmit: (
    input: NewInsats & { active?: boolean },
    handlers: { onSuccess: () => void; onError: (error: unknown) => void },
  ) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(insats?.name ?? '');
  const [kind, setKind] = useState<string>(insats?.kind ?? 'workPractice');
  const [provider, setProvider] = useState(insats?.provider ?? '');
  const [targetGroup, setTargetGroup] = useState(insats?.targetGroup ?? '');
  const [eligibility, setEligibility] = useState(insats?.eligibility ?? '');
  const [capacity, setCapacity] = useState(insats ? String(insats.capacity) : '');
  const [duration, setDuration] = useState(insats ? String(insats.durationWeeks) : '');
  const [cost, setCost] = useState(insats ? kronorInput(insats.costPerParticipantOre) : '');
  const [funding, setFunding] = useState<string>(insats?.fundingSource ?? 'municipality');
  const [active, setActive] = useState(insats?.active ?? true);
  const form = useFormErrors(POINTERS);

  function submit(event: FormEvent) {
    event.preventDefault();
    const costOre = parseKronor(cost);
    if (costOre === null) {
      form.setErrors([{ field: 'insatsCost', message: t('insatser.costInvalid') }]);
      return;
    }
    onSubmit(
      {
        name,
        kind: kind as NewInsats['kind'],
        provider,
        targetGroup,
        eligibility,
        capacity: wholeNumber(capacity),
        durationWeeks: wholeNumber(duration),
        costPerParticipantOre: costOre,
        fundingSource: funding as NewInsats['fundingSource'],
        ...(insats ? { active } : {}),
      },
      { onSuccess: form.clear, onError: form.fail },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary errors={form.errors} />
      <TextField
        id="insatsName"
        label={t('insatser.name')}
        value={name}
        onChange={setName}
        error={errorFor(form.errors, 'insatsName')}
        autoComplete="off"
      />
      <SelectField
        id="insatsKind"
        label={t('insatser.kind')}
        value={kind}
        onChange={setKind}
        error={errorFor(form.errors, 'insatsKind')}
        options={insatsKinds.map((value) => ({ value, label: t(insatsKindLabels[value]) }))}
      />
      <TextField
        id="insatsProvider"
        label={t('insatser.provider')}
        value={provider}
        onChange={setProvider}
        error={errorFor(form.errors, 'insatsProvider')}
        autoComplete="organization"
      />
      <TextArea
        id="insatsTargetGroup"
        label={t('insatser.targetGroup')}
        value={targetGroup}
        onChange={setTargetGroup}
        error={errorFor(form.errors, 'insatsTargetGroup')}
        rows={2}
      />
      <TextArea
        id="insatsEligibility"
        label={t('insatser.eligibility')}
        hint={t('insatser.eligibilityHint')}
        value={eligibility}
        onChange={setEligibility}
        error={errorFor(form.errors, 'insatsEligibility')}
        rows={2}
      />
      <TextField
        id="insatsCapacity"
        label={t('insatser.capacity')}
        hint={t('insatser.capacityHint')}
        value={capacity}
        onChange={setCapacity}
        error={errorFor(form.errors, 'insatsCapacity')}
        width="short"
        inputMode="numeric"
        autoComplete="off"
      />
      <TextField
        id="insatsDuration"
        label={t('insatser.durationWeeks')}
        value={duration}
        onChange={setDuration}
        error={errorFor(form.errors, 'insatsDuration')}
        width="short"
        inputMode="numeric"
        autoComplete="off"
      />
      <TextField
        id="insatsCost"
        label={t('insatser.cost')}
        hint={t('insatser.costHint')}
        value={cost}
        onChange={setCost}
        error={errorFor(form.errors, 'insatsCost')}
        width="medium"
        inputMode="decimal"
        autoComplete="off"
      />
      <SelectField
        id="insatsFunding"
        label={t('insatser.funding')}
        value={funding}
        onChange={setFunding}
        error={errorFor(form.errors, 'insatsFunding')}
        options={fundingSources.map((value) => ({ value, label: t(fundingSourceLabels[value]) }))}
      />
      {insats ? (
        <Checkbox
          id="insatsActive"
          label={t('insatser.activeLabel')}
          hint={t('insatser.activeHint')}
          checked={active}
          onChange={setActive}
          error={errorFor(form.errors, 'insatsActive')}
        />
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
