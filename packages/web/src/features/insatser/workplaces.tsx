// The register of workplaces and employers that take placements (praktikplatser): who, which
// kinds of placement, how many places and whom to call. The labour-market unit keeps it.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type InsatsKind, insatsKinds, type Workplace } from '../../api/types.ts';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { Checkbox, Fieldset, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { Badge, LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { insatsKindLabels } from '../../i18n/labels.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useSaveWorkplace, useWorkplaces } from './api.ts';
import { CATALOGUE_KEEPERS } from './catalogue.tsx';

export function WorkplacesPage() {
  const { t } = useI18n();
  const keeper = CATALOGUE_KEEPERS.includes(useCurrentUser().role);
  const workplaces = useWorkplaces();
  const [editing, setEditing] = useState<Workplace | null>(null);
  const columns: Column<Workplace>[] = [
    {
      key: 'name',
      header: t('workplaces.name'),
      rowHeader: true,
      cell: (w) => (
        <>
          {w.name}
          {w.active ? null : (
            <>
              {' '}
              <Badge>{t('workplaces.inactive')}</Badge>
            </>
          )}
        </>
      ),
    },
    { key: 'org', header: t('workplaces.organisationNumber'), cell: (w) => w.organisationNumber ?? '' },
    { key: 'industry', header: t('workplaces.industry'), cell: (w) => w.industry },
    {
      key: 'kinds',
      header: t('workplaces.placementKinds'),
      cell: (w) => w.placementKinds.map((k) => t(insatsKindLabels[k])).join(', '),
    },
    { key: 'places', header: t('workplaces.places'), numeric: true, cell: (w) => w.places },
    {
      key: 'contact',
      header: t('workplaces.contact'),
      cell: (w) => [w.contactName, w.contactPhone, w.contactEmail].filter(Boolean).join(', '),
    },
    ...(keeper
      ? [
          {
            key: 'edit',
            header: t('workplaces.actions'),
            cell: (w: Workplace) => (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setEditing(w);
                }}
              >
                {t('workplaces.edit')}
                <span className="visually-hidden"> {w.name}</span>
              </button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Page title={t('workplaces.title')} lead={t('workplaces.intro')}>
      {workplaces.isPending ? <Loading /> : null}
      {workplaces.isError ? (
        <LoadError error={workplaces.error} onRetry={() => workplaces.refetch()} />
      ) : null}
      {workplaces.data && workplaces.data.items.length === 0 ? <p>{t('workplaces.none')}</p> : null}
      {workplaces.data && workplaces.data.items.length > 0 ? (
        <Table
          caption={t('workplaces.title')}
          columns={columns}
          rows={workplaces.data.items}
          rowKey={(w) => w.id}
        />
      ) : null}
      {keeper ? (
        <WorkplaceForm key={editing?.id ?? 'new'} workplace={editing} onDone={() => setEditing(null)} />
      ) : null}
    </Page>
  );
}

const empty = (value: string) => (value.trim() === '' ? null : value);

function WorkplaceForm({ workplace, onDone }: { workplace: Workplace | null; onDone: () => void }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened for a change: the keyboard user lands on the form's heading.
  useEffect(() => {
    if (workplace) heading.current?.focus();
  }, [workplace]);
  const save = useSaveWorkplace(workplace?.id ?? null);
  const [name, setName] = useState(workplace?.name ?? '');
  const [orgNumber, setOrgNumber] = useState(workplace?.organisationNumber ?? '');
  const [industry, setIndustry] = useState(workplace?.industry ?? '');
  const [address, setAddress] = useState(workplace?.address ?? '');
  const [contactName, setContactName] = useState(workplace?.contactName ?? '');
  const [phone, setPhone] = useState(workplace?.contactPhone ?? '');
  const [email, setEmail] = useState(workplace?.contactEmail ?? '');
  const [kinds, setKinds] = useState<InsatsKind[]>(workplace?.placementKinds ?? ['workPractice']);
  const [places, setPlaces] = useState(workplace ? String(workplace.places) : '1');
  const [active, setActive] = useState(workplace?.active ?? true);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormErrors({
    '/name': 'workplaceName',
    '/organisationNumber': 'workplaceOrg',
    '/industry': 'workplaceIndustry',
    '/address': 'workplaceAddress',
    '/contactName': 'workplaceContact',
    '/contactPhone': 'workplacePhone',
    '/contactEmail': 'workplaceEmail',
    '/placementKinds': `workplaceKind-${insatsKinds[0]}`,
    '/places': 'workplacePlaces',
    '/active': 'workplaceActive',
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    save.mutate(
      {
        name,
        organisationNumber: empty(orgNumber),
        industry,
        address: empty(address),
        contactName: empty(contactName),
        contactPhone: empty(phone),
        contactEmail: empty(email),
        placementKinds: kinds,
        places: /^\s*\d+\s*$/.test(places) ? Number(places) : Number.NaN,
        ...(workplace ? { active } : {}),
      },
      {
        onSuccess: (result) => {
          form.clear();
          setSaved(t(workplace ? 'workplaces.saved' : 'workplaces.added', { name: result.name }));
        },
        onError: form.fail,
      },
    );
  }
  const kindsError = errorFor(form.errors, `workplaceKind-${insatsKinds[0]}`);
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="workplace-form-title">
      <h2 id="workplace-form-title" tabIndex={-1} ref={heading}>
        {workplace ? t('workplaces.editTitle', { name: workplace.name }) : t('workplaces.addTitle')}
      </h2>
      <ErrorSummary errors={form.errors} />
      {saved ? (
        <Notice tone="success">
          <p role="status">{saved}</p>
        </Notice>
      ) : null}
      <TextField
        id="workplaceName"
        label={t('workplaces.name')}
        value={name}
        onChange={setName}
        error={errorFor(form.errors, 'workplaceName')}
        autoComplete="organization"
      />
      <TextField
        id="workplaceOrg"
        label={t('workplaces.organisationNumber')}
        hint={t('workplaces.organisationNumberHint')}
        optional
        value={orgNumber}
        onChange={setOrgNumber}
        error={errorFor(form.errors, 'workplaceOrg')}
        width="medium"
        autoComplete="off"
      />
      <TextField
        id="workplaceIndustry"
        label={t('workplaces.industry')}
        value={industry}
        onChange={setIndustry}
        error={errorFor(form.errors, 'workplaceIndustry')}
        width="medium"
        autoComplete="off"
      />
      <TextField
        id="workplaceAddress"
        label={t('workplaces.address')}
        optional
        value={address}
        onChange={setAddress}
        error={errorFor(form.errors, 'workplaceAddress')}
        autoComplete="street-address"
      />
      <TextField
        id="workplaceContact"
        label={t('workplaces.contactName')}
        optional
        value={contactName}
        onChange={setContactName}
        error={errorFor(form.errors, 'workplaceContact')}
        autoComplete="off"
      />
      <TextField
        id="workplacePhone"
        label={t('workplaces.contactPhone')}
        optional
        type="tel"
        value={phone}
        onChange={setPhone}
        error={errorFor(form.errors, 'workplacePhone')}
        width="medium"
        autoComplete="off"
      />
      <TextField
        id="workplaceEmail"
        label={t('workplaces.contactEmail')}
        optional
        type="email"
        value={email}
        onChange={setEmail}
        error={errorFor(form.errors, 'workplaceEmail')}
        autoComplete="off"
      />
      <Fieldset
        legend={t('workplaces.placementKinds')}
        id="workplaceKinds"
        hint={t('workplaces.placementKindsHint')}
      >
        {kindsError ? <p className="field__error">{kindsError}</p> : null}
        {insatsKinds.map((kind) => (
          <Checkbox
            key={kind}
            id={`workplaceKind-${kind}`}
            label={t(insatsKindLabels[kind])}
            checked={kinds.includes(kind)}
            onChange={(checked) =>
              setKinds((list) => (checked ? [...list, kind] : list.filter((k) => k !== kind)))
            }
          />
        ))}
      </Fieldset>
      <TextField
        id="workplacePlaces"
        label={t('workplaces.places')}
        value={places}
        onChange={setPlaces}
        error={errorFor(form.errors, 'workplacePlaces')}
        width="short"
        inputMode="numeric"
        autoComplete="off"
      />
      {workplace ? (
        <Checkbox
          id="workplaceActive"
          label={t('workplaces.activeLabel')}
          checked={active}
          onChange={setActive}
          error={errorFor(form.errors, 'workplaceActive')}
        />
      ) : null}
      <div>
        <button type="submit" className="button" disabled={save.isPending}>
          {workplace ? t('workplaces.save') : t('workplaces.add')}
        </button>
        {workplace ? (
          <button type="button" className="button button--secondary" onClick={onDone}>
            {t('workplaces.done')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
