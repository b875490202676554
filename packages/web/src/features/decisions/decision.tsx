// Beslut: the decision form (per item outcome, amounts in kronor, reason templates and free
// text, legal basis; barnets bästa when there are children; an overall motivering) and, once
// decided, the decision with its letter as PDF and how the applicant appeals.
import { type FormEvent, useState } from 'react';
import {
  type Decision,
  type DecisionOutcome,
  decisionOutcomes,
  type ErrandDetail,
  type NewDecision,
} from '../../api/case-types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { Checkbox, Fieldset, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { decisionOutcomeLabels } from '../../i18n/labels.ts';
import { kronorInput, parseKronor } from '../../i18n/money.ts';
import { useDecide, useErrandDecisions, useReasonTemplates } from './api.ts';

type DecisionErrand = Pick<ErrandDetail, 'id' | 'state' | 'month' | 'latestCalculation' | 'household'>;

export function DecisionSection({ errand }: { errand: DecisionErrand }) {
  const { t } = useI18n();
  const decisions = useErrandDecisions(errand.id);

  return (
    <section className="case-section" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decision.title')}</h2>
      {decisions.isPending ? <Loading /> : null}
      {decisions.isError ? <LoadError error={decisions.error} onRetry={() => decisions.refetch()} /> : null}
      {decisions.data?.map((decision) => (
        <DecisionView key={decision.id} decision={decision} />
      ))}
      {errand.state === 'readyForDecision' ? (
        errand.latestCalculation ? (
          <DecisionForm errand={errand} />
        ) : (
          <Notice>
            <p>{t('decision.needsCalculation')}</p>
          </Notice>
        )
      ) : decisions.data && decisions.data.length === 0 ? (
        <p>{t('decision.notYet')}</p>
      ) : null}
    </section>
  );
}

type ItemDraft = {
  key: number;
  description: string;
  outcome: DecisionOutcome;
  requested: string;
  granted: string;
  templateIds: string[];
  reasons: string;
  legalBasis: string;
};

