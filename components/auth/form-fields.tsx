import { PASSWORD_RULE } from "@/lib/schemas/people";

export const INPUT = "mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 aria-[invalid=true]:ring-red-500";
export const LABEL = "block text-sm font-medium text-slate-800";

/**
 * Splits a server message "password: must be at least 12 characters." into the field it names
 * and the text to show next to that field; a message naming no field stays a form-level error.
 */
export function fieldError(message: string | null, fields: readonly string[]): { field: string | null; text: string } | null {
  if (!message) return null;
  const match = /^([A-Za-z.]+): (.*)$/s.exec(message);
  if (match && fields.includes(match[1])) return { field: match[1], text: match[2].charAt(0).toUpperCase() + match[2].slice(1) };
  return { field: null, text: message };
}

/** One labelled input with its error text right under it, tied together for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  ...input
}: { id: string; label: string; error?: string | null; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <input id={id} className={INPUT} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** A new password and its confirmation; `mismatch` once both are typed and differ. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  error,
  idPrefix = "new",
  label = "Password",
}: {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  error?: string | null;
  idPrefix?: string;
  label?: string;
}) {
  const mismatch = confirm.length > 0 && password !== confirm;
  return (
    <>
      <Field id={`${idPrefix}-password`} label={label} type="password" autoComplete="new-password" required value={password} onChange={(e) => onPassword(e.target.value)} hint={PASSWORD_RULE} error={error} />
      <Field id={`${idPrefix}-confirm`} label={`Confirm ${label.toLowerCase()}`} type="password" autoComplete="new-password" required value={confirm} onChange={(e) => onConfirm(e.target.value)} error={mismatch ? "The two passwords differ." : null} />
    </>
  );
}
