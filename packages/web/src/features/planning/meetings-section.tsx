// Möten: book a meeting (time, place or home visit, participants from other agencies for a
// flerpartssamtal); the server queues the invitation and a reminder to the person and to every
// participant with an e-mail address. Attendance or a no-show is recorded once it has begun
// (the server decides by its clock and refuses earlier).
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Meeting, NewMeeting } from '../../api/types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { Checkbox, Fieldset, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { ActionError, LoadError, Loading, Notice } from '../../components/status.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import { useBookMeeting, useMeetings, useRecordAttendance } from './api.ts';
import { partyLabel, type ResponsibleParty, responsibleParties } from './labels.ts';

type Purpose = NewMeeting['purpose'];
const PURPOSES: Purpose[] = ['followUp', 'multiParty', 'other'];
const purposeLabel = (p: string): MessageKey => `meeting.purpose.${p as Purpose}`;
const attendanceLabel = (a: string): MessageKey =>
  `meeting.attendance.${a as 'attended' | 'noShow' | 'cancelled'}`;

export function MeetingsSection({ personId }: { personId: string }) {
  const { t, formatDateTime } = useI18n();
  const meetings = useMeetings(personId);
  const attendance = useRecordAttendance(personId);
  const [booking, setBooking] = useState(false);
  const [booked, setBooked] = useState<Meeting | null>(null);

  return (
    <section className="case-section" aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t('meeting.title')}</h2>
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? <LoadError error={meetings.error} onRetry={() => meetings.refetch()} /> : null}
      {booked ? (
        <Notice tone="success">
          <p role="status">{t('meeting.booked', { count: booked.notificationsQueued })}</p>
        </Notice>
      ) : null}
      {attendance.isError ? (
        attendance.error instanceof ApiError && attendance.error.fieldErrors.length > 0 ? (
          <div className="notice notice--error" role="alert">
            {attendance.error.fieldErrors.map((e) => (
              <p key={e.pointer}>{e.detail}</p>
            ))}
          </div>
        ) : (
          <ActionError error={attendance.error} />
        )
      ) : null}
      {meetings.data ? (
        meetings.data.length === 0 ? (
          <p>{t('meeting.none')}</p>
        ) : (
          <ul className="journal-list">
            {meetings.data.map((m) => (
              <li key={m.id} className="journal-entry">
                <span className="journal-meta">
                  {formatDateTime(m.startsAt)} · {t(purposeLabel(m.purpose))} ·{' '}
                  {m.homeVisit ? t('meeting.homeVisit') : m.place}
                </span>
                {m.proposal ? (
                  <p>
                    <strong>{t('meeting.proposal')}:</strong> {m.proposal}
                  </p>
                ) : null}
                {m.participants.length > 0
                  ? `${t('meeting.participants')}: ${m.participants
                      .map((p) => `${t(partyLabel(p.party))}${p.name ? ` (${p.name})` : ''}`)
                      .join(', ')}`
                  : null}
                <p>
                  {m.attendance ? (
                    <strong>{t(attendanceLabel(m.attendance))}</strong>
                  ) : (
                    <span className="button-row">
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => attendance.mutate({ meetingId: m.id, attendance: 'attended' })}
                      >
                        {t('meeting.markAttended')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => attendance.mutate({ meetingId: m.id, attendance: 'noShow' })}
                      >
                        {t('meeting.markNoShow')}
                      </button>
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => attendance.mutate({ meetingId: m.id, attendance: 'cancelled' })}
                      >
                        {t('meeting.cancel')}
                      </button>
                    </span>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {booking ? (
        <MeetingForm
          personId={personId}
          onDone={(meeting) => {
            setBooking(false);
            setBooked(meeting);
          }}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setBooking(true)}>
          {t('meeting.book')}
        </button>
      )}
    </section>
  );
}

type ParticipantDraft = { party: string; name: string; email: string };

function MeetingForm({ personId, onDone }: { personId: string; onDone: (m: Meeting | null) => void }) {
  const { t } = useI18n();
  const book = useBookMeeting(personId);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  const [homeVisit, setHomeVisit] = useState(false);
  const [purpose, setPurpose] = useState<Purpose>('followUp');
  const [participants, setParticipants] = useState<ParticipantDraft[]>([]);
  const [proposal, setProposal] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const setAt = (i: number, patch: Partial<ParticipantDraft>) =>
    setParticipants((list) => list.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (book.isPending) return;
    const local: FieldError[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
      local.push({ field: 'meetingDate', message: t('form.dateFormat') });
    if (!/^\d{2}:\d{2}$/.test(time)) local.push({ field: 'meetingTime', message: t('meeting.timeFormat') });
    if (!homeVisit && !place.trim())
      local.push({ field: 'meetingPlace', message: t('meeting.placeMissing') });
    participants.forEach((p, i) => {
      if (!p.party) local.push({ field: `participant-${i}-party`, message: t('plan.responsibleMissing') });
    });
    if (local.length > 0) {
      setErrors(local);
      return;
    }
    const startsAt = new Date(`${date}T${time}:00`);
    const input: NewMeeting = {
      startsAt: startsAt.toISOString(),
      place: homeVisit ? null : place.trim(),
      homeVisit,
      purpose,
      proposal: purpose === 'multiParty' && proposal.trim() ? proposal.trim() : null,
      participants: participants.map((p) => ({
        party: p.party as ResponsibleParty,
        name: p.name.trim() || null,
        email: p.email.trim() || null,
      })),
    };
    book.mutate(input, {
      onSuccess: (meeting) => onDone(meeting),
      onError: (error) =>
        setErrors(
          problemToFieldErrors(
            error,
            {
              '/startsAt': 'meetingDate',
              '/place': 'meetingPlace',
              '/proposal': 'meetingProposal',
              ...Object.fromEntries(
                participants.map((_, i) => [`/participants/${i}/email`, `participant-${i}-email`]),
              ),
            },
            t(errorMessages[errorCodeOf(error)]),
          ),
        ),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('meeting.book')}>
      <ErrorSummary errors={errors} />
      <SelectField
        id="meetingPurpose"
        label={t('meeting.purpose')}
        value={purpose}
        onChange={(value) => setPurpose(value as Purpose)}
        options={PURPOSES.map((p) => ({ value: p, label: t(purposeLabel(p)) }))}
      />
      {purpose === 'multiParty' ? (
        <TextArea
          id="meetingProposal"
          label={t('meeting.proposal')}
          hint={t('meeting.proposalHint')}
          optional
          rows={3}
          value={proposal}
          onChange={setProposal}
          error={errorFor(errors, 'meetingProposal')}
        />
      ) : null}
      <TextField
        id="meetingDate"
        label={t('meeting.date')}
        hint={t('form.dateHint')}
        width="medium"
        value={date}
        onChange={setDate}
        error={errorFor(errors, 'meetingDate')}
      />
      <TextField
        id="meetingTime"
        label={t('meeting.time')}
        hint={t('meeting.timeHint')}
        width="short"
        value={time}
        onChange={setTime}
        error={errorFor(errors, 'meetingTime')}
      />
      <Checkbox id="homeVisit" label={t('meeting.homeVisit')} checked={homeVisit} onChange={setHomeVisit} />
      {homeVisit ? null : (
        <TextField
          id="meetingPlace"
          label={t('meeting.place')}
          value={place}
          onChange={setPlace}
          error={errorFor(errors, 'meetingPlace')}
        />
      )}
      {participants.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own until saved
        <Fieldset key={i} id={`participant-${i}`} legend={t('meeting.participantN', { n: i + 1 })}>
          <SelectField
            id={`participant-${i}-party`}
            label={t('meeting.participantParty', { n: i + 1 })}
            value={p.party}
            onChange={(value) => setAt(i, { party: value })}
            error={errorFor(errors, `participant-${i}-party`)}
            options={[
              { value: '', label: t('form.choose') },
              ...responsibleParties
                .filter((r) => r !== 'person')
                .map((r) => ({ value: r, label: t(partyLabel(r)) })),
            ]}
          />
          <TextField
            id={`participant-${i}-name`}
            label={t('meeting.participantName', { n: i + 1 })}
            optional
            value={p.name}
            onChange={(value) => setAt(i, { name: value })}
          />
          <TextField
            id={`participant-${i}-email`}
            label={t('meeting.participantEmail', { n: i + 1 })}
            hint={t('meeting.participantEmailHint')}
            optional
            type="email"
            value={p.email}
            onChange={(value) => setAt(i, { email: value })}
            error={errorFor(errors, `participant-${i}-email`)}
          />
        </Fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setParticipants((list) => [...list, { party: '', name: '', email: '' }])}
        >
          {t('meeting.addParticipant')}
        </button>
      </p>
      <p className="button-row">
        <button type="submit" className="button">
          {book.isPending ? t('journal.saving') : t('meeting.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('form.cancel')}
        </button>
      </p>
    </form>
  );
}
