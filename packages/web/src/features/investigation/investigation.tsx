// The errand's investigation: incomes and costs (typed in kronor, stored in öre), the checks
// made with source and date as a checklist, and the documents. Each part is its own small form
// so that Enter submits just that part and nothing typed elsewhere is lost.
import { type FormEvent, useRef, useState } from 'react';
import {
  type ErrandDetail,
  type IncomeType,
  type Item,
  incomeTypes,
  type NewItem,
  type OtherLivingCostSubtype,
  otherLivingCostSubtypes,
  type ReasonableCostType,
  reasonableCostTypes,
  type VerificationKind,
  type VerificationOutcome,
  verificationKinds,
  verificationOutcomes,
} from '../../api/case-types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  costTypeLabels,
  incomeTypeLabels,
  itemTypeLabel,
  otherCostLabels,
  verificationKindLabels,
  verificationOutcomeLabels,
} from '../../i18n/labels.ts';
import { parseKronor } from '../../i18n/money.ts';
import {
  attachmentTypes,
  attachmentUrl,
  maxAttachmentBytes,
  useAddItem,
  useAddVerification,
  useDeleteItem,
  useUploadAttachment,
} from './api.ts';

/** The parts of the errand the investigation shows and changes. */
type InvestigationErrand = Pick<
  ErrandDetail,
  'id' | 'state' | 'items' | 'verifications' | 'attachments' | 'household'
>;

export function Investigation({ errand }: { errand: InvestigationErrand }) {
  const { t } = useI18n();
  return (
    <section className="case-section" aria-labelledby="investigation-title">
      <h2 id="investigation-title">{t('investigation.title')}</h2>
      <Items errand={errand} />
      <Verifications errand={errand} />
      <Attachments errand={errand} />
    </section>
  );
}

function Items({ errand }: { errand: InvestigationErrand }) {
  const { t, formatMoney } = useI18n();
  const remove = useDeleteItem(errand.id);
  const editable = errand.state === 'underInvestigation';
  const personName = (personId: string | null) =>
    personId
      ? (errand.household.members.find((m) => m.personId === personId)?.person.name ?? '')
      : t('investigation.wholeHousehold');

  const columns: Column<Item>[] = [
    {
      key: 'type',
      header: t('investigation.itemType'),
      rowHeader: true,
      cell: (item) => {
        const key = itemTypeLabel(item.kind, item.type, item.subtype);
        return `${t(item.kind === 'income' ? 'investigation.income' : 'investigation.cost')}: ${key ? t(key) : item.type}`;
      },
    },
    { key: 'person', header: t('investigation.person'), cell: (item) => personName(item.personId) },
    {
      key: 'amount',
      header: t('investigation.amount'),
      numeric: true,
      cell: (item) => formatMoney(item.amount),
    },
    { key: 'note', header: t('investigation.note'), cell: (item) => item.note ?? '' },
  ];
  if (editable) {
    columns.push({
      key: 'remove',
      header: t('investigation.actions'),
      cell: (item) => {
        const key = itemTypeLabel(item.kind, item.type, item.subtype);
        return (
          <button type="button" className="button button--secondary" onClick={() => remove.mutate(item.id)}>
            {t('investigation.remove')}
            <span className="visually-hidden"> {key ? t(key) : item.type}</span>
          </button>
        );
      },
    });
  }

  return (
    <>
      <h3>{t('investigation.itemsTitle')}</h3>
      {errand.items.length === 0 ? (
        <p>{t('investigation.noItems')}</p>
      ) : (
        <Table
          caption={t('investigation.itemsTitle')}
          captionHidden
          columns={columns}
          rows={errand.items}
          rowKey={(item) => item.id}
        />
      )}
      {editable ? (
        <AddItemForm errand={errand} />
      ) : (
        <Notice>
          <p>{t('investigation.lockedItems')}</p>
        </Notice>
      )}
    </>
  );
}

const itemPointers: Record<string, string> = {
  '/kind': 'itemType',
  '/type': 'itemType',
  '/subtype': 'itemType',
  '/personId': 'itemPerson',
  '/amount': 'itemAmount',
  '/note': 'itemNote',
};

/** The item types the form offers: incomes and costs (a norm adjustment has no type). */
type TypedItem = Extract<NewItem, { kind: 'income' | 'cost' }>;

function parseItemType(
  value: string,
): Pick<TypedItem, 'kind' | 'type'> & { subtype?: OtherLivingCostSubtype } {
  const [kind, type, subtype] = value.split(':');
  if (kind === 'income') return { kind: 'income', type: type as IncomeType };
  if (type === 'otherLivingCost') {
    return { kind: 'cost', type: 'otherLivingCost', subtype: subtype as OtherLivingCostSubtype };
  }
  return { kind: 'cost', type: type as ReasonableCostType };
}

