// On the person page, for the caseworker: the person's referrals with their status and waiting
// days, sending a new one, and the person's consents. Across a nämnd boundary the server
// refuses a referral without valid consent, and the refusal is shown beside the unit field.
import { type FormEvent, useState } from 'react';
import { type Consent, type ConsentScope, consentScopes, type NewReferral } from '../../api/types.ts';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { Checkbox, Fieldset, SelectField, TextArea, TextField } from '../../components/fields.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { consentFormLabels, consentScopeLabels } from '../../i18n/labels.ts';
import { useCurrentUser } from '../auth/api.ts';
import {
  todayIso,
  useConsents,
  useInsatser,
  usePartnerAgencies,
  usePersonReferrals,
  useRecordConsent,
  useSendReferral,
  useUnitList,
} from './api.ts';
import { ReferralTable } from './referral-queue.tsx';

export function PersonReferrals({ personId }: { personId: string }) {
  const { t } = useI18n();
  const referrals = usePersonReferrals(personId);
  return (
    <section aria-labelledby="referrals-title" className="section">
      <h2 id="referrals-title">{t('referrals.personTitle')}</h2>
      {referrals.isPending ? <Loading /> : null}
      {referrals.isError ? <LoadError error={referrals.error} onRetry={() => referrals.refetch()} /> : null}
      {referrals.data && referrals.data.items.length === 0 ? <p>{t('referrals.personNone')}</p> : null}
      {referrals.data && referrals.data.items.length > 0 ? (
        <ReferralTable caption={t('referrals.personTitle')} rows={referrals.data.items} />
      ) : null}
      <SendReferral personId={personId} />
      <Consents personId={personId} />
    </section>
  );
}

type Direction = NewReferral['direction'];
const DIRECTIONS: Direction[] = ['internal', 'outgoing', 'incoming'];

/**
 * A referral for the person: to a unit in the municipality, out to another authority (psychiatry,
 * the samordningsförbund …) or registered as received from one (Arbetsförmedlingen,
 * Försäkringskassan, the region). Across a secrecy boundary — another nämnd or another authority —
 * the server refuses without the person's valid consent, and says so beside the recipient field.
 */
