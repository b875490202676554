// One referral: the question, the clocks (sent → first meeting → start, with waiting days),
// the action plan's due date, and the insats with its weekly attendance. The receiving unit's
// coach answers it here: accept or return, first meeting, start an insats, record attendance.
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import {
  type AbsenceReason,
  absenceReasons,
  type Participation,
  type ReferralDetail,
} from '../../api/types.ts';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  absenceReasonLabels,
  participationStatusLabels,
  referralCloseReasonLabels,
  referralStatusLabels,
} from '../../i18n/labels.ts';
import { useCurrentUser } from '../auth/api.ts';
import {
  currentIsoWeek,
  decimal,
  todayIso,
  useInsatser,
  useRecordAttendance,
  useReferral,
  useReferralAction,
} from './api.ts';
import { CloseReferralForm } from './close-referral.tsx';
import {
  ActionPlanForm,
  EndParticipationForm,
  PaymentRequestForm,
  PaymentRequests,
  WorkCapacityForm,
} from './coach-forms.tsx';

export function ReferralDetailPage({ id }: { id: string }) {
  const { t } = useI18n();
  const referral = useReferral(id);
  const title = referral.data
    ? t('referrals.detailTitle', { name: referral.data.personName })
    : referral.isError
      ? t('referrals.personTitle')
      : t('app.loading');
  return (
    <>
      <p className="back-link">
        <Link to="/">{t('referrals.back')}</Link>
      </p>
      <Page title={title}>
        {referral.isPending ? <Loading /> : null}
        {referral.isError ? (
          <LoadError
            error={referral.error}
            onRetry={
              referral.error instanceof ApiError && referral.error.status < 500
                ? undefined
                : () => referral.refetch()
            }
          />
        ) : null}
        {referral.data ? <Detail referral={referral.data} /> : null}
      </Page>
    </>
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

function Detail({ referral }: { referral: ReferralDetail }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const receiving = referral.to.kind === 'unit' && referral.to.id === user.unit?.id;
  const sending = referral.from.kind === 'unit' && referral.from.id === user.unit?.id;
  const open = referral.status === 'sent' || referral.status === 'accepted';
  const days = (n: number | null) => (n === null ? t('referrals.notYet') : t('referrals.days', { days: n }));
  const plan = referral.actionPlan;
  return (
    <>
      {referral.unexcusedHoursLast4Weeks > 0 ? (
        <Notice tone="warning">
          <p>{t('referrals.unexcusedNotice', { hours: referral.unexcusedHoursLast4Weeks })}</p>
        </Notice>
      ) : null}
      <dl className="summary-list">
        <Row label={t('referrals.status')}>{t(referralStatusLabels[referral.status])}</Row>
        <Row label={t('referrals.from')}>{referral.from.name}</Row>
        <Row label={t('referrals.to')}>{referral.to.name}</Row>
        <Row label={t('referrals.question')}>{referral.question}</Row>
        <Row label={t('referrals.sentOn')}>{referral.sentOn}</Row>
        {referral.sentBy ? <Row label={t('referrals.sentBy')}>{referral.sentBy}</Row> : null}
        <Row label={t('referrals.waitingDays')}>
          {referral.clocks.waiting
            ? t('referrals.stillWaiting', { days: referral.clocks.waitingDays })
            : t('referrals.days', { days: referral.clocks.waitingDays })}
        </Row>
        <Row label={t('referrals.daysToFirstMeeting')}>{days(referral.clocks.daysToFirstMeeting)}</Row>
        <Row label={t('referrals.daysToStart')}>{days(referral.clocks.daysFirstMeetingToStart)}</Row>
        <Row label={t('referrals.firstMeeting')}>{referral.firstMeetingOn ?? t('referrals.notYet')}</Row>
        <Row label={t('referrals.started')}>{referral.startedOn ?? t('referrals.notYet')}</Row>
        <Row label={t('referrals.coach')}>{referral.coach?.name ?? t('referrals.notYet')}</Row>
        {plan.dueOn ? (
          <Row label={t('referrals.actionPlan')}>
            {plan.deliveredOn
              ? t('referrals.actionPlanDelivered', { date: plan.deliveredOn })
              : plan.overdue
                ? t('referrals.actionPlanOverdue', { date: plan.dueOn })
                : t('referrals.actionPlanDue', { date: plan.dueOn })}
          </Row>
        ) : null}
        {referral.returnReason ? (
          <Row label={t('referrals.returnReason')}>{referral.returnReason}</Row>
        ) : null}
        {referral.status === 'closed' && referral.closedOn ? (
          <Row label={t('referrals.closedOn')}>{referral.closedOn}</Row>
        ) : null}
        {referral.closeReason ? (
          <Row label={t('referrals.closeReason')}>
            {t(referralCloseReasonLabels[referral.closeReason])}
            {referral.closeNote ? ` – ${referral.closeNote}` : ''}
          </Row>
        ) : null}
      </dl>
      {referral.status === 'closed' ? (
        <Notice tone="success">
          <p role="status">{t('referrals.closedNotice')}</p>
        </Notice>
      ) : null}
      {receiving && referral.status === 'sent' ? <Answer referral={referral} /> : null}
      {receiving && referral.status === 'accepted' && !referral.firstMeetingOn ? (
        <FirstMeeting referral={referral} />
      ) : null}
      {receiving && referral.status === 'accepted' && referral.participations.length === 0 ? (
        <Placement referral={referral} />
      ) : null}
      {receiving && referral.status === 'accepted' && !referral.actionPlan.deliveredOn ? (
        <ActionPlanForm referral={referral} />
      ) : null}
      {receiving && referral.status === 'accepted' && !referral.workCapacity ? (
        <WorkCapacityForm referral={referral} />
      ) : null}
      {referral.participations.length > 0 ? (
        <>
          <h2>{t('referrals.participationsTitle')}</h2>
          {referral.participations.map((p) => (
            <ParticipationView key={p.id} referralId={referral.id} participation={p} editable={receiving} />
          ))}
        </>
      ) : null}
      {open && (sending || receiving) ? <CloseReferralForm referral={referral} /> : null}
    </>
  );
}

function Answer({ referral }: { referral: ReferralDetail }) {
  const { t } = useI18n();
  const action = useReferralAction(referral.id);
  const [reason, setReason] = useState('');
  const form = useFormErrors({ '/reason': 'returnReason', '/coachId': 'returnReason' });
  return (
    <section aria-labelledby="answer-title">
      <h2 id="answer-title">{t('referrals.accept')}</h2>
      <ErrorSummary errors={form.errors} />
      <p>{t('referrals.acceptHint')}</p>
      <p>
        <button
          type="button"
          className="button"
          onClick={() =>
            action.mutate({ action: 'accept', body: {} }, { onSuccess: form.clear, onError: form.fail })
          }
        >
          {t('referrals.accept')}
        </button>
      </p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          action.mutate(
            { action: 'return', body: { reason } },
            { onSuccess: form.clear, onError: form.fail },
          );
        }}
      >
        <h3>{t('referrals.returnTitle')}</h3>
        <TextArea
          id="returnReason"
          label={t('referrals.returnReasonLabel')}
          value={reason}
          onChange={setReason}
          error={errorFor(form.errors, 'returnReason')}
          rows={3}
        />
        <button type="submit" className="button button--secondary">
          {t('referrals.returnSubmit')}
        </button>
      </form>
    </section>
  );
}

