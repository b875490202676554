// Hushållet: who lives there this month (and who lived there when), the shared dwelling
// (hushållsgemenskap, SoF 2025:468 12 kap. 3 § andra stycket) and the payout account. Each
// change opens a small form in place; Escape or "Avbryt" closes it and returns focus.
import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { HouseholdDetail, HouseholdMember, MemberRole } from '../../api/case-types.ts';
import { ErrorSummary, errorFor, type FieldError, useFormErrors } from '../../components/error-summary.tsx';
import { Fieldset, SelectField, TextField } from '../../components/fields.tsx';
import { Badge, LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { memberRoleLabels } from '../../i18n/labels.ts';
import { usePersons, useRegisterPerson } from '../persons/api.ts';
import { useAddMember, useEndMembership, useHousehold, useUpdateHousehold } from './api.ts';

/** "SE4550000000058398257466" as people read it: "SE45 5000 0000 0583 9825 7466". */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

type Editing = { kind: 'end'; member: HouseholdMember } | { kind: 'shared' | 'account' | 'add' } | null;

export function HouseholdPanel({ householdId, month }: { householdId: string; month: string }) {
  const { t, formatMonth } = useI18n();
  const [viewMonth, setViewMonth] = useState(month);
  const household = useHousehold(householdId, viewMonth);
  const [editing, setEditing] = useState<Editing>(null);
  const opener = useRef<HTMLElement | null>(null);

  function open(next: NonNullable<Editing>, event: { currentTarget: HTMLElement }) {
    opener.current = event.currentTarget;
    setEditing(next);
  }
  function close() {
    setEditing(null);
    const target = opener.current;
    // The button that opened the form gets focus back once the form is gone.
    requestAnimationFrame(() => target?.focus());
  }

  const data = household.data;
  return (
    <section className="case-section" aria-labelledby="household-title">
      <h2 id="household-title">{t('household.title')}</h2>
      {household.isPending ? <Loading /> : null}
      {household.isError ? <LoadError error={household.error} onRetry={() => household.refetch()} /> : null}
      {data ? (
        <>
          <MonthPicker month={viewMonth} onChange={setViewMonth} />
          <MembersTable
            household={data}
            caption={t('household.membersCaption', { month: formatMonth(data.month) })}
            onEnd={(member, event) => open({ kind: 'end', member }, event)}
          />
          {editing?.kind === 'end' ? (
            <EndMembershipForm
              key={editing.member.personId}
              householdId={data.id}
              member={editing.member}
              onDone={close}
            />
          ) : null}
          <p>
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={editing?.kind === 'add'}
              onClick={(event) => open({ kind: 'add' }, event)}
            >
              {t('household.addMember')}
            </button>
          </p>
          {editing?.kind === 'add' ? (
            <AddMemberForm householdId={data.id} month={data.month} onDone={close} />
          ) : null}

          <dl className="summary-list">
            <div className="summary-list__row">
              <dt>{t('household.sharedDwelling')}</dt>
              <dd>
                <span data-testid="shared-dwelling">
                  {data.sharedHouseholdSize
                    ? t('household.sharedYes', { size: data.sharedHouseholdSize })
                    : t('household.sharedNo')}
                </span>{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  aria-expanded={editing?.kind === 'shared'}
                  onClick={(event) => open({ kind: 'shared' }, event)}
                >
                  {t('household.changeShared')}
                </button>
              </dd>
            </div>
            <div className="summary-list__row">
              <dt>{t('household.payoutAccount')}</dt>
              <dd>
                <span className="nowrap" data-testid="payout-account">
                  {data.payoutAccount ? formatIban(data.payoutAccount) : t('household.noAccount')}
                </span>{' '}
                <button
                  type="button"
                  className="button button--secondary"
                  aria-expanded={editing?.kind === 'account'}
                  onClick={(event) => open({ kind: 'account' }, event)}
                >
                  {data.payoutAccount ? t('household.changeAccount') : t('household.addAccount')}
                </button>
              </dd>
            </div>
          </dl>
          {data.payoutAccount ? null : (
            <Notice tone="warning">
              <p>{t('household.noAccountWarning')}</p>
            </Notice>
          )}
          {editing?.kind === 'shared' ? <SharedDwellingForm household={data} onDone={close} /> : null}
          {editing?.kind === 'account' ? <PayoutAccountForm household={data} onDone={close} /> : null}

          <HistoryTable household={data} />
        </>
      ) : null}
    </section>
  );
}

/** Who lived there another month: the members table follows the month chosen here. */
function MonthPicker({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(month);
  const [error, setError] = useState<string | undefined>();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const chosen = value.trim();
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(chosen)) {
      setError(t('household.monthInvalid'));
      return;
    }
    setError(undefined);
    onChange(chosen);
  }
  return (
    <form className="month-picker" onSubmit={onSubmit} noValidate aria-label={t('household.monthTitle')}>
      <TextField
        id="householdMonth"
        label={t('household.month')}
        hint={t('household.monthHint')}
        width="short"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={setValue}
        error={error}
      />
      <button type="submit" className="button button--secondary">
        {t('household.showMonth')}
      </button>
    </form>
  );
}

function period(member: { validFrom: string; validTo: string | null }, stillThere: string): string {
  return member.validTo ? `${member.validFrom} – ${member.validTo}` : `${member.validFrom} – ${stillThere}`;
}

function MembersTable({
  household,
  caption,
  onEnd,
}: {
  household: HouseholdDetail;
  caption: string;
  onEnd: (member: HouseholdMember, event: { currentTarget: HTMLElement }) => void;
}) {
  const { t } = useI18n();
  const columns: Column<HouseholdMember>[] = [
    { key: 'name', header: t('persons.name'), rowHeader: true, cell: (m) => m.person.name },
    { key: 'role', header: t('household.role'), cell: (m) => t(memberRoleLabels[m.role]) },
    {
      key: 'pin',
      header: t('persons.personalIdentityNumber'),
      cell: (m) => <span className="nowrap">{m.person.personalIdentityNumber}</span>,
    },
    { key: 'period', header: t('household.period'), cell: (m) => period(m, t('household.stillThere')) },
    {
      key: 'protection',
      header: t('persons.protection'),
      cell: (m) => (m.person.protectedIdentity ? <Badge>{t('persons.protectedBadge')}</Badge> : null),
    },
    {
      key: 'actions',
      header: t('household.actions'),
      cell: (m) =>
        m.validTo === null ? (
          <button type="button" className="button button--secondary" onClick={(event) => onEnd(m, event)}>
            {t('household.end')}
            <span className="visually-hidden"> {m.person.name}</span>
          </button>
        ) : null,
    },
  ];
  if (household.members.length === 0) return <p>{t('household.noMembers')}</p>;
  return (
    <Table
      caption={caption}
      captionHidden
      columns={columns}
      rows={household.members}
      rowKey={(m) => `${m.personId}-${m.validFrom}`}
    />
  );
}

function HistoryTable({ household }: { household: HouseholdDetail }) {
  const { t } = useI18n();
  const columns: Column<HouseholdMember>[] = [
    { key: 'name', header: t('persons.name'), rowHeader: true, cell: (m) => m.person.name },
    { key: 'role', header: t('household.role'), cell: (m) => t(memberRoleLabels[m.role]) },
    { key: 'from', header: t('household.from'), cell: (m) => <span className="nowrap">{m.validFrom}</span> },
    {
      key: 'to',
      header: t('household.to'),
      cell: (m) => <span className="nowrap">{m.validTo ?? t('household.stillThere')}</span>,
    },
  ];
  return (
    <>
      <h3 id="household-history-title">{t('household.historyTitle')}</h3>
      <Table
        caption={t('household.historyTitle')}
        captionHidden
        columns={columns}
        rows={household.history}
        rowKey={(m) => `${m.personId}-${m.validFrom}`}
      />
    </>
  );
}

/** A form opened in place: its heading takes focus, Escape closes it. */
function InlineForm({
  title,
  errors,
  onSubmit,
  onCancel,
  submitLabel,
  pending,
  children,
}: {
  title: string;
  errors: FieldError[];
  onSubmit: () => void;
  onCancel: () => void;
  submitLabel: string;
  pending: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!pending) onSubmit();
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the form from any field in it.
    <div className="inline-form" onKeyDown={onKeyDown}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <h3 ref={heading} tabIndex={-1}>
          {title}
        </h3>
        <ErrorSummary errors={errors} />
        {children}
        <div className="button-row">
          <button type="submit" className="button">
            {pending ? t('household.saving') : submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('household.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

function EndMembershipForm({
  householdId,
  member,
  onDone,
}: {
  householdId: string;
  member: HouseholdMember;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const end = useEndMembership(householdId);
  const [validTo, setValidTo] = useState('');
  const { errors, setErrors, fail } = useFormErrors({ '/validTo': 'memberValidTo' });

  return (
    <InlineForm
      title={t('household.endTitle', { name: member.person.name })}
      errors={errors}
      submitLabel={t('household.endSubmit')}
      pending={end.isPending}
      onCancel={onDone}
      onSubmit={() => {
        if (!validTo.trim()) {
          setErrors([{ field: 'memberValidTo', message: t('household.dateMissing') }]);
          return;
        }
        end.mutate(
          { personId: member.personId, validTo: validTo.trim() },
          { onSuccess: onDone, onError: fail },
        );
      }}
    >
      <TextField
        id="memberValidTo"
        label={t('household.lastDay')}
        hint={t('household.lastDayHint', { from: member.validFrom })}
        type="date"
        width="medium"
        value={validTo}
        onChange={setValidTo}
        error={errorFor(errors, 'memberValidTo')}
      />
    </InlineForm>
  );
}

function SharedDwellingForm({ household, onDone }: { household: HouseholdDetail; onDone: () => void }) {
  const { t } = useI18n();
  const update = useUpdateHousehold(household.id);
  const [size, setSize] = useState(
    household.sharedHouseholdSize ? String(household.sharedHouseholdSize) : '',
  );
  const { errors, setErrors, fail } = useFormErrors({ '/sharedHouseholdSize': 'sharedHouseholdSize' });

  return (
    <InlineForm
      title={t('household.sharedTitle')}
      errors={errors}
      submitLabel={t('household.sharedSubmit')}
      pending={update.isPending}
      onCancel={onDone}
      onSubmit={() => {
        const text = size.trim();
        const value = text === '' ? null : Number(text);
        if (value !== null && !Number.isInteger(value)) {
          setErrors([{ field: 'sharedHouseholdSize', message: t('household.sharedNotNumber') }]);
          return;
        }
        update.mutate({ sharedHouseholdSize: value }, { onSuccess: onDone, onError: fail });
      }}
    >
      <TextField
        id="sharedHouseholdSize"
        label={t('household.sharedSize')}
        hint={t('household.sharedHint')}
        optional
        inputMode="numeric"
        width="short"
        autoComplete="off"
        value={size}
        onChange={setSize}
        error={errorFor(errors, 'sharedHouseholdSize')}
      />
    </InlineForm>
  );
}

function PayoutAccountForm({ household, onDone }: { household: HouseholdDetail; onDone: () => void }) {
  const { t } = useI18n();
  const update = useUpdateHousehold(household.id);
  const [account, setAccount] = useState(household.payoutAccount ? formatIban(household.payoutAccount) : '');
  const { errors, setErrors, fail } = useFormErrors({ '/payoutAccount': 'payoutAccount' });

  return (
    <InlineForm
      title={t('household.accountTitle')}
      errors={errors}
      submitLabel={t('household.accountSubmit')}
      pending={update.isPending}
      onCancel={onDone}
      onSubmit={() => {
        const text = account.trim();
        if (!text) {
          setErrors([{ field: 'payoutAccount', message: t('household.accountMissing') }]);
          return;
        }
        update.mutate({ payoutAccount: text }, { onSuccess: onDone, onError: fail });
      }}
    >
      <TextField
        id="payoutAccount"
        label={t('household.accountLabel')}
        hint={t('household.accountHint')}
        width="medium"
        autoComplete="off"
        spellCheck={false}
        value={account}
        onChange={setAccount}
        error={errorFor(errors, 'payoutAccount')}
      />
    </InlineForm>
  );
}

const addRoles: MemberRole[] = ['partner', 'child', 'applicant'];

function AddMemberForm({
  householdId,
  month,
  onDone,
}: {
  householdId: string;
  month: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const add = useAddMember(householdId);
  const register = useRegisterPerson();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState('');
  const [registered, setRegistered] = useState<{ id: string; name: string } | null>(null);
  const [pin, setPin] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [role, setRole] = useState<MemberRole>('partner');
  const [validFrom, setValidFrom] = useState(`${month}-01`);
  const { errors, setErrors, fail } = useFormErrors({
    '/personId': mode === 'existing' ? 'memberPerson' : 'memberPin',
    '/role': 'memberRole',
    '/validFrom': 'memberValidFrom',
    '/personalIdentityNumber': 'memberPin',
    '/firstName': 'memberFirstName',
    '/lastName': 'memberLastName',
  });
  const persons = usePersons({ search: search.trim(), offset: 0 });
  const options = [
    ...(registered ? [{ value: registered.id, label: registered.name }] : []),
    ...(persons.data?.items ?? [])
      .filter((p) => p.id !== registered?.id)
      .map((p) => ({ value: p.id, label: `${p.name}, ${p.personalIdentityNumber}` })),
  ];
  const chosen = personId || options[0]?.value || '';

  function addPerson(id: string) {
    add.mutate({ personId: id, role, validFrom: validFrom.trim() }, { onSuccess: onDone, onError: fail });
  }

  function onSubmit() {
    if (mode === 'existing') {
      if (!chosen) {
        setErrors([{ field: 'memberSearch', message: t('household.noPersonChosen') }]);
        return;
      }
      addPerson(chosen);
      return;
    }
    register.mutate(
      { personalIdentityNumber: pin.trim(), firstName: firstName.trim(), lastName: lastName.trim() },
      {
        onSuccess: (person) => {
          // If adding fails, the person is already registered: offer them as an existing person.
          setRegistered({ id: person.id, name: person.name });
          setPersonId(person.id);
          setMode('existing');
          addPerson(person.id);
        },
        onError: fail,
      },
    );
  }

  return (
    <InlineForm
      title={t('household.addTitle')}
      errors={errors}
      submitLabel={t('household.addSubmit')}
      pending={add.isPending || register.isPending}
      onCancel={onDone}
      onSubmit={onSubmit}
    >
      <Fieldset legend={t('household.whoLegend')} id="memberWho">
        {(['existing', 'new'] as const).map((value) => (
          <div className="checkbox" key={value}>
            <input
              id={`memberMode-${value}`}
              name="memberMode"
              type="radio"
              className="checkbox__input"
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            <label className="checkbox__label" htmlFor={`memberMode-${value}`}>
              {t(value === 'existing' ? 'household.existingPerson' : 'household.newPerson')}
            </label>
          </div>
        ))}
      </Fieldset>
      {mode === 'existing' ? (
        <>
          <TextField
            id="memberSearch"
            label={t('household.search')}
            hint={t('household.searchHint')}
            type="search"
            autoComplete="off"
            value={search}
            onChange={(value) => {
              setSearch(value);
              setPersonId('');
            }}
            error={errorFor(errors, 'memberSearch')}
          />
          {options.length > 0 ? (
            <SelectField
              id="memberPerson"
              label={t('household.person')}
              value={chosen}
              onChange={setPersonId}
              options={options}
              error={errorFor(errors, 'memberPerson')}
            />
          ) : (
            <p role="status">{persons.isPending ? t('app.loading') : t('household.noMatches')}</p>
          )}
        </>
      ) : (
        <>
          <TextField
            id="memberPin"
            label={t('register.personalIdentityNumber')}
            hint={t('register.personalIdentityNumberHint')}
            inputMode="numeric"
            autoComplete="off"
            width="medium"
            value={pin}
            onChange={setPin}
            error={errorFor(errors, 'memberPin')}
          />
          <TextField
            id="memberFirstName"
            label={t('register.firstName')}
            autoComplete="off"
            width="medium"
            value={firstName}
            onChange={setFirstName}
            error={errorFor(errors, 'memberFirstName')}
          />
          <TextField
            id="memberLastName"
            label={t('register.lastName')}
            autoComplete="off"
            width="medium"
            value={lastName}
            onChange={setLastName}
            error={errorFor(errors, 'memberLastName')}
          />
        </>
      )}
      <SelectField
        id="memberRole"
        label={t('household.roleInHousehold')}
        value={role}
        onChange={(value) => setRole(value as MemberRole)}
        options={addRoles.map((value) => ({ value, label: t(memberRoleLabels[value]) }))}
        error={errorFor(errors, 'memberRole')}
      />
      <TextField
        id="memberValidFrom"
        label={t('household.firstDay')}
        hint={t('household.firstDayHint')}
        type="date"
        width="medium"
        value={validFrom}
        onChange={setValidFrom}
        error={errorFor(errors, 'memberValidFrom')}
      />
    </InlineForm>
  );
}
