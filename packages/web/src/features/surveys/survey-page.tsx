// The anonymous survey behind a one-time link: no login, a 1–10 scale per question and an
// optional comment. The answer cannot be traced back to the person; the link works once.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { SurveyAnswer, SurveyForm } from '../../api/types.ts';
import { ErrorSummary, type FieldError, problemToFieldErrors } from '../../components/error-summary.tsx';
import { TextArea } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAnswerSurvey, useSurveyForm } from './api.ts';

export function SurveyPage({ token }: { token: string }) {
  const { t } = useI18n();
  const form = useSurveyForm(token);
  const [done, setDone] = useState(false);
  if (done)
    return (
      <Page title={t('survey.thanksTitle')}>
        <Notice tone="success">
          <p role="status">{t('survey.thanks')}</p>
        </Notice>
      </Page>
    );
  const used = form.error instanceof ApiError && form.error.status === 409;
  return (
    <Page title={t('survey.title')} lead={t('survey.intro')}>
      {form.isPending ? <Loading /> : null}
      {used ? (
        <Notice tone="info">
          <p>{t('survey.alreadyAnswered')}</p>
        </Notice>
      ) : form.isError ? (
        <LoadError error={form.error} />
      ) : null}
      {form.data ? <Questions token={token} survey={form.data} onDone={() => setDone(true)} /> : null}
    </Page>
  );
}

function Questions({ token, survey, onDone }: { token: string; survey: SurveyForm; onDone: () => void }) {
  const { t } = useI18n();
  const answer = useAnswerSurvey(token);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const steps = Array.from(
    { length: survey.scale.max - survey.scale.min + 1 },
    (_, i) => survey.scale.min + i,
  );
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const answers: SurveyAnswer['answers'] = survey.questions.flatMap((q): SurveyAnswer['answers'] => {
      const score = scores[q.id];
      const text = texts[q.id]?.trim();
      if (q.kind === 'scale') return score === undefined ? [] : [{ questionId: q.id, score }];
      return text ? [{ questionId: q.id, text }] : [];
    });
    answer.mutate(
      { answers },
      {
        onSuccess: onDone,
        onError: (error) => setErrors(problemToFieldErrors(error, {}, t(errorMessages[errorCodeOf(error)]))),
      },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <ErrorSummary errors={errors} />
      {survey.questions.map((q) =>
        q.kind === 'scale' ? (
          <fieldset key={q.id} className="fieldset">
            <legend className="fieldset__legend">{q.text}</legend>
            <p className="field__hint">
              {t('survey.scaleHint', { min: survey.scale.min, max: survey.scale.max })}
            </p>
            <div className="scale">
              {steps.map((n) => (
                <label key={n} className="scale__option">
                  <input
                    type="radio"
                    name={q.id}
                    value={n}
                    checked={scores[q.id] === n}
                    onChange={() => setScores((s) => ({ ...s, [q.id]: n }))}
                  />{' '}
                  {n}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <TextArea
            key={q.id}
            id={`q-${q.id}`}
            label={q.text}
            hint={t('survey.textHint')}
            optional
            value={texts[q.id] ?? ''}
            onChange={(value) => setTexts((s) => ({ ...s, [q.id]: value }))}
            rows={4}
          />
        ),
      )}
      <button type="submit" className="button">
        {t('survey.submit')}
      </button>
    </form>
  );
}