function FirstMeeting({ referral }: { referral: ReferralDetail }) {
  const { t } = useI18n();
  const action = useReferralAction(referral.id);
  const [heldOn, setHeldOn] = useState(todayIso());
  const form = useFormErrors({ '/heldOn': 'firstMeetingOn' });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        action.mutate(
          { action: 'first-meeting', body: { heldOn } },
          { onSuccess: form.clear, onError: form.fail },
        );
      }}
    >
      <h2>{t('referrals.firstMeeting')}</h2>
      <ErrorSummary errors={form.errors} />
      <TextField
        id="firstMeetingOn"
        label={t('referrals.firstMeetingDate')}
        value={heldOn}
        onChange={setHeldOn}
        error={errorFor(form.errors, 'firstMeetingOn')}
        width="short"
        autoComplete="off"
      />
      <button type="submit" className="button">
        {t('referrals.firstMeetingSubmit')}
      </button>
    </form>
  );
}

function Placement({ referral }: { referral: ReferralDetail }) {
  const { t } = useI18n();
  const insatser = useInsatser();
  const action = useReferralAction(referral.id);
  const [insatsId, setInsatsId] = useState(referral.insats?.id ?? '');
  const [startsOn, setStartsOn] = useState(todayIso());
  const form = useFormErrors({ '/insatsId': 'insatsId', '/startsOn': 'startsOn' });
  if (insatser.isPending) return <Loading />;
  if (insatser.isError) return <LoadError error={insatser.error} onRetry={() => insatser.refetch()} />;
  const options = insatser.data.items.map((i) => ({
    value: i.id,
    label: t('referrals.insatsOption', { name: i.name, free: i.free }),
  }));
  const chosen = insatsId || options[0]?.value || '';
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    action.mutate(
      { action: 'placements', body: { insatsId: chosen, startsOn } },
      { onSuccess: form.clear, onError: form.fail },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <h2>{t('referrals.placementTitle')}</h2>
      <ErrorSummary errors={form.errors} />
      <SelectField
        id="insatsId"
        label={t('referrals.insats')}
        hint={t('referrals.placementHint')}
        value={chosen}
        onChange={setInsatsId}
        error={errorFor(form.errors, 'insatsId')}
        options={options}
      />
      <TextField
        id="startsOn"
        label={t('referrals.startsOn')}
        value={startsOn}
        onChange={setStartsOn}
        error={errorFor(form.errors, 'startsOn')}
        width="short"
        autoComplete="off"
      />
      <button type="submit" className="button">
        {t('referrals.placementSubmit')}
      </button>
    </form>
  );
}

type Week = Participation['attendance'][number];

