// One guideline set: its versions from draft to adopted (with date, owner and review date), the
// sections and caps of a version, and for those who may: edit a draft, adopt it, start a new
// draft, or adopt the region's set for the municipality with local deviations.
import { type FormEvent, useState } from 'react';
import type { OtherLivingCostSubtype, ReasonableCostType } from '../../api/case-types.ts';
import type { GuidelineSetDetail, GuidelineVersion } from '../../api/guideline-types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { ActionError, Badge, LoadError, Loading, Notice } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { costTypeLabels, otherCostLabels } from '../../i18n/labels.ts';
import { useAddDraft, useAdoptRegionSet, useAdoptVersion, useGuidelineSet, useUpdateDraft } from './api.ts';
import {
  type CapDraft,
  CapsEditor,
  capsToWire,
  contentPointerFields,
  type SectionDraft,
  SectionsEditor,
  toCapDraft,
} from './content-editor.tsx';
import { currentVersion, isReviewDue, today } from './guideline-status.ts';

type Viewer = { canEdit: boolean; municipalityId: string };

export function GuidelineSetPage({ id, viewer }: { id: string; viewer: Viewer }) {
  const { t } = useI18n();
  const set = useGuidelineSet(id);
  const title = set.data?.name ?? (set.isError ? t('guidelines.title') : t('app.loading'));
  return (
    <Page title={title}>
      {set.isPending ? <Loading /> : null}
      {set.isError ? <LoadError error={set.error} /> : null}
      {set.data ? <SetView set={set.data} viewer={viewer} /> : null}
    </Page>
  );
}

