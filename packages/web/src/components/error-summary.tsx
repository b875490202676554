// GOV.UK-style error summary: takes focus when it appears, lists every problem and links to
// the field, using the same words as the message beside the field.
import { type MouseEvent, useEffect, useRef } from 'react';
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
