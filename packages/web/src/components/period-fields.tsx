// A reporting period: first and last month (ÅÅÅÅ-MM), checked the same way wherever a
// period is asked for (the indicator dashboard, an audit draw).
import { useI18n } from '../i18n/i18n.tsx';
import { errorFor, type FieldError } from './error-summary.tsx';
import { TextField } from './fields.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The problems with a period, on the fields `from` and `to`. */
export function usePeriodProblems() {
  const { t } = useI18n();
  return (period: { from: string; to: string }): FieldError[] => {
    const problems: FieldError[] = [];
    if (!MONTH.test(period.from)) problems.push({ field: 'from', message: t('reports.invalidMonth') });
    if (!MONTH.test(period.to)) problems.push({ field: 'to', message: t('reports.invalidMonth') });
    if (problems.length === 0 && period.to < period.from)
      problems.push({ field: 'to', message: t('reports.monthOrder') });
    return problems;
  };
}

export function PeriodFields({
  from,
  to,
  onChange,
  errors,
}: {
  from: string;
  to: string;
  onChange: (field: 'from' | 'to') => (value: string) => void;
  errors: FieldError[];
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id="from"
        label={t('reports.from')}
        hint={t('reports.monthHint')}
        value={from}
        onChange={onChange('from')}
        error={errorFor(errors, 'from')}
        width="short"
      />
      <TextField
        id="to"
        label={t('reports.to')}
        hint={t('reports.monthHint')}
        value={to}
        onChange={onChange('to')}
        error={errorFor(errors, 'to')}
        width="short"
      />
    </>
  );
}
