// Closing an open referral, for the sending unit (withdrawing it, or when the case closes) or the
// receiving unit (its question answered). An insats in progress is left first — that is its own
// event with its own reason; the server says so, and its words are shown here.
import { type FormEvent, useState } from 'react';
import { type ReferralDetail, referralCloseReasons } from '../../api/types.ts';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { referralCloseReasonLabels } from '../../i18n/labels.ts';
import { todayIso, useReferralAction } from './api.ts';

export function CloseReferralForm({ referral }: { referral: ReferralDetail }) {
  const { t } = useI18n();
  const action = useReferralAction(referral.id);
  const [closedOn, setClosedOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const form = useFormErrors({ '/closedOn': 'closedOn', '/reason': 'closeReason', '/note': 'closeNote' });
  const inProgress = referral.participations.some((p) => p.status === 'active');
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    action.mutate(
      {
        action: 'close',
        body: { closedOn, ...(reason ? { reason } : {}), note: note.trim() ? note : null },
      },
      { onSuccess: form.clear, onError: form.fail },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="close-referral-title">
      <h2 id="close-referral-title">{t('referrals.closeTitle')}</h2>
      <p>{t('referrals.closeIntro')}</p>
      {inProgress ? (
        <Notice tone="warning">
          <p>{t('referrals.closeInProgress')}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={form.errors} />
      <TextField
        id="closedOn"
        label={t('referrals.closedOn')}
        hint={t('referrals.closedOnHint')}
        value={closedOn}
        onChange={setClosedOn}
        error={errorFor(form.errors, 'closedOn')}
        width="short"
        autoComplete="off"
      />
      <SelectField
        id="closeReason"
        label={t('referrals.closeReason')}
        value={reason}
        onChange={setReason}
        error={errorFor(form.errors, 'closeReason')}
        options={[
          { value: '', label: t('referrals.closeReasonChoose') },
          ...referralCloseReasons.map((value) => ({ value, label: t(referralCloseReasonLabels[value]) })),
        ]}
      />
      <TextArea
        id="closeNote"
        label={t('referrals.closeNote')}
        hint={t('referrals.closeNoteHint')}
        optional
        value={note}
        onChange={setNote}
        error={errorFor(form.errors, 'closeNote')}
        rows={2}
      />
      <button type="submit" className="button button--secondary" disabled={action.isPending}>
        {t('referrals.closeSubmit')}
      </button>
    </form>
  );
}
