// The month's calculation: one line per amount with its legal basis beside it (the same lines
// the decision letter prints), the totals, and the guideline warnings. "Beräkna" makes a new
// snapshot from what the investigation holds now. Decided reductions (aktivitetskrav, SoL
// 2025:400 12 kap. 5 §) are lines below the assistance, with what is left to decide after them.
import { Link } from 'react-router';
import type { CalculationLine, CalculationSnapshot, ErrandDetail } from '../../api/case-types.ts';
import type { GuidelineCap } from '../../api/guideline-types.ts';
import { ActionError, Badge, Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { lineLabel } from '../../i18n/labels.ts';
import { useGuidelineSet } from '../guidelines/api.ts';
import { capAmountText } from '../guidelines/guideline-set.tsx';
import { versionForMonth } from '../guidelines/guideline-status.ts';
import { useCalculate } from './api.ts';

type CalculationErrand = Pick<ErrandDetail, 'id' | 'state' | 'latestCalculation' | 'household'>;

const calculable = ['underInvestigation', 'awaitingCompletion', 'readyForDecision'];

export function Calculation({ errand }: { errand: CalculationErrand }) {
  const { t, formatMoney, formatDateTime } = useI18n();
  const calculate = useCalculate(errand.id);
  const snapshot = errand.latestCalculation;
  const memberName = (id: string) => errand.household.members.find((m) => m.personId === id)?.person.name;

  const reductions = snapshot?.result.reductions ?? [];
  const label = (line: Pick<CalculationLine, 'code' | 'memberIds'>) => {
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
                    {formatMoney(snapshot.result.assistance)}
                  </td>
                </tr>
                {reductions.map((reduction) => (
                  <tr key={reduction.decisionId} data-testid="calculation-reduction">
                    <th scope="row">
                      {label(reduction)}
                      <br />
                      <small>{t('calculation.reductionReason', { reason: reduction.reason })}</small>
                      {reduction.cap ? (
                        <>
                          <br />
                          <small>
                            {t('calculation.reductionCapped', {
                              decided: formatMoney(reduction.decidedAmount),
                              left: formatMoney(reduction.cap.assistanceLeft),
                            })}
                          </small>
                        </>
                      ) : null}
                    </th>
                    <td>{reduction.basis}</td>
                    <td className="numeric nowrap">{formatMoney(-reduction.amount)}</td>
                  </tr>
                ))}
                {reductions.length > 0 ? (
                  <tr>
                    <th scope="row" colSpan={2}>
                      {t('calculation.afterReductions')}
                    </th>
                    <td className="numeric nowrap amount-total" data-testid="calculation-after-reductions">
                      {formatMoney(snapshot.assistance)}
                    </td>
                  </tr>
                ) : null}
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
          <GuidelinesBeside snapshot={snapshot} />
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

/** The cost type and subtype of a calculation line (`cost.housing`, `otherCost.medicine`), if it is a cost. */
function lineCost(code: string): { costType: string; subtype?: string } | null {
  const [group, type] = code.split('.');
  if (!type) return null;
  if (group === 'cost') return { costType: type };
  if (group === 'otherCost') return { costType: 'otherLivingCost', subtype: type };
  return null;
}

function capApplies(cap: GuidelineCap, cost: { costType: string; subtype?: string }): boolean {
  return cap.costType === cost.costType && (cap.subtype === undefined || cap.subtype === cost.subtype);
}

/**
 * Riktlinjerna beside the calculation: the municipality's guideline version in force for the
 * month (with its local deviations), and the sections that apply to this calculation's costs,
 * each with its cap; a section whose cap the costs exceed is marked.
 */
function GuidelinesBeside({ snapshot }: { snapshot: CalculationSnapshot }) {
  const { t, formatMoney } = useI18n();
  const set = useGuidelineSet(snapshot.guidelineSetId);
  if (!snapshot.guidelineSetId) {
    return (
      <aside className="guideline-aside" aria-labelledby="calculation-guidelines-title">
        <h3 id="calculation-guidelines-title">{t('calculation.guidelinesTitle')}</h3>
        <p>{t('calculation.guidelinesNone')}</p>
      </aside>
    );
  }
  if (!set.data) return null;
  const version = versionForMonth(set.data.versions, snapshot.result.month);
  if (!version) return null;
  const deviations = set.data.adoption?.localDeviations ?? [];
  // Local deviations replace the region's section and its caps, as the calculation applied them.
  const sections = [
    ...version.sections.filter((s) => !deviations.some((d) => d.number === s.number)),
    ...deviations.map((d) => ({ number: d.number, title: d.title, text: d.text, deviation: true })),
  ];
  const caps = [
    ...version.caps.filter((c) => !deviations.some((d) => d.number === c.section)),
    ...deviations.flatMap((d) => d.caps),
  ];
  const costs = snapshot.result.lines.flatMap((line) => {
    const cost = lineCost(line.code);
    return cost ? [cost] : [];
  });
  const warned = new Set(snapshot.result.warnings.flatMap((w) => (w.section ? [w.section] : [])));
  const applying = new Set([
    ...warned,
    ...caps.filter((cap) => costs.some((cost) => capApplies(cap, cost))).map((cap) => cap.section),
  ]);
  const shown = sections
    .filter((s) => applying.has(s.number))
    .sort((a, b) => a.number.localeCompare(b.number, 'sv', { numeric: true }));

  return (
    <aside className="guideline-aside" aria-labelledby="calculation-guidelines-title">
      <h3 id="calculation-guidelines-title">{t('calculation.guidelinesTitle')}</h3>
      <p>
        {t('calculation.guidelinesUsed', {
          name: set.data.name,
          version: version.version,
          from: version.validFrom,
          adoptedOn: version.adoptedOn ?? '–',
        })}{' '}
        <Link to={`/riktlinjer/${encodeURIComponent(set.data.id)}`}>{t('calculation.guidelineLink')}</Link>
      </p>
      {shown.map((section) => {
        const sectionCaps = caps.filter((cap) => cap.section === section.number);
        return (
          <div key={section.number} className="guideline-section" data-testid="guideline-section">
            <h4>
              {section.number} {section.title}{' '}
              {warned.has(section.number) ? <Badge>{t('calculation.guidelineExceeded')}</Badge> : null}
              {'deviation' in section ? <Badge>{t('calculation.guidelineDeviation')}</Badge> : null}
            </h4>
            {sectionCaps.length > 0 ? (
              <p>
                {t('calculation.guidelineCap', {
                  cap: sectionCaps.map((cap) => capAmountText(t, formatMoney, cap)).join('; '),
                })}
              </p>
            ) : null}
            <p className="preformatted">{section.text}</p>
          </div>
        );
      })}
    </aside>
  );
}
