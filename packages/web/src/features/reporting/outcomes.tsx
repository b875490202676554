// Outcomes on the dashboard: where people went when their case closed, self-support 12 months
// after a referral to the labour-market unit, attendance at insatser, and cost and outcome per
// insats. Aggregates only; the server withholds small groups for the nämnd and the revisor.
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type { OutcomeReport } from '../../api/types.ts';
import { LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import { usePercent } from './comparisons.tsx';

export function OutcomesSection({ from, to, unitId }: { from: string; to: string; unitId: string }) {
  const { t, formatMoney } = useI18n();
  const api = useApi();
  const percent = usePercent();
  const report = useQuery({
    queryKey: ['reports', 'outcomes', from, to, unitId],
    queryFn: () =>
      api.get<OutcomeReport>('/api/v1/reports/outcomes', unitId ? { from, to, unitId } : { from, to }),
  });
  const data = report.data;
  const dash = (value: number | null) => (value === null ? '–' : value);
  const money = (value: number | null) => (value === null ? '–' : formatMoney(value));
  type Destination = OutcomeReport['destinations'][number];
  type InsatsRow = OutcomeReport['insatser'][number];
  const destinationColumns: Column<Destination>[] = [
    {
      key: 'reason',
      header: t('outcomes.reason'),
      rowHeader: true,
      cell: (d) => t(`closureReason.${d.reason}` as MessageKey),
    },
    { key: 'count', header: t('outcomes.count'), numeric: true, cell: (d) => dash(d.count) },
  ];
  const insatsColumns: Column<InsatsRow>[] = [
    { key: 'name', header: t('outcomes.insats'), rowHeader: true, cell: (r) => r.name },
    { key: 'started', header: t('outcomes.started'), numeric: true, cell: (r) => dash(r.started) },
    { key: 'ended', header: t('outcomes.ended'), numeric: true, cell: (r) => dash(r.ended) },
    {
      key: 'toWork',
      header: t('outcomes.toWorkOrStudies'),
      numeric: true,
      cell: (r) => dash(r.toWorkOrStudies),
    },
    {
      key: 'attendance',
      header: t('outcomes.attendance'),
      numeric: true,
      cell: (r) => percent(r.attendanceShare),
    },
    { key: 'cost', header: t('outcomes.cost'), numeric: true, cell: (r) => money(r.costOre) },
    {
      key: 'costPerOutcome',
      header: t('outcomes.costPerOutcome'),
      numeric: true,
      cell: (r) => money(r.costPerOutcomeOre),
    },
  ];
  return (
    <section className="indicator" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">{t('outcomes.title')}</h2>
      <p>{t('outcomes.intro')}</p>
      {report.isPending ? <Loading /> : null}
      {report.isError ? <LoadError error={report.error} onRetry={() => report.refetch()} /> : null}
      {data ? (
        <>
          <dl className="summary-list">
            <dt>{t('outcomes.closures')}</dt>
            <dd>{dash(data.closures)}</dd>
            <dt>{t('outcomes.workOrStudiesAtExit')}</dt>
            <dd>{percent(data.workOrStudiesAtExit.value)}</dd>
            <dt>{t('outcomes.selfSupportingAfterReferral')}</dt>
            <dd>
              {percent(data.selfSupportingAfterReferral.value)}{' '}
              {data.selfSupportingAfterReferral.denominator !== null
                ? t('outcomes.ofReferred', {
                    numerator: data.selfSupportingAfterReferral.numerator ?? 0,
                    denominator: data.selfSupportingAfterReferral.denominator,
                  })
                : null}
            </dd>
            <dt>{t('outcomes.pending')}</dt>
            <dd>{dash(data.selfSupportingAfterReferral.pending)}</dd>
            <dt>{t('outcomes.attendanceTotal')}</dt>
            <dd>
              {percent(data.attendance.share)}
              {data.attendance.plannedHours !== null
                ? ` (${t('outcomes.hours', {
                    attended: data.attendance.attendedHours ?? 0,
                    planned: data.attendance.plannedHours,
                  })})`
                : null}
            </dd>
          </dl>
          <Table
            caption={t('outcomes.destinations')}
            columns={destinationColumns}
            rows={data.destinations}
            rowKey={(d) => d.reason}
          />
          {data.insatser.length > 0 ? (
            <Table
              caption={t('outcomes.perInsats')}
              columns={insatsColumns}
              rows={data.insatser}
              rowKey={(r) => r.insatsId}
            />
          ) : (
            <p>{t('outcomes.noInsatser')}</p>
          )}
          <p className="muted">{t('outcomes.definitions')}</p>
        </>
      ) : null}
    </section>
  );
}
