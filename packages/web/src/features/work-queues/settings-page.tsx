// The municipality's planning settings, changed by a unit manager: the plan deadline after the
// first decision, the follow-up cadence, the months for a documented proposal, the young
// adults' age band and how long without an activity before an adult is listed. Municipalities differ, so these are settings, not constants.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import type { PlanningSettings } from '../../api/types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const FIELDS = [
  ['planDeadlineDays', 'settings.planDeadlineDays'],
  ['followUpIntervalMonths', 'settings.followUpIntervalMonths'],
  ['proposalWithinMonths', 'settings.proposalWithinMonths'],
  ['minAge', 'settings.minAge'],
  ['maxAge', 'settings.maxAge'],
  ['withoutActivityMonths', 'settings.withoutActivityMonths'],
] as const;
type Field = (typeof FIELDS)[number][0];

export function PlanningSettingsPage() {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['planning-settings'],
    queryFn: () => api.get<PlanningSettings>('/api/v1/planning-settings'),
  });
  const save = useMutation({
    mutationFn: (input: PlanningSettings) => api.put<PlanningSettings>('/api/v1/planning-settings', input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['planning-settings'] });
      await queryClient.invalidateQueries({ queryKey: ['work-queues'] });
    },
  });
  const [draft, setDraft] = useState<Record<Field, string> | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  useEffect(() => {
    if (settings.data && !draft)
      setDraft({
        planDeadlineDays: String(settings.data.planDeadlineDays),
        followUpIntervalMonths: String(settings.data.followUpIntervalMonths),
        proposalWithinMonths: String(settings.data.proposalWithinMonths),
        minAge: String(settings.data.youngAdultBand.minAge),
        maxAge: String(settings.data.youngAdultBand.maxAge),
        withoutActivityMonths: String(settings.data.withoutActivityMonths),
      });
  }, [settings.data, draft]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!draft || save.isPending) return;
    save.mutate(
      {
        planDeadlineDays: Number(draft.planDeadlineDays),
        followUpIntervalMonths: Number(draft.followUpIntervalMonths),
        proposalWithinMonths: Number(draft.proposalWithinMonths),
        youngAdultBand: { minAge: Number(draft.minAge), maxAge: Number(draft.maxAge) },
        withoutActivityMonths: Number(draft.withoutActivityMonths),
      },
      {
        onSuccess: () => setErrors([]),
        onError: (error) =>
          setErrors(
            problemToFieldErrors(
              error,
              {
                '/planDeadlineDays': 'planDeadlineDays',
                '/followUpIntervalMonths': 'followUpIntervalMonths',
                '/proposalWithinMonths': 'proposalWithinMonths',
                '/youngAdultBand/minAge': 'minAge',
                '/youngAdultBand/maxAge': 'maxAge',
                '/withoutActivityMonths': 'withoutActivityMonths',
              },
              t(errorMessages[errorCodeOf(error)]),
            ),
          ),
      },
    );
  }

  return (
    <Page title={t('settings.title')} lead={t('settings.lead')}>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <LoadError error={settings.error} onRetry={() => settings.refetch()} /> : null}
      {draft ? (
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary errors={errors} />
          {save.isSuccess ? (
            <Notice tone="success">
              <p role="status">{t('settings.saved')}</p>
            </Notice>
          ) : null}
          {FIELDS.map(([field, label]) => (
            <TextField
              key={field}
              id={field}
              label={t(label)}
              width="short"
              inputMode="numeric"
              value={draft[field]}
              onChange={(value) => setDraft({ ...draft, [field]: value.replace(/\D/g, '') })}
              error={errorFor(errors, field)}
            />
          ))}
          <button type="submit" className="button">
            {t('settings.save')}
          </button>
        </form>
      ) : null}
    </Page>
  );
}
