// The survey's questions for the unit manager: the order, which are asked, and new ones
// (scale 1–10 or free text). A question that has answers keeps its words and kind — answers
// stay with the question that was asked — so it is retired and a new one added instead.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/context.tsx';
import type { SurveyQuestion } from '../../api/types.ts';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { ActionError, LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Change = Partial<Pick<SurveyQuestion, 'text' | 'kind' | 'active' | 'position'>>;

function useQuestions() {
  const api = useApi();
  return useQuery({
    queryKey: ['survey-questions'],
    queryFn: () => api.get<{ items: SurveyQuestion[] }>('/api/v1/survey-questions'),
  });
}

function useChangeQuestion() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: Change }) =>
      api.patch<SurveyQuestion>(`/api/v1/survey-questions/${encodeURIComponent(id)}`, change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['survey-questions'] }),
  });
}

function useAddQuestion() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (question: { text: string; kind: string }) =>
      api.post<SurveyQuestion>('/api/v1/survey-questions', question),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['survey-questions'] }),
  });
}

export function SurveyQuestionsPage() {
  const { t } = useI18n();
  const questions = useQuestions();
  const change = useChangeQuestion();
  const [editing, setEditing] = useState<SurveyQuestion | null>(null);
  const items = questions.data?.items ?? [];
  /** Swap places with the neighbour above or below. */
  const move = (index: number, by: -1 | 1) => {
    const a = items[index];
    const b = items[index + by];
    if (!a || !b) return;
    change.mutate({ id: a.id, change: { position: b.position } });
    change.mutate({ id: b.id, change: { position: a.position } });
  };
  const columns: Column<SurveyQuestion>[] = [
    { key: 'text', header: t('surveyQuestions.question'), rowHeader: true, cell: (q) => q.text },
    { key: 'kind', header: t('surveyQuestions.kind'), cell: (q) => t(`surveyQuestions.kind.${q.kind}`) },
    {
      key: 'active',
      header: t('surveyQuestions.status'),
      cell: (q) => (q.active ? t('surveyQuestions.asked') : t('surveyQuestions.retired')),
    },
    { key: 'answers', header: t('surveyQuestions.answers'), numeric: true, cell: (q) => q.answers },
    {
      key: 'actions',
      header: t('surveyQuestions.actions'),
      cell: (q) => {
        const index = items.indexOf(q);
        return (
          <div className="table-actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={index === 0 || change.isPending}
              onClick={() => move(index, -1)}
            >
              {t('surveyQuestions.up')}
              <span className="visually-hidden">: {q.text}</span>
            </button>{' '}
            <button
              type="button"
              className="button button--secondary"
              disabled={index === items.length - 1 || change.isPending}
              onClick={() => move(index, 1)}
            >
              {t('surveyQuestions.down')}
              <span className="visually-hidden">: {q.text}</span>
            </button>{' '}
            <button
              type="button"
              className="button button--secondary"
              disabled={change.isPending}
              onClick={() => change.mutate({ id: q.id, change: { active: !q.active } })}
            >
              {q.active ? t('surveyQuestions.retire') : t('surveyQuestions.reactivate')}
              <span className="visually-hidden">: {q.text}</span>
            </button>
            {q.answers === 0 ? (
              <>
                {' '}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setEditing(q);
                  }}
                >
                  {t('surveyQuestions.edit')}
                  <span className="visually-hidden">: {q.text}</span>
                </button>
              </>
            ) : null}
          </div>
        );
      },
    },
  ];
  return (
    <Page title={t('surveyQuestions.title')} lead={t('surveyQuestions.intro')}>
      <p>
        <Link to="/enkatresultat">{t('surveyQuestions.resultsLink')}</Link>
      </p>
      {questions.isPending ? <Loading /> : null}
      {questions.isError ? <LoadError error={questions.error} onRetry={() => questions.refetch()} /> : null}
      {change.isError ? <ActionError error={change.error} /> : null}
      {items.length > 0 ? (
        <Table caption={t('surveyQuestions.title')} columns={columns} rows={items} rowKey={(q) => q.id} />
      ) : null}
      <QuestionForm key={editing?.id ?? 'new'} question={editing} onDone={() => setEditing(null)} />
    </Page>
  );
}

function QuestionForm({ question, onDone }: { question: SurveyQuestion | null; onDone: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened for a change: the keyboard user lands on the form's heading.
  useEffect(() => {
    if (question) heading.current?.focus();
  }, [question]);
  const add = useAddQuestion();
  const change = useChangeQuestion();
  const [text, setText] = useState(question?.text ?? '');
  const [kind, setKind] = useState<string>(question?.kind ?? 'scale');
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormErrors({ '/text': 'questionText', '/kind': 'questionKind' });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const handlers = {
      onSuccess: () => {
        form.clear();
        if (question) onDone();
        else {
          setText('');
          setSaved(t('surveyQuestions.added'));
        }
      },
      onError: form.fail,
    };
    if (question)
      change.mutate({ id: question.id, change: { text, kind: kind as SurveyQuestion['kind'] } }, handlers);
    else add.mutate({ text, kind }, handlers);
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="question-form-title">
      <h2 id="question-form-title" tabIndex={-1} ref={heading}>
        {question ? t('surveyQuestions.editTitle') : t('surveyQuestions.addTitle')}
      </h2>
      <p>{t('surveyQuestions.formHint')}</p>
      <ErrorSummary errors={form.errors} />
      {saved ? (
        <Notice tone="success">
          <p role="status">{saved}</p>
        </Notice>
      ) : null}
      <TextField
        id="questionText"
        label={t('surveyQuestions.question')}
        value={text}
        onChange={setText}
        error={errorFor(form.errors, 'questionText')}
        autoComplete="off"
      />
      <SelectField
        id="questionKind"
        label={t('surveyQuestions.kind')}
        value={kind}
        onChange={setKind}
        error={errorFor(form.errors, 'questionKind')}
        options={[
          { value: 'scale', label: t('surveyQuestions.kind.scale') },
          { value: 'text', label: t('surveyQuestions.kind.text') },
        ]}
      />
      <div>
        <button type="submit" className="button" disabled={add.isPending || change.isPending}>
          {question ? t('surveyQuestions.save') : t('surveyQuestions.add')}
        </button>
        {question ? (
          <>
            {' '}
            <button type="button" className="button button--secondary" onClick={onDone}>
              {t('surveyQuestions.cancel')}
            </button>
          </>
        ) : null}
      </div>
    </form>
  );
}
