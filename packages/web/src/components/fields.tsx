// Form fields with a visible label, an optional hint, an error beside the input and
// "(valfritt)" on optional fields. The error and hint are tied to the input with aria-describedby.
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
};

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldFrame({ id, label, hint, error, optional, children }: FieldProps & { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional ? <span className="field__optional"> {t('form.optional')}</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      {children}
    </div>
  );
}

type TextFieldProps = FieldProps & {
  value: string;
  onChange: (value: string) => void;
  width?: 'full' | 'medium' | 'short';
} & Pick<
    InputHTMLAttributes<HTMLInputElement>,
    'type' | 'autoComplete' | 'inputMode' | 'spellCheck' | 'name'
  >;

export function TextField({ value, onChange, width = 'full', type = 'text', ...props }: TextFieldProps) {
  const { id, hint, error, optional, label, ...inputProps } = props;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input
        {...inputProps}
        id={id}
        name={inputProps.name ?? id}
        type={type}
        className={`input input--${width}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = FieldProps & {
  value: string;
  onChange: (value: string) => void;
  /** Options with a `group` are shown under an <optgroup> of that name, in the order given. */
  options: { value: string; label: string; group?: string }[];
};

export function SelectField({ value, onChange, options, ...props }: SelectFieldProps) {
  const { id, hint, error } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={id}
        name={id}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      >
        {groupOptions(options).map(([group, items]) =>
          group ? (
            <optgroup key={group} label={group}>
              {items.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ) : (
            items.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))
          ),
        )}
      </select>
    </FieldFrame>
  );
}

function groupOptions<T extends { group?: string }>(options: T[]): [string | undefined, T[]][] {
  const groups: [string | undefined, T[]][] = [];
  for (const option of options) {
    const last = groups.at(-1);
    if (last && last[0] === option.group) last[1].push(option);
    else groups.push([option.group, [option]]);
  }
  return groups;
}

type TextAreaProps = FieldProps & {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
};

export function TextArea({ value, onChange, rows = 4, ...props }: TextAreaProps) {
  const { id, hint, error } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        id={id}
        name={id}
        className="textarea"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}

type CheckboxProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <p id={id} className="field__error">
      <span className="visually-hidden">{t('form.errorPrefix')}</span>
      {children}
    </p>
  );
}

export function Checkbox({ id, label, hint, error, checked, onChange }: CheckboxProps) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <div className="checkbox">
        <input
          id={id}
          name={id}
          type="checkbox"
          className="checkbox__input"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
        />
        <label className="checkbox__label" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="field__hint checkbox__hint">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function Fieldset({
  legend,
  hint,
  id,
  optional,
  children,
}: {
  legend: string;
  hint?: string;
  id: string;
  optional?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="fieldset__legend">
        {legend}
        {optional ? <span className="field__optional"> {t('form.optional')}</span> : null}
      </legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