function nextMonthStart(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

function SetView({ set, viewer }: { set: GuidelineSetDetail; viewer: Viewer }) {
  const { t } = useI18n();
  const now = today();
  const owns = viewer.canEdit && set.owner.kind === 'municipality' && set.owner.id === viewer.municipalityId;
  const draft = set.versions.find((v) => v.status === 'draft');
  const inForce = currentVersion(set.versions, now);
  const [selected, setSelected] = useState<number | null>(draft?.version ?? inForce?.version ?? null);
  const shown = set.versions.find((v) => v.version === selected) ?? draft ?? inForce;
  const addDraft = useAddDraft(set.id);

  function startDraft() {
    const base = inForce ?? set.versions.at(-1);
    const latestStart =
      set.versions
        .map((v) => v.validFrom)
        .sort()
        .at(-1) ?? now;
    addDraft.mutate(
      {
        validFrom: nextMonthStart([latestStart, now].sort().at(-1) ?? now),
        sections: base?.sections ?? [],
        caps: base?.caps ?? [],
      },
      { onSuccess: (version) => setSelected(version.version) },
    );
  }

  const columns: Column<GuidelineVersion>[] = [
    {
      key: 'version',
      header: t('guidelines.version'),
      rowHeader: true,
      cell: (v) => t('guidelines.versionNumber', { version: v.version }),
    },
    {
      key: 'status',
      header: t('guidelines.status'),
      cell: (v) => (v.status === 'draft' ? <Badge>{t('guidelines.draft')}</Badge> : t('guidelines.adopted')),
    },
    {
      key: 'validFrom',
      header: t('guidelines.validFrom'),
      cell: (v) => <span className="nowrap">{v.validFrom}</span>,
    },
    {
      key: 'adoptedOn',
      header: t('guidelines.adoptedOn'),
      cell: (v) => <span className="nowrap">{v.adoptedOn ?? '–'}</span>,
    },
    { key: 'adoptedBy', header: t('guidelines.adoptedBy'), cell: (v) => v.adoptedBy ?? '–' },
    {
      key: 'reviewOn',
      header: t('guidelines.reviewOn'),
      cell: (v) => (
        <>
          <span className="nowrap">{v.reviewOn ?? '–'}</span>
          {v.version === inForce?.version && isReviewDue(v, now) ? (
            <>
              {' '}
              <Badge>{t('guidelines.reviewDue')}</Badge>
            </>
          ) : null}
        </>
      ),
    },
    {
      key: 'show',
      header: t('guidelines.show'),
      cell: (v) => (
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={shown?.version === v.version}
          onClick={() => setSelected(v.version)}
        >
          {t('guidelines.showVersion', { version: v.version })}
        </button>
      ),
    },
  ];

  return (
    <>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t('guidelines.owner')}</dt>
          <dd>
            {t(set.owner.kind === 'region' ? 'guidelines.ownerRegion' : 'guidelines.ownerMunicipality', {
              name: set.owner.name,
            })}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('guidelines.inForce')}</dt>
          <dd data-testid="guideline-in-force">
            {inForce
              ? t('guidelines.inForceText', {
                  version: inForce.version,
                  from: inForce.validFrom,
                  adoptedOn: inForce.adoptedOn ?? '–',
                  by: inForce.adoptedBy ?? '–',
                })
              : t('guidelines.notInForce')}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t('guidelines.reviewOn')}</dt>
          <dd>
            {inForce?.reviewOn ?? '–'}
            {inForce && isReviewDue(inForce, now) ? (
              <>
                {' '}
                <Badge>{t('guidelines.reviewDue')}</Badge>
              </>
            ) : null}
          </dd>
        </div>
      </dl>
      {inForce && isReviewDue(inForce, now) ? (
        <Notice tone="warning">
          <p>{t('guidelines.reviewDueNotice', { date: inForce.reviewOn ?? '' })}</p>
        </Notice>
      ) : null}
      {set.owner.kind === 'region' && !owns ? (
        <p>{t('guidelines.regionOwned', { name: set.owner.name })}</p>
      ) : null}

      <h2>{t('guidelines.versions')}</h2>
      {set.versions.length === 0 ? (
        <p>{t('guidelines.noVersions')}</p>
      ) : (
        <Table
          caption={t('guidelines.versions')}
          captionHidden
          columns={columns}
          rows={set.versions}
          rowKey={(v) => String(v.version)}
        />
      )}
      {owns && !draft ? (
        <p>
          <button type="button" className="button" onClick={startDraft}>
            {addDraft.isPending ? t('household.saving') : t('guidelines.newDraft')}
          </button>
        </p>
      ) : null}
      {addDraft.isError ? <ActionError error={addDraft.error} /> : null}

      {shown ? (
        owns && shown.status === 'draft' ? (
          <>
            <DraftEditor key={`edit-${shown.version}`} setId={set.id} version={shown} />
            <AdoptForm key={`adopt-${shown.version}`} setId={set.id} version={shown} />
          </>
        ) : (
          <VersionContent version={shown} />
        )
      ) : null}

      {set.owner.kind === 'region' ? <RegionAdoption set={set} canEdit={viewer.canEdit} /> : null}
    </>
  );
}

function capKindLabel(
  t: ReturnType<typeof useI18n>['t'],
  cap: { costType: string; subtype?: string | undefined },
) {
  if (cap.costType === 'otherLivingCost') {
    const key = cap.subtype ? otherCostLabels[cap.subtype as OtherLivingCostSubtype] : undefined;
    return key ? t(key) : t('guidelines.otherLivingCosts');
  }
  const key = costTypeLabels[cap.costType as ReasonableCostType];
  return key ? t(key) : cap.costType;
}

export function capAmountText(
  t: ReturnType<typeof useI18n>['t'],
  formatMoney: (ore: number) => string,
  cap: { amount?: number | undefined; byHouseholdSize?: Record<string, number> | undefined },
): string {
  if (cap.amount !== undefined) return formatMoney(cap.amount);
  return Object.entries(cap.byHouseholdSize ?? {})
    .map(([size, ore]) => t('guidelines.capForSize', { size, amount: formatMoney(ore) }))
    .join(', ');
}

