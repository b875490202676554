// Kartläggning: the structured sections in the person's own terms, the försörjningshinder
// (shared/domain/forsorjningshinder.md; Socialstyrelsen's national code is not verified yet, so
// none is shown) and the arbetsförmågebedömning returned from the labour-market unit.
// Saving makes a new version; earlier versions stay readable.
import { type FormEvent, useState } from 'react';
import type { Assessment, NewAssessment } from '../../api/types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { Checkbox, Fieldset, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAssessments, useSaveAssessment } from './api.ts';
import {
  barrierLabel,
  CAPACITIES,
  capacityLabel,
  SECTION_KEYS,
  type SectionKey,
  type SupportBarrier,
  sectionLabel,
  supportBarriers,
} from './labels.ts';

type Draft = {
  sections: Record<SectionKey, string>;
  supportBarrier: string;
  hasWorkCapacity: boolean;
  capacity: string;
  hoursPerWeek: string;
  assessedBy: string;
  assessedOn: string;
};

function draftOf(current: Assessment | null): Draft {
  const empty = Object.fromEntries(SECTION_KEYS.map((k) => [k, ''])) as Record<SectionKey, string>;
  return {
    sections: current ? { ...empty, ...current.sections } : empty,
    supportBarrier: current?.supportBarrier ?? '',
    hasWorkCapacity: current?.workCapacity != null,
    capacity: current?.workCapacity?.capacity ?? 'unclear',
    hoursPerWeek: current?.workCapacity?.hoursPerWeek?.toString() ?? '',
    assessedBy: current?.workCapacity?.assessedBy ?? '',
    assessedOn: current?.workCapacity?.assessedOn ?? '',
  };
}

export function AssessmentSection({ personId }: { personId: string }) {
  const { t, formatDateTime } = useI18n();
  const assessments = useAssessments(personId);
  const [editing, setEditing] = useState(false);
  const current = assessments.data?.current ?? null;

  return (
    <section className="case-section" aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t('assessment.title')}</h2>
      {assessments.isPending ? <Loading /> : null}
      {assessments.isError ? (
        <LoadError error={assessments.error} onRetry={() => assessments.refetch()} />
      ) : null}
      {assessments.data && !editing ? (
        current ? (
          <>
            <p>
              {t('assessment.versionLine', {
                version: current.version,
                date: formatDateTime(current.createdAt),
                count: assessments.data.versions.length,
              })}
            </p>
            <dl className="summary-list">
              <div className="summary-list__row">
                <dt>{t('assessment.barrier')}</dt>
                <dd data-testid="support-barrier">
                  {t(barrierLabel(current.supportBarrier as SupportBarrier))}
                  <br />
                  <small>{t('assessment.nationalCodeUnknown')}</small>
                </dd>
              </div>
              {SECTION_KEYS.filter((k) => current.sections[k]).map((k) => (
                <div className="summary-list__row" key={k}>
                  <dt>{t(sectionLabel(k))}</dt>
                  <dd>{current.sections[k]}</dd>
                </div>
              ))}
              <div className="summary-list__row">
                <dt>{t('assessment.workCapacity')}</dt>
                <dd>
                  {current.workCapacity
                    ? t('assessment.workCapacityLine', {
                        capacity: t(capacityLabel(current.workCapacity.capacity)),
                        hours: current.workCapacity.hoursPerWeek ?? '–',
                        by: current.workCapacity.assessedBy,
                        date: current.workCapacity.assessedOn,
                      })
                    : t('assessment.workCapacityNone')}
                </dd>
              </div>
            </dl>
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t('assessment.update')}
            </button>
          </>
        ) : (
          <>
            <Notice tone="warning">
              <p>{t('assessment.none')}</p>
            </Notice>
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('assessment.start')}
            </button>
          </>
        )
      ) : null}
      {assessments.data && editing ? (
        <AssessmentForm personId={personId} current={current} onDone={() => setEditing(false)} />
      ) : null}
    </section>
  );
}

