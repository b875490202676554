// The top of the errand page: what the errand is, its state with the next steps as explicit
// buttons, what changed since last month (återansökan) and the history. The household has its
// own panel (features/households).
import { type FormEvent, useState } from 'react';
import type { ErrandDetail, ErrandState } from '../../api/case-types.ts';
import { ErrorSummary, type FieldError, problemToFieldErrors } from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Notice } from '../../components/status.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { errandStateLabels, errandTypeLabels, itemTypeLabel } from '../../i18n/labels.ts';
import { useTransition } from './api.ts';

export function ErrandSummaryList({ errand }: { errand: ErrandDetail }) {
  const { t, formatMonth, formatDateTime } = useI18n();
  return (
    <dl className="summary-list">
      <Row label={t('errands.type')}>{t(errandTypeLabels[errand.type])}</Row>
      <Row label={t('errands.month')}>{formatMonth(errand.month)}</Row>
      <Row label={t('errands.state')}>
        <strong data-testid="errand-state">{t(errandStateLabels[errand.state])}</strong>
      </Row>
      <Row label={t('errand.receivedAt')}>{formatDateTime(errand.receivedAt)}</Row>
      <Row label={t('errands.waitingDays')}>{errand.waitingDays}</Row>
      {errand.requestedNote ? <Row label={t('newErrand.note')}>{errand.requestedNote}</Row> : null}
    </dl>
  );
}

/** The button words for a transition: the same target state reads differently depending on where it comes from. */
function transitionLabel(from: ErrandState, to: ErrandState): MessageKey {
  switch (to) {
    case 'underInvestigation':
      return from === 'received'
        ? 'transition.startInvestigation'
        : from === 'awaitingCompletion'
          ? 'transition.resumeInvestigation'
          : 'transition.backToInvestigation';
    case 'awaitingCompletion':
      return 'transition.requestCompletion';
    case 'readyForDecision':
      return 'transition.readyForDecision';
    case 'closed':
      return 'transition.close';
    default:
      return errandStateLabels[to];
  }
}

export function ErrandTransitions({ errand }: { errand: ErrandDetail }) {
  const { t } = useI18n();
  const transition = useTransition(errand.id);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [target, setTarget] = useState<ErrandState | null>(null);

  if (errand.allowedTransitions.length === 0) return null;
  // Closing is the rarest step; it goes last so the usual next step comes first in tab order.
  const targets = [...errand.allowedTransitions].sort(
    (a, b) => Number(a === 'closed') - Number(b === 'closed'),
  );

  function move(to: ErrandState) {
    if (transition.isPending) return;
    setTarget(to);
    transition.mutate(
      { to, note: note.trim() },
      {
        onSuccess: () => {
          setNote('');
          setErrors([]);
        },
        onError: (error) =>
          setErrors(
            problemToFieldErrors(error, { '/note': 'transitionNote' }, t(errorMessages[errorCodeOf(error)])),
          ),
      },
    );
  }

  function onSubmit(event: FormEvent) {
    // Enter in the note field takes the first (usual) next step.
    event.preventDefault();
    const first = targets[0];
    if (first) move(first);
  }

  return (
    <section className="case-section" aria-labelledby="transitions-title">
      <h2 id="transitions-title">{t('errand.nextStep')}</h2>
      <ErrorSummary errors={errors} />
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id="transitionNote"
          label={t('errand.transitionNote')}
          hint={t('errand.transitionNoteHint')}
          optional
          value={note}
          onChange={setNote}
          autoComplete="off"
        />
        <div className="button-row">
          {targets.map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'closed' ? 'button button--secondary' : 'button'}
              onClick={() => move(to)}
            >
              {transition.isPending && target === to
                ? t('errand.moving')
                : t(transitionLabel(errand.state, to))}
            </button>
          ))}
        </div>
      </form>
    </section>
  );
}

export function ErrandChangesSection({ errand }: { errand: ErrandDetail }) {
  const { t, formatMoney, formatMonth } = useI18n();
  const changes = errand.changes;
  if (!changes) return null;
  const name = (personId: string | null) =>
    personId ? (errand.household.members.find((m) => m.personId === personId)?.person.name ?? '') : '';
  const what = (item: { kind: string; type: string; subtype: string | null; personId: string | null }) => {
    const key = itemTypeLabel(item.kind, item.type, item.subtype);
    const label = key ? t(key) : item.type;
    const person = name(item.personId);
    return person ? `${label} (${person})` : label;
  };
  const none = changes.added.length + changes.removed.length + changes.changed.length === 0;

  return (
    <section className="case-section" aria-labelledby="changes-title">
      <h2 id="changes-title">{t('errand.changesTitle')}</h2>
      <p>{t('errand.changesIntro', { month: formatMonth(changes.previousMonth) })}</p>
      {none ? (
        <Notice>
          <p>{t('errand.noChanges')}</p>
        </Notice>
      ) : (
        <ul>
          {changes.added.map((item) => (
            <li key={`a-${item.kind}-${item.type}-${item.subtype}-${item.personId}`}>
              {t('errand.changeAdded', { what: what(item), amount: formatMoney(item.amount) })}
            </li>
          ))}
          {changes.changed.map((item) => (
            <li key={`c-${item.kind}-${item.type}-${item.subtype}-${item.personId}`}>
              {t('errand.changeChanged', {
                what: what(item),
                from: formatMoney(item.previousAmount),
                to: formatMoney(item.amount),
              })}
            </li>
          ))}
          {changes.removed.map((item) => (
            <li key={`r-${item.kind}-${item.type}-${item.subtype}-${item.personId}`}>
              {t('errand.changeRemoved', { what: what(item), amount: formatMoney(item.previousAmount) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ErrandHistory({ errand }: { errand: ErrandDetail }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section className="case-section" aria-labelledby="history-title">
      <h2 id="history-title">{t('errand.history')}</h2>
      <ol className="checklist">
        {errand.transitions.map((step) => (
          <li key={`${step.at}-${step.toState}`} className="checklist__item">
            {formatDateTime(step.at)}: <strong>{t(errandStateLabels[step.toState])}</strong>
            {step.userName ? ` – ${step.userName}` : ''}
            {step.note ? ` – ${step.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