function VersionContent({ version }: { version: GuidelineVersion }) {
  const { t, formatMoney } = useI18n();
  type Cap = GuidelineVersion['caps'][number];
  const capColumns: Column<Cap>[] = [
    { key: 'kind', header: t('guidelines.capKind'), rowHeader: true, cell: (c) => capKindLabel(t, c) },
    { key: 'section', header: t('guidelines.capSection'), cell: (c) => c.section },
    { key: 'amount', header: t('guidelines.capTitle'), cell: (c) => capAmountText(t, formatMoney, c) },
  ];
  return (
    <section className="case-section" aria-labelledby="version-content-title">
      <h2 id="version-content-title">{t('guidelines.versionContent', { version: version.version })}</h2>
      <h3>{t('guidelines.caps')}</h3>
      {version.caps.length === 0 ? (
        <p>{t('guidelines.noCaps')}</p>
      ) : (
        <Table
          caption={t('guidelines.caps')}
          captionHidden
          columns={capColumns}
          rows={version.caps}
          rowKey={(c) => `${c.costType}-${c.subtype ?? ''}-${c.section}`}
        />
      )}
      <h3>{t('guidelines.sections')}</h3>
      {version.sections.map((section) => (
        <div key={section.number}>
          <h4>
            {section.number} {section.title}
          </h4>
          <p className="preformatted">{section.text}</p>
        </div>
      ))}
    </section>
  );
}

function DraftEditor({ setId, version }: { setId: string; version: GuidelineVersion }) {
  const { t } = useI18n();
  const update = useUpdateDraft(setId, version.version);
  const [validFrom, setValidFrom] = useState(version.validFrom);
  const [sections, setSections] = useState<SectionDraft[]>(
    version.sections.length > 0 ? version.sections : [{ number: '1', title: '', text: '' }],
  );
  const [caps, setCaps] = useState<CapDraft[]>(version.caps.map(toCapDraft));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(false);
    const wire = capsToWire(caps, '', t('guidelines.amountInvalid'));
    if (wire.errors.length > 0) {
      setErrors(wire.errors);
      return;
    }
    update.mutate(
      { validFrom: validFrom.trim(), sections, caps: wire.caps },
      {
        onSuccess: () => {
          setErrors([]);
          setSaved(true);
        },
        onError: (error) =>
          setErrors(
            problemToFieldErrors(
              error,
              {
                '/validFrom': 'draftValidFrom',
                ...contentPointerFields('', '', sections.length, caps.length),
              },
              t(errorMessages[errorCodeOf(error)]),
            ),
          ),
      },
    );
  }

  return (
    <form className="form case-section" onSubmit={onSubmit} noValidate aria-labelledby="draft-title">
      <h2 id="draft-title">{t('guidelines.editDraft', { version: version.version })}</h2>
      <ErrorSummary errors={errors} />
      {saved ? (
        <Notice tone="success">
          <p role="status">{t('guidelines.draftSaved')}</p>
        </Notice>
      ) : null}
      <TextField
        id="draftValidFrom"
        label={t('guidelines.validFrom')}
        hint={t('guidelines.validFromHint')}
        width="medium"
        autoComplete="off"
        value={validFrom}
        onChange={setValidFrom}
        error={errorFor(errors, 'draftValidFrom')}
      />
      <h3>{t('guidelines.caps')}</h3>
      <p>{t('guidelines.capsIntro')}</p>
      <CapsEditor
        caps={caps}
        onChange={setCaps}
        sectionNumbers={sections.map((s) => s.number.trim()).filter(Boolean)}
        errors={errors}
      />
      <h3>{t('guidelines.sections')}</h3>
      <SectionsEditor sections={sections} onChange={setSections} errors={errors} />
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setSections([...sections, { number: '', title: '', text: '' }])}
        >
          {t('guidelines.addSection')}
        </button>
      </p>
      <button type="submit" className="button">
        {update.isPending ? t('household.saving') : t('guidelines.saveDraft')}
      </button>
    </form>
  );
}