function ParticipationView({
  referralId,
  participation,
  editable,
}: {
  referralId: string;
  participation: Participation;
  editable: boolean;
}) {
  const { t } = useI18n();
  const columns: Column<Week>[] = [
    { key: 'week', header: t('referrals.week'), rowHeader: true, cell: (w) => w.week },
    {
      key: 'planned',
      header: t('referrals.planned'),
      numeric: true,
      cell: (w) => t('referrals.hours', { hours: w.plannedHours }),
    },
    {
      key: 'attended',
      header: t('referrals.attended'),
      numeric: true,
      cell: (w) => t('referrals.hours', { hours: w.attendedHours }),
    },
    {
      key: 'absence',
      header: t('referrals.absence'),
      cell: (w) =>
        w.absences
          .map((a) => `${t(absenceReasonLabels[a.reason])} ${t('referrals.hours', { hours: a.hours })}`)
          .join(', '),
    },
    {
      key: 'unexcused',
      header: t('referrals.unexcused'),
      numeric: true,
      cell: (w) => (w.unexcusedHours > 0 ? t('referrals.hours', { hours: w.unexcusedHours }) : ''),
    },
  ];
  return (
    <section className="participation">
      <h3>
        {t('referrals.participationLine', {
          insats: participation.insats.name,
          status: t(participationStatusLabels[participation.status]),
        })}
      </h3>
      {participation.attendance.length === 0 ? (
        <p>{t('referrals.noAttendance')}</p>
      ) : (
        <Table
          caption={t('referrals.attendanceCaption', { insats: participation.insats.name })}
          columns={columns}
          rows={participation.attendance}
          rowKey={(w) => w.weekStart}
        />
      )}
      <PaymentRequests participation={participation} />
      {editable && participation.status === 'active' ? (
        <>
          <AttendanceForm referralId={referralId} participationId={participation.id} />
          <PaymentRequestForm referralId={referralId} participationId={participation.id} />
          <EndParticipationForm referralId={referralId} participationId={participation.id} />
        </>
      ) : null}
    </section>
  );
}

function AttendanceForm({ referralId, participationId }: { referralId: string; participationId: string }) {
  const { t } = useI18n();
  const record = useRecordAttendance(referralId, participationId);
  const [week, setWeek] = useState(currentIsoWeek());
  const [planned, setPlanned] = useState('');
  const [attended, setAttended] = useState('');
  const [reason, setReason] = useState<AbsenceReason | ''>('');
  const [absent, setAbsent] = useState('');
  const [saved, setSaved] = useState(false);
  const form = useFormErrors({
    '/params/week': 'week',
    '/plannedHours': 'plannedHours',
    '/attendedHours': 'attendedHours',
    '/absences': 'absenceReason',
    '/absences/0/hours': 'absenceHours',
    '/absences/0/reason': 'absenceReason',
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    record.mutate(
      {
        week: week.trim(),
        input: {
          plannedHours: decimal(planned),
          attendedHours: decimal(attended),
          absences: reason ? [{ reason, hours: decimal(absent) }] : [],
        },
      },
      {
        onSuccess: () => {
          form.clear();
          setSaved(true);
        },
        onError: form.fail,
      },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <h4>{t('referrals.attendanceTitle')}</h4>
      <ErrorSummary errors={form.errors} />
      {saved ? (
        <Notice tone="success">
          <p role="status">{t('referrals.attendanceSaved')}</p>
        </Notice>
      ) : null}
      <TextField
        id="week"
        label={t('referrals.week')}
        hint={t('referrals.weekHint')}
        value={week}
        onChange={setWeek}
        error={errorFor(form.errors, 'week')}
        width="short"
        autoComplete="off"
      />
      <TextField
        id="plannedHours"
        label={t('referrals.plannedHours')}
        value={planned}
        onChange={setPlanned}
        error={errorFor(form.errors, 'plannedHours')}
        width="short"
        inputMode="decimal"
        autoComplete="off"
      />
      <TextField
        id="attendedHours"
        label={t('referrals.attendedHours')}
        value={attended}
        onChange={setAttended}
        error={errorFor(form.errors, 'attendedHours')}
        width="short"
        inputMode="decimal"
        autoComplete="off"
      />
      <SelectField
        id="absenceReason"
        label={t('referrals.absenceReason')}
        value={reason}
        onChange={(value) => setReason(value as AbsenceReason | '')}
        error={errorFor(form.errors, 'absenceReason')}
        options={[
          { value: '', label: t('referrals.noAbsence') },
          ...absenceReasons.map((value) => ({ value, label: t(absenceReasonLabels[value]) })),
        ]}
      />
      {reason ? (
        <TextField
          id="absenceHours"
          label={t('referrals.absenceHours')}
          value={absent}
          onChange={setAbsent}
          error={errorFor(form.errors, 'absenceHours')}
          width="short"
          inputMode="decimal"
          autoComplete="off"
        />
      ) : null}
      <button type="submit" className="button">
        {t('referrals.attendanceSubmit')}
      </button>
    </form>
  );
}
