// Survey results for the unit manager, the nämnd and the auditors: aggregates only, small
// groups withheld; free text only after the unit manager has released an anonymised version.
import { useState } from 'react';
import { Link } from 'react-router';
import { type SurveyOccasion, type SurveyResults, surveyOccasions } from '../../api/types.ts';
import { SelectField, TextArea } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { ActionError, LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { surveyOccasionLabels } from '../../i18n/labels.ts';
import { useCurrentUser } from '../auth/api.ts';
import { usePendingComments, useReviewComment, useSurveyResults } from './api.ts';

type Row = SurveyResults['questions'][number];

export function SurveyResultsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [occasion, setOccasion] = useState<SurveyOccasion | ''>('');
  const results = useSurveyResults(occasion);
  const withheld = t('survey.withheld');
  const columns: Column<Row>[] = [
    { key: 'q', header: t('survey.question'), rowHeader: true, cell: (r) => r.text },
    {
      key: 'n',
      header: t('survey.answers'),
      numeric: true,
      cell: (r) => (r.answers === null ? withheld : r.answers),
    },
    {
      key: 'mean',
      header: t('survey.mean'),
      numeric: true,
      cell: (r) => (r.mean === null ? withheld : r.mean),
    },
    {
      key: 'index',
      header: t('survey.index'),
      numeric: true,
      cell: (r) => (r.index === null ? withheld : r.index),
    },
  ];
  return (
    <Page title={t('survey.resultsTitle')} lead={t('survey.resultsIntro')}>
      {user.role === 'unitManager' ? (
        <p>
          <Link to="/enkatfragor">{t('surveyQuestions.linkFromResults')}</Link>
        </p>
      ) : null}
      <SelectField
        id="occasion"
        label={t('survey.occasion')}
        value={occasion}
        onChange={(value) => setOccasion(value as SurveyOccasion | '')}
        options={[
          { value: '', label: t('survey.allOccasions') },
          ...surveyOccasions.map((value) => ({ value, label: t(surveyOccasionLabels[value]) })),
        ]}
      />
      {results.isPending ? <Loading /> : null}
      {results.isError ? <LoadError error={results.error} onRetry={() => results.refetch()} /> : null}
      {results.data ? (
        <>
          <p>
            {results.data.responses === null
              ? t('survey.tooFew', { threshold: results.data.suppressionThreshold })
              : t('survey.responses', { count: results.data.responses })}
          </p>
          <Table
            caption={t('survey.resultsTitle')}
            captionHidden
            columns={columns}
            rows={results.data.questions}
            rowKey={(r) => r.id}
          />
          <h2>{t('survey.commentsTitle')}</h2>
          {results.data.comments.length === 0 ? (
            <p>{t('survey.noComments')}</p>
          ) : (
            <ul>
              {results.data.comments.map((c) => (
                <li key={`${c.questionId}:${c.text}`}>{c.text}</li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {user.role === 'unitManager' ? <Review /> : null}
    </Page>
  );
}

function Review() {
  const { t } = useI18n();
  const pending = usePendingComments(true);
  if (pending.isPending) return <Loading />;
  if (pending.isError) return <LoadError error={pending.error} onRetry={() => pending.refetch()} />;
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{t('survey.reviewTitle')}</h2>
      <p>{t('survey.reviewIntro')}</p>
      {pending.data.items.length === 0 ? <p>{t('survey.reviewNone')}</p> : null}
      {pending.data.items.map((c, i) => (
        <ReviewOne key={c.id} id={c.id} index={i + 1} original={c.text} />
      ))}
    </section>
  );
}

function ReviewOne({ id, index, original }: { id: string; index: number; original: string }) {
  const { t } = useI18n();
  const review = useReviewComment();
  const [text, setText] = useState(original);
  return (
    <div className="review">
      <TextArea
        id={`comment-${id}`}
        label={t('survey.commentLabel', { index })}
        hint={t('survey.commentHint')}
        value={text}
        onChange={setText}
        rows={3}
      />
      {review.isError ? <ActionError error={review.error} /> : null}
      <p className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => review.mutate({ id, decision: 'release', text })}
        >
          {t('survey.release')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => review.mutate({ id, decision: 'reject', text: null })}
        >
          {t('survey.reject')}
        </button>
      </p>
    </div>
  );
}
