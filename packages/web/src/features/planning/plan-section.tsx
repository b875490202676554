// Genomförandeplan: the long-term goal, delmål written as outcomes with target dates,
// activities with who is responsible (a role or agency), the person's own words and how they
// agreed. Every change is a new version; the history and the client's PDF are one click away.
// Follow-ups record progress per delmål and set the next date (the municipality's cadence).
import { type FormEvent, useState } from 'react';
import type { NewPlan, Plan } from '../../api/types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { Fieldset, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  planPdfUrl,
  usePlans,
  usePlanWaivers,
  useRecordFollowUp,
  useRecordWaiver,
  useSavePlan,
} from './api.ts';
import {
  PROGRESS_STATUSES,
  type ProgressStatus,
  partyLabel,
  progressLabel,
  type ResponsibleParty,
  responsibleParties,
} from './labels.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function PlanSection({ personId }: { personId: string }) {
  const { t } = useI18n();
  const plans = usePlans(personId);
  const waivers = usePlanWaivers(personId);
  const [editing, setEditing] = useState(false);
  const plan = plans.data?.[0] ?? null;

  return (
    <section className="case-section" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('plan.title')}</h2>
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <LoadError error={plans.error} onRetry={() => plans.refetch()} /> : null}
      {plans.data && !editing ? (
        plan ? (
          <>
            <PlanView plan={plan} />
            <p className="button-row">
              <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                {t('plan.change')}
              </button>
              <a
                className="button button--secondary"
                href={planPdfUrl(plan.id)}
                target="_blank"
                rel="noreferrer"
              >
                {t('plan.pdf')}
              </a>
            </p>
            <FollowUpForm personId={personId} plan={plan} />
            <FollowUpHistory plan={plan} />
            <VersionHistory plan={plan} />
          </>
        ) : (
          <>
            {waivers.data && waivers.data.length > 0 ? (
              <Notice>
                <h3>{t('plan.waiversTitle')}</h3>
                <ul data-testid="plan-waivers">
                  {waivers.data.map((w) => (
                    <li key={w.id}>
                      {t('plan.waiverLine', {
                        date: w.recordedOn,
                        name: w.recordedBy.name,
                        reason: w.reason,
                      })}
                    </li>
                  ))}
                </ul>
              </Notice>
            ) : (
              <Notice tone="warning">
                <p>{t('plan.none')}</p>
              </Notice>
            )}
            {waivers.isError ? <LoadError error={waivers.error} onRetry={() => waivers.refetch()} /> : null}
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('plan.create')}
            </button>
            {waivers.data && waivers.data.length === 0 ? <WaiverForm personId={personId} /> : null}
          </>
        )
      ) : null}
      {plans.data && editing ? (
        <PlanForm personId={personId} plan={plan} onDone={() => setEditing(false)} />
      ) : null}
    </section>
  );
}

export function PlanView({ plan, compact = false }: { plan: Plan; compact?: boolean }) {
  const { t } = useI18n();
  const c = plan.current;
  const goalText = (id: string) => c.subGoals.find((g) => g.id === id)?.outcome ?? id;
  return (
    <div data-testid="plan-view">
      <p>
        {t('plan.versionLine', { version: c.version, date: c.createdAt.slice(0, 10) })}{' '}
        {plan.followUpOverdue ? (
          <strong className="badge">{t('plan.followUpOverdue', { date: plan.nextFollowUpOn })}</strong>
        ) : (
          t('plan.nextFollowUp', { date: plan.nextFollowUpOn })
        )}
      </p>
      <h3>{t('plan.longTermGoal')}</h3>
      <p>{c.longTermGoal}</p>
      <h3>{t('plan.subGoals')}</h3>
      <ol>
        {c.subGoals.map((g) => (
          <li key={g.id}>
            {g.outcome} <small>({t('plan.targetDateShort', { date: g.targetDate })})</small>
          </li>
        ))}
      </ol>
      {compact ? null : (
        <>
          <h3>{t('plan.activities')}</h3>
          {c.activities.length === 0 ? (
            <p>{t('plan.noActivities')}</p>
          ) : (
            <ul>
              {c.activities.map((a) => (
                <li key={`${a.description}|${a.responsible.party}|${a.subGoalIds.join()}`}>
                  {a.description} – {t(partyLabel(a.responsible.party))}
                  {a.responsible.name ? ` (${a.responsible.name})` : ''}
                  {a.hoursPerWeek !== null ? `, ${t('plan.hoursShort', { hours: a.hoursPerWeek })}` : ''}
                  {a.endsOn ? `, ${t('plan.endsShort', { date: a.endsOn })}` : ''}
                  {a.subGoalIds.length > 0 ? ` · ${a.subGoalIds.map(goalText).join(', ')}` : ''}
                </li>
              ))}
            </ul>
          )}
          <h3>{t('plan.clientWords')}</h3>
          <p>{c.clientWords || '–'}</p>
          <p>
            {c.agreement.agreedOn
              ? t('plan.agreedLine', {
                  date: c.agreement.agreedOn,
                  method: t(`agreement.${c.agreement.method as 'digital' | 'paper' | 'oral'}`),
                })
              : t('plan.notAgreed')}
          </p>
        </>
      )}
    </div>
  );
}

