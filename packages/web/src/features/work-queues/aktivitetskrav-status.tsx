// Aktivitetskrav for one adult, from the unit's work queues: whether the requirement applies
// and the plan lacks an activity, or the person is exempt and why. The rule is a proposal
// (REG_PM_2025_12, see shared/domain/legal-map.md) and is shown with its status.
import { useI18n } from '../../i18n/i18n.tsx';
import { useWorkQueues } from './api.ts';

export function AktivitetskravStatus({ personId }: { personId: string }) {
  const { t } = useI18n();
  const queues = useWorkQueues();
  if (!queues.data) return null;
  const { aktivitetskrav } = queues.data;
  const missing = queues.data.queues
    .find((q) => q.code === 'aktivitetskrav')
    ?.items.find((i) => i.personId === personId);
  const exempt = aktivitetskrav.exempt.find((i) => i.personId === personId);
  return (
    <div data-testid="aktivitetskrav-status">
      <h3>{t('aktivitetskrav.title')}</h3>
      <p>
        {!aktivitetskrav.inForce || !aktivitetskrav.rule
          ? t('aktivitetskrav.notInForce', { month: aktivitetskrav.month })
          : missing
            ? t('aktivitetskrav.appliesMissing', { reason: missing.reason })
            : exempt
              ? t('aktivitetskrav.exempt', { exemption: exempt.exemption })
              : t('aktivitetskrav.noDeviation')}
      </p>
      {aktivitetskrav.rule ? (
        <p>
          <small>
            {t('aktivitetskrav.ruleLine', {
              source: aktivitetskrav.rule.source,
              status: aktivitetskrav.rule.status,
              month: aktivitetskrav.rule.firstAppliedMonth,
            })}
          </small>
        </p>
      ) : null}
    </div>
  );
}
