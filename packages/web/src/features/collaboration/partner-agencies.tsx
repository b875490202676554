// Samverkansparter: the agencies the municipality works with (Arbetsförmedlingen,
// Försäkringskassan, the region's psychiatry and health care, the samordningsförbund) and the
// contact persons there by role — whom to call for a multi-party meeting.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useApi } from '../../api/context.tsx';
import {
  type AgencyContact,
  type AgencyKind,
  agencyKinds,
  type NewAgencyContact,
  type PartnerAgency,
} from '../../api/types.ts';
import { ErrorSummary, errorFor, useFormErrors } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { agencyKindLabels } from '../../i18n/labels.ts';
import { usePartnerAgencies } from '../referrals/api.ts';

function useContacts(agencyId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['agency-contacts', agencyId],
    queryFn: () =>
      api.get<{ items: AgencyContact[] }>(
        `/api/v1/partner-agencies/${encodeURIComponent(agencyId)}/contacts`,
      ),
  });
}

function useAddContact(agencyId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: NewAgencyContact) =>
      api.post<AgencyContact>(`/api/v1/partner-agencies/${encodeURIComponent(agencyId)}/contacts`, contact),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['agency-contacts', agencyId] }),
  });
}

function useAddAgency() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (agency: { name: string; kind: AgencyKind }) =>
      api.post<PartnerAgency>('/api/v1/partner-agencies', agency),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partner-agencies'] }),
  });
}

export function PartnerAgenciesPage() {
  const { t } = useI18n();
  const agencies = usePartnerAgencies();
  return (
    <Page title={t('agencies.title')} lead={t('agencies.intro')}>
      {agencies.isPending ? <Loading /> : null}
      {agencies.isError ? <LoadError error={agencies.error} onRetry={() => agencies.refetch()} /> : null}
      {agencies.data?.items.map((agency) => (
        <AgencySection key={agency.id} agency={agency} />
      ))}
      <AddAgencyForm />
    </Page>
  );
}

function AgencySection({ agency }: { agency: PartnerAgency }) {
  const { t } = useI18n();
  const contacts = useContacts(agency.id);
  const [adding, setAdding] = useState(false);
  const headingId = `agency-${agency.id}`;
  const columns: Column<AgencyContact>[] = [
    { key: 'role', header: t('agencies.role'), rowHeader: true, cell: (c) => c.role },
    { key: 'name', header: t('agencies.contactName'), cell: (c) => c.name },
    { key: 'phone', header: t('agencies.phone'), cell: (c) => c.phone ?? '' },
    { key: 'email', header: t('agencies.email'), cell: (c) => c.email ?? '' },
  ];
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{agency.name}</h2>
      <p>{t(agencyKindLabels[agency.kind])}</p>
      {contacts.isPending ? <Loading /> : null}
      {contacts.isError ? <LoadError error={contacts.error} onRetry={() => contacts.refetch()} /> : null}
      {contacts.data && contacts.data.items.length === 0 ? <p>{t('agencies.noContacts')}</p> : null}
      {contacts.data && contacts.data.items.length > 0 ? (
        <Table
          caption={t('agencies.contactsCaption', { name: agency.name })}
          columns={columns}
          rows={contacts.data.items}
          rowKey={(c) => c.id}
        />
      ) : null}
      {adding ? (
        <AddContactForm agency={agency} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
          {t('agencies.addContact')}
          <span className="visually-hidden"> {t('agencies.at', { name: agency.name })}</span>
        </button>
      )}
    </section>
  );
}

const empty = (value: string) => (value.trim() === '' ? null : value);

function AddContactForm({ agency, onDone }: { agency: PartnerAgency; onDone: () => void }) {
  const { t } = useI18n();
  const add = useAddContact(agency.id);
  const prefix = `contact-${agency.id}`;
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const form = useFormErrors({
    '/name': `${prefix}-name`,
    '/role': `${prefix}-role`,
    '/phone': `${prefix}-phone`,
    '/email': `${prefix}-email`,
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    add.mutate(
      { name, role, phone: empty(phone), email: empty(email) },
      {
        onSuccess: (contact) => {
          form.clear();
          setName('');
          setRole('');
          setPhone('');
          setEmail('');
          setAdded(contact.name);
        },
        onError: form.fail,
      },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('agencies.addContactTitle', { name: agency.name })}</h3>
      <ErrorSummary errors={form.errors} />
      {added ? (
        <Notice tone="success">
          <p role="status">{t('agencies.contactAdded', { name: added })}</p>
        </Notice>
      ) : null}
      <TextField
        id={`${prefix}-role`}
        label={t('agencies.role')}
        hint={t('agencies.roleHint')}
        value={role}
        onChange={setRole}
        error={errorFor(form.errors, `${prefix}-role`)}
        autoComplete="off"
      />
      <TextField
        id={`${prefix}-name`}
        label={t('agencies.contactName')}
        value={name}
        onChange={setName}
        error={errorFor(form.errors, `${prefix}-name`)}
        autoComplete="off"
      />
      <TextField
        id={`${prefix}-phone`}
        label={t('agencies.phone')}
        optional
        type="tel"
        value={phone}
        onChange={setPhone}
        error={errorFor(form.errors, `${prefix}-phone`)}
        width="medium"
        autoComplete="off"
      />
      <TextField
        id={`${prefix}-email`}
        label={t('agencies.email')}
        optional
        type="email"
        value={email}
        onChange={setEmail}
        error={errorFor(form.errors, `${prefix}-email`)}
        autoComplete="off"
      />
      <div>
        <button type="submit" className="button" disabled={add.isPending}>
          {t('agencies.saveContact')}
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('agencies.done')}
        </button>
      </div>
    </form>
  );
}

function AddAgencyForm() {
  const { t } = useI18n();
  const add = useAddAgency();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('');
  const [added, setAdded] = useState<string | null>(null);
  const form = useFormErrors({ '/name': 'agencyName', '/kind': 'agencyKind' });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    add.mutate(
      { name, ...(kind ? { kind: kind as AgencyKind } : {}) } as { name: string; kind: AgencyKind },
      {
        onSuccess: (agency) => {
          form.clear();
          setName('');
          setKind('');
          setAdded(agency.name);
        },
        onError: form.fail,
      },
    );
  }
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="add-agency-title">
      <h2 id="add-agency-title">{t('agencies.addTitle')}</h2>
      <ErrorSummary errors={form.errors} />
      {added ? (
        <Notice tone="success">
          <p role="status">{t('agencies.added', { name: added })}</p>
        </Notice>
      ) : null}
      <TextField
        id="agencyName"
        label={t('agencies.name')}
        value={name}
        onChange={setName}
        error={errorFor(form.errors, 'agencyName')}
        autoComplete="organization"
      />
      <SelectField
        id="agencyKind"
        label={t('agencies.kind')}
        value={kind}
        onChange={setKind}
        error={errorFor(form.errors, 'agencyKind')}
        options={[
          { value: '', label: t('agencies.chooseKind') },
          ...agencyKinds.map((value) => ({ value, label: t(agencyKindLabels[value]) })),
        ]}
      />
      <button type="submit" className="button" disabled={add.isPending}>
        {t('agencies.add')}
      </button>
    </form>
  );
}
