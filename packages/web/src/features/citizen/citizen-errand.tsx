// One application as the citizen follows it: where it is (received, under review, needs
// completion, decided, paid), what the caseworker asks for and the upload to answer, and the
// decision with its letter and how to appeal (FL 2017:900 44 §, SoL 2025:400 16 kap. 3 §).
import type { CitizenErrand, CitizenStatus } from '@stegvis/server/api';
import { Link, useLocation, useParams } from 'react-router';
import type { DecisionOutcome } from '../../api/case-types.ts';
import { Page } from '../../components/page.tsx';
import { ActionError, LoadError, Loading, Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { decisionOutcomeLabels, errandTypeLabels } from '../../i18n/labels.ts';
import { letterUrl, useAddCompletionFile, useAnswerCompletion, useCitizenErrand } from './api.ts';
import { FileUpload } from './application-wizard.tsx';
import { citizenStatusLabels } from './citizen-home.tsx';

const STATUS_ORDER: CitizenStatus[] = ['received', 'underReview', 'needsCompletion', 'decided', 'paid'];

export function CitizenErrandRoute() {
  const { id = '' } = useParams();
  const { t, formatMonth } = useI18n();
  const errand = useCitizenErrand(id);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const data = errand.data;
  return (
    <>
      <p className="back-link">
        <Link to="/e-tjanst">{t('citizen.wizard.backHome')}</Link>
      </p>
      <Page
        title={
          data
            ? t('citizen.errand.title', {
                type: t(errandTypeLabels[data.type]),
                month: formatMonth(data.month),
              })
            : errand.isError
              ? t('citizen.application.titleFallback')
              : t('app.loading')
        }
      >
        {notice ? (
          <Notice tone="success">
            <p role="status">{notice}</p>
          </Notice>
        ) : null}
        {errand.isPending ? <Loading /> : null}
        {errand.isError ? <LoadError error={errand.error} /> : null}
        {data ? <ErrandView errand={data} /> : null}
      </Page>
    </>
  );
}

function ErrandView({ errand }: { errand: CitizenErrand }) {
  const { t, formatDateTime, formatMoney } = useI18n();
  const position = STATUS_ORDER.indexOf(errand.status);
  return (
    <>
      <section aria-labelledby="status-title">
        <h2 id="status-title">{t('citizen.errand.status')}</h2>
        <p data-testid="citizen-status">
          <strong>{t(citizenStatusLabels[errand.status])}</strong>
        </p>
        <ol className="citizen-steps">
          {STATUS_ORDER.filter((s) => s !== 'needsCompletion' || errand.status === 'needsCompletion').map(
            (s) => (
              <li
                key={s}
                aria-current={s === errand.status ? 'step' : undefined}
                className={STATUS_ORDER.indexOf(s) <= position ? 'citizen-steps__done' : undefined}
              >
                {t(citizenStatusLabels[s])}
              </li>
            ),
          )}
        </ol>
        <p className="muted">{t('citizen.home.received', { date: formatDateTime(errand.receivedAt) })}</p>
      </section>

      {errand.completionRequests.length > 0 ? (
        <section aria-labelledby="completion-title">
          <h2 id="completion-title">{t('citizen.completion.title')}</h2>
          {errand.completionRequests.map((request) => (
            <CompletionRequestView key={request.id} errandId={errand.id} request={request} />
          ))}
        </section>
      ) : null}

      {errand.decisions.length > 0 ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">{t('citizen.decision.title')}</h2>
          {errand.decisions.map((decision) => (
            <article key={decision.id} className="citizen-card">
              <h3>{t('citizen.decision.decidedAt', { date: formatDateTime(decision.decidedAt) })}</h3>
              <p>
                {t('citizen.decision.granted')}: <strong>{formatMoney(decision.grantedTotal)}</strong>
              </p>
              <ul>
                {decision.items.map((item) => (
                  <li key={item.description}>
                    {item.description}: {t(decisionOutcomeLabels[item.outcome as DecisionOutcome])},{' '}
                    {formatMoney(item.granted)}. {item.reasons}{' '}
                    <span className="muted">({item.legalBasis})</span>
                  </li>
                ))}
              </ul>
              {decision.hasLetter ? (
                <p>
                  <a href={letterUrl(decision.id)} target="_blank" rel="noopener">
                    {t('citizen.decision.letter')}
                  </a>
                </p>
              ) : null}
              <h4>{t('citizen.decision.appealTitle')}</h4>
              <p>{t('citizen.decision.appeal')}</p>
            </article>
          ))}
        </section>
      ) : null}

      {errand.files.length > 0 ? (
        <section aria-labelledby="files-title">
          <h2 id="files-title">{t('citizen.errand.files')}</h2>
          <ul>
            {errand.files.map((file) => (
              <li key={file.id}>
                {file.fileName} ({formatDateTime(file.uploadedAt)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function CompletionRequestView({
  errandId,
  request,
}: {
  errandId: string;
  request: CitizenErrand['completionRequests'][number];
}) {
  const { t, formatDateTime } = useI18n();
  const add = useAddCompletionFile(errandId, request.id);
  const answer = useAnswerCompletion(errandId, request.id);
  return (
    <article className="citizen-card">
      <h3>{t('citizen.completion.asked', { date: formatDateTime(request.requestedAt) })}</h3>
      <p className="citizen-quote">{request.documents}</p>
      {request.dueOn ? <p>{t('citizen.completion.due', { date: request.dueOn })}</p> : null}
      {request.files.length > 0 ? (
        <ul>
          {request.files.map((file) => (
            <li key={file.id}>{file.fileName}</li>
          ))}
        </ul>
      ) : null}
      {request.answeredAt ? (
        <p>
          <strong>{t('citizen.completion.answered', { date: formatDateTime(request.answeredAt) })}</strong>
        </p>
      ) : (
        <>
          <FileUpload
            id={`completionFile-${request.id}`}
            pending={add.isPending}
            onUpload={(file, done, failed) => add.mutate(file, { onSuccess: done, onError: failed })}
          />
          {answer.isError ? <ActionError error={answer.error} /> : null}
          <button type="button" className="button" onClick={() => !answer.isPending && answer.mutate()}>
            {t('citizen.completion.send')}
          </button>
        </>
      )}
    </article>
  );
}