function AdoptForm({ setId, version }: { setId: string; version: GuidelineVersion }) {
  const { t } = useI18n();
  const adopt = useAdoptVersion(setId, version.version);
  const [adoptedOn, setAdoptedOn] = useState('');
  const [reviewOn, setReviewOn] = useState('');
  const [adoptedBy, setAdoptedBy] = useState('Socialnämnden');
  const [errors, setErrors] = useState<FieldError[]>([]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (adopt.isPending) return;
    adopt.mutate(
      { adoptedOn: adoptedOn.trim(), reviewOn: reviewOn.trim(), adoptedBy: adoptedBy.trim() },
      {
        onError: (error) =>
          setErrors(
            problemToFieldErrors(
              error,
              {
                '/adoptedOn': 'adoptedOn',
                '/reviewOn': 'reviewOn',
                '/adoptedBy': 'adoptedBy',
                '/validFrom': 'draftValidFrom',
              },
              t(errorMessages[errorCodeOf(error)]),
            ),
          ),
      },
    );
  }

  return (
    <form className="form case-section" onSubmit={onSubmit} noValidate aria-labelledby="adopt-title">
      <h2 id="adopt-title">{t('guidelines.adoptTitle', { version: version.version })}</h2>
      <p>{t('guidelines.adoptIntro', { from: version.validFrom })}</p>
      <ErrorSummary errors={errors} />
      <TextField
        id="adoptedOn"
        label={t('guidelines.adoptedOnLabel')}
        hint={t('guidelines.dateHint')}
        width="medium"
        autoComplete="off"
        value={adoptedOn}
        onChange={setAdoptedOn}
        error={errorFor(errors, 'adoptedOn')}
      />
      <TextField
        id="adoptedBy"
        label={t('guidelines.adoptedByLabel')}
        hint={t('guidelines.adoptedByHint')}
        autoComplete="off"
        value={adoptedBy}
        onChange={setAdoptedBy}
        error={errorFor(errors, 'adoptedBy')}
      />
      <TextField
        id="reviewOn"
        label={t('guidelines.reviewOnLabel')}
        hint={t('guidelines.reviewOnHint')}
        width="medium"
        autoComplete="off"
        value={reviewOn}
        onChange={setReviewOn}
        error={errorFor(errors, 'reviewOn')}
      />
      <button type="submit" className="button">
        {adopt.isPending ? t('household.saving') : t('guidelines.adopt')}
      </button>
    </form>
  );
}

type DeviationDraft = SectionDraft & { caps: CapDraft[] };

