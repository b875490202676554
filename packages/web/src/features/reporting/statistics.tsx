// Statistics from the case data: population-based key figures for the year, and — for a unit
// manager — the monthly file to Socialstyrelsen and SUS participant data (the server logs
// every person in a file).
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/context.tsx';
import type { KeyFigures } from '../../api/types.ts';
import { LoadError } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export function StatisticsSection({
  year,
  from,
  to,
  isManager,
}: {
  year: number;
  from: string;
  to: string;
  isManager: boolean;
}) {
  const { t, locale, formatMoney, formatMonth } = useI18n();
  const api = useApi();
  const figures = useQuery({
    queryKey: ['statistics', 'key-figures', year],
    queryFn: () => api.get<KeyFigures>('/api/v1/statistics/key-figures', { year }),
  });
  const tag = locale === 'sv' ? 'sv-SE' : 'en-GB';
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 });
  const whole = new Intl.NumberFormat(tag);
  const show = (value: number | null, format: (v: number) => string) =>
    value === null ? '–' : format(value);
  const data = figures.data;
  return (
    <section className="indicator" aria-labelledby="statistics-title">
      <h2 id="statistics-title">{t('statistics.title', { year })}</h2>
      <p>{t('statistics.intro')}</p>
      {figures.isError ? <LoadError error={figures.error} /> : null}
      {data ? (
        <dl className="summary-list">
          <dt>{t('statistics.population')}</dt>
          <dd>
            {data.population === null
              ? t('statistics.noPopulation')
              : `${whole.format(data.population)} (${data.populationYear ?? ''})`}
          </dd>
          <dt>{t('statistics.persons')}</dt>
          <dd>{show(data.personsWithAssistance, (v) => whole.format(v))}</dd>
          <dt>{t('statistics.share')}</dt>
          <dd>{show(data.shareOfPopulation, (v) => percent.format(v))}</dd>
          <dt>{t('statistics.longTerm')}</dt>
          <dd>{show(data.longTermAdults, (v) => whole.format(v))}</dd>
          <dt>{t('statistics.longTermShare')}</dt>
          <dd>{show(data.longTermShareOfPopulation, (v) => percent.format(v))}</dd>
          <dt>{t('statistics.total')}</dt>
          <dd>{formatMoney(data.totalAssistance)}</dd>
          <dt>{t('statistics.perInhabitant')}</dt>
          <dd>{show(data.costPerInhabitant, formatMoney)}</dd>
        </dl>
      ) : null}
      {isManager ? (
        <>
          <h3>{t('statistics.files')}</h3>
          <p>{t('statistics.filesIntro')}</p>
          <ul className="no-print">
            <li>
              <a href={`/api/v1/statistics/socialstyrelsen?month=${to}&format=csv`} download>
                {t('statistics.socialstyrelsen', { month: formatMonth(to) })}
              </a>
            </li>
            <li>
              <a href={`/api/v1/statistics/sus?from=${from}&to=${to}&format=csv`} download>
                {t('statistics.sus', { from: formatMonth(from), to: formatMonth(to) })}
              </a>
            </li>
          </ul>
        </>
      ) : null}
    </section>
  );
}
