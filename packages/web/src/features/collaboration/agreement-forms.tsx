// Keeping the agreements register (unit managers, as the server's routes say): a new
// överenskommelse with every criterion that makes it real — current, decided at management
// level, purpose, target group, procedure, division of responsibilities, review date — plus
// economic commitments and measurable goals; and a follow-up of an agreement and its goals.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import type { Agreement, NewAgreement, NewAgreementFollowUp } from '../../api/types.ts';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { Checkbox, Fieldset, TextArea, TextField } from '../../components/fields.tsx';
import { Loading, Notice } from '../../components/status.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { todayIso, usePartnerAgencies } from '../referrals/api.ts';

const MAX_ROWS = 10;

function useCreateAgreement() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (agreement: NewAgreement) => api.post<Agreement>('/api/v1/agreements', agreement),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agreements'] }),
  });
}

function useFollowUpAgreement(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (followUp: NewAgreementFollowUp) =>
      api.post<Agreement>(`/api/v1/agreements/${encodeURIComponent(id)}/follow-ups`, followUp),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agreements'] }),
  });
}

/** Pointers of the rows of a list field to the inputs that show their errors. */
function rowPointers(list: string, fields: string[], id: (index: number, field: string) => string) {
  const map: Record<string, string> = { [`/${list}`]: id(0, fields[0] ?? '') };
  for (let i = 0; i < MAX_ROWS; i++) for (const field of fields) map[`/${list}/${i}/${field}`] = id(i, field);
  return map;
}

const respId = (i: number, field: string) => `agreementResp-${i}-${field}`;
const goalId = (i: number, field: string) => `agreementGoal-${i}-${field}`;

