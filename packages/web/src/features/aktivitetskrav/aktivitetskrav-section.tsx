// Aktivitetskrav per adult: whether the (proposed) requirement applies, exemptions with reason
// and period, deviations (planned against attended hours) and the förvarning that must come
// before a decision to reduce assistance, and that decision (month, amount, reasons; SoL
// 2025:400 12 kap. 5 §), which the month's calculation and decision letter then show. The
// aktivitetskrav's own section is unknown (proposal); statuses are worded per language.
import { type FormEvent, useState } from 'react';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { TextArea, TextField } from '../../components/fields.tsx';
import { ActionError, LoadError, Loading } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { legalBasisNote, legalStatusWords } from '../../i18n/labels.ts';
import { parseKronor } from '../../i18n/money.ts';
import {
  useAddDeviation,
  useAddExemption,
  useAktivitetskrav,
  useDecideReduction,
  useSendNotice,
} from './api.ts';

type Translate = ReturnType<typeof useI18n>['t'];

type Exemption = NonNullable<ReturnType<typeof useAktivitetskrav>['data']>['exemptions'][number];

const AUTOMATIC_WORDS = {
  underMinimumAge: 'aktivitetskrav.automatic.underMinimumAge',
  inSchool: 'aktivitetskrav.automatic.inSchool',
  fullTimeEmployment: 'aktivitetskrav.automatic.fullTimeEmployment',
  sicknessBenefit: 'aktivitetskrav.automatic.sicknessBenefit',
} as const;

/** An exemption's reason: the caseworker's own words, or the legal ground in the reader's language. */
function exemptionWords(t: Translate, e: Exemption): string {
  return e.automatic ? t(AUTOMATIC_WORDS[e.automatic.code], { age: e.automatic.age }) : e.reason;
}

function RuleLine({ rule }: { rule: { source: string; status: string; firstAppliedMonth: string } }) {
  const { t } = useI18n();
  return (
    <p>
      <small>
        {t('aktivitetskrav.ruleLine', {
          source: rule.source,
          status: legalStatusWords(t, rule.status),
          month: rule.firstAppliedMonth,
        })}
      </small>
    </p>
  );
}

