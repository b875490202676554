// Ärendedragning: the team's review of a case, with the outcome recorded; the unit's recorded
// reviews are listed on the queue's page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import type { CaseReview, NewCaseReview } from '../../api/types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { TextArea } from '../../components/fields.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { Table } from '../../components/table.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function useCaseReviews() {
  const api = useApi();
  return useQuery({
    queryKey: ['work-queues', 'case-reviews'],
    queryFn: async () => (await api.get<{ items: CaseReview[] }>('/api/v1/case-reviews')).items,
  });
}

export function CaseReviewList() {
  const { t } = useI18n();
  const reviews = useCaseReviews();
  return (
    <section aria-labelledby="reviews-title" className="case-section">
      <h2 id="reviews-title">{t('caseReview.recorded')}</h2>
      {reviews.isPending ? <Loading /> : null}
      {reviews.isError ? <LoadError error={reviews.error} onRetry={() => reviews.refetch()} /> : null}
      {reviews.data ? (
        reviews.data.length === 0 ? (
          <p>{t('caseReview.none')}</p>
        ) : (
          <Table
            caption={t('caseReview.recorded')}
            captionHidden
            rows={reviews.data}
            rowKey={(r) => r.id}
            columns={[
              { key: 'date', header: t('caseReview.date'), cell: (r) => r.reviewedOn },
              { key: 'name', header: t('queues.person'), rowHeader: true, cell: (r) => r.name },
              { key: 'outcome', header: t('caseReview.outcome'), cell: (r) => r.outcome },
              { key: 'by', header: t('caseReview.by'), cell: (r) => r.recordedBy },
            ]}
          />
        )
      ) : null}
    </section>
  );
}

export function CaseReviewSection({ personId }: { personId: string }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (input: NewCaseReview) =>
      api.post<CaseReview>(`/api/v1/persons/${encodeURIComponent(personId)}/case-reviews`, input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['work-queues'] });
    },
  });
  const [outcome, setOutcome] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (record.isPending) return;
    record.mutate(
      { outcome },
      {
        onSuccess: () => {
          setOutcome('');
          setErrors([]);
        },
        onError: (error) =>
          setErrors(
            problemToFieldErrors(
              error,
              { '/outcome': 'caseReviewOutcome' },
              t(errorMessages[errorCodeOf(error)]),
            ),
          ),
      },
    );
  }
  return (
    <section className="case-section" aria-labelledby="case-review-title">
      <h2 id="case-review-title">{t('caseReview.title')}</h2>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} />
        {record.isSuccess ? (
          <Notice tone="success">
            <p role="status">{t('caseReview.saved', { date: record.data.reviewedOn })}</p>
          </Notice>
        ) : null}
        <TextArea
          id="caseReviewOutcome"
          label={t('caseReview.outcome')}
          hint={t('caseReview.outcomeHint')}
          rows={2}
          value={outcome}
          onChange={setOutcome}
          error={errorFor(errors, 'caseReviewOutcome')}
        />
        <button type="submit" className="button button--secondary">
          {t('caseReview.save')}
        </button>
      </form>
    </section>
  );
}
