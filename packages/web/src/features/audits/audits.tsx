// Granskning pages for the revisor: the list with the draw form, one audit with its files
// (pseudonyms) and findings, and one drawn file to read and review.
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AuditSample } from '../../api/types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { Checkbox, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { PeriodFields, usePeriodProblems } from '../../components/period-fields.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/sv.ts';
import {
  useAudit,
  useAuditFile,
  useAudits,
  useComparison,
  useDrawAudit,
  useReviewFindings,
  useUnits,
} from './api.ts';

const RESULTS = ['met', 'notMet', 'notApplicable'] as const;

function resultLabel(t: (key: MessageKey) => string, result: string) {
  return t(`audits.result.${result}` as MessageKey);
}

export function AuditListPage() {
  const { t, formatDateTime } = useI18n();
  const audits = useAudits();
  return (
    <Page title={t('audits.title')} lead={t('audits.intro')}>
      <DrawForm previous={audits.data ?? []} />
      <h2>{t('audits.earlier')}</h2>
      {audits.isPending ? <Loading /> : null}
      {audits.isError ? <LoadError error={audits.error} onRetry={() => audits.refetch()} /> : null}
      {audits.data && audits.data.length === 0 ? <p>{t('audits.none')}</p> : null}
      {audits.data && audits.data.length > 0 ? (
        <ul>
          {audits.data.map((a) => (
            <li key={a.id}>
              <Link to={`/granskning/${a.id}`}>{a.name}</Link>{' '}
              <span className="muted">
                {t('audits.drawnSummary', { size: a.size, seed: a.seed, at: formatDateTime(a.drawnAt) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}

function DrawForm({ previous }: { previous: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const units = useUnits();
  const drawAudit = useDrawAudit();
  const [draft, setDraft] = useState({
    name: '',
    size: '10',
    seed: '',
    from: '',
    to: '',
    unitId: '',
    longTermOnly: false,
    previousSampleId: '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const periodProblems = usePeriodProblems();
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!draft.name.trim()) problems.push({ field: 'name', message: t('audits.nameRequired') });
    if (!/^\d+$/.test(draft.size) || Number(draft.size) < 1 || Number(draft.size) > 200)
      problems.push({ field: 'size', message: t('audits.sizeInvalid') });
    if (draft.seed && !/^\d+$/.test(draft.seed))
      problems.push({ field: 'seed', message: t('audits.seedInvalid') });
    problems.push(...periodProblems(draft));
    setErrors(problems);
    if (problems.length > 0) return;
    try {
      const sample = await drawAudit.mutateAsync({
        name: draft.name.trim(),
        size: Number(draft.size),
        ...(draft.seed ? { seed: Number(draft.seed) } : {}),
        criteria: {
          from: draft.from,
          to: draft.to,
          unitId: draft.unitId || null,
          householdType: null,
          longTermOnly: draft.longTermOnly,
        },
        ...(draft.previousSampleId ? { previousSampleId: draft.previousSampleId } : {}),
      });
      navigate(`/granskning/${sample.id}`);
    } catch (error) {
      setErrors(
        problemToFieldErrors(
          error,
          {
            '/criteria/to': 'to',
            '/criteria/from': 'from',
            '/criteria': 'from',
            '/name': 'name',
            '/size': 'size',
            '/seed': 'seed',
          },
          t('audits.drawFailed'),
        ),
      );
    }
  }

  return (
    <form className="filters" onSubmit={onSubmit} noValidate aria-labelledby="draw-title">
      <h2 id="draw-title">{t('audits.draw')}</h2>
      <p>{t('audits.drawIntro')}</p>
      <ErrorSummary errors={errors} />
      <div className="filters__grid">
        <TextField
          id="name"
          label={t('audits.name')}
          value={draft.name}
          onChange={set('name')}
          error={errorFor(errors, 'name')}
        />
        <TextField
          id="size"
          label={t('audits.size')}
          value={draft.size}
          onChange={set('size')}
          error={errorFor(errors, 'size')}
          inputMode="numeric"
          width="short"
        />
        <PeriodFields from={draft.from} to={draft.to} onChange={set} errors={errors} />
        <SelectField
          id="unitId"
          label={t('reports.unit')}
          value={draft.unitId}
          onChange={set('unitId')}
          options={[
            { value: '', label: t('reports.allUnits') },
            ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <TextField
          id="seed"
          label={t('audits.seed')}
          hint={t('audits.seedHint')}
          value={draft.seed}
          onChange={set('seed')}
          error={errorFor(errors, 'seed')}
          inputMode="numeric"
          width="medium"
          optional
        />
        <SelectField
          id="previousSampleId"
          label={t('audits.previous')}
          value={draft.previousSampleId}
          onChange={set('previousSampleId')}
          options={[
            { value: '', label: t('audits.noPrevious') },
            ...previous.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
      </div>
      <Checkbox
        id="longTermOnly"
        label={t('audits.longTermOnly')}
        checked={draft.longTermOnly}
        onChange={(checked) => setDraft((d) => ({ ...d, longTermOnly: checked }))}
      />
      <button type="submit" className="button" disabled={drawAudit.isPending}>
        {t('audits.drawButton')}
      </button>
    </form>
  );
}

export function AuditPage({ id }: { id: string }) {
  const { t, formatMonth } = useI18n();
  const audit = useAudit(id);
  const comparison = useComparison(id, audit.data?.previousSampleId ?? null);
  const sample = audit.data;
  return (
    <Page title={sample ? sample.name : t('audits.title')}>
      <p>
        <Link to="/granskning">{t('audits.back')}</Link>
      </p>
      {audit.isPending ? <Loading /> : null}
      {audit.isError ? <LoadError error={audit.error} onRetry={() => audit.refetch()} /> : null}
      {sample ? (
        <>
          <p className="lead">
            {t('audits.sampleLead', {
              files: sample.files.length,
              from: formatMonth(sample.criteria.from),
              to: formatMonth(sample.criteria.to),
              seed: sample.seed,
            })}
          </p>
          <p className="button-row">
            <a
              className="button button--secondary"
              href={`/api/v1/audits/${sample.id}/report?format=pdf`}
              download
            >
              {t('audits.reportPdf')}
            </a>
            <a
              className="button button--secondary"
              href={`/api/v1/audits/${sample.id}/report?format=xlsx`}
              download
            >
              {t('audits.reportXlsx')}
            </a>
          </p>
          <SummaryTable sample={sample} />
          {comparison.data ? (
            <Table
              caption={t('audits.comparisonCaption', { earlier: comparison.data.earlier.name })}
              columns={[
                { key: 'title', header: t('audits.objective'), rowHeader: true, cell: (r) => r.title },
                {
                  key: 'earlier',
                  header: t('audits.earlierShare'),
                  numeric: true,
                  cell: (r) => share(r.earlier),
                },
                { key: 'later', header: t('audits.laterShare'), numeric: true, cell: (r) => share(r.later) },
                {
                  key: 'change',
                  header: t('audits.change'),
                  numeric: true,
                  cell: (r) =>
                    r.change === null
                      ? '–'
                      : `${r.change > 0 ? '+' : ''}${Math.round(r.change * 1000) / 10} %`,
                },
              ]}
              rows={comparison.data.objectives}
              rowKey={(r) => r.objective}
            />
          ) : null}
          <h2>{t('audits.files')}</h2>
          <Table
            caption={t('audits.filesCaption')}
            captionHidden
            columns={[
              {
                key: 'file',
                header: t('audits.file'),
                rowHeader: true,
                cell: (f) => <Link to={`/granskning/${sample.id}/akter/${f.itemNo}`}>{f.pseudonym}</Link>,
              },
              ...sample.objectives.map((o) => ({
                key: o.id,
                header: o.title,
                cell: (f: AuditSample['files'][number]) => {
                  const finding = f.findings.find((x) => x.objective === o.id);
                  return finding ? resultLabel(t, finding.result) : '–';
                },
              })),
            ]}
            rows={sample.files}
            rowKey={(f) => String(f.itemNo)}
          />
        </>
      ) : null}
    </Page>
  );
}

function share(value: number | null) {
  return value === null ? '–' : `${Math.round(value * 1000) / 10} %`;
}

function SummaryTable({ sample }: { sample: AuditSample }) {
  const { t } = useI18n();
  const columns: Column<AuditSample['summary'][number]>[] = [
    { key: 'title', header: t('audits.objective'), rowHeader: true, cell: (s) => s.title },
    { key: 'met', header: t('audits.result.met'), numeric: true, cell: (s) => s.met },
    { key: 'notMet', header: t('audits.result.notMet'), numeric: true, cell: (s) => s.notMet },
    { key: 'na', header: t('audits.result.notApplicable'), numeric: true, cell: (s) => s.notApplicable },
    { key: 'share', header: t('audits.shareMet'), numeric: true, cell: (s) => share(s.shareMet) },
  ];
  return (
    <Table
      caption={t('audits.summaryCaption')}
      columns={columns}
      rows={sample.summary}
      rowKey={(s) => s.objective}
    />
  );
}

export function AuditFilePage({ id, itemNo }: { id: string; itemNo: number }) {
  const { t, formatMoney, formatMonth } = useI18n();
  const file = useAuditFile(id, itemNo);
  const data = file.data;
  return (
    <Page title={data ? data.pseudonym : t('audits.file')}>
      <p>
        <Link to={`/granskning/${id}`}>{t('audits.backToAudit')}</Link>
      </p>
      <Notice>{t('audits.readLogged')}</Notice>
      {file.isPending ? <Loading /> : null}
      {file.isError ? <LoadError error={file.error} onRetry={() => file.refetch()} /> : null}
      {data ? (
        <>
          <h2>{t('audits.members')}</h2>
          <Table
            caption={t('audits.members')}
            captionHidden
            columns={[
              { key: 'name', header: t('audits.memberName'), rowHeader: true, cell: (m) => m.name },
              { key: 'pin', header: t('audits.pin'), cell: (m) => m.personalIdentityNumber },
              {
                key: 'role',
                header: t('audits.role'),
                cell: (m) => t(`audits.role.${m.role}` as MessageKey),
              },
            ]}
            rows={data.members}
            rowKey={(m) => `${m.personId}:${m.validFrom}`}
          />
          <h2>{t('audits.assessments')}</h2>
          {data.assessments.length === 0 ? <p>{t('audits.noAssessment')}</p> : null}
          <ul>
            {data.assessments.map((a) => (
              <li key={`${a.person}:${a.version}`}>
                {t('audits.assessmentLine', {
                  person: a.person,
                  version: a.version,
                  on: a.savedOn,
                  barrier: a.supportBarrier,
                })}
              </li>
            ))}
          </ul>
          <h2>{t('audits.plans')}</h2>
          {data.plans.length === 0 ? <p>{t('audits.noPlan')}</p> : null}
          {data.plans.map((p) => (
            <div key={`${p.person}:${p.version}`} className="case-section">
              <h3>{t('audits.planOf', { person: p.person, version: p.version, on: p.savedOn })}</h3>
              <p>{t('audits.goal', { goal: p.longTermGoal })}</p>
              <ul>
                {p.subGoals.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
              <p>
                {t('audits.followUps')}: {p.followUps.map((f) => f.heldOn).join(', ') || '–'}
              </p>
            </div>
          ))}
          <h2>{t('audits.decisions')}</h2>
          {data.decisions.map((d) => (
            <div key={`${d.month}:${d.decidedOn}`} className="case-section">
              <h3>
                {formatMonth(d.month)}: {formatMoney(d.grantedTotal)}
              </h3>
              <p>{d.reasoning || t('audits.noReasoning')}</p>
            </div>
          ))}
          <FindingsForm id={id} itemNo={itemNo} findings={data.findings} />
        </>
      ) : null}
    </Page>
  );
}

function FindingsForm({
  id,
  itemNo,
  findings,
}: {
  id: string;
  itemNo: number;
  findings: { objective: string; result: string; basis: string; comment: string }[];
}) {
  const { t } = useI18n();
  const audit = useAudit(id);
  const review = useReviewFindings(id, itemNo);
  const [draft, setDraft] = useState(() =>
    findings.map((f) => ({ objective: f.objective, result: f.result, comment: f.comment })),
  );
  const [saved, setSaved] = useState(false);
  const titleOf = (objective: string) =>
    audit.data?.objectives.find((o) => o.id === objective)?.title ?? objective;
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    await review.mutateAsync(draft);
    setSaved(true);
  }
  return (
    <form className="filters" onSubmit={onSubmit} noValidate aria-labelledby="findings-title">
      <h2 id="findings-title">{t('audits.findings')}</h2>
      {saved ? <Notice tone="success">{t('audits.findingsSaved')}</Notice> : null}
      {findings.map((f, index) => (
        <div key={f.objective}>
          <SelectField
            id={`result-${f.objective}`}
            label={titleOf(f.objective)}
            hint={f.basis}
            value={draft[index]?.result ?? f.result}
            onChange={(value) =>
              setDraft((d) => d.map((x, i) => (i === index ? { ...x, result: value } : x)))
            }
            options={RESULTS.map((r) => ({ value: r, label: resultLabel(t, r) }))}
          />
          <TextArea
            id={`comment-${f.objective}`}
            label={t('audits.commentFor', { objective: titleOf(f.objective) })}
            value={draft[index]?.comment ?? ''}
            onChange={(value) =>
              setDraft((d) => d.map((x, i) => (i === index ? { ...x, comment: value } : x)))
            }
            rows={2}
            optional
          />
        </div>
      ))}
      <button type="submit" className="button" disabled={review.isPending}>
        {t('audits.saveFindings')}
      </button>
    </form>
  );
}
