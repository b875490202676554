// The caseworker's side of komplettering on the errand page: ask for named documents (the
// household is notified by SMS or e-mail) and see what has come in.

import { type FormEvent, useState } from 'react';
import type { ErrandDetail } from '../../api/case-types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { TextArea, TextField } from '../../components/fields.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCompletionRequests, useRequestCompletion } from './api.ts';

export function CompletionPanel({ errand }: { errand: ErrandDetail }) {
  const { t, formatDateTime } = useI18n();
  const requests = useCompletionRequests(errand.id);
  const create = useRequestCompletion(errand.id);
  const [documents, setDocuments] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sent, setSent] = useState(false);
  const open = ['received', 'underInvestigation', 'awaitingCompletion'].includes(errand.state);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    if (!documents.trim()) {
      setErrors([{ field: 'completionDocuments', message: t('completion.documentsMissing') }]);
      return;
    }
    create.mutate(
      { documents: documents.trim(), dueOn: dueOn || null },
      {
        onSuccess: () => {
          setErrors([]);
          setDocuments('');
          setDueOn('');
          setSent(true);
        },
        onError: (failure) =>
          setErrors(
            problemToFieldErrors(
              failure,
              { '/documents': 'completionDocuments', '/dueOn': 'completionDueOn' },
              t(errorMessages[errorCodeOf(failure)]),
            ),
          ),
      },
    );
  }

  return (
    <section className="case-section" aria-labelledby="completion-panel-title">
      <h2 id="completion-panel-title">{t('completion.title')}</h2>
      {(requests.data ?? []).length === 0 ? <p>{t('completion.none')}</p> : null}
      <ul>
        {(requests.data ?? []).map((r) => (
          <li key={r.id}>
            {r.documents} ({formatDateTime(r.requestedAt)}
            {r.dueOn ? `, ${t('completion.dueShort', { date: r.dueOn })}` : ''}):{' '}
            <strong>
              {r.answeredAt
                ? t('completion.answered', { date: formatDateTime(r.answeredAt) })
                : t('completion.waiting')}
            </strong>
            {r.files.length > 0 ? ` – ${r.files.map((f) => f.fileName).join(', ')}` : ''}
          </li>
        ))}
      </ul>
      {sent ? (
        <p role="status" className="notice notice--success">
          {t('completion.sent')}
        </p>
      ) : null}
      {open ? (
        <form onSubmit={onSubmit} noValidate className="form">
          <ErrorSummary errors={errors} />
          <TextArea
            id="completionDocuments"
            label={t('completion.documents')}
            hint={t('completion.documentsHint')}
            value={documents}
            onChange={setDocuments}
            error={errorFor(errors, 'completionDocuments')}
            rows={3}
          />
          <TextField
            id="completionDueOn"
            label={t('completion.dueOn')}
            hint={t('completion.dueOnHint')}
            optional
            width="medium"
            value={dueOn}
            onChange={setDueOn}
            error={errorFor(errors, 'completionDueOn')}
          />
          <button type="submit" className="button">
            {t('completion.request')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
