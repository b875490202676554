// The plan beside the errand, so the monthly decision and the plan are worked on together:
// the current goals, the next follow-up (flagged when overdue) and a link to change it.
import { Link } from 'react-router';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AktivitetskravSummary } from '../aktivitetskrav/aktivitetskrav-section.tsx';
import { planPdfUrl, usePlans } from './api.ts';
import { PlanView } from './plan-section.tsx';

export function PlanPanel({ personId, personName }: { personId: string; personName: string }) {
  const { t } = useI18n();
  const plans = usePlans(personId);
  const plan = plans.data?.[0] ?? null;
  return (
    <aside className="side-panel" aria-labelledby="plan-panel-title">
      <h2 id="plan-panel-title">{t('plan.panelTitle')}</h2>
      <p>{t('plan.panelIntro', { name: personName })}</p>
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <LoadError error={plans.error} onRetry={() => plans.refetch()} /> : null}
      {plans.data ? (
        plan ? (
          <>
            <PlanView plan={plan} compact />
            <p>
              <a href={planPdfUrl(plan.id)} target="_blank" rel="noreferrer">
                {t('plan.pdf')}
              </a>
            </p>
          </>
        ) : (
          <Notice tone="warning">
            <p>{t('plan.none')}</p>
          </Notice>
        )
      ) : null}
      <AktivitetskravSummary personId={personId} />
      <p>
        <Link to={`/persons/${encodeURIComponent(personId)}#plan-title`}>{t('plan.panelLink')}</Link>
      </p>
    </aside>
  );
}
