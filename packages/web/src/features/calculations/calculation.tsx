// The month's calculation: one line per amount with its legal basis beside it (the same lines
// the decision letter prints), the totals, and the guideline warnings. "Beräkna" makes a new
// snapshot from what the investigation holds now.
import type { CalculationLine, ErrandDetail } from '../../api/case-types.ts';
import { ActionError, Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { lineLabel } from '../../i18n/labels.ts';
import { useCalculate } from './api.ts';

type CalculationErrand = Pick<ErrandDetail, 'id' | 'state' | 'latestCalculation' | 'household'>;

const calculable = ['underInvestigation', 'awaitingCompletion', 'readyForDecision'];

export function Calculation({ errand }: { errand: CalculationErrand }) {
  const { t, formatMoney, formatDateTime } = useI18n();
  const calculate = useCalculate(errand.id);
  const snapshot = errand.latestCalculation;
  const memberName = (id: string) => errand.household.members.find((m) => m.personId === id)?.person.name;

  const label = (line: CalculationLine) => {
    const key = lineLabel(line.code);
    const words = key ? t(key) : line.code;
    const names = errand.household.members.length > 1 ? line.memberIds.map(memberName).filter(Boolean) : [];
    return names.length > 0 ? `${words} (${names.join(', ')})` : words;
  };
  // Incomes reduce the need; they are listed with a minus so the sum reads top to bottom.
  const signed = (line: CalculationLine) => (line.code.startsWith('income.') ? -line.amount : line.amount);

  return (
    <section className="case-section" aria-labelledby="calculation-title">
      <h2 id="calculation-title">{t('calculation.title')}</h2>
      {snapshot ? (
        <>
          <p>
            {t('calculation.madeAt', {
              at: formatDateTime(snapshot.createdAt),
              parameters: snapshot.parameterSet,
            })}
          </p>
          <div className="table-wrapper">
            <table className="table">
              <caption className="visually-hidden">{t('calculation.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calculation.line')}</th>
                  <th scope="col">{t('calculation.basis')}</th>
                  <th scope="col" className="numeric">
                    {t('calculation.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {snapshot.result.lines.map((line) => (
                  <tr key={`${line.code}-${line.memberIds.join(',')}`}>
                    <th scope="row">{label(line)}</th>
                    <td>{line.basis}</td>
                    <td className="numeric nowrap">{formatMoney(signed(line))}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('calculation.assistance')}
                  </th>
                  <td className="numeric nowrap amount-total" data-testid="calculation-total">
                    {formatMoney(snapshot.assistance)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          {snapshot.result.surplus > 0 ? (
            <p>{t('calculation.surplus', { amount: formatMoney(snapshot.result.surplus) })}</p>
          ) : null}
          {snapshot.result.warnings.length > 0 ? (
            <Notice tone="warning">
              <h3>{t('calculation.warnings')}</h3>
              <ul>
                {snapshot.result.warnings.map((warning) => (
                  <li key={`${warning.code}-${warning.costType ?? ''}-${warning.section ?? ''}`}>
                    {warning.message}
                    {warning.section ? ` (${t('calculation.section', { section: warning.section })})` : ''}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
        </>
      ) : (
        <p>{t('calculation.none')}</p>
      )}
      {calculate.isError ? <ActionError error={calculate.error} /> : null}
      {calculable.includes(errand.state) ? (
        <button type="button" className="button" onClick={() => calculate.mutate()}>
          {calculate.isPending ? t('calculation.calculating') : t('calculation.calculate')}
        </button>
      ) : null}
    </section>
  );
}