function DecisionForm({ errand }: { errand: DecisionErrand }) {
  const { t, formatMonth } = useI18n();
  const templates = useReasonTemplates();
  const decide = useDecide(errand.id);
  // What is left to decide: the calculated assistance after any decided reduction (SoL 2025:400
  // 12 kap. 5 §), which makes the decision a delavslag of the calculated need.
  const assistance = errand.latestCalculation?.assistance ?? 0;
  const reductions = errand.latestCalculation?.result.reductions ?? [];
  const need =
    reductions.length > 0 ? (errand.latestCalculation?.result.assistance ?? assistance) : assistance;
  const hasChildren = errand.household.members.some((m) => m.role === 'child');
  const [items, setItems] = useState<ItemDraft[]>(() => [
    {
      key: 0,
      description: t('decision.defaultDescription', { month: formatMonth(errand.month) }),
      outcome: assistance <= 0 ? 'rejected' : assistance < need ? 'partiallyGranted' : 'granted',
      requested: kronorInput(need),
      granted: kronorInput(assistance),
      templateIds: [],
      reasons: reductions.map((r) => r.reason).join(' '),
      legalBasis: '',
    },
  ]);
  const [childBestInterest, setChildBestInterest] = useState('');
  const [reasoning, setReasoning] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  const update = (key: number, patch: Partial<ItemDraft>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (decide.isPending) return;
    const problems: FieldError[] = [];
    const parsed = items.map((item, index) => {
      const requested = parseKronor(item.requested);
      const granted = parseKronor(item.granted);
      if (requested === null)
        problems.push({ field: `item-${index}-requested`, message: t('decision.amountInvalid') });
      if (granted === null)
        problems.push({ field: `item-${index}-granted`, message: t('decision.amountInvalid') });
      return {
        description: item.description.trim(),
        requested: requested ?? 0,
        granted: granted ?? 0,
        outcome: item.outcome,
        reasonTemplateIds: item.templateIds,
        reasons: item.reasons.trim(),
        legalBasis: item.legalBasis.trim(),
      };
    });
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    const input: NewDecision = {
      items: parsed,
      childBestInterest: childBestInterest.trim(),
      reasoning: reasoning.trim(),
    };
    const pointers: Record<string, string> = {
      '/items': 'item-0-description',
      '/childBestInterest': 'childBestInterest',
      '/reasoning': 'reasoning',
    };
    items.forEach((_, index) => {
      for (const field of ['description', 'requested', 'granted', 'outcome', 'reasons', 'legalBasis']) {
        pointers[`/items/${index}/${field}`] = `item-${index}-${field}`;
      }
      pointers[`/items/${index}/reasonTemplateIds`] = `item-${index}-reasons`;
      pointers[`/items/${index}`] = `item-${index}-description`;
    });
    decide.mutate(input, {
      onSuccess: () => setErrors([]),
      onError: (error) =>
        setErrors(problemToFieldErrors(error, pointers, t(errorMessages[errorCodeOf(error)]))),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="decision-form-title">
      <h3 id="decision-form-title">{t('decision.formTitle')}</h3>
      <ErrorSummary errors={errors} />
      {items.map((item, index) => {
        const id = (field: string) => `item-${index}-${field}`;
        const matching = (templates.data ?? []).filter((template) => template.outcome === item.outcome);
        return (
          <Fieldset key={item.key} id={id('fieldset')} legend={t('decision.item', { number: index + 1 })}>
            <TextField
              id={id('description')}
              label={t('decision.description')}
              value={item.description}
              onChange={(description) => update(item.key, { description })}
              error={errorFor(errors, id('description'))}
              autoComplete="off"
            />
            <SelectField
              id={id('outcome')}
              label={t('decision.outcome')}
              value={item.outcome}
              onChange={(value) =>
                update(item.key, {
                  outcome: value as DecisionOutcome,
                  templateIds: [],
                  ...(value === 'rejected' || value === 'dismissed' ? { granted: '0' } : {}),
                })
              }
              error={errorFor(errors, id('outcome'))}
              options={decisionOutcomes.map((value) => ({ value, label: t(decisionOutcomeLabels[value]) }))}
            />
            <TextField
              id={id('requested')}
              label={t('decision.requested')}
              hint={t('investigation.amountHint')}
              value={item.requested}
              onChange={(requested) => update(item.key, { requested })}
              error={errorFor(errors, id('requested'))}
              inputMode="decimal"
              autoComplete="off"
              width="medium"
            />
            <TextField
              id={id('granted')}
              label={t('decision.granted')}
              hint={t('investigation.amountHint')}
              value={item.granted}
              onChange={(granted) => update(item.key, { granted })}
              error={errorFor(errors, id('granted'))}
              inputMode="decimal"
              autoComplete="off"
              width="medium"
            />
            {matching.length > 0 ? (
              <Fieldset
                id={id('templates')}
                legend={t('decision.templates')}
                hint={t('decision.templatesHint')}
                optional
              >
                {matching.map((template) => (
                  <Checkbox
                    key={template.id}
                    id={id(`template-${template.id}`)}
                    label={template.title}
                    hint={`${template.text} (${template.legalBasis})`}
                    checked={item.templateIds.includes(template.id)}
                    onChange={(checked) =>
                      update(item.key, {
                        templateIds: checked
                          ? [...item.templateIds, template.id]
                          : item.templateIds.filter((other) => other !== template.id),
                      })
                    }
                  />
                ))}
              </Fieldset>
            ) : null}
            <TextArea
              id={id('reasons')}
              label={t('decision.reasons')}
              hint={t('decision.reasonsHint')}
              optional
              value={item.reasons}
              onChange={(reasons) => update(item.key, { reasons })}
              error={errorFor(errors, id('reasons'))}
              rows={3}
            />
            <TextField
              id={id('legalBasis')}
              label={t('decision.legalBasis')}
              hint={t('decision.legalBasisHint')}
              optional
              value={item.legalBasis}
              onChange={(legalBasis) => update(item.key, { legalBasis })}
              error={errorFor(errors, id('legalBasis'))}
              autoComplete="off"
            />
            {items.length > 1 ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setItems((current) => current.filter((other) => other.key !== item.key))}
              >
                {t('decision.removeItem', { number: index + 1 })}
              </button>
            ) : null}
          </Fieldset>
        );
      })}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setItems((current) => [
              ...current,
              {
                key: Math.max(...current.map((item) => item.key)) + 1,
                description: '',
                outcome: 'granted',
                requested: '',
                granted: '',
                templateIds: [],
                reasons: '',
                legalBasis: '',
              },
            ])
          }
        >
          {t('decision.addItem')}
        </button>
      </p>
      {hasChildren ? (
        <TextArea
          id="childBestInterest"
          label={t('decision.childBestInterest')}
          hint={t('decision.childBestInterestHint')}
          value={childBestInterest}
          onChange={setChildBestInterest}
          error={errorFor(errors, 'childBestInterest')}
          rows={4}
        />
      ) : null}
      <TextArea
        id="reasoning"
        label={t('decision.reasoning')}
        hint={t('decision.reasoningHint')}
        optional
        value={reasoning}
        onChange={setReasoning}
        error={errorFor(errors, 'reasoning')}
        rows={4}
      />
      <button type="submit" className="button">
        {decide.isPending ? t('decision.submitting') : t('decision.submit')}
      </button>
    </form>
  );
}