/** The status in short, for the panel beside the errand. */
export function AktivitetskravSummary({ personId }: { personId: string }) {
  const { t, formatMoney } = useI18n();
  const state = useAktivitetskrav(personId);
  if (!state.data) return null;
  const d = state.data;
  const current = d.exemptions.find((e) => e.current);
  const exemption = current ? exemptionWords(t, current) : undefined;
  // Deviations of this and last month: what the month's decision may have to take into account.
  const recent = d.deviations.filter((x) => x.month >= previousMonth(d.month));
  // Reductions decided for this month or later: the month's calculation applies them.
  const upcoming = d.reductions.filter((r) => r.month >= d.month);
  const basis = d.reductionBasis[0];
  return (
    <div data-testid="aktivitetskrav-summary">
      <h3>{t('aktivitetskrav.title')}</h3>
      <p>{statusText(t, d, exemption)}</p>
      {recent.length > 0 ? (
        <ul>
          {recent.map((x) => (
            <li key={x.id}>
              {t('aktivitetskrav.deviationLine', {
                month: x.month,
                attended: x.attendedHoursPerWeek,
                planned: x.plannedHoursPerWeek,
              })}
              {' – '}
              {x.noticeSentOn
                ? t('aktivitetskrav.reductionPossible', { date: x.noticeSentOn, basis: basis?.text ?? '' })
                : t('aktivitetskrav.noticeMissing')}
            </li>
          ))}
        </ul>
      ) : null}
      {upcoming.length > 0 ? (
        <ul>
          {upcoming.map((r) => (
            <li key={r.id}>
              {t('aktivitetskrav.reductionLine', {
                month: r.month,
                amount: formatMoney(r.amount),
                basis: r.legalBasis,
                date: r.decidedAt.slice(0, 10),
                reason: r.reason,
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {d.rule ? <RuleLine rule={d.rule} /> : null}
    </div>
  );
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function statusText(
  t: Translate,
  d: NonNullable<ReturnType<typeof useAktivitetskrav>['data']>,
  exemption: string | undefined,
) {
  if (!d.rule) return t('aktivitetskrav.notInForce', { month: d.month });
  if (exemption) return t('aktivitetskrav.exempt', { exemption });
  if (d.applies) return t('aktivitetskrav.applies', { months: d.consecutiveMonths });
  return t('aktivitetskrav.notYet', { months: d.consecutiveMonths, needed: d.rule.consecutiveMonths });
}

export function AktivitetskravSection({ personId }: { personId: string }) {
  const { t } = useI18n();
  const state = useAktivitetskrav(personId);
  const notice = useSendNotice(personId);
  const { formatMoney } = useI18n();
  const [form, setForm] = useState<'none' | 'exemption' | 'deviation' | { reductionFor: string }>('none');
  const d = state.data;
  return (
    <section className="case-section" aria-labelledby="aktivitetskrav-title">
      <h2 id="aktivitetskrav-title">{t('aktivitetskrav.title')}</h2>
      {state.isPending ? <Loading /> : null}
      {state.isError ? <LoadError error={state.error} onRetry={() => state.refetch()} /> : null}
      {d ? (
        <>
          <p data-testid="aktivitetskrav-status">
            {(() => {
              const current = d.exemptions.find((e) => e.current);
              return statusText(t, d, current ? exemptionWords(t, current) : undefined);
            })()}
          </p>
          {d.rule ? <RuleLine rule={d.rule} /> : null}
          <h3>{t('aktivitetskrav.exemptions')}</h3>
          {d.exemptions.length === 0 ? (
            <p>{t('aktivitetskrav.noExemptions')}</p>
          ) : (
            <ul>
              {d.exemptions.map((e) => (
                <li key={e.id}>
                  {exemptionWords(t, e)} ({e.validFrom}–{e.validTo})
                  {e.current ? ` · ${t('aktivitetskrav.current')}` : ''}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('aktivitetskrav.deviations')}</h3>
          {notice.isError ? <ActionError error={notice.error} /> : null}
          {d.deviations.length === 0 ? (
            <p>{t('aktivitetskrav.noDeviations')}</p>
          ) : (
            <ul className="journal-list">
              {d.deviations.map((x) => (
                <li key={x.id} className="journal-entry">
                  <span className="journal-meta">
                    {t('aktivitetskrav.deviationLine', {
                      month: x.month,
                      attended: x.attendedHoursPerWeek,
                      planned: x.plannedHoursPerWeek,
                    })}
                  </span>
                  {x.description}
                  <p>
                    {x.noticeSentOn ? (
                      <>
                        {t('aktivitetskrav.noticeSent', { date: x.noticeSentOn })}{' '}
                        {typeof form === 'object' && form.reductionFor === x.id ? null : (
                          <button
                            type="button"
                            className="button button--secondary"
                            onClick={() => setForm({ reductionFor: x.id })}
                          >
                            {t('aktivitetskrav.decideReduction', { month: x.month })}
                          </button>
                        )}
                      </>
                    ) : (
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => notice.mutate(x.id)}
                      >
                        {t('aktivitetskrav.sendNotice', { month: x.month })}
                      </button>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('aktivitetskrav.reductionTitle')}</h3>
          <p>{t('aktivitetskrav.reductionIntro')}</p>
          <ul>
            {d.reductionBasis.map((b) => {
              const note = legalBasisNote(b.id);
              return (
                <li key={b.id}>
                  {t('aktivitetskrav.basisLine', {
                    text: b.text,
                    status: legalStatusWords(t, b.status),
                    note: note ? t(note) : b.note,
                  })}
                </li>
              );
            })}
          </ul>
          <h3>{t('aktivitetskrav.reductions')}</h3>
          {d.reductions.length === 0 ? (
            <p>{t('aktivitetskrav.noReductions')}</p>
          ) : (
            <ul data-testid="aktivitetskrav-reductions">
              {d.reductions.map((r) => (
                <li key={r.id}>
                  {t('aktivitetskrav.reductionLine', {
                    month: r.month,
                    amount: formatMoney(r.amount),
                    basis: r.legalBasis,
                    date: r.decidedAt.slice(0, 10),
                    reason: r.reason,
                  })}
                </li>
              ))}
            </ul>
          )}
          {typeof form === 'object' ? (
            <ReductionForm
              personId={personId}
              deviationId={form.reductionFor}
              month={nextMonth(d.month)}
              onDone={() => setForm('none')}
            />
          ) : form === 'exemption' ? (
            <ExemptionForm personId={personId} onDone={() => setForm('none')} />
          ) : form === 'deviation' ? (
            <DeviationForm personId={personId} month={d.month} onDone={() => setForm('none')} />
          ) : (
            <p className="button-row">
              <button type="button" className="button button--secondary" onClick={() => setForm('deviation')}>
                {t('aktivitetskrav.addDeviation')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setForm('exemption')}>
                {t('aktivitetskrav.addExemption')}
              </button>
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}

function ExemptionForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useI18n();
  const add = useAddExemption(personId);
  const [reason, setReason] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { errors, fail } = useFormErrors({
    '/reason': 'exemptionReason',
    '/validFrom': 'exemptionFrom',
    '/validTo': 'exemptionTo',
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    add.mutate({ reason, validFrom: from, validTo: to }, { onSuccess: onDone, onError: fail });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('aktivitetskrav.addExemption')}>
      <ErrorSummary errors={errors} />
      <TextArea
        id="exemptionReason"
        label={t('aktivitetskrav.exemptionReason')}
        rows={2}
        value={reason}
        onChange={setReason}
        error={errorFor(errors, 'exemptionReason')}
      />
      <TextField
        id="exemptionFrom"
        label={t('aktivitetskrav.exemptionFrom')}
        hint={t('form.dateHint')}
        width="medium"
        value={from}
        onChange={setFrom}
        error={errorFor(errors, 'exemptionFrom')}
      />
      <TextField
        id="exemptionTo"
        label={t('aktivitetskrav.exemptionTo')}
        hint={t('aktivitetskrav.exemptionToHint')}
        width="medium"
        value={to}
        onChange={setTo}
        error={errorFor(errors, 'exemptionTo')}
      />
      <p className="button-row">
        <button type="submit" className="button">
          {t('aktivitetskrav.saveExemption')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </p>
    </form>
  );
}

function DeviationForm({ personId, month, onDone }: { personId: string; month: string; onDone: () => void }) {
  const { t } = useI18n();
  const add = useAddDeviation(personId);
  const [forMonth, setForMonth] = useState(month);
  const [planned, setPlanned] = useState('');
  const [attended, setAttended] = useState('');
  const [description, setDescription] = useState('');
  const { errors, fail } = useFormErrors({
    '/month': 'deviationMonth',
    '/plannedHoursPerWeek': 'deviationPlanned',
    '/attendedHoursPerWeek': 'deviationAttended',
    '/description': 'deviationDescription',
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    add.mutate(
      {
        month: forMonth,
        plannedHoursPerWeek: Number(planned || 0),
        attendedHoursPerWeek: Number(attended || 0),
        description,
      },
      { onSuccess: onDone, onError: fail },
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('aktivitetskrav.addDeviation')}>
      <ErrorSummary errors={errors} />
      <TextField
        id="deviationMonth"
        label={t('aktivitetskrav.deviationMonth')}
        hint={t('aktivitetskrav.monthHint')}
        width="medium"
        value={forMonth}
        onChange={setForMonth}
        error={errorFor(errors, 'deviationMonth')}
      />
      <TextField
        id="deviationPlanned"
        label={t('aktivitetskrav.plannedHours')}
        width="short"
        inputMode="numeric"
        value={planned}
        onChange={(v) => setPlanned(v.replace(/\D/g, ''))}
        error={errorFor(errors, 'deviationPlanned')}
      />
      <TextField
        id="deviationAttended"
        label={t('aktivitetskrav.attendedHours')}
        width="short"
        inputMode="numeric"
        value={attended}
        onChange={(v) => setAttended(v.replace(/\D/g, ''))}
        error={errorFor(errors, 'deviationAttended')}
      />
      <TextArea
        id="deviationDescription"
        label={t('aktivitetskrav.deviationDescription')}
        rows={2}
        value={description}
        onChange={setDescription}
        error={errorFor(errors, 'deviationDescription')}
      />
      <p className="button-row">
        <button type="submit" className="button">
          {t('aktivitetskrav.saveDeviation')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </p>
    </form>
  );
}

function ReductionForm({
  personId,
  deviationId,
  month,
  onDone,
}: {
  personId: string;
  deviationId: string;
  month: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const decide = useDecideReduction(personId);
  const [forMonth, setForMonth] = useState(month);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const { errors, setErrors, fail } = useFormErrors({
    '/month': 'reductionMonth',
    '/amount': 'reductionAmount',
    '/reason': 'reductionReason',
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (decide.isPending) return;
    const ore = parseKronor(amount);
    if (ore === null) {
      setErrors([{ field: 'reductionAmount', message: t('aktivitetskrav.amountInvalid') }]);
      return;
    }
    decide.mutate(
      { deviationId, input: { month: forMonth, amount: ore, reason } },
      { onSuccess: onDone, onError: fail },
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('aktivitetskrav.saveReduction')}>
      <ErrorSummary errors={errors} />
      <TextField
        id="reductionMonth"
        label={t('aktivitetskrav.reductionMonth')}
        hint={t('aktivitetskrav.monthHint')}
        width="medium"
        value={forMonth}
        onChange={setForMonth}
        error={errorFor(errors, 'reductionMonth')}
      />
      <TextField
        id="reductionAmount"
        label={t('aktivitetskrav.reductionAmount')}
        hint={t('aktivitetskrav.reductionAmountHint')}
        width="medium"
        inputMode="decimal"
        value={amount}
        onChange={setAmount}
        error={errorFor(errors, 'reductionAmount')}
      />
      <TextArea
        id="reductionReason"
        label={t('aktivitetskrav.reductionReason')}
        rows={3}
        value={reason}
        onChange={setReason}
        error={errorFor(errors, 'reductionReason')}
      />
      <p className="button-row">
        <button type="submit" className="button">
          {t('aktivitetskrav.saveReduction')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </p>
    </form>
  );
}