function AssessmentForm({
  personId,
  current,
  onDone,
}: {
  personId: string;
  current: Assessment | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const save = useSaveAssessment(personId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const local: FieldError[] = [];
    if (!draft.supportBarrier)
      local.push({ field: 'supportBarrier', message: t('assessment.barrierMissing') });
    if (draft.hasWorkCapacity && !draft.assessedBy.trim())
      local.push({ field: 'assessedBy', message: t('assessment.assessedByMissing') });
    if (draft.hasWorkCapacity && !/^\d{4}-\d{2}-\d{2}$/.test(draft.assessedOn))
      local.push({ field: 'assessedOn', message: t('form.dateFormat') });
    if (local.length > 0) {
      setErrors(local);
      return;
    }
    const input: NewAssessment = {
      sections: draft.sections,
      supportBarrier: draft.supportBarrier as SupportBarrier,
      workCapacity: draft.hasWorkCapacity
        ? {
            capacity: draft.capacity as (typeof CAPACITIES)[number],
            hoursPerWeek: draft.hoursPerWeek ? Number(draft.hoursPerWeek) : null,
            assessedBy: draft.assessedBy.trim(),
            assessedOn: draft.assessedOn,
          }
        : null,
    };
    save.mutate(input, {
      onSuccess: () => {
        setErrors([]);
        onDone();
      },
      onError: (error) =>
        setErrors(
          problemToFieldErrors(
            error,
            {
              '/supportBarrier': 'supportBarrier',
              '/workCapacity/assessedBy': 'assessedBy',
              '/workCapacity/assessedOn': 'assessedOn',
              '/workCapacity/hoursPerWeek': 'hoursPerWeek',
              ...Object.fromEntries(SECTION_KEYS.map((k) => [`/sections/${k}`, `section-${k}`])),
            },
            t(errorMessages[errorCodeOf(error)]),
          ),
        ),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} />
      <p>{t('assessment.formIntro')}</p>
      {SECTION_KEYS.map((k) => (
        <TextArea
          key={k}
          id={`section-${k}`}
          label={t(sectionLabel(k))}
          optional
          rows={2}
          value={draft.sections[k]}
          onChange={(value) => set({ sections: { ...draft.sections, [k]: value } })}
          error={errorFor(errors, `section-${k}`)}
        />
      ))}
      <SelectField
        id="supportBarrier"
        label={t('assessment.barrier')}
        hint={t('assessment.barrierHint')}
        value={draft.supportBarrier}
        onChange={(value) => set({ supportBarrier: value })}
        error={errorFor(errors, 'supportBarrier')}
        options={[
          { value: '', label: t('form.choose') },
          ...supportBarriers.map((id) => ({ value: id, label: t(barrierLabel(id)) })),
        ]}
      />
      <Fieldset
        id="work-capacity"
        legend={t('assessment.workCapacity')}
        hint={t('assessment.workCapacityHint')}
      >
        <Checkbox
          id="hasWorkCapacity"
          label={t('assessment.workCapacityReturned')}
          checked={draft.hasWorkCapacity}
          onChange={(checked) => set({ hasWorkCapacity: checked })}
        />
        {draft.hasWorkCapacity ? (
          <>
            <SelectField
              id="capacity"
              label={t('assessment.capacity')}
              value={draft.capacity}
              onChange={(value) => set({ capacity: value })}
              options={CAPACITIES.map((c) => ({ value: c, label: t(capacityLabel(c)) }))}
            />
            <TextField
              id="hoursPerWeek"
              label={t('assessment.hoursPerWeek')}
              optional
              width="short"
              inputMode="numeric"
              value={draft.hoursPerWeek}
              onChange={(value) => set({ hoursPerWeek: value.replace(/\D/g, '') })}
              error={errorFor(errors, 'hoursPerWeek')}
            />
            <TextField
              id="assessedBy"
              label={t('assessment.assessedBy')}
              value={draft.assessedBy}
              onChange={(value) => set({ assessedBy: value })}
              error={errorFor(errors, 'assessedBy')}
            />
            <TextField
              id="assessedOn"
              label={t('assessment.assessedOn')}
              hint={t('form.dateHint')}
              width="medium"
              value={draft.assessedOn}
              onChange={(value) => set({ assessedOn: value })}
              error={errorFor(errors, 'assessedOn')}
            />
          </>
        ) : null}
      </Fieldset>
      <p className="button-row">
        <button type="submit" className="button">
          {save.isPending ? t('journal.saving') : t('assessment.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </p>
    </form>
  );
}