function SendReferral({ personId }: { personId: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const units = useUnitList();
  const insatser = useInsatser();
  const agencies = usePartnerAgencies();
  const send = useSendReferral(personId);
  const [direction, setDirection] = useState<Direction>('internal');
  const [toUnitId, setToUnitId] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [question, setQuestion] = useState('');
  const [insatsId, setInsatsId] = useState('');
  const [sent, setSent] = useState<Direction | null>(null);
  const form = useFormErrors({
    '/toUnitId': 'toUnitId',
    '/toAgencyId': 'toAgencyId',
    '/fromAgencyId': 'fromAgencyId',
    '/receivedOn': 'receivedOn',
    '/question': 'question',
    '/insatsId': 'insatsId',
  });
  if (units.isPending || insatser.isPending || agencies.isPending) return <Loading />;
  if (units.isError) return <LoadError error={units.error} onRetry={() => units.refetch()} />;
  const others = units.data.items.filter((u) => u.id !== user.unit?.id);
  const own = units.data.items.find((u) => u.id === user.unit?.id);
  // The default is the first unit under another nämnd (the labour-market unit in the demo).
  const chosen =
    toUnitId || others.find((u) => u.committeeId !== own?.committeeId)?.id || others[0]?.id || '';
  const chosenUnit = others.find((u) => u.id === chosen);
  const acrossBoundary = chosenUnit !== undefined && chosenUnit.committeeId !== own?.committeeId;
  const agencyOptions = [
    { value: '', label: t('referrals.chooseAgency') },
    ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
  ];
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const body: NewReferral =
      direction === 'internal'
        ? { direction, toUnitId: chosen, question, insatsId: insatsId || null }
        : direction === 'outgoing'
          ? { direction, toAgencyId: agencyId, question }
          : { direction, fromAgencyId: agencyId, question, receivedOn };
    send.mutate(body, {
      onSuccess: () => {
        form.clear();
        setQuestion('');
        setSent(direction);
      },
      onError: form.fail,
    });
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <h3>{t('referrals.sendTitle')}</h3>
      <ErrorSummary errors={form.errors} />
      {sent ? (
        <Notice tone="success">
          <p role="status">
            {t(sent === 'incoming' ? 'referrals.registeredNotice' : 'referrals.sentNotice')}
          </p>
        </Notice>
      ) : null}
      <Fieldset legend={t('referrals.direction')} id="referralDirection">
        {DIRECTIONS.map((value) => (
          <div className="checkbox" key={value}>
            <input
              id={`direction-${value}`}
              name="direction"
              type="radio"
              className="checkbox__input"
              checked={direction === value}
              onChange={() => {
                setDirection(value);
                form.clear();
                setSent(null);
              }}
            />
            <label className="checkbox__label" htmlFor={`direction-${value}`}>
              {t(`referrals.direction.${value}`)}
            </label>
          </div>
        ))}
      </Fieldset>
      {direction === 'internal' ? (
        <>
          <SelectField
            id="toUnitId"
            label={t('referrals.toUnit')}
            hint={t('referrals.toUnitHint')}
            value={chosen}
            onChange={setToUnitId}
            error={errorFor(form.errors, 'toUnitId')}
            options={others.map((u) => ({
              value: u.id,
              label: t('referrals.unitOption', { unit: u.name, committee: u.committee }),
            }))}
          />
          <p className="field__hint" id="consentRule">
            {acrossBoundary ? t('referrals.consentNeededUnit') : t('referrals.consentNotNeeded')}
          </p>
        </>
      ) : null}
      {direction === 'outgoing' ? (
        <SelectField
          id="toAgencyId"
          label={t('referrals.toAgency')}
          hint={t('referrals.consentNeededAgency')}
          value={agencyId}
          onChange={setAgencyId}
          error={errorFor(form.errors, 'toAgencyId')}
          options={agencyOptions}
        />
      ) : null}
      {direction === 'incoming' ? (
        <>
          <SelectField
            id="fromAgencyId"
            label={t('referrals.fromAgency')}
            hint={t('referrals.fromAgencyHint')}
            value={agencyId}
            onChange={setAgencyId}
            error={errorFor(form.errors, 'fromAgencyId')}
            options={agencyOptions}
          />
          <TextField
            id="receivedOn"
            label={t('referrals.receivedOn')}
            hint={t('referrals.receivedOnHint')}
            value={receivedOn}
            onChange={setReceivedOn}
            error={errorFor(form.errors, 'receivedOn')}
            width="short"
            autoComplete="off"
          />
        </>
      ) : null}
      <TextArea
        id="question"
        label={t('referrals.question')}
        hint={t('referrals.questionHint')}
        value={question}
        onChange={setQuestion}
        error={errorFor(form.errors, 'question')}
        rows={3}
      />
      {direction === 'internal' ? (
        <SelectField
          id="insatsId"
          label={t('referrals.wantedInsats')}
          optional
          value={insatsId}
          onChange={setInsatsId}
          error={errorFor(form.errors, 'insatsId')}
          options={[
            { value: '', label: t('referrals.noInsats') },
            ...(insatser.data?.items ?? []).map((i) => ({ value: i.id, label: i.name })),
          ]}
        />
      ) : null}
      <button type="submit" className="button">
        {t(direction === 'incoming' ? 'referrals.register' : 'referrals.send')}
      </button>
    </form>
  );
}