export function NewAgreementForm() {
  const { t } = useI18n();
  const agencies = usePartnerAgencies();
  const create = useCreateAgreement();
  const [title, setTitle] = useState('');
  const [parties, setParties] = useState<string[]>([]);
  const [decidedBy, setDecidedBy] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validTo, setValidTo] = useState('');
  const [purpose, setPurpose] = useState('');
  const [targetGroup, setTargetGroup] = useState('');
  const [procedure, setProcedure] = useState('');
  const [responsibilities, setResponsibilities] = useState([
    { party: '', responsibility: '' },
    { party: '', responsibility: '' },
  ]);
  const [reviewOn, setReviewOn] = useState('');
  const [economic, setEconomic] = useState('');
  const [goals, setGoals] = useState([{ goal: '', measure: '' }]);
  const [created, setCreated] = useState<string | null>(null);
  const form = useFormErrors({
    '/title': 'agreementTitle',
    '/partyAgencyIds': 'agreementParty-0',
    '/decidedBy': 'agreementDecidedBy',
    '/decidedOn': 'agreementDecidedOn',
    '/validFrom': 'agreementValidFrom',
    '/validTo': 'agreementValidTo',
    '/purpose': 'agreementPurpose',
    '/targetGroup': 'agreementTargetGroup',
    '/procedure': 'agreementProcedure',
    '/reviewOn': 'agreementReviewOn',
    '/economicCommitments': 'agreementEconomic',
    ...rowPointers('responsibilities', ['party', 'responsibility'], respId),
    ...rowPointers('goals', ['goal', 'measure'], goalId),
  });
  if (agencies.isPending) return <Loading />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    create.mutate(
      {
        title,
        partyAgencyIds: parties,
        decidedBy,
        decidedOn,
        validFrom,
        validTo: validTo.trim() || null,
        purpose,
        targetGroup,
        procedure,
        responsibilities,
        reviewOn,
        economicCommitments: economic,
        goals,
      },
      {
        onSuccess: (agreement) => {
          form.clear();
          setCreated(agreement.title);
        },
        onError: form.fail,
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="new-agreement-title">
      <h2 id="new-agreement-title">{t('agreements.newTitle')}</h2>
      <p>{t('agreements.newIntro')}</p>
      <ErrorSummary errors={form.errors} />
      {created ? (
        <Notice tone="success">
          <p role="status">{t('agreements.created', { title: created })}</p>
        </Notice>
      ) : null}
      <TextField
        id="agreementTitle"
        label={t('agreements.name')}
        value={title}
        onChange={setTitle}
        error={errorFor(form.errors, 'agreementTitle')}
        autoComplete="off"
      />
      <Fieldset legend={t('agreements.parties')} id="agreementParties" hint={t('agreements.partiesHint')}>
        {errorFor(form.errors, 'agreementParty-0') ? (
          <p className="field__error">{errorFor(form.errors, 'agreementParty-0')}</p>
        ) : null}
        {(agencies.data?.items ?? []).map((agency, index) => (
          <Checkbox
            key={agency.id}
            id={`agreementParty-${index}`}
            label={agency.name}
            checked={parties.includes(agency.id)}
            onChange={(checked) =>
              setParties((list) => (checked ? [...list, agency.id] : list.filter((id) => id !== agency.id)))
            }
          />
        ))}
      </Fieldset>
      <TextField
        id="agreementDecidedBy"
        label={t('agreements.decidedBy')}
        hint={t('agreements.decidedByHint')}
        value={decidedBy}
        onChange={setDecidedBy}
        error={errorFor(form.errors, 'agreementDecidedBy')}
        autoComplete="off"
      />
      <TextField
        id="agreementDecidedOn"
        label={t('agreements.decidedOn')}
        hint={t('form.dateHint')}
        value={decidedOn}
        onChange={setDecidedOn}
        error={errorFor(form.errors, 'agreementDecidedOn')}
        width="short"
        autoComplete="off"
      />
      <TextField
        id="agreementValidFrom"
        label={t('agreements.validFrom')}
        hint={t('form.dateHint')}
        value={validFrom}
        onChange={setValidFrom}
        error={errorFor(form.errors, 'agreementValidFrom')}
        width="short"
        autoComplete="off"
      />
      <TextField
        id="agreementValidTo"
        label={t('agreements.validTo')}
        hint={t('agreements.validToHint')}
        optional
        value={validTo}
        onChange={setValidTo}
        error={errorFor(form.errors, 'agreementValidTo')}
        width="short"
        autoComplete="off"
      />
      <TextArea
        id="agreementPurpose"
        label={t('agreements.purpose')}
        value={purpose}
        onChange={setPurpose}
        error={errorFor(form.errors, 'agreementPurpose')}
        rows={2}
      />
      <TextArea
        id="agreementTargetGroup"
        label={t('agreements.targetGroup')}
        value={targetGroup}
        onChange={setTargetGroup}
        error={errorFor(form.errors, 'agreementTargetGroup')}
        rows={2}
      />
      <TextArea
        id="agreementProcedure"
        label={t('agreements.procedure')}
        hint={t('agreements.procedureHint')}
        value={procedure}
        onChange={setProcedure}
        error={errorFor(form.errors, 'agreementProcedure')}
        rows={3}
      />
      <Fieldset
        legend={t('agreements.responsibilities')}
        id="agreementResponsibilities"
        hint={t('agreements.responsibilitiesHint')}
      >
        {responsibilities.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are only added at the end, never reordered
          <div key={index} className="form__row">
            <TextField
              id={respId(index, 'party')}
              label={t('agreements.responsibilityParty', { n: index + 1 })}
              value={row.party}
              onChange={(party) =>
                setResponsibilities((list) => list.map((r, i) => (i === index ? { ...r, party } : r)))
              }
              error={errorFor(form.errors, respId(index, 'party'))}
              width="medium"
              autoComplete="off"
            />
            <TextArea
              id={respId(index, 'responsibility')}
              label={t('agreements.responsibilityText', { n: index + 1 })}
              value={row.responsibility}
              onChange={(responsibility) =>
                setResponsibilities((list) =>
                  list.map((r, i) => (i === index ? { ...r, responsibility } : r)),
                )
              }
              error={errorFor(form.errors, respId(index, 'responsibility'))}
              rows={2}
            />
          </div>
        ))}
        {responsibilities.length < MAX_ROWS ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setResponsibilities((list) => [...list, { party: '', responsibility: '' }])}
          >
            {t('agreements.addParty')}
          </button>
        ) : null}
      </Fieldset>
      <TextField
        id="agreementReviewOn"
        label={t('agreements.reviewOn')}
        hint={t('agreements.reviewOnHint')}
        value={reviewOn}
        onChange={setReviewOn}
        error={errorFor(form.errors, 'agreementReviewOn')}
        width="short"
        autoComplete="off"
      />
      <TextArea
        id="agreementEconomic"
        label={t('agreements.economicCommitments')}
        hint={t('agreements.economicHint')}
        optional
        value={economic}
        onChange={setEconomic}
        error={errorFor(form.errors, 'agreementEconomic')}
        rows={2}
      />
      <Fieldset legend={t('agreements.goals')} id="agreementGoals" hint={t('agreements.goalsHint')}>
        {goals.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are only added at the end, never reordered
          <div key={index} className="form__row">
            <TextField
              id={goalId(index, 'goal')}
              label={t('agreements.goalText', { n: index + 1 })}
              value={row.goal}
              onChange={(goal) => setGoals((list) => list.map((g, i) => (i === index ? { ...g, goal } : g)))}
              error={errorFor(form.errors, goalId(index, 'goal'))}
              autoComplete="off"
            />
            <TextField
              id={goalId(index, 'measure')}
              label={t('agreements.goalMeasure', { n: index + 1 })}
              value={row.measure}
              onChange={(measure) =>
                setGoals((list) => list.map((g, i) => (i === index ? { ...g, measure } : g)))
              }
              error={errorFor(form.errors, goalId(index, 'measure'))}
              autoComplete="off"
            />
          </div>
        ))}
        {goals.length < MAX_ROWS ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setGoals((list) => [...list, { goal: '', measure: '' }])}
          >
            {t('agreements.addGoal')}
          </button>
        ) : null}
      </Fieldset>
      <button type="submit" className="button" disabled={create.isPending}>
        {t('agreements.create')}
      </button>
    </form>
  );
}