function DecisionView({ decision }: { decision: Decision }) {
  const { t, formatMoney, formatDateTime } = useI18n();
  const columns: Column<Decision['items'][number]>[] = [
    {
      key: 'description',
      header: t('decision.description'),
      rowHeader: true,
      cell: (item) => item.description,
    },
    { key: 'outcome', header: t('decision.outcome'), cell: (item) => t(decisionOutcomeLabels[item.outcome]) },
    {
      key: 'requested',
      header: t('decision.requestedShort'),
      numeric: true,
      cell: (item) => formatMoney(item.requested),
    },
    {
      key: 'granted',
      header: t('decision.grantedShort'),
      numeric: true,
      cell: (item) => formatMoney(item.granted),
    },
    { key: 'legalBasis', header: t('decision.legalBasis'), cell: (item) => item.legalBasis },
  ];
  return (
    <div className="decision">
      <Notice tone="success">
        <p>
          {t('decision.madeBy', { at: formatDateTime(decision.decidedAt), name: decision.decidedBy.name })}{' '}
          <strong>{t('decision.total', { amount: formatMoney(decision.grantedTotal) })}</strong>
        </p>
      </Notice>
      <Table
        caption={t('decision.itemsCaption')}
        captionHidden
        columns={columns}
        rows={decision.items}
        rowKey={(item) => `${item.description}-${item.outcome}-${item.granted}`}
      />
      {decision.items.map((item) =>
        item.reasons ? (
          <p key={`reasons-${item.description}`}>
            <strong>{t('decision.reasonsFor', { item: item.description })}</strong> {item.reasons}
          </p>
        ) : null,
      )}
      {decision.reasoning ? (
        <p>
          <strong>{t('decision.reasoning')}:</strong> {decision.reasoning}
        </p>
      ) : null}
      {decision.childBestInterest ? (
        <p>
          <strong>{t('decision.childBestInterest')}:</strong> {decision.childBestInterest}
        </p>
      ) : null}
      {decision.letter ? (
        <p>
          <a href={decision.letter.url} type="application/pdf" data-testid="decision-letter">
            {t('decision.letter')}
          </a>
        </p>
      ) : null}
      <h3>{t('decision.appealTitle')}</h3>
      <p>{t('decision.appeal')}</p>
    </div>
  );
}
