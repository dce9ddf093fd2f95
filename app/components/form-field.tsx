import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/react";
import { translateMessage } from "~/lib/messages";

/**
 * The labelled fields of every form, residents' and managers' alike, built on conform's
 * metadata. Zod messages are catalogue keys; the workspace's may carry values (see
 * workspace-messages.ts), which translateMessage reads as well.
 */

/** A field's errors next to it, translated. */
export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {errors.map((error) => translateMessage(t, error)).join(" ")}
    </p>
  );
}

/** Any field's conform metadata. */
export type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;

/**
 * A field of a form whose field names are built from a row or a day (`days_1`, `opens3_2`):
 * conform's types cannot list those names, so they are looked up by name.
 */
export function fieldNamed(fields: object, name: string): AnyField {
  return (fields as Record<string, AnyField>)[name]!;
}

const hintIdOf = (meta: AnyField) => `${meta.id}-hint`;

/** The control says it is invalid and points at its errors and its hint (conform's own aria attributes are off). */
const ariaOf = (meta: AnyField, hint: string | undefined) => ({
  "aria-invalid": meta.errors ? true : undefined,
  "aria-describedby":
    [meta.errors ? meta.errorId : null, hint ? hintIdOf(meta) : null].filter(Boolean).join(" ") || undefined,
});

/** Label, hint above the control, the control, its errors. */
function Labelled({
  meta,
  label,
  hint,
  className,
  labelClassName = "field-label",
  children,
}: {
  meta: AnyField;
  label: string;
  hint?: string;
  className?: string;
  labelClassName?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={meta.id} className={labelClassName}>
        {label}
      </label>
      {hint ? (
        <p id={hintIdOf(meta)} className="m-0 mb-1 text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A labelled input with its hint and errors. */
export function TextField({
  meta,
  label,
  type = "text",
  hint,
  className,
  labelClassName,
  ...rest
}: {
  meta: AnyField;
  label: string;
  type?: "text" | "email" | "tel" | "number" | "date" | "time" | "month" | "password";
  hint?: string;
  className?: string;
  /** "field-label font-normal" under a legend that already says what the group is */
  labelClassName?: string;
  autoComplete?: string;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  inputMode?: "numeric" | "decimal" | "text" | "email" | "tel";
  disabled?: boolean;
}) {
  return (
    <Labelled meta={meta} label={label} hint={hint} className={className} labelClassName={labelClassName}>
      <input
        {...getInputProps(meta, { type, ariaAttributes: false })}
        {...rest}
        className="field-input"
        {...ariaOf(meta, hint)}
      />
    </Labelled>
  );
}

export function TextArea({
  meta,
  label,
  hint,
  rows = 3,
  className,
}: {
  meta: AnyField;
  label: string;
  hint?: string;
  rows?: number;
  className?: string;
}) {
  return (
    <Labelled meta={meta} label={label} hint={hint} className={className}>
      <textarea
        {...getTextareaProps(meta, { ariaAttributes: false })}
        rows={rows}
        className="field-input"
        {...ariaOf(meta, hint)}
      />
    </Labelled>
  );
}

export function SelectField({
  meta,
  label,
  options,
  hint,
  className,
}: {
  meta: AnyField;
  label: string;
  options: { value: string; label: string }[];
  hint?: string;
  className?: string;
}) {
  return (
    <Labelled meta={meta} label={label} hint={hint} className={className}>
      <select {...getSelectProps(meta, { ariaAttributes: false })} className="field-input" {...ariaOf(meta, hint)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

export function CheckboxField({ meta, label, hint }: { meta: AnyField; label: string; hint?: string }) {
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          {...getInputProps(meta, { type: "checkbox", ariaAttributes: false })}
          className="mt-1 h-6 w-6 shrink-0"
          {...ariaOf(meta, hint)}
        />
        <label htmlFor={meta.id} className="font-bold">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={hintIdOf(meta)} className="m-0 ml-9 text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/**
 * A labelled control of a form without conform (a GET search form): the label, the control
 * (given as a function of the aria attributes that point at the errors), its errors.
 */
export function PlainField({
  id,
  label,
  errors,
  children,
}: {
  id: string;
  label: string;
  errors: string[] | undefined;
  children: (aria: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children(errors?.length ? { "aria-invalid": true, "aria-describedby": errorId } : {})}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/**
 * The hidden key of a form that creates something (app/domain/submission-key.ts), with the
 * sentence shown when it is missing or too old. With conform's metadata, or a plain value for
 * a form without conform.
 */
export function SubmissionKey(props: { meta: AnyField } | { value: string }) {
  if ("value" in props) return <input type="hidden" name="submissionKey" value={props.value} />;
  return (
    <>
      <input {...getInputProps(props.meta, { type: "hidden" })} />
      <FieldError id={props.meta.errorId} errors={props.meta.errors} />
    </>
  );
}
