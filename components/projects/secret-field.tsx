"use client";

import { Button } from "@/components/ui/button";
import { Field } from "./field";
import { INPUT } from "./form-styles";

/** What the form will do with a stored secret: keep it, replace it with `value`, or remove it. */
export type SecretDraft = { action: "keep" | "set" | "remove"; value: string; /** Shown in clear: a generated value to copy. */ revealed?: boolean };

export const KEEP_SECRET: SecretDraft = { action: "keep", value: "" };

/**
 * A write-only secret (an access token, a webhook secret): once stored it is never shown
 * again, only "set", with Replace and Remove. `generate` offers a random value, shown in
 * clear so it can be copied into the other side (a webhook's settings) before saving.
 */
export function SecretField({
  id,
  label,
  what,
  hint,
  stored,
  draft,
  onChange,
  error,
  generate,
}: {
  id: string;
  label: string;
  /** "an access token", "a webhook secret" */
  what: string;
  hint: React.ReactNode;
  stored: boolean;
  draft: SecretDraft;
  onChange: (draft: SecretDraft) => void;
  error?: string;
  generate?: () => string;
}) {
  if (stored && draft.action === "keep") {
    return (
      <div role="group" aria-labelledby={`${id}-label`}>
        <p id={`${id}-label`} className="block text-sm font-medium text-slate-800">
          {label}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-700">{what.charAt(0).toUpperCase() + what.slice(1)} is set (never shown again).</span>
          <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => onChange({ action: "set", value: "" })}>
            Replace
          </Button>
          <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => onChange({ action: "remove", value: "" })}>
            Remove
          </Button>
        </div>
        {error && <p className="mt-1 text-xs text-red-700">{error}</p>}
      </div>
    );
  }
  if (draft.action === "remove") {
    return (
      <div role="group" aria-labelledby={`${id}-label`}>
        <p id={`${id}-label`} className="block text-sm font-medium text-slate-800">
          {label}
        </p>
        <div className="mt-1 flex items-center gap-2 text-sm">
          <span className="text-amber-800">{what.charAt(0).toUpperCase() + what.slice(1)} will be removed when you save.</span>
          <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => onChange(KEEP_SECRET)}>
            Keep it
          </Button>
        </div>
      </div>
    );
  }
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(props) => (
        <div className="flex gap-2">
          <input
            {...props}
            type={draft.revealed ? "text" : "password"}
            className={`${INPUT} font-mono`}
            value={draft.value}
            autoComplete="new-password"
            spellCheck={false}
            onChange={(e) => onChange({ action: "set", value: e.target.value, revealed: draft.revealed })}
          />
          {generate && (
            <Button type="button" variant="secondary" className="mt-1 whitespace-nowrap px-2 py-1 text-xs" onClick={() => onChange({ action: "set", value: generate(), revealed: true })}>
              Generate
            </Button>
          )}
          {stored && (
            <Button type="button" variant="ghost" className="mt-1 px-2 py-1 text-xs" onClick={() => onChange(KEEP_SECRET)}>
              Cancel
            </Button>
          )}
        </div>
      )}
    </Field>
  );
}

/** A random webhook secret (32 bytes, hex), prefixed so people recognise what it is. */
export function randomWebhookSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return `whsec_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
