// Ansökan i e-tjänsten, one topic per page: contact, household, incomes, costs, attachments and
// a last look before sending. Every "Spara och fortsätt" saves the draft on the server, so the
// person can stop and come back on another device. Amounts are typed in kronor and stored as
// öre, mapped one to one to the errand's incomes and costs.
import type {
  CitizenAnswers,
  CitizenApplication,
  CitizenCostAnswer,
  CitizenIncomeAnswer,
  CitizenOverview,
  IncomeType,
  OtherLivingCostSubtype,
  ReasonableCostType,
} from '@stegvis/server/api';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { Fieldset, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { ActionError, LoadError, Loading, Notice } from '../../components/status.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { costTypeLabels, errandTypeLabels, incomeTypeLabels, otherCostLabels } from '../../i18n/labels.ts';
import { parseKronor } from '../../i18n/money.ts';
import type { MessageKey } from '../../i18n/sv.ts';
import {
  useAddApplicationFile,
  useApplication,
  useCitizenOverview,
  useConfirmApplication,
  useDeleteApplicationFile,
  useSaveApplication,
  useSubmitApplication,
} from './api.ts';

const STEPS = ['kontakt', 'hushall', 'inkomster', 'kostnader', 'bilagor', 'granska'] as const;
type Step = (typeof STEPS)[number];
const STEP_TITLES: Record<Step, MessageKey> = {
  kontakt: 'citizen.step.contact',
  hushall: 'citizen.step.household',
  inkomster: 'citizen.step.incomes',
  kostnader: 'citizen.step.costs',
  bilagor: 'citizen.step.files',
  granska: 'citizen.step.review',
};
/** Which page asks the question a server error points at. */
function stepOfPointer(pointer: string): Step {
  if (pointer.startsWith('/answers/phone') || pointer.startsWith('/answers/email')) return 'kontakt';
  if (pointer.startsWith('/answers/household')) return 'hushall';
  if (pointer.startsWith('/answers/incomes')) return 'inkomster';
  if (pointer.startsWith('/answers/costs')) return 'kostnader';
  if (pointer.startsWith('/file')) return 'bilagor';
  return 'granska';
}

const INCOME_TYPES = Object.keys(incomeTypeLabels) as IncomeType[];
const COST_TYPES = [...(Object.keys(costTypeLabels) as ReasonableCostType[]), 'otherLivingCost'] as const;
const OTHER_COSTS = Object.keys(otherCostLabels) as OtherLivingCostSubtype[];
const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export function ApplicationRoute() {
  const { id = '', step = 'kontakt' } = useParams();
  const application = useApplication(id);
  const overview = useCitizenOverview();
  const { t } = useI18n();
  const current = (STEPS as readonly string[]).includes(step) ? (step as Step) : 'kontakt';
  if (application.isPending || overview.isPending)
    return (
      <Page title={t('app.loading')}>
        <Loading />
      </Page>
    );
  if (application.isError || overview.isError)
    return (
      <Page title={t('citizen.application.titleFallback')}>
        <LoadError error={application.error ?? overview.error} />
      </Page>
    );
  return (
    <Wizard key={`${id}:${current}`} application={application.data} overview={overview.data} step={current} />
  );
}

function Wizard({
  application,
  overview,
  step,
}: {
  application: CitizenApplication;
  overview: CitizenOverview;
  step: Step;
}) {
  const { t, formatMonth } = useI18n();
  const navigate = useNavigate();
  const save = useSaveApplication(application.id);
  const [answers, setAnswers] = useState<CitizenAnswers>(application.answers);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const index = STEPS.indexOf(step);
  const next = STEPS[index + 1];
  const previous = STEPS[index - 1];
  const title = t(STEP_TITLES[step]);
  const base = `/e-tjanst/ansokan/${application.id}`;

  if (application.status === 'submitted') {
    return (
      <Page title={t('citizen.application.submittedTitle')}>
        <p>{t('citizen.application.alreadySubmitted', { month: formatMonth(application.month) })}</p>
        {application.errandId ? (
          <p>
            <Link to={`/e-tjanst/arenden/${application.errandId}`}>
              {t('citizen.application.followStatus')}
            </Link>
          </p>
        ) : null}
      </Page>
    );
  }

  function persist(then: string, validate?: () => FieldError[]) {
    const problems = validate?.() ?? [];
    setErrors(problems);
    if (problems.length > 0) return;
    save.mutate(answers, {
      onSuccess: () =>
        navigate(
          then,
          then === '/e-tjanst' ? { state: { notice: t('citizen.application.saved') } } : undefined,
        ),
      onError: (failure) =>
        setErrors(problemToFieldErrors(failure, {}, t(errorMessages[errorCodeOf(failure)]))),
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    persist(next ? `${base}/${next}` : base, validators[step]);
  }

  const validators: Partial<Record<Step, () => FieldError[]>> = {
    kontakt: () => {
      const problems: FieldError[] = [];
      if (!answers.phone?.trim() && !answers.email?.trim())
        problems.push({ field: 'phone', message: t('citizen.contact.missing') });
      const phone = answers.phone?.trim() ?? '';
      const digits = phone.replace(/\D/g, '').length;
      if (phone && (!/^\+?[\d\s()-]+$/.test(phone) || digits < 7 || digits > 15))
        problems.push({ field: 'phone', message: t('citizen.contact.badPhone') });
      if (answers.email?.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(answers.email.trim()))
        problems.push({ field: 'email', message: t('citizen.contact.badEmail') });
      return problems;
    },
    hushall: () => {
      if (answers.householdCorrect === null || answers.householdCorrect === undefined)
        return [{ field: 'householdCorrect-yes', message: t('citizen.household.missing') }];
      if (answers.householdCorrect === false && !answers.householdChanges?.trim())
        return [{ field: 'householdChanges', message: t('citizen.household.changesMissing') }];
      return [];
    },
  };

  return (
    <>
      <p className="back-link">
        {previous ? (
          <Link to={`${base}/${previous}`}>{t('citizen.wizard.back')}</Link>
        ) : (
          <Link to="/e-tjanst">{t('citizen.wizard.backHome')}</Link>
        )}
      </p>
      <Page title={title}>
        <p className="muted">
          {t('citizen.wizard.progress', {
            step: index + 1,
            total: STEPS.length,
            type: t(errandTypeLabels[application.type]),
            month: formatMonth(application.month),
          })}
        </p>
        {step === 'granska' ? (
          <Review application={application} overview={overview} base={base} />
        ) : step === 'bilagor' ? (
          <>
            <Files application={application} />
            <div className="button-row">
              <Link className="button" to={`${base}/granska`}>
                {t('citizen.wizard.continue')}
              </Link>
              <Link
                className="button button--secondary"
                to="/e-tjanst"
                state={{ notice: t('citizen.application.saved') }}
              >
                {t('citizen.wizard.later')}
              </Link>
            </div>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate className="form">
            <ErrorSummary errors={errors} />
            {step === 'kontakt' ? (
              <ContactStep answers={answers} setAnswers={setAnswers} errors={errors} />
            ) : null}
            {step === 'hushall' ? (
              <HouseholdStep answers={answers} setAnswers={setAnswers} errors={errors} overview={overview} />
            ) : null}
            {step === 'inkomster' ? (
              <IncomeStep answers={answers} setAnswers={setAnswers} overview={overview} />
            ) : null}
            {step === 'kostnader' ? <CostStep answers={answers} setAnswers={setAnswers} /> : null}
            <div className="button-row">
              <button type="submit" className="button">
                {save.isPending ? t('citizen.wizard.saving') : t('citizen.wizard.continue')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => !save.isPending && persist('/e-tjanst')}
              >
                {t('citizen.wizard.later')}
              </button>
            </div>
          </form>
        )}
      </Page>
    </>
  );
}

type StepProps = {
  answers: CitizenAnswers;
  setAnswers: (update: (current: CitizenAnswers) => CitizenAnswers) => void;
};

function ContactStep({ answers, setAnswers, errors }: StepProps & { errors: FieldError[] }) {
  const { t } = useI18n();
  return (
    <>
      <p>{t('citizen.contact.lead')}</p>
      <TextField
        id="phone"
        label={t('citizen.contact.phone')}
        hint={t('citizen.contact.phoneHint')}
        type="tel"
        autoComplete="tel"
        width="medium"
        value={answers.phone ?? ''}
        onChange={(phone) => setAnswers((a) => ({ ...a, phone }))}
        error={errorFor(errors, 'phone')}
      />
      <TextField
        id="email"
        label={t('citizen.contact.email')}
        type="email"
        autoComplete="email"
        optional
        value={answers.email ?? ''}
        onChange={(email) => setAnswers((a) => ({ ...a, email }))}
        error={errorFor(errors, 'email')}
      />
    </>
  );
}

function HouseholdStep({
  answers,
  setAnswers,
  errors,
  overview,
}: StepProps & { errors: FieldError[]; overview: CitizenOverview }) {
  const { t } = useI18n();
  const error = errorFor(errors, 'householdCorrect-yes');
  return (
    <>
      <p>{t('citizen.household.lead')}</p>
      <ul>
        {overview.household.members.map((m) => (
          <li key={m.personId}>{m.name}</li>
        ))}
      </ul>
      <div className={error ? 'field field--error' : 'field'}>
        <Fieldset legend={t('citizen.household.question')} id="householdCorrect">
          {error ? (
            <p id="householdCorrect-error" className="field__error">
              <span className="visually-hidden">{t('form.errorPrefix')}</span>
              {error}
            </p>
          ) : null}
          <div className="radio">
            <input
              type="radio"
              id="householdCorrect-yes"
              name="householdCorrect"
              checked={answers.householdCorrect === true}
              onChange={() => setAnswers((a) => ({ ...a, householdCorrect: true }))}
              aria-describedby={error ? 'householdCorrect-error' : undefined}
            />
            <label htmlFor="householdCorrect-yes">{t('citizen.yes')}</label>
          </div>
          <div className="radio">
            <input
              type="radio"
              id="householdCorrect-no"
              name="householdCorrect"
              checked={answers.householdCorrect === false}
              onChange={() => setAnswers((a) => ({ ...a, householdCorrect: false }))}
            />
            <label htmlFor="householdCorrect-no">{t('citizen.no')}</label>
          </div>
        </Fieldset>
      </div>
      {answers.householdCorrect === false ? (
        <TextArea
          id="householdChanges"
          label={t('citizen.household.changes')}
          hint={t('citizen.household.changesHint')}
          value={answers.householdChanges ?? ''}
          onChange={(householdChanges) => setAnswers((a) => ({ ...a, householdChanges }))}
          error={errorFor(errors, 'householdChanges')}
        />
      ) : null}
    </>
  );
}

function IncomeStep({ answers, setAnswers, overview }: StepProps & { overview: CitizenOverview }) {
  const { t, formatMoney } = useI18n();
  const [type, setType] = useState<IncomeType>(INCOME_TYPES[0] as IncomeType);
  const [personId, setPersonId] = useState(overview.person.id);
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>();
  const incomes = answers.incomes ?? [];
  const nameOf = (id: string | null) => overview.household.members.find((m) => m.personId === id)?.name ?? '';

  function add() {
    const ore = parseKronor(amount);
    if (ore === null || ore <= 0) {
      setError(t('citizen.amount.invalid'));
      return;
    }
    setError(undefined);
    const income: CitizenIncomeAnswer = { type, personId, amount: ore };
    setAnswers((a) => ({ ...a, incomes: [...(a.incomes ?? []), income] }));
    setAmount('');
  }

  return (
    <>
      <p>{t('citizen.incomes.lead')}</p>
      <h2>{t('citizen.incomes.listTitle')}</h2>
      {incomes.length === 0 ? (
        <p>{t('citizen.incomes.none')}</p>
      ) : (
        <ul className="citizen-list">
          {incomes.map((income, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: answers have no ids; the same income or cost may rightly appear twice
            <li key={`${income.type}-${i}`} className="citizen-list__item">
              {t(incomeTypeLabels[income.type])}, {nameOf(income.personId)}: {formatMoney(income.amount)}{' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  setAnswers((a) => ({ ...a, incomes: (a.incomes ?? []).filter((_, j) => j !== i) }))
                }
              >
                {t('citizen.remove')}
                <span className="visually-hidden"> {t(incomeTypeLabels[income.type])}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Fieldset legend={t('citizen.incomes.addTitle')} id="income-add">
        <SelectField
          id="incomeType"
          label={t('citizen.incomes.type')}
          value={type}
          onChange={(value) => setType(value as IncomeType)}
          options={INCOME_TYPES.map((value) => ({ value, label: t(incomeTypeLabels[value]) }))}
        />
        <SelectField
          id="incomePerson"
          label={t('citizen.incomes.person')}
          value={personId}
          onChange={setPersonId}
          options={overview.household.members.map((m) => ({ value: m.personId, label: m.name }))}
        />
        <TextField
          id="incomeAmount"
          label={t('citizen.amount.label')}
          hint={t('citizen.amount.hint')}
          inputMode="decimal"
          width="short"
          value={amount}
          onChange={setAmount}
          error={error}
        />
        <button type="button" className="button button--secondary" onClick={add}>
          {t('citizen.incomes.add')}
        </button>
      </Fieldset>
    </>
  );
}

function CostStep({ answers, setAnswers }: StepProps) {
  const { t, formatMoney } = useI18n();
  const [type, setType] = useState<(typeof COST_TYPES)[number]>('housing');
  const [subtype, setSubtype] = useState<OtherLivingCostSubtype>(OTHER_COSTS[0] as OtherLivingCostSubtype);
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>();
  const costs = answers.costs ?? [];
  const label = (cost: CitizenCostAnswer) =>
    cost.type === 'otherLivingCost'
      ? t(otherCostLabels[cost.subtype ?? 'other'])
      : t(costTypeLabels[cost.type]);

  function add() {
    const ore = parseKronor(amount);
    if (ore === null || ore <= 0) {
      setError(t('citizen.amount.invalid'));
      return;
    }
    setError(undefined);
    const cost: CitizenCostAnswer = {
      type,
      subtype: type === 'otherLivingCost' ? subtype : null,
      amount: ore,
    };
    setAnswers((a) => ({ ...a, costs: [...(a.costs ?? []), cost] }));
    setAmount('');
  }

  return (
    <>
      <p>{t('citizen.costs.lead')}</p>
      <h2>{t('citizen.costs.listTitle')}</h2>
      {costs.length === 0 ? (
        <p>{t('citizen.costs.none')}</p>
      ) : (
        <ul className="citizen-list">
          {costs.map((cost, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: answers have no ids; the same income or cost may rightly appear twice
            <li key={`${cost.type}-${i}`} className="citizen-list__item">
              {label(cost)}: {formatMoney(cost.amount)}{' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  setAnswers((a) => ({ ...a, costs: (a.costs ?? []).filter((_, j) => j !== i) }))
                }
              >
                {t('citizen.remove')}
                <span className="visually-hidden"> {label(cost)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Fieldset legend={t('citizen.costs.addTitle')} id="cost-add">
        <SelectField
          id="costType"
          label={t('citizen.costs.type')}
          value={type}
          onChange={(value) => setType(value as (typeof COST_TYPES)[number])}
          options={COST_TYPES.map((value) => ({
            value,
            label: value === 'otherLivingCost' ? t('citizen.costs.other') : t(costTypeLabels[value]),
          }))}
        />
        {type === 'otherLivingCost' ? (
          <SelectField
            id="costSubtype"
            label={t('citizen.costs.subtype')}
            value={subtype}
            onChange={(value) => setSubtype(value as OtherLivingCostSubtype)}
            options={OTHER_COSTS.map((value) => ({ value, label: t(otherCostLabels[value]) }))}
          />
        ) : null}
        <TextField
          id="costAmount"
          label={t('citizen.amount.label')}
          hint={t('citizen.amount.hint')}
          inputMode="decimal"
          width="short"
          value={amount}
          onChange={setAmount}
          error={error}
        />
        <button type="button" className="button button--secondary" onClick={add}>
          {t('citizen.costs.add')}
        </button>
      </Fieldset>
    </>
  );
}

/** A file picker with the investigation's limits, checked here first and again on the server. */
export function FileUpload({
  id,
  onUpload,
  pending,
}: {
  id: string;
  onUpload: (file: File, done: () => void, failed: (error: unknown) => void) => void;
  pending: boolean;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const error = errorFor(errors, id);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const file = input.current?.files?.[0];
    const problem = !file
      ? t('citizen.files.missing')
      : !FILE_TYPES.includes(file.type)
        ? t('citizen.files.wrongType')
        : file.size > MAX_FILE_BYTES
          ? t('citizen.files.tooLarge')
          : null;
    if (problem || !file) {
      setErrors([{ field: id, message: problem ?? '' }]);
      return;
    }
    onUpload(
      file,
      () => {
        setErrors([]);
        setUploaded(t('citizen.files.uploaded', { name: file.name }));
        if (input.current) input.current.value = '';
      },
      (failure) =>
        setErrors(problemToFieldErrors(failure, { '/file': id }, t(errorMessages[errorCodeOf(failure)]))),
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <ErrorSummary errors={errors} />
      {uploaded ? (
        <p role="status" className="notice notice--success">
          {uploaded}
        </p>
      ) : null}
      <div className={error ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={id}>
          {t('citizen.files.choose')}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t('citizen.files.hint')}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field__error">
            <span className="visually-hidden">{t('form.errorPrefix')}</span>
            {error}
          </p>
        ) : null}
        <input
          ref={input}
          id={id}
          name="file"
          type="file"
          className="file-input"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <button type="submit" className="button button--secondary">
        {pending ? t('citizen.files.uploading') : t('citizen.files.upload')}
      </button>
    </form>
  );
}

function Files({ application }: { application: CitizenApplication }) {
  const { t } = useI18n();
  const add = useAddApplicationFile(application.id);
  const remove = useDeleteApplicationFile(application.id);
  return (
    <>
      <p>{t('citizen.files.lead')}</p>
      <h2>{t('citizen.files.listTitle')}</h2>
      {application.files.length === 0 ? (
        <p>{t('citizen.files.none')}</p>
      ) : (
        <ul className="citizen-list">
          {application.files.map((file) => (
            <li key={file.id} className="citizen-list__item">
              {file.fileName} ({Math.ceil(file.sizeBytes / 1024)} kB){' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => remove.mutate(file.id)}
              >
                {t('citizen.remove')}
                <span className="visually-hidden"> {file.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {remove.isError ? <ActionError error={remove.error} /> : null}
      <FileUpload
        id="applicationFile"
        pending={add.isPending}
        onUpload={(file, done, failed) => add.mutate(file, { onSuccess: done, onError: failed })}
      />
    </>
  );
}

function Review({
  application,
  overview,
  base,
}: {
  application: CitizenApplication;
  overview: CitizenOverview;
  base: string;
}) {
  const { t, formatMoney, formatMonth } = useI18n();
  const submit = useSubmitApplication(application.id);
  const save = useSaveApplication(application.id);
  const confirm = useConfirmApplication(application.id);
  const mine = application.createdBy.personId === overview.person.id;
  const other = application.otherAdult;
  const waitingForOther = mine && other !== null && application.partnerConfirmedAt === null;
  const navigate = useNavigate();
  const a = application.answers;
  const [otherText, setOtherText] = useState(a.otherInformation ?? '');
  const nameOf = (id: string | null) => overview.household.members.find((m) => m.personId === id)?.name ?? '';
  const problems =
    submit.error instanceof ApiError && submit.error.status === 422 ? submit.error.fieldErrors : [];

  return (
    <>
      {problems.length > 0 ? (
        <div className="error-summary" tabIndex={-1} ref={(el) => el?.focus()}>
          <div role="alert">
            <h2 className="error-summary__title">{t('errorSummary.title')}</h2>
            <ul className="error-summary__list">
              {problems.map((p) => (
                <li key={p.pointer}>
                  <Link to={`${base}/${stepOfPointer(p.pointer)}`}>{p.detail}</Link>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : submit.isError || save.isError ? (
        <ActionError error={submit.error ?? save.error} />
      ) : null}
      <dl className="summary-list">
        <ReviewRow label={t('citizen.step.contact')} to={`${base}/kontakt`}>
          {[a.phone, a.email].filter(Boolean).join(', ') || t('citizen.review.missing')}
        </ReviewRow>
        <ReviewRow label={t('citizen.step.household')} to={`${base}/hushall`}>
          {a.householdCorrect === true
            ? t('citizen.review.householdCorrect')
            : a.householdCorrect === false
              ? a.householdChanges
              : t('citizen.review.missing')}
        </ReviewRow>
        <ReviewRow label={t('citizen.step.incomes')} to={`${base}/inkomster`}>
          {(a.incomes ?? []).length === 0
            ? t('citizen.incomes.none')
            : (a.incomes ?? []).map((i, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: answers have no ids; the same income or cost may rightly appear twice
                <span key={`${i.type}-${n}`} className="review-line">
                  {t(incomeTypeLabels[i.type])}, {nameOf(i.personId)}: {formatMoney(i.amount)}
                </span>
              ))}
        </ReviewRow>
        <ReviewRow label={t('citizen.step.costs')} to={`${base}/kostnader`}>
          {(a.costs ?? []).length === 0
            ? t('citizen.costs.none')
            : (a.costs ?? []).map((c, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: answers have no ids; the same income or cost may rightly appear twice
                <span key={`${c.type}-${n}`} className="review-line">
                  {c.type === 'otherLivingCost'
                    ? t(otherCostLabels[c.subtype ?? 'other'])
                    : t(costTypeLabels[c.type])}
                  : {formatMoney(c.amount)}
                </span>
              ))}
        </ReviewRow>
        <ReviewRow label={t('citizen.step.files')} to={`${base}/bilagor`}>
          {application.files.length === 0
            ? t('citizen.files.none')
            : application.files.map((f) => (
                <span key={f.id} className="review-line">
                  {f.fileName}
                </span>
              ))}
        </ReviewRow>
      </dl>
      {other ? (
        <Notice tone={application.partnerConfirmedAt ? 'success' : 'info'}>
          <p>{t('citizen.joint.lead')}</p>
          <p>
            {application.partnerConfirmedAt
              ? t('citizen.joint.confirmed', { name: mine ? other.name : t('citizen.joint.you') })
              : mine
                ? t('citizen.joint.waiting', { name: other.name })
                : t('citizen.joint.pleaseConfirm', { name: application.createdBy.name })}
          </p>
        </Notice>
      ) : null}
      {!mine ? (
        application.partnerConfirmedAt ? (
          <p>
            <Link to="/e-tjanst">{t('citizen.wizard.backHome')}</Link>
          </p>
        ) : (
          <>
            {confirm.isError ? <ActionError error={confirm.error} /> : null}
            <button type="button" className="button" onClick={() => !confirm.isPending && confirm.mutate()}>
              {t('citizen.joint.confirm')}
            </button>
          </>
        )
      ) : waitingForOther ? (
        <p>
          <Link className="button" to="/e-tjanst" state={{ notice: t('citizen.application.saved') }}>
            {t('citizen.wizard.later')}
          </Link>
        </p>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (submit.isPending || save.isPending) return;
            const sendNow = () =>
              submit.mutate(undefined, {
                onSuccess: (sent) =>
                  navigate(`/e-tjanst/arenden/${sent.errandId}`, {
                    state: { notice: t('citizen.review.thanks', { month: formatMonth(sent.month) }) },
                  }),
              });
            // A changed last answer is saved with the draft first, then the draft is sent as it is.
            const otherInformation = otherText.trim() || null;
            if (otherInformation === (a.otherInformation ?? null)) sendNow();
            else save.mutate({ ...a, otherInformation }, { onSuccess: sendNow });
          }}
        >
          <TextArea
            id="otherInformation"
            label={t('citizen.review.other')}
            optional
            value={otherText}
            onChange={setOtherText}
            rows={2}
          />
          <p>{t('citizen.review.truth')}</p>
          <button type="submit" className="button">
            {submit.isPending || save.isPending ? t('citizen.review.sending') : t('citizen.review.send')}
          </button>
        </form>
      )}
    </>
  );
}

function ReviewRow({ label, to, children }: { label: string; to: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
      <dd>
        <Link to={to}>
          {t('citizen.review.change')}
          <span className="visually-hidden"> {label}</span>
        </Link>
      </dd>
    </div>
  );
}
