// GOV.UK-style error summary: takes focus when it appears, lists every problem and links to
// the field, using the same words as the message beside the field.
import { type MouseEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { errorCodeOf, errorMessages, refusalDetail } from '../i18n/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A problem tied to the input with id `field`; `field: null` for a problem with the whole form. */
export type FieldError = { field: string | null; message: string };

export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;

  return (
    <div ref={ref} className="error-summary" tabIndex={-1}>
      <div role="alert">
        <h2 id="error-summary-title" className="error-summary__title">
          {t('errorSummary.title')}
        </h2>
        <ul className="error-summary__list">
          {errors.map((error) => (
            <li key={`${error.field}:${error.message}`}>
              {error.field ? (
                <a href={`#${error.field}`} onClick={(event) => focusField(event, error.field ?? '')}>
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Move focus to the field and scroll its label into view, so the question stays visible. */
function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const input = document.getElementById(id);
  if (!input) return;
  event.preventDefault();
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? input;
  label.scrollIntoView({ block: 'start' });
  input.focus({ preventScroll: true });
}

/** The message for one field, for the text beside the input. */
export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

/**
 * Server field errors (problem+json pointers) as the fields that show them. A problem without
 * fields becomes one summary line; for refusals the server words best (a conflict, a missing
 * delegation, a wrong file) its own detail is kept, otherwise the generic message for the code.
 */
export function problemToFieldErrors(
  error: unknown,
  pointerFields: Record<string, string>,
  fallback: string,
): FieldError[] {
  const problems = error instanceof ApiError ? error.fieldErrors : [];
  if (problems.length === 0) return [{ field: null, message: refusalDetail(error) ?? fallback }];
  return problems.map((problem) => ({
    field: pointerFields[problem.pointer] ?? null,
    message: problem.detail,
  }));
}

/**
 * One form's errors: `fail` turns a failed request into field errors (through `pointerFields`,
 * with the generic message for the error's code), `clear` empties them after a success and
 * `setErrors` puts the form's own checks in place.
 */
export function useFormErrors(pointerFields: Record<string, string>) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  return {
    errors,
    setErrors,
    clear: () => setErrors([]),
    fail: (error: unknown) =>
      setErrors(problemToFieldErrors(error, pointerFields, t(errorMessages[errorCodeOf(error)]))),
  };
}
