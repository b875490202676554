// Säkra meddelanden: the household writes to its caseworkers and reads their answers here,
// instead of e-mail. The caseworker's side is a small panel on the errand page.
import type { CitizenMessage } from '@stegvis/server/api';
import { type FormEvent, useState } from 'react';
import type { ErrandDetail } from '../../api/case-types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { TextArea } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCitizenMessages, useErrandMessages, useSendCitizenMessage, useSendErrandMessage } from './api.ts';

function Thread({ messages, label }: { messages: CitizenMessage[]; label: string }) {
  const { t, formatDateTime } = useI18n();
  if (messages.length === 0) return <p>{t('messages.none')}</p>;
  return (
    <ol className="citizen-list" aria-label={label}>
      {messages.map((m) => (
        <li key={m.id} className="citizen-list__item">
          <p className="muted">
            {m.author}, {formatDateTime(m.createdAt)}
          </p>
          <p className="citizen-quote">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}

function MessageForm({
  id,
  label,
  send,
}: {
  id: string;
  label: string;
  send: ReturnType<typeof useSendCitizenMessage>;
}) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sent, setSent] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (send.isPending) return;
    if (!body.trim()) {
      setErrors([{ field: id, message: t('messages.missing') }]);
      return;
    }
    send.mutate(body.trim(), {
      onSuccess: () => {
        setErrors([]);
        setBody('');
        setSent(true);
      },
      onError: (failure) =>
        setErrors(problemToFieldErrors(failure, { '/body': id }, t(errorMessages[errorCodeOf(failure)]))),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary errors={errors} />
      {sent ? (
        <p role="status" className="notice notice--success">
          {t('messages.sent')}
        </p>
      ) : null}
      <TextArea id={id} label={label} value={body} onChange={setBody} error={errorFor(errors, id)} rows={4} />
      <button type="submit" className="button">
        {send.isPending ? t('messages.sending') : t('messages.send')}
      </button>
    </form>
  );
}

export function CitizenMessagesRoute() {
  const { t } = useI18n();
  const messages = useCitizenMessages();
  const send = useSendCitizenMessage();
  return (
    <Page title={t('messages.title')} lead={t('messages.lead')}>
      {messages.isPending ? <Loading /> : null}
      {messages.isError ? <LoadError error={messages.error} onRetry={() => messages.refetch()} /> : null}
      {messages.data ? <Thread messages={messages.data} label={t('messages.title')} /> : null}
      <MessageForm id="citizenMessage" label={t('messages.write')} send={send} />
    </Page>
  );
}

export function ErrandMessagesPanel({ errand }: { errand: ErrandDetail }) {
  const { t } = useI18n();
  const messages = useErrandMessages(errand.id);
  const send = useSendErrandMessage(errand.id);
  return (
    <section className="case-section" aria-labelledby="errand-messages-title">
      <h2 id="errand-messages-title">{t('messages.staffTitle')}</h2>
      {messages.isPending ? <Loading /> : null}
      {messages.isError ? <LoadError error={messages.error} /> : null}
      {messages.data ? <Thread messages={messages.data} label={t('messages.staffTitle')} /> : null}
      <MessageForm id="staffMessage" label={t('messages.staffWrite')} send={send} />
    </section>
  );
}
