// "Registrera person": the server checks everything (personnummer checksum, postnummer) and
// returns all field errors at once; they are shown beside each field and in the summary.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { PersonDetail } from '../../api/types.ts';
import { ErrorSummary, errorFor, type FieldError } from '../../components/error-summary.tsx';
import { Checkbox, Fieldset, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { errorCodeOf, errorMessages } from '../../i18n/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useRegisterPerson } from './api.ts';

/** Field ids in page order; the error summary lists problems in this order too. */
const fields = [
  'personalIdentityNumber',
  'firstName',
  'lastName',
  'street',
  'postalCode',
  'city',
  'protectedIdentity',
] as const;
type Field = (typeof fields)[number];

/** JSON pointers in the request body → the field that shows the error. */
const pointerFields: Record<string, Field> = {
  '/personalIdentityNumber': 'personalIdentityNumber',
  '/firstName': 'firstName',
  '/lastName': 'lastName',
  '/address': 'street',
  '/address/street': 'street',
  '/address/postalCode': 'postalCode',
  '/address/city': 'city',
  '/protectedIdentity': 'protectedIdentity',
};

type Values = Record<Exclude<Field, 'protectedIdentity'>, string> & { protectedIdentity: boolean };

const empty: Values = {
  personalIdentityNumber: '',
  firstName: '',
  lastName: '',
  street: '',
  postalCode: '',
  city: '',
  protectedIdentity: false,
};

export function RegisterPersonForm({ onRegistered }: { onRegistered: (person: PersonDetail) => void }) {
  const { t } = useI18n();
  const register = useRegisterPerson();
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<FieldError[]>([]);

  const set = (field: Exclude<Field, 'protectedIdentity'>) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (register.isPending) return;
    register.mutate(
      {
        personalIdentityNumber: values.personalIdentityNumber.trim(),
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        address: {
          street: values.street.trim(),
          postalCode: values.postalCode.trim(),
          city: values.city.trim(),
        },
        protectedIdentity: values.protectedIdentity,
      },
      {
        onSuccess: onRegistered,
        onError: (error) => setErrors(toFieldErrors(error, t(errorMessages[errorCodeOf(error)]))),
      },
    );
  }

  const field = (id: Exclude<Field, 'protectedIdentity'>) => ({
    id,
    value: values[id],
    onChange: set(id),
    error: errorFor(errors, id),
  });

  return (
    <>
      <ErrorSummary errors={errors} />
      <Page title={t('register.title')} lead={t('register.intro')}>
        <form onSubmit={onSubmit} noValidate className="form">
          <TextField
            {...field('personalIdentityNumber')}
            label={t('register.personalIdentityNumber')}
            hint={t('register.personalIdentityNumberHint')}
            inputMode="numeric"
            spellCheck={false}
            autoComplete="off"
            width="medium"
          />
          <TextField
            {...field('firstName')}
            label={t('register.firstName')}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            {...field('lastName')}
            label={t('register.lastName')}
            autoComplete="off"
            spellCheck={false}
          />
          <Fieldset
            id="address"
            legend={t('register.addressLegend')}
            hint={t('register.addressHint')}
            optional
          >
            <TextField {...field('street')} label={t('register.street')} autoComplete="off" />
            <TextField
              {...field('postalCode')}
              label={t('register.postalCode')}
              inputMode="numeric"
              autoComplete="off"
              width="short"
            />
            <TextField {...field('city')} label={t('register.city')} autoComplete="off" width="medium" />
          </Fieldset>
          <Checkbox
            id="protectedIdentity"
            label={t('register.protectedIdentity')}
            hint={t('register.protectedIdentityHint')}
            checked={values.protectedIdentity}
            onChange={(checked) => setValues((current) => ({ ...current, protectedIdentity: checked }))}
            error={errorFor(errors, 'protectedIdentity')}
          />
          <button type="submit" className="button">
            {register.isPending ? t('register.submitting') : t('register.submit')}
          </button>
        </form>
      </Page>
    </>
  );
}

/** Server field errors in page order; a problem without fields becomes one summary line.
 * The server's own detail is kept for a conflict ("already registered"), which it words best. */
function toFieldErrors(error: unknown, fallback: string): FieldError[] {
  const problems = error instanceof ApiError ? error.fieldErrors : [];
  if (problems.length === 0) {
    const detail = error instanceof ApiError && error.status === 409 ? error.problem?.detail : undefined;
    return [{ field: null, message: detail ?? fallback }];
  }
  const mapped = problems.map((problem) => ({
    field: pointerFields[problem.pointer] ?? null,
    message: problem.detail,
  }));
  const order = (field: string | null) => (field ? fields.indexOf(field as Field) : -1);
  return mapped.sort((a, b) => order(a.field) - order(b.field));
}