function AddItemForm({ errand }: { errand: InvestigationErrand }) {
  const { t } = useI18n();
  const add = useAddItem(errand.id);
  const [itemType, setItemType] = useState('cost:housing');
  const [personId, setPersonId] = useState('');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [added, setAdded] = useState<string | null>(null);

  const options = [
    ...reasonableCostTypes.map((type) => ({
      value: `cost:${type}`,
      label: t(costTypeLabels[type]),
      group: t('investigation.costs'),
    })),
    ...otherLivingCostSubtypes.map((subtype) => ({
      value: `cost:otherLivingCost:${subtype}`,
      label: t(otherCostLabels[subtype]),
      group: t('investigation.otherCosts'),
    })),
    ...incomeTypes.map((type) => ({
      value: `income:${type}`,
      label: t(incomeTypeLabels[type]),
      group: t('investigation.incomes'),
    })),
  ];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    const ore = parseKronor(amount);
    if (ore === null) {
      setErrors([{ field: 'itemAmount', message: t('investigation.amountInvalid') }]);
      return;
    }
    const item = {
      ...parseItemType(itemType),
      amount: ore,
      ...(personId ? { personId } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    } as NewItem;
    add.mutate(item, {
      onSuccess: () => {
        const label = options.find((option) => option.value === itemType)?.label ?? '';
        setAdded(t('investigation.added', { what: label }));
        setErrors([]);
        setAmount('');
        setNote('');
      },
      onError: (error) =>
        setErrors(problemToFieldErrors(error, itemPointers, t(errorMessages[errorCodeOf(error)]))),
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="add-item-title">
      <h4 id="add-item-title">{t('investigation.addTitle')}</h4>
      <ErrorSummary errors={errors} />
      <SelectField
        id="itemType"
        label={t('investigation.itemType')}
        value={itemType}
        onChange={setItemType}
        options={options}
        error={errorFor(errors, 'itemType')}
      />
      <SelectField
        id="itemPerson"
        label={t('investigation.person')}
        hint={t('investigation.personHint')}
        value={personId}
        onChange={setPersonId}
        error={errorFor(errors, 'itemPerson')}
        options={[
          { value: '', label: t('investigation.wholeHousehold') },
          ...errand.household.members.map((m) => ({ value: m.personId, label: m.person.name })),
        ]}
      />
      <TextField
        id="itemAmount"
        label={t('investigation.amountKronor')}
        hint={t('investigation.amountHint')}
        value={amount}
        onChange={setAmount}
        error={errorFor(errors, 'itemAmount')}
        inputMode="decimal"
        autoComplete="off"
        width="medium"
      />
      <TextField
        id="itemNote"
        label={t('investigation.note')}
        optional
        value={note}
        onChange={setNote}
        error={errorFor(errors, 'itemNote')}
        autoComplete="off"
      />
      <button type="submit" className="button">
        {add.isPending ? t('investigation.adding') : t('investigation.add')}
      </button>
      {added ? (
        <p role="status" className="visually-hidden">
          {added}
        </p>
      ) : null}
    </form>
  );
}

const verificationPointers: Record<string, string> = {
  '/kind': 'verificationKind',
  '/source': 'verificationSource',
  '/checkedOn': 'verificationDate',
  '/outcome': 'verificationOutcome',
  '/note': 'verificationNote',
};

function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

function Verifications({ errand }: { errand: InvestigationErrand }) {
  const { t } = useI18n();
  const add = useAddVerification(errand.id);
  const [kind, setKind] = useState<VerificationKind>('employmentServiceRegistration');
  const [source, setSource] = useState('');
  const [checkedOn, setCheckedOn] = useState(today);
  const [outcome, setOutcome] = useState<VerificationOutcome>('confirmed');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const editable = ['received', 'underInvestigation', 'awaitingCompletion'].includes(errand.state);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    add.mutate(
      {
        kind,
        source: source.trim(),
        checkedOn: checkedOn.trim(),
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: () => {
          setErrors([]);
          setSource('');
          setNote('');
        },
        onError: (error) =>
          setErrors(problemToFieldErrors(error, verificationPointers, t(errorMessages[errorCodeOf(error)]))),
      },
    );
  }

  return (
    <>
      <h3>{t('verification.title')}</h3>
      <ul className="checklist" aria-label={t('verification.checklist')}>
        {verificationKinds.map((checkKind) => {
          const done = errand.verifications.filter((v) => v.kind === checkKind);
          return (
            <li key={checkKind} className="checklist__item">
              <strong>{t(verificationKindLabels[checkKind])}:</strong>{' '}
              {done.length === 0
                ? t('verification.notChecked')
                : done
                    .map((v) =>
                      t('verification.checked', {
                        date: v.checkedOn,
                        source: v.source,
                        outcome: t(verificationOutcomeLabels[v.outcome]),
                      }),
                    )
                    .join('; ')}
            </li>
          );
        })}
      </ul>
      {editable ? (
        <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="add-verification-title">
          <h4 id="add-verification-title">{t('verification.addTitle')}</h4>
          <ErrorSummary errors={errors} />
          <SelectField
            id="verificationKind"
            label={t('verification.kind')}
            value={kind}
            onChange={(value) => setKind(value as VerificationKind)}
            error={errorFor(errors, 'verificationKind')}
            options={verificationKinds.map((value) => ({ value, label: t(verificationKindLabels[value]) }))}
          />
          <TextField
            id="verificationSource"
            label={t('verification.source')}
            hint={t('verification.sourceHint')}
            value={source}
            onChange={setSource}
            error={errorFor(errors, 'verificationSource')}
            autoComplete="off"
          />
          <TextField
            id="verificationDate"
            label={t('verification.date')}
            hint={t('accessLog.dateHint')}
            value={checkedOn}
            onChange={setCheckedOn}
            error={errorFor(errors, 'verificationDate')}
            inputMode="numeric"
            autoComplete="off"
            width="medium"
          />
          <SelectField
            id="verificationOutcome"
            label={t('verification.outcome')}
            value={outcome}
            onChange={(value) => setOutcome(value as VerificationOutcome)}
            error={errorFor(errors, 'verificationOutcome')}
            options={verificationOutcomes.map((value) => ({
              value,
              label: t(verificationOutcomeLabels[value]),
            }))}
          />
          <TextField
            id="verificationNote"
            label={t('investigation.note')}
            optional
            value={note}
            onChange={setNote}
            error={errorFor(errors, 'verificationNote')}
            autoComplete="off"
          />
          <button type="submit" className="button">
            {add.isPending ? t('verification.saving') : t('verification.save')}
          </button>
        </form>
      ) : null}
    </>
  );
}

function Attachments({ errand }: { errand: InvestigationErrand }) {
  const { t, formatDateTime } = useI18n();
  const upload = useUploadAttachment(errand.id);
  const input = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const editable = ['received', 'underInvestigation', 'awaitingCompletion', 'readyForDecision'].includes(
    errand.state,
  );
  const error = errorFor(errors, 'attachmentFile');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (upload.isPending) return;
    const file = input.current?.files?.[0];
    // Checked here too, so a wrong file is refused before a 10 MB upload; the server checks the content.
    const problem = !file
      ? t('attachment.missing')
      : !attachmentTypes.includes(file.type)
        ? t('attachment.wrongType')
        : file.size > maxAttachmentBytes
          ? t('attachment.tooLarge')
          : null;
    if (problem || !file) {
      setErrors([{ field: 'attachmentFile', message: problem ?? '' }]);
      return;
    }
    upload.mutate(file, {
      onSuccess: (attachment) => {
        setErrors([]);
        setUploaded(t('attachment.uploaded', { name: attachment.fileName }));
        if (input.current) input.current.value = '';
      },
      onError: (failure) =>
        setErrors(
          problemToFieldErrors(
            failure,
            { '/file': 'attachmentFile' },
            t(errorMessages[errorCodeOf(failure)]),
          ),
        ),
    });
  }

  return (
    <>
      <h3>{t('attachment.title')}</h3>
      {errand.attachments.length === 0 ? (
        <p>{t('attachment.none')}</p>
      ) : (
        <ul>
          {errand.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={attachmentUrl(errand.id, attachment.id)} download={attachment.fileName}>
                {attachment.fileName}
              </a>{' '}
              ({Math.ceil(attachment.sizeBytes / 1024)} kB, {formatDateTime(attachment.uploadedAt)})
            </li>
          ))}
        </ul>
      )}
      {uploaded ? (
        <p role="status" className="visually-hidden">
          {uploaded}
        </p>
      ) : null}
      {editable ? (
        <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="upload-title">
          <h4 id="upload-title">{t('attachment.addTitle')}</h4>
          <ErrorSummary errors={errors} />
          <div className={error ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor="attachmentFile">
              {t('attachment.file')}
            </label>
            <p id="attachmentFile-hint" className="field__hint">
              {t('attachment.hint')}
            </p>
            {error ? (
              <p id="attachmentFile-error" className="field__error">
                <span className="visually-hidden">{t('form.errorPrefix')}</span>
                {error}
              </p>
            ) : null}
            <input
              ref={input}
              id="attachmentFile"
              name="file"
              type="file"
              className="file-input"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              aria-describedby={error ? 'attachmentFile-hint attachmentFile-error' : 'attachmentFile-hint'}
              aria-invalid={error ? true : undefined}
            />
          </div>
          <button type="submit" className="button">
            {upload.isPending ? t('attachment.uploading') : t('attachment.upload')}
          </button>
        </form>
      ) : null}
    </>
  );
}