function addYear(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCFullYear(next.getUTCFullYear() + 1);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

function Consents({ personId }: { personId: string }) {
  const { t } = useI18n();
  const consents = useConsents(personId);
  const units = useUnitList();
  const agencies = usePartnerAgencies();
  const record = useRecordConsent(personId);
  const [recipient, setRecipient] = useState('');
  const [scope, setScope] = useState<ConsentScope[]>(['referral', 'attendance', 'assessment']);
  const [givenOn, setGivenOn] = useState(todayIso());
  const [expiresOn, setExpiresOn] = useState(addYear(todayIso()));
  const [consentForm, setConsentForm] = useState<Consent['form']>('written');
  const [recorded, setRecorded] = useState(false);
  const form = useFormErrors({
    '/agencyId': 'consentRecipient',
    '/committeeId': 'consentRecipient',
    '/scope': 'scope-referral',
    '/givenOn': 'consentGivenOn',
    '/expiresOn': 'consentExpiresOn',
  });
  const committees = [
    ...new Map((units.data?.items ?? []).map((u) => [u.committeeId, u.committee])).entries(),
  ];
  const options = [
    ...committees.map(([id, name]) => ({
      value: `committee:${id}`,
      label: t('consents.committeeOption', { name }),
    })),
    ...(agencies.data?.items ?? []).map((a) => ({ value: `agency:${a.id}`, label: a.name })),
  ];
  const chosen =
    recipient || options.find((o) => o.value === 'committee:aln')?.value || options[0]?.value || '';
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setRecorded(false);
    const [kind, id] = chosen.split(':');
    record.mutate(
      {
        agencyId: kind === 'agency' ? (id ?? null) : null,
        committeeId: kind === 'committee' ? (id ?? null) : null,
        scope,
        givenOn,
        expiresOn,
        form: consentForm,
      },
      {
        onSuccess: () => {
          form.clear();
          setRecorded(true);
        },
        onError: form.fail,
      },
    );
  }
  const columns: Column<Consent>[] = [
    { key: 'recipient', header: t('consents.recipient'), rowHeader: true, cell: (c) => c.recipient.name },
    {
      key: 'scope',
      header: t('consents.scope'),
      cell: (c) => c.scope.map((s) => t(consentScopeLabels[s])).join(', '),
    },
    { key: 'given', header: t('consents.givenOn'), cell: (c) => c.givenOn },
    { key: 'expires', header: t('consents.expiresOn'), cell: (c) => c.expiresOn },
    {
      key: 'valid',
      header: t('consents.validity'),
      cell: (c) => (c.valid ? t('consents.valid') : t('consents.invalid')),
    },
  ];
  return (
    <section aria-labelledby="consents-title">
      <h3 id="consents-title">{t('consents.title')}</h3>
      <p>{t('consents.legal')}</p>
      {consents.isPending ? <Loading /> : null}
      {consents.isError ? <LoadError error={consents.error} onRetry={() => consents.refetch()} /> : null}
      {consents.data && consents.data.items.length === 0 ? <p>{t('consents.none')}</p> : null}
      {consents.data && consents.data.items.length > 0 ? (
        <Table
          caption={t('consents.title')}
          captionHidden
          columns={columns}
          rows={consents.data.items}
          rowKey={(c) => c.id}
        />
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <h4>{t('consents.add')}</h4>
        <ErrorSummary errors={form.errors} />
        {recorded ? (
          <Notice tone="success">
            <p role="status">{t('consents.recorded')}</p>
          </Notice>
        ) : null}
        <SelectField
          id="consentRecipient"
          label={t('consents.recipient')}
          value={chosen}
          onChange={setRecipient}
          error={errorFor(form.errors, 'consentRecipient')}
          options={options}
        />
        <Fieldset legend={t('consents.scope')} id="consent-scope">
          {consentScopes.map((value) => (
            <Checkbox
              key={value}
              id={`scope-${value}`}
              label={t(consentScopeLabels[value])}
              checked={scope.includes(value)}
              error={value === 'referral' ? errorFor(form.errors, 'scope-referral') : undefined}
              onChange={(checked) =>
                setScope((current) => (checked ? [...current, value] : current.filter((s) => s !== value)))
              }
            />
          ))}
        </Fieldset>
        <TextField
          id="consentGivenOn"
          label={t('consents.givenOn')}
          value={givenOn}
          onChange={setGivenOn}
          error={errorFor(form.errors, 'consentGivenOn')}
          width="short"
          autoComplete="off"
        />
        <TextField
          id="consentExpiresOn"
          label={t('consents.expiresOn')}
          value={expiresOn}
          onChange={setExpiresOn}
          error={errorFor(form.errors, 'consentExpiresOn')}
          width="short"
          autoComplete="off"
        />
        <SelectField
          id="consentForm"
          label={t('consents.form')}
          value={consentForm}
          onChange={(value) => setConsentForm(value as Consent['form'])}
          options={(['written', 'oral', 'digital'] as const).map((value) => ({
            value,
            label: t(consentFormLabels[value]),
          }))}
        />
        <button type="submit" className="button">
          {t('consents.add')}
        </button>
      </form>
    </section>
  );
}