/** A follow-up of one agreement: when, what was found, and the result per measurable goal. */
export function FollowUpForm({ agreement }: { agreement: Agreement }) {
  const { t } = useI18n();
  const followUp = useFollowUpAgreement(agreement.id);
  const prefix = `followUp-${agreement.id}`;
  const [followedUpOn, setFollowedUpOn] = useState(todayIso());
  const [summary, setSummary] = useState('');
  const [results, setResults] = useState<string[]>(agreement.goals.map(() => ''));
  const [saved, setSaved] = useState(false);
  const pointers: Record<string, string> = {
    '/followedUpOn': `${prefix}-on`,
    '/summary': `${prefix}-summary`,
  };
  for (let i = 0; i < agreement.goals.length; i++) {
    pointers[`/goalResults/${i}/result`] = `${prefix}-goal-${i}`;
    pointers[`/goalResults/${i}/goal`] = `${prefix}-goal-${i}`;
  }
  const form = useFormErrors(pointers);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    followUp.mutate(
      {
        followedUpOn,
        summary,
        goalResults: agreement.goals
          .map((g, i) => ({ goal: g.goal, result: results[i] ?? '' }))
          .filter((r) => r.result.trim() !== ''),
      },
      {
        onSuccess: () => {
          form.clear();
          setSummary('');
          setResults(agreement.goals.map(() => ''));
          setSaved(true);
        },
        onError: form.fail,
      },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('agreements.followUpTitle', { title: agreement.title })}</h3>
      <ErrorSummary errors={form.errors} />
      {saved ? (
        <Notice tone="success">
          <p role="status">{t('agreements.followUpSaved')}</p>
        </Notice>
      ) : null}
      <TextField
        id={`${prefix}-on`}
        label={t('agreements.followedUpOn')}
        hint={t('form.dateHint')}
        value={followedUpOn}
        onChange={setFollowedUpOn}
        error={errorFor(form.errors, `${prefix}-on`)}
        width="short"
        autoComplete="off"
      />
      <TextArea
        id={`${prefix}-summary`}
        label={t('agreements.followUpSummary')}
        value={summary}
        onChange={setSummary}
        error={errorFor(form.errors, `${prefix}-summary`)}
        rows={3}
      />
      {agreement.goals.map((goal, index) => (
        <TextField
          key={goal.goal}
          id={`${prefix}-goal-${index}`}
          label={t('agreements.goalResult', { goal: goal.goal })}
          hint={t('agreements.goalResultHint', { measure: goal.measure })}
          optional
          value={results[index] ?? ''}
          onChange={(value) => setResults((list) => list.map((r, i) => (i === index ? value : r)))}
          error={errorFor(form.errors, `${prefix}-goal-${index}`)}
          autoComplete="off"
        />
      ))}
      <button type="submit" className="button button--secondary" disabled={followUp.isPending}>
        {t('agreements.followUpSubmit')}
      </button>
    </form>
  );
}
