// "Riktlinjer": the guideline sets the municipality works by, with the status of each (draft or
// adopted), owner, adoption and review dates; a review date that has passed is pointed out.
// Unit managers and system administrators create the municipality's own sets here.
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { GuidelineSetSummary } from '../../api/guideline-types.ts';
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  problemToFieldErrors,
} from '../../components/error-summary.tsx';
import { TextField } from '../../components/fields.tsx';
import { Badge, LoadError, Loading } from '../../components/status.tsx';
import { type Column, Table } from '../../components/table.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCreateGuidelineSet, useGuidelineSets } from './api.ts';
import { currentVersion, isReviewDue, latestVersion, today } from './guideline-status.ts';

export function GuidelineList({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const sets = useGuidelineSets();
  const now = today();

  const columns: Column<GuidelineSetSummary>[] = [
    {
      key: 'name',
      header: t('guidelines.name'),
      rowHeader: true,
      cell: (set) => <Link to={`/riktlinjer/${encodeURIComponent(set.id)}`}>{set.name}</Link>,
    },
    {
      key: 'owner',
      header: t('guidelines.owner'),
      cell: (set) =>
        t(set.owner.kind === 'region' ? 'guidelines.ownerRegion' : 'guidelines.ownerMunicipality', {
          name: set.owner.name,
        }),
    },
    {
      key: 'status',
      header: t('guidelines.status'),
      cell: (set) => {
        const inForce = currentVersion(set.versions, now);
        const latest = latestVersion(set.versions);
        if (!latest) return t('guidelines.noVersions');
        return (
          <>
            {inForce
              ? t('guidelines.adoptedVersion', { version: inForce.version })
              : t('guidelines.notInForce')}
            {latest.status === 'draft' ? (
              <>
                {' '}
                <Badge>{t('guidelines.draftVersion', { version: latest.version })}</Badge>
              </>
            ) : null}
          </>
        );
      },
    },
    {
      key: 'adoptedOn',
      header: t('guidelines.adoptedOn'),
      cell: (set) => <span className="nowrap">{currentVersion(set.versions, now)?.adoptedOn ?? '–'}</span>,
    },
    {
      key: 'reviewOn',
      header: t('guidelines.reviewOn'),
      cell: (set) => {
        const version = currentVersion(set.versions, now);
        if (!version?.reviewOn) return '–';
        return (
          <>
            <span className="nowrap">{version.reviewOn}</span>
            {isReviewDue(version, now) ? (
              <>
                {' '}
                <Badge>{t('guidelines.reviewDue')}</Badge>
              </>
            ) : null}
          </>
        );
      },
    },
    {
      key: 'adoption',
      header: t('guidelines.ourAdoption'),
      cell: (set) =>
        set.owner.kind === 'region'
          ? set.adoption
            ? t('guidelines.adoptedByUs', {
                date: set.adoption.adoptedOn,
                count: set.adoption.localDeviations.length,
              })
            : t('guidelines.notAdoptedByUs')
          : '–',
    },
  ];

  return (
    <>
      {sets.isPending ? <Loading /> : null}
      {sets.isError ? <LoadError error={sets.error} onRetry={() => sets.refetch()} /> : null}
      {sets.data ? (
        sets.data.length === 0 ? (
          <p>{t('guidelines.none')}</p>
        ) : (
          <Table
            caption={t('guidelines.listCaption')}
            captionHidden
            columns={columns}
            rows={sets.data}
            rowKey={(set) => set.id}
          />
        )
      ) : null}
      {canEdit ? <CreateSetForm /> : null}
    </>
  );
}

function CreateSetForm() {
  const { t } = useI18n();
  const create = useCreateGuidelineSet();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    if (!name.trim()) {
      setErrors([{ field: 'guidelineName', message: t('guidelines.nameMissing') }]);
      return;
    }
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (set) => navigate(`/riktlinjer/${encodeURIComponent(set.id)}`),
        onError: (error) =>
          setErrors(
            problemToFieldErrors(error, { '/name': 'guidelineName' }, t(errorMessages[errorCodeOf(error)])),
          ),
      },
    );
  }

  return (
    <form
      className="form case-section"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="create-guideline-title"
    >
      <h2 id="create-guideline-title">{t('guidelines.createTitle')}</h2>
      <p>{t('guidelines.createIntro')}</p>
      <ErrorSummary errors={errors} />
      <TextField
        id="guidelineName"
        label={t('guidelines.name')}
        value={name}
        onChange={setName}
        autoComplete="off"
        error={errorFor(errors, 'guidelineName')}
      />
      <button type="submit" className="button">
        {create.isPending ? t('household.saving') : t('guidelines.create')}
      </button>
    </form>
  );
}
