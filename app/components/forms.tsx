/**
 * Form building blocks: react-hook-form validates in the browser with the same zod schema the action
 * uses; without JavaScript the form posts normally and the server's errors and values come back.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { Link, useSubmit } from "@remix-run/react";
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from "react";
import { useForm, type FieldValues, type UseFormRegisterReturn } from "react-hook-form";
import type { ZodTypeAny } from "zod";
import type { FieldErrors, FormValues } from "~/lib/forms";

/** What an action answered a form with, as the form reads it back (errors beside fields, what was typed, which form). */
export type ActionResult =
  { ok: boolean; errors?: FieldErrors; values?: FormValues; formError?: string; intent?: unknown } | undefined | null;

/** The first message in a react-hook-form error, which for a list field may sit on one of its items. */
function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as { message?: unknown };
  if (typeof e.message === "string" && e.message) return e.message;
  for (const v of Object.values(error)) {
    const m = firstMessage(v);
    if (m) return m;
  }
  return undefined;
}

export function useValidatedForm(
  schema: ZodTypeAny,
  opts: { defaults?: FormValues; actionData?: ActionResult; resetKey?: string } = {},
) {
  const failed = opts.actionData && !opts.actionData.ok ? opts.actionData : undefined;
  const values: FormValues = { ...(opts.defaults ?? {}), ...(failed?.values ?? {}) };
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema),
    defaultValues: values,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  // After a save (the page passes a key only then), start the form afresh rather than invite a duplicate.
  // Other navigations (a class picker) never reset what is being typed.
  const firstKey = useRef(opts.resetKey);
  useEffect(() => {
    if (opts.resetKey === undefined || opts.resetKey === firstKey.current) return;
    firstKey.current = opts.resetKey;
    form.reset(); // no arguments: the browser puts every field back to its default value
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opts.resetKey]);
  // Read errors here, during render, so react-hook-form's proxy subscribes to them.
  const clientErrors = form.formState.errors;
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const formEl = event.currentTarget;
    void form.handleSubmit(() => submit(submitter ?? formEl, { method: "post" }))(event);
  };
  const errorFor = (name: string): string | undefined => {
    const clientError = firstMessage(clientErrors[name]);
    return clientError ?? failed?.errors?.[name];
  };
  const value = (name: string): string => {
    const v = values[name];
    return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  };
  const list = (name: string): string[] => {
    const v = values[name];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  /** The props that tie a TextField or SelectField to `name`: registration, the value shown again, its error. */
  const bind = (name: string) => ({ reg: form.register(name), defaultValue: value(name), error: errorFor(name) });
  /** The same for a password, whose value is never written back into the page. */
  const bindPassword = (name: string) => ({ reg: form.register(name), error: errorFor(name) });
  return {
    form,
    onSubmit,
    errorFor,
    value,
    list,
    bind,
    bindPassword,
    formError: failed?.formError ?? failed?.errors?._form,
  };
}

export type ValidatedForm = ReturnType<typeof useValidatedForm>;

interface FieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  children: (ids: { id: string; describedBy?: string; invalid: boolean }) => ReactNode;
}

/** A labelled field with its error message beside it, wired for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: !!error })}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(props: {
  label: string;
  reg: UseFormRegisterReturn;
  error?: string;
  hint?: ReactNode;
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  inputMode?: "text" | "email" | "numeric" | "tel";
  required?: boolean;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type={props.type ?? "text"}
          defaultValue={props.defaultValue}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={props.required || undefined}
          {...props.reg}
        />
      )}
    </Field>
  );
}

export function SelectField(props: {
  label: string;
  reg: UseFormRegisterReturn;
  error?: string;
  hint?: ReactNode;
  defaultValue?: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  required?: boolean;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          defaultValue={props.defaultValue ?? ""}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={props.required || undefined}
          {...props.reg}
        >
          {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      {message}
    </div>
  );
}

/**
 * The error of one of several forms on a page, shown only when the action answered that form (its `intent`):
 * the error of `field` if given, else the form's own error.
 */
export function IntentError({ result, intent, field }: { result: ActionResult; intent: string; field?: string }) {
  const failed = result && !result.ok && result.intent === intent ? result : undefined;
  return (
    <FormError
      message={
        failed ? ((field ? failed.errors?.[field] : undefined) ?? failed.formError ?? failed.errors?._form) : undefined
      }
    />
  );
}

/** A group of checkboxes for a list field (grades, topics, audiences), with one error for the group. */
export function CheckboxGroup(props: {
  legend: string;
  reg: UseFormRegisterReturn;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string;
  hint?: ReactNode;
  columns?: boolean;
}) {
  const id = useId();
  return (
    <fieldset
      className={`field checkbox-group${props.error ? " field--error" : ""}`}
      aria-describedby={props.error ? `${id}-error` : undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint ? <p className="field__hint">{props.hint}</p> : null}
      <div className={props.columns ? "checkbox-group__items checkbox-group__items--columns" : "checkbox-group__items"}>
        {props.options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" value={o.value} defaultChecked={props.checked.includes(o.value)} {...props.reg} />{" "}
            {o.label}
          </label>
        ))}
      </div>
      {props.error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function TextAreaField(props: {
  label: string;
  reg: UseFormRegisterReturn;
  error?: string;
  hint?: ReactNode;
  defaultValue?: string;
  rows?: number;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          rows={props.rows ?? 4}
          defaultValue={props.defaultValue}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          {...props.reg}
        />
      )}
    </Field>
  );
}

/** The submit button of a form, with a way back. */
export function FormActions({ label, cancelTo, busy }: { label: string; cancelTo?: string; busy?: boolean }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={busy}>
        {label}
      </button>
      {cancelTo ? <Link to={cancelTo}>Hủy</Link> : null}
    </div>
  );
}
