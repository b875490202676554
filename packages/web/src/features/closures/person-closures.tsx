// "Avslut" on the person page: close the case with a reason from Socialstyrelsen's list of
// avslutsorsaker, see the follow-ups 6 and 12 months after and record them, and see a return
// (a new application within 12 months). Leaving an insats is recorded by the coach separately.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type Closure, type ClosureReason, closureReasons, followUpSituations } from '../../api/types.ts';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { closureReasonLabels, followUpSituationLabels } from '../../i18n/labels.ts';
import { todayIso } from '../referrals/api.ts';
import { useCloseCase, useClosures, useRecordClosureFollowUp } from './api.ts';

export function PersonClosures({ personId }: { personId: string }) {
  const { t } = useI18n();
  const closures = useClosures(personId);
  return (
    <section aria-labelledby="closures-title" className="section">
      <h2 id="closures-title">{t('closures.title')}</h2>
      {closures.isPending ? <Loading /> : null}
      {closures.isError ? <LoadError error={closures.error} onRetry={() => closures.refetch()} /> : null}
      {closures.data?.items.map((c) => (
        <ClosureView key={c.id} personId={personId} closure={c} />
      ))}
      <CloseForm personId={personId} />
    </section>
  );
}

function ClosureView({ personId, closure }: { personId: string; closure: Closure }) {
  const { t } = useI18n();
  return (
    <div className="closure">
      <h3>
        {t('closures.closedOn', { date: closure.closedOn, reason: t(closureReasonLabels[closure.reason]) })}
      </h3>
      {closure.returned ? (
        <Notice tone="warning">
          <p>
            {t('closures.returned', {
              months: closure.returned.monthsAfter,
              date: closure.returned.receivedOn,
            })}{' '}
            <Link to={`/arenden/${closure.returned.errandId}`}>{t('closures.returnedLink')}</Link>
          </p>
        </Notice>
      ) : null}
      <ul>
        {closure.followUps.map((f) => (
          <li key={f.id}>
            {f.doneOn
              ? t('closures.followUpDone', {
                  months: f.months,
                  date: f.doneOn,
                  answer: f.selfSupporting ? t('closures.selfSupporting') : t('closures.notSelfSupporting'),
                })
              : t(f.overdue ? 'closures.followUpOverdue' : 'closures.followUpPlanned', {
                  months: f.months,
                  date: f.dueOn,
                })}
            {!f.doneOn && f.dueOn <= todayIso() ? (
              <FollowUpForm personId={personId} id={f.id} months={f.months} />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function FollowUpForm({ personId, id, months }: { personId: string; id: string; months: number }) {
  const { t } = useI18n();
  const record = useRecordClosureFollowUp(personId);
  const [doneOn, setDoneOn] = useState(todayIso());
  const [selfSupporting, setSelfSupporting] = useState('yes');
  const [situation, setSituation] = useState<(typeof followUpSituations)[number]>('work');
  const form = useFormErrors({ '/doneOn': `doneOn-${months}`, '/situation': `situation-${months}` });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    record.mutate(
      { id, input: { doneOn, selfSupporting: selfSupporting === 'yes', situation } },
      { onSuccess: form.clear, onError: form.fail },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={form.errors} />
      <TextField
        id={`doneOn-${months}`}
        label={t('closures.doneOn')}
        value={doneOn}
        onChange={setDoneOn}
        error={errorFor(form.errors, `doneOn-${months}`)}
        width="short"
        autoComplete="off"
      />
      <SelectField
        id={`selfSupporting-${months}`}
        label={t('closures.stillSelfSupporting')}
        value={selfSupporting}
        onChange={setSelfSupporting}
        options={[
          { value: 'yes', label: t('closures.yes') },
          { value: 'no', label: t('closures.no') },
        ]}
      />
      <SelectField
        id={`situation-${months}`}
        label={t('closures.situation')}
        value={situation}
        onChange={(value) => setSituation(value as (typeof followUpSituations)[number])}
        error={errorFor(form.errors, `situation-${months}`)}
        options={followUpSituations.map((value) => ({ value, label: t(followUpSituationLabels[value]) }))}
      />
      <button type="submit" className="button">
        {t('closures.recordFollowUp', { months })}
      </button>
    </form>
  );
}

function CloseForm({ personId }: { personId: string }) {
  const { t } = useI18n();
  const close = useCloseCase(personId);
  const [closedOn, setClosedOn] = useState(todayIso());
  const [reason, setReason] = useState<ClosureReason | ''>('');
  const form = useFormErrors({ '/closedOn': 'closedOn', '/reason': 'closureReason' });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    close.mutate(
      { closedOn, reason: reason as ClosureReason },
      { onSuccess: form.clear, onError: form.fail },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <h3>{t('closures.closeTitle')}</h3>
      <p>{t('closures.closeIntro')}</p>
      <ErrorSummary errors={form.errors} />
      <TextField
        id="closedOn"
        label={t('closures.closedOnLabel')}
        value={closedOn}
        onChange={setClosedOn}
        error={errorFor(form.errors, 'closedOn')}
        width="short"
        autoComplete="off"
      />
      <SelectField
        id="closureReason"
        label={t('closures.reason')}
        value={reason}
        onChange={(value) => setReason(value as ClosureReason | '')}
        error={errorFor(form.errors, 'closureReason')}
        options={[
          { value: '', label: t('closures.chooseReason') },
          ...closureReasons.map((value) => ({ value, label: t(closureReasonLabels[value]) })),
        ]}
      />
      <button type="submit" className="button button--secondary">
        {t('closures.close')}
      </button>
    </form>
  );
}