function RegionAdoption({ set, canEdit }: { set: GuidelineSetDetail; canEdit: boolean }) {
  const { t, formatMoney } = useI18n();
  const adoption = set.adoption;
  const [editing, setEditing] = useState(false);
  return (
    <section className="case-section" aria-labelledby="adoption-title">
      <h2 id="adoption-title">{t('guidelines.ourAdoption')}</h2>
      {adoption ? (
        <>
          <p data-testid="adoption-status">{t('guidelines.adoptedOnByUs', { date: adoption.adoptedOn })}</p>
          {adoption.localDeviations.length === 0 ? (
            <p>{t('guidelines.noDeviations')}</p>
          ) : (
            <ul>
              {adoption.localDeviations.map((d) => (
                <li key={d.number}>
                  <strong>
                    {d.number} {d.title}
                  </strong>
                  : {d.text}
                  {d.caps.length > 0
                    ? ` (${d.caps.map((c) => `${capKindLabel(t, c)} ${capAmountText(t, formatMoney, c)}`).join('; ')})`
                    : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>{t('guidelines.notAdoptedByUs')}</p>
      )}
      {canEdit && !editing ? (
        <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
          {adoption ? t('guidelines.changeAdoption') : t('guidelines.adoptForUs')}
        </button>
      ) : null}
      {canEdit && editing ? <AdoptionForm set={set} onDone={() => setEditing(false)} /> : null}
    </section>
  );
}

function AdoptionForm({ set, onDone }: { set: GuidelineSetDetail; onDone: () => void }) {
  const { t } = useI18n();
  const adopt = useAdoptRegionSet(set.id);
  const [adoptedOn, setAdoptedOn] = useState(set.adoption?.adoptedOn ?? '');
  const [deviations, setDeviations] = useState<DeviationDraft[]>(
    (set.adoption?.localDeviations ?? []).map((d) => ({ ...d, caps: d.caps.map(toCapDraft) })),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const inForce = currentVersion(set.versions, today());
  const regionSections = inForce?.sections ?? [];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (adopt.isPending) return;
    const fieldErrors: FieldError[] = [];
    const localDeviations = deviations.map((d, i) => {
      const wire = capsToWire(d.caps, `localDeviations-${i}-`, t('guidelines.amountInvalid'));
      fieldErrors.push(...wire.errors);
      return { number: d.number, title: d.title, text: d.text, caps: wire.caps };
    });
    if (fieldErrors.length > 0) {
      setErrors(fieldErrors);
      return;
    }
    const pointers: Record<string, string> = { '/adoptedOn': 'regionAdoptedOn' };
    deviations.forEach((d, i) => {
      Object.assign(
        pointers,
        contentPointerFields(`/localDeviations/${i}`, `localDeviations-${i}-`, 1, d.caps.length),
        {
          [`/localDeviations/${i}/number`]: `localDeviations-${i}-sections-0-number`,
          [`/localDeviations/${i}/title`]: `localDeviations-${i}-sections-0-title`,
          [`/localDeviations/${i}/text`]: `localDeviations-${i}-sections-0-text`,
        },
      );
    });
    adopt.mutate(
      { adoptedOn: adoptedOn.trim(), localDeviations },
      {
        onSuccess: onDone,
        onError: (error) =>
          setErrors(problemToFieldErrors(error, pointers, t(errorMessages[errorCodeOf(error)]))),
      },
    );
  }

  function setDeviation(i: number, patch: Partial<DeviationDraft>) {
    setDeviations(deviations.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="adoption-form-title">
      <h3 id="adoption-form-title">{t('guidelines.adoptForUs')}</h3>
      <p>{t('guidelines.adoptionIntro')}</p>
      <ErrorSummary errors={errors} />
      <TextField
        id="regionAdoptedOn"
        label={t('guidelines.adoptedOnLabel')}
        hint={t('guidelines.dateHint')}
        width="medium"
        autoComplete="off"
        value={adoptedOn}
        onChange={setAdoptedOn}
        error={errorFor(errors, 'regionAdoptedOn')}
      />
      {deviations.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: deviations are edited in place; the index is their identity here.
        <div key={i} className="inline-form">
          <h4>{t('guidelines.deviationTitle', { index: i + 1 })}</h4>
          <SectionsEditor
            sections={[d]}
            idPrefix={`localDeviations-${i}-`}
            onChange={([section]) => section && setDeviation(i, section)}
            errors={errors}
          />
          <CapsEditor
            caps={d.caps}
            idPrefix={`localDeviations-${i}-`}
            sectionNumbers={[d.number.trim()].filter(Boolean)}
            onChange={(caps) => setDeviation(i, { caps })}
            errors={errors}
          />
          <p>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setDeviations(deviations.filter((_, j) => j !== i))}
            >
              {t('guidelines.removeDeviation', { index: i + 1 })}
            </button>
          </p>
        </div>
      ))}
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const first = regionSections[0];
            setDeviations([
              ...deviations,
              { number: first?.number ?? '', title: first?.title ?? '', text: first?.text ?? '', caps: [] },
            ]);
          }}
        >
          {t('guidelines.addDeviation')}
        </button>
      </p>
      <div className="button-row">
        <button type="submit" className="button">
          {adopt.isPending ? t('household.saving') : t('guidelines.saveAdoption')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('household.cancel')}
        </button>
      </div>
    </form>
  );
}
