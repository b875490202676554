// Journal side panel on the errand page: write an entry (tied to the errand) and read the
// person's entries, newest first. Entries are never edited; corrections are new entries.
import { type FormEvent, useState } from 'react';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { TextArea } from '../../components/fields.tsx';
import { LoadError, Loading } from '../../components/status.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useJournal, useWriteJournal } from './api.ts';

export function JournalPanel({
  personId,
  personName,
  errandId,
}: {
  personId: string;
  personName: string;
  errandId?: string;
}) {
  const { t, formatDateTime, formatMonth } = useI18n();
  const journal = useJournal(personId);
  const write = useWriteJournal(personId);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (write.isPending) return;
    if (!text.trim()) {
      setErrors([{ field: 'journalText', message: t('journal.empty') }]);
      return;
    }
    write.mutate(
      { text: text.trim(), ...(errandId ? { errandId } : {}) },
      {
        onSuccess: () => {
          setText('');
          setErrors([]);
        },
        onError: (error) =>
          setErrors(
            problemToFieldErrors(error, { '/text': 'journalText' }, t(errorMessages[errorCodeOf(error)])),
          ),
      },
    );
  }

  return (
    <aside className="side-panel" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('journal.title')}</h2>
      <p>{t('journal.intro', { name: personName })}</p>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        <TextArea
          id="journalText"
          label={t('journal.newEntry')}
          hint={t('journal.hint')}
          value={text}
          onChange={setText}
          error={errorFor(errors, 'journalText')}
          rows={4}
        />
        <button type="submit" className="button">
          {write.isPending ? t('journal.saving') : t('journal.save')}
        </button>
      </form>
      {journal.isPending ? <Loading /> : null}
      {journal.isError ? <LoadError error={journal.error} onRetry={() => journal.refetch()} /> : null}
      {journal.data ? (
        journal.data.length === 0 ? (
          <p>{t('journal.none')}</p>
        ) : (
          <ol className="journal-list" aria-label={t('journal.entries')}>
            {journal.data.map((entry) => (
              <li key={entry.id} className="journal-entry">
                <span className="journal-meta">
                  {formatDateTime(entry.writtenAt)} · {entry.author.name}
                  {entry.errand ? ` · ${formatMonth(entry.errand.month)}` : ''}
                  {entry.correctsId ? ` · ${t('journal.correction')}` : ''}
                  {entry.correctedBy.length > 0 ? ` · ${t('journal.corrected')}` : ''}
                </span>
                {entry.text}
              </li>
            ))}
          </ol>
        )
      ) : null}
    </aside>
  );
}