type GoalDraft = { id: string; outcome: string; targetDate: string };
type ActivityDraft = {
  description: string;
  party: string;
  name: string;
  subGoalId: string;
  hoursPerWeek: string;
  endsOn: string;
};

function PlanForm({ personId, plan, onDone }: { personId: string; plan: Plan | null; onDone: () => void }) {
  const { t } = useI18n();
  const save = useSavePlan(personId);
  const c = plan?.current;
  const [goal, setGoal] = useState(c?.longTermGoal ?? '');
  const [goals, setGoals] = useState<GoalDraft[]>(
    c?.subGoals.map((g) => ({ ...g })) ?? [{ id: 'g1', outcome: '', targetDate: '' }],
  );
  const [activities, setActivities] = useState<ActivityDraft[]>(
    c?.activities.map((a) => ({
      description: a.description,
      party: a.responsible.party,
      name: a.responsible.name ?? '',
      subGoalId: a.subGoalIds[0] ?? '',
      hoursPerWeek: a.hoursPerWeek?.toString() ?? '',
      endsOn: a.endsOn ?? '',
    })) ?? [],
  );
  const [clientWords, setClientWords] = useState(c?.clientWords ?? '');
  const [agreedOn, setAgreedOn] = useState(c?.agreement.agreedOn ?? '');
  const [method, setMethod] = useState<string>(c?.agreement.method ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);

  const nextGoalId = () => {
    const used = new Set(goals.map((g) => g.id));
    let n = goals.length + 1;
    while (used.has(`g${n}`)) n += 1;
    return `g${n}`;
  };
  const setGoalAt = (i: number, patch: Partial<GoalDraft>) =>
    setGoals((list) => list.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const setActivityAt = (i: number, patch: Partial<ActivityDraft>) =>
    setActivities((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const local: FieldError[] = [];
    if (!goal.trim()) local.push({ field: 'longTermGoal', message: t('plan.goalMissing') });
    goals.forEach((g, i) => {
      if (!g.outcome.trim()) local.push({ field: `goal-${i}-outcome`, message: t('plan.subGoalMissing') });
      if (!DATE.test(g.targetDate)) local.push({ field: `goal-${i}-date`, message: t('form.dateFormat') });
    });
    activities.forEach((a, i) => {
      if (!a.description.trim())
        local.push({ field: `activity-${i}-description`, message: t('plan.activityMissing') });
      if (!a.party) local.push({ field: `activity-${i}-party`, message: t('plan.responsibleMissing') });
      if (a.endsOn && !DATE.test(a.endsOn))
        local.push({ field: `activity-${i}-ends`, message: t('form.dateFormat') });
    });
    if ((agreedOn === '') !== (method === ''))
      local.push({ field: 'agreementMethod', message: t('plan.agreementIncomplete') });
    if (agreedOn && !DATE.test(agreedOn)) local.push({ field: 'agreedOn', message: t('form.dateFormat') });
    if (local.length > 0) {
      setErrors(local);
      return;
    }
    const input: NewPlan = {
      longTermGoal: goal.trim(),
      subGoals: goals.map((g) => ({ id: g.id, outcome: g.outcome.trim(), targetDate: g.targetDate })),
      activities: activities.map((a) => ({
        description: a.description.trim(),
        responsible: { party: a.party as ResponsibleParty, name: a.name.trim() || null },
        subGoalIds: a.subGoalId ? [a.subGoalId] : [],
        hoursPerWeek: a.hoursPerWeek ? Number(a.hoursPerWeek) : null,
        endsOn: a.endsOn || null,
      })),
      clientWords: clientWords.trim(),
      agreement: agreedOn
        ? { agreedOn, method: method as 'digital' | 'paper' | 'oral' }
        : { agreedOn: null, method: null },
    };
    save.mutate(
      { planId: plan?.id ?? null, input },
      {
        onSuccess: () => {
          setErrors([]);
          onDone();
        },
        onError: (error) =>
          setErrors(
            problemToFieldErrors(
              error,
              {
                '/longTermGoal': 'longTermGoal',
                '/subGoals': 'goal-0-outcome',
                '/agreement/method': 'agreementMethod',
                ...Object.fromEntries(
                  goals.flatMap((_, i) => [
                    [`/subGoals/${i}/outcome`, `goal-${i}-outcome`],
                    [`/subGoals/${i}/targetDate`, `goal-${i}-date`],
                  ]),
                ),
                ...Object.fromEntries(
                  activities.flatMap((_, i) => [
                    [`/activities/${i}/description`, `activity-${i}-description`],
                    [`/activities/${i}/responsible/party`, `activity-${i}-party`],
                  ]),
                ),
              },
              t(errorMessages[errorCodeOf(error)]),
            ),
          ),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t(plan ? 'plan.change' : 'plan.create')}>
      <ErrorSummary errors={errors} />
      {plan ? <p>{t('plan.newVersionHint', { version: plan.current.version + 1 })}</p> : null}
      <TextArea
        id="longTermGoal"
        label={t('plan.longTermGoal')}
        hint={t('plan.longTermGoalHint')}
        rows={2}
        value={goal}
        onChange={setGoal}
        error={errorFor(errors, 'longTermGoal')}
      />
      {goals.map((g, i) => (
        <Fieldset
          key={g.id}
          id={`goal-${i}`}
          legend={t('plan.subGoalN', { n: i + 1 })}
          hint={t('plan.subGoalHint')}
        >
          <TextField
            id={`goal-${i}-outcome`}
            label={t('plan.outcome', { n: i + 1 })}
            value={g.outcome}
            onChange={(value) => setGoalAt(i, { outcome: value })}
            error={errorFor(errors, `goal-${i}-outcome`)}
          />
          <TextField
            id={`goal-${i}-date`}
            label={t('plan.targetDate', { n: i + 1 })}
            hint={t('form.dateHint')}
            width="medium"
            value={g.targetDate}
            onChange={(value) => setGoalAt(i, { targetDate: value })}
            error={errorFor(errors, `goal-${i}-date`)}
          />
          {goals.length > 1 ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setGoals((list) => list.filter((_, j) => j !== i))}
            >
              {t('plan.removeSubGoal', { n: i + 1 })}
            </button>
          ) : null}
        </Fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setGoals((list) => [...list, { id: nextGoalId(), outcome: '', targetDate: '' }])}
        >
          {t('plan.addSubGoal')}
        </button>
      </p>
      {activities.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
        <Fieldset key={i} id={`activity-${i}`} legend={t('plan.activityN', { n: i + 1 })}>
          <TextField
            id={`activity-${i}-description`}
            label={t('plan.activityDescription', { n: i + 1 })}
            value={a.description}
            onChange={(value) => setActivityAt(i, { description: value })}
            error={errorFor(errors, `activity-${i}-description`)}
          />
          <SelectField
            id={`activity-${i}-party`}
            label={t('plan.responsible', { n: i + 1 })}
            hint={t('plan.responsibleHint')}
            value={a.party}
            onChange={(value) => setActivityAt(i, { party: value })}
            error={errorFor(errors, `activity-${i}-party`)}
            options={[
              { value: '', label: t('form.choose') },
              ...responsibleParties.map((p) => ({ value: p, label: t(partyLabel(p)) })),
            ]}
          />
          <TextField
            id={`activity-${i}-name`}
            label={t('plan.responsibleName', { n: i + 1 })}
            optional
            value={a.name}
            onChange={(value) => setActivityAt(i, { name: value })}
          />
          <SelectField
            id={`activity-${i}-goal`}
            label={t('plan.activityGoal', { n: i + 1 })}
            value={a.subGoalId}
            onChange={(value) => setActivityAt(i, { subGoalId: value })}
            options={[
              { value: '', label: t('plan.noSubGoal') },
              ...goals.map((g, j) => ({ value: g.id, label: g.outcome || t('plan.subGoalN', { n: j + 1 }) })),
            ]}
          />
          <TextField
            id={`activity-${i}-hours`}
            label={t('plan.hoursPerWeek', { n: i + 1 })}
            optional
            width="short"
            inputMode="numeric"
            value={a.hoursPerWeek}
            onChange={(value) => setActivityAt(i, { hoursPerWeek: value.replace(/\D/g, '') })}
          />
          <TextField
            id={`activity-${i}-ends`}
            label={t('plan.activityEnds', { n: i + 1 })}
            hint={t('plan.activityEndsHint')}
            optional
            width="medium"
            value={a.endsOn}
            onChange={(value) => setActivityAt(i, { endsOn: value })}
            error={errorFor(errors, `activity-${i}-ends`)}
          />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setActivities((list) => list.filter((_, j) => j !== i))}
          >
            {t('plan.removeActivity', { n: i + 1 })}
          </button>
        </Fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setActivities((list) => [
              ...list,
              {
                description: '',
                party: '',
                name: '',
                subGoalId: goals[0]?.id ?? '',
                hoursPerWeek: '',
                endsOn: '',
              },
            ])
          }
        >
          {t('plan.addActivity')}
        </button>
      </p>
      <TextArea
        id="clientWords"
        label={t('plan.clientWords')}
        hint={t('plan.clientWordsHint')}
        optional
        rows={3}
        value={clientWords}
        onChange={setClientWords}
      />
      <Fieldset id="agreement" legend={t('plan.agreement')} hint={t('plan.agreementHint')} optional>
        <TextField
          id="agreedOn"
          label={t('plan.agreedOn')}
          hint={t('form.dateHint')}
          width="medium"
          value={agreedOn}
          onChange={setAgreedOn}
          error={errorFor(errors, 'agreedOn')}
        />
        <SelectField
          id="agreementMethod"
          label={t('plan.agreementMethod')}
          value={method}
          onChange={setMethod}
          error={errorFor(errors, 'agreementMethod')}
          options={[
            { value: '', label: t('form.choose') },
            { value: 'digital', label: t('agreement.digital') },
            { value: 'paper', label: t('agreement.paper') },
            { value: 'oral', label: t('agreement.oral') },
          ]}
        />
      </Fieldset>
      <p className="button-row">
        <button type="submit" className="button">
          {save.isPending ? t('journal.saving') : t('plan.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('form.cancel')}
        </button>
      </p>
    </form>
  );
}

function FollowUpForm({ personId, plan }: { personId: string; plan: Plan }) {
  const { t } = useI18n();
  const record = useRecordFollowUp(personId);
  const goals = plan.current.subGoals;
  const [status, setStatus] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (record.isPending) return;
    const local: FieldError[] = [];
    goals.forEach((g, i) => {
      if (!status[g.id])
        local.push({ field: `progress-${i}`, message: t('followUp.statusMissing', { goal: g.outcome }) });
    });
    if (next && !DATE.test(next)) local.push({ field: 'nextFollowUpOn', message: t('form.dateFormat') });
    if (local.length > 0) {
      setErrors(local);
      return;
    }
    record.mutate(
      {
        planId: plan.id,
        input: {
          progress: goals.map((g) => ({
            subGoalId: g.id,
            status: status[g.id] as ProgressStatus,
            comment: (comments[g.id] ?? '').trim(),
          })),
          ...(next ? { nextFollowUpOn: next } : {}),
        },
      },
      {
        onSuccess: () => {
          setErrors([]);
          setStatus({});
          setComments({});
          setNext('');
          setSaved(true);
        },
        onError: (error) =>
          setErrors(
            problemToFieldErrors(
              error,
              { '/nextFollowUpOn': 'nextFollowUpOn', '/heldOn': 'nextFollowUpOn', '/progress': 'progress-0' },
              t(errorMessages[errorCodeOf(error)]),
            ),
          ),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="follow-up-title">
      <h3 id="follow-up-title">{t('followUp.title')}</h3>
      <ErrorSummary errors={errors} />
      {saved ? (
        <Notice tone="success">
          <p role="status">{t('followUp.saved')}</p>
        </Notice>
      ) : null}
      {goals.map((g, i) => (
        <Fieldset key={g.id} id={`progress-fs-${i}`} legend={g.outcome}>
          <SelectField
            id={`progress-${i}`}
            label={t('followUp.status', { n: i + 1 })}
            value={status[g.id] ?? ''}
            onChange={(value) => setStatus((s) => ({ ...s, [g.id]: value }))}
            error={errorFor(errors, `progress-${i}`)}
            options={[
              { value: '', label: t('form.choose') },
              ...PROGRESS_STATUSES.map((p) => ({ value: p, label: t(progressLabel(p)) })),
            ]}
          />
          <TextArea
            id={`progress-${i}-comment`}
            label={t('followUp.comment', { n: i + 1 })}
            optional
            rows={2}
            value={comments[g.id] ?? ''}
            onChange={(value) => setComments((c) => ({ ...c, [g.id]: value }))}
          />
        </Fieldset>
      ))}
      <TextField
        id="nextFollowUpOn"
        label={t('followUp.next')}
        hint={t('followUp.nextHint')}
        optional
        width="medium"
        value={next}
        onChange={setNext}
        error={errorFor(errors, 'nextFollowUpOn')}
      />
      <button type="submit" className="button">
        {record.isPending ? t('journal.saving') : t('followUp.save')}
      </button>
    </form>
  );
}

function FollowUpHistory({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  if (plan.followUps.length === 0) return <p>{t('followUp.none')}</p>;
  const goalText = (id: string) =>
    plan.versions.flatMap((v) => v.subGoals).find((g) => g.id === id)?.outcome ?? id;
  return (
    <>
      <h3>{t('followUp.history')}</h3>
      <ol className="journal-list">
        {plan.followUps.map((f) => (
          <li key={f.id} className="journal-entry">
            <span className="journal-meta">
              {t('followUp.heldLine', { date: f.heldOn, next: f.nextFollowUpOn, version: f.planVersion })}
            </span>
            <ul>
              {f.progress.map((p) => (
                <li key={p.subGoalId}>
                  {goalText(p.subGoalId)}: {t(progressLabel(p.status))}
                  {p.comment ? ` – ${p.comment}` : ''}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}

function VersionHistory({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  return (
    <details>
      <summary>{t('plan.history', { count: plan.versions.length })}</summary>
      <ol>
        {plan.versions.map((v) => (
          <li key={v.version}>
            {t('plan.versionLine', { version: v.version, date: v.createdAt.slice(0, 10) })} {v.longTermGoal} –{' '}
            {v.subGoals.map((g) => g.outcome).join('; ')}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** "Ingen plan behövs", with the reason: takes the person out of the Plan saknas queue. */
function WaiverForm({ personId }: { personId: string }) {
  const { t } = useI18n();
  const waive = useRecordWaiver(personId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (waive.isSuccess)
    return (
      <Notice tone="success">
        <p role="status">{t('plan.waived', { date: waive.data.recordedOn, reason: waive.data.reason })}</p>
      </Notice>
    );
  if (!open)
    return (
      <p>
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('plan.waive')}
        </button>
      </p>
    );
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (waive.isPending) return;
    waive.mutate(reason, {
      onError: (error) =>
        setErrors(
          problemToFieldErrors(error, { '/reason': 'waiverReason' }, t(errorMessages[errorCodeOf(error)])),
        ),
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('plan.waive')}>
      <ErrorSummary errors={errors} />
      <TextArea
        id="waiverReason"
        label={t('plan.waiverReason')}
        rows={2}
        value={reason}
        onChange={setReason}
        error={errorFor(errors, 'waiverReason')}
      />
      <button type="submit" className="button button--secondary">
        {t('plan.saveWaiver')}
      </button>
    </form>
  );
}
