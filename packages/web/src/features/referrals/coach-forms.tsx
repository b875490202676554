// The coach's further answers on an accepted referral: the action plan (due within 14 days),
// the work-capacity assessment back to the kartläggning, a payment request for the caseworker
// to decide (a coach cannot commit money) and leaving the insats.
import { type FormEvent, useState } from 'react';
import type { ErrandState } from '../../api/case-types.ts';
import type { Participation, ReferralDetail } from '../../api/types.ts';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { errandStateLabels } from '../../i18n/labels.ts';
import {
  decimal,
  todayIso,
  useParticipationAction,
  useReferralAction,
  useReturnWorkCapacity,
} from './api.ts';

export function ActionPlanForm({ referral }: { referral: ReferralDetail }) {
  const { t } = useI18n();
  const action = useReferralAction(referral.id);
  const [summary, setSummary] = useState('');
  const [step, setStep] = useState('');
  const [by, setBy] = useState(referral.actionPlan.dueOn ?? todayIso());
  const form = useFormErrors({
    '/summary': 'planSummary',
    '/steps': 'planStep',
    '/steps/0/description': 'planStep',
    '/steps/0/by': 'planStepBy',
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    action.mutate(
      { action: 'action-plan', body: { summary, steps: step.trim() ? [{ description: step, by }] : [] } },
      { onSuccess: form.clear, onError: form.fail },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <h2>{t('coach.actionPlanTitle')}</h2>
      <ErrorSummary errors={form.errors} />
      <TextArea
        id="planSummary"
        label={t('coach.planSummary')}
        value={summary}
        onChange={setSummary}
        error={errorFor(form.errors, 'planSummary')}
        rows={3}
      />
      <TextField
        id="planStep"
        label={t('coach.planStep')}
        value={step}
        onChange={setStep}
        error={errorFor(form.errors, 'planStep')}
      />
      <TextField
        id="planStepBy"
        label={t('coach.planStepBy')}
        value={by}
        onChange={setBy}
        error={errorFor(form.errors, 'planStepBy')}
        width="short"
        autoComplete="off"
      />
      <button type="submit" className="button">
        {t('coach.actionPlanSubmit')}
      </button>
    </form>
  );
}

export function WorkCapacityForm({ referral }: { referral: ReferralDetail }) {
  const { t } = useI18n();
  const save = useReturnWorkCapacity(referral.id);
  const [capacity, setCapacity] = useState('partial');
  const [perWeek, setPerWeek] = useState('');
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [summary, setSummary] = useState('');
  const form = useFormErrors({
    '/capacity': 'capacity',
    '/hoursPerWeek': 'capacityHours',
    '/assessedOn': 'assessedOn',
    '/summary': 'capacitySummary',
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { capacity, hoursPerWeek: perWeek.trim() ? decimal(perWeek) : null, assessedOn, summary },
      { onSuccess: form.clear, onError: form.fail },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <h2>{t('coach.workCapacityTitle')}</h2>
      <p>{t('coach.workCapacityIntro')}</p>
      <ErrorSummary errors={form.errors} />
      {save.data ? (
        <Notice tone="success">
          <p role="status">
            {save.data.returnedToAssessment
              ? t('coach.workCapacityReturned', { version: save.data.assessmentVersion ?? 0 })
              : t('coach.workCapacityKept')}
          </p>
        </Notice>
      ) : null}
      <SelectField
        id="capacity"
        label={t('coach.capacity')}
        value={capacity}
        onChange={setCapacity}
        error={errorFor(form.errors, 'capacity')}
        options={(['full', 'partial', 'none', 'unclear'] as const).map((value) => ({
          value,
          label: t(`coach.capacity.${value}`),
        }))}
      />
      <TextField
        id="capacityHours"
        label={t('coach.capacityHours')}
        optional
        value={perWeek}
        onChange={setPerWeek}
        error={errorFor(form.errors, 'capacityHours')}
        width="short"
        inputMode="numeric"
        autoComplete="off"
      />
      <TextField
        id="assessedOn"
        label={t('coach.assessedOn')}
        value={assessedOn}
        onChange={setAssessedOn}
        error={errorFor(form.errors, 'assessedOn')}
        width="short"
        autoComplete="off"
      />
      <TextArea
        id="capacitySummary"
        label={t('coach.capacitySummary')}
        value={summary}
        onChange={setSummary}
        error={errorFor(form.errors, 'capacitySummary')}
        rows={3}
      />
      <button type="submit" className="button">
        {t('coach.workCapacitySubmit')}
      </button>
    </form>
  );
}

export function PaymentRequests({ participation }: { participation: Participation }) {
  const { t, formatMoney } = useI18n();
  if (participation.paymentRequests.length === 0) return null;
  return (
    <>
      <h4>{t('coach.paymentRequestsTitle')}</h4>
      <ul>
        {participation.paymentRequests.map((r) => (
          <li key={r.id}>
            {t('coach.paymentRequestLine', {
              purpose: r.purpose,
              amount: formatMoney(r.amountOre),
              state: t(errandStateLabels[r.errandState as ErrandState]),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

export function PaymentRequestForm({
  referralId,
  participationId,
}: {
  referralId: string;
  participationId: string;
}) {
  const { t } = useI18n();
  const action = useParticipationAction(referralId, participationId);
  const [purpose, setPurpose] = useState('');
  const [kronor, setKronor] = useState('');
  const form = useFormErrors({
    '/purpose': `purpose-${participationId}`,
    '/amountOre': `amount-${participationId}`,
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    action.mutate(
      { action: 'payment-requests', body: { purpose, amountOre: Math.round(decimal(kronor) * 100) } },
      { onSuccess: form.clear, onError: form.fail },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <h4>{t('coach.paymentRequestTitle')}</h4>
      <p>{t('coach.paymentRequestIntro')}</p>
      <ErrorSummary errors={form.errors} />
      <TextField
        id={`purpose-${participationId}`}
        label={t('coach.purpose')}
        value={purpose}
        onChange={setPurpose}
        error={errorFor(form.errors, `purpose-${participationId}`)}
      />
      <TextField
        id={`amount-${participationId}`}
        label={t('coach.amount')}
        value={kronor}
        onChange={setKronor}
        error={errorFor(form.errors, `amount-${participationId}`)}
        width="short"
        inputMode="decimal"
        autoComplete="off"
      />
      <button type="submit" className="button button--secondary">
        {t('coach.paymentRequestSubmit')}
      </button>
    </form>
  );
}

export function EndParticipationForm({
  referralId,
  participationId,
}: {
  referralId: string;
  participationId: string;
}) {
  const { t } = useI18n();
  const action = useParticipationAction(referralId, participationId);
  const [endedOn, setEndedOn] = useState(todayIso());
  const [reason, setReason] = useState('completed');
  const form = useFormErrors({
    '/endedOn': `endedOn-${participationId}`,
    '/reason': `endReason-${participationId}`,
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        action.mutate(
          { action: 'end', body: { endedOn, reason } },
          { onSuccess: form.clear, onError: form.fail },
        );
      }}
    >
      <h4>{t('coach.endTitle')}</h4>
      <p>{t('coach.endIntro')}</p>
      <ErrorSummary errors={form.errors} />
      <TextField
        id={`endedOn-${participationId}`}
        label={t('coach.endedOn')}
        value={endedOn}
        onChange={setEndedOn}
        error={errorFor(form.errors, `endedOn-${participationId}`)}
        width="short"
        autoComplete="off"
      />
      <SelectField
        id={`endReason-${participationId}`}
        label={t('coach.endReason')}
        value={reason}
        onChange={setReason}
        error={errorFor(form.errors, `endReason-${participationId}`)}
        options={(
          ['completed', 'work', 'studies', 'otherInsats', 'illness', 'discontinued', 'moved'] as const
        ).map((value) => ({ value, label: t(`coach.end.${value}`) }))}
      />
      <button type="submit" className="button button--secondary">
        {t('coach.endSubmit')}
      </button>
    </form>
  );
}
