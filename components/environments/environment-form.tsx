"use client";

import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { createEnvironmentAction } from "@/lib/actions/create-environment";
import { updateEnvironmentAction } from "@/lib/actions/update-environment";
import type { EnvironmentView } from "@/lib/server/environments";
import { ConnectionFailure, ConnectionReportView } from "./connection-report";
import { fieldError, type EnvironmentField } from "./field-errors";
import { useConnectionTest } from "./use-connection-test";

const INPUT = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600 disabled:bg-slate-50";
const LABEL = "block text-sm font-medium text-slate-800";
const HINT = "mt-1 text-xs text-slate-500";

type Props = { mode: "add"; projectId: string; onDone: (view: EnvironmentView) => void; onCancel: () => void } | { mode: "edit"; environment: EnvironmentView; onDone: (view: EnvironmentView) => void; onCancel: () => void };

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700">
      {text}
    </p>
  );
}

/**
 * Adds an environment, or edits one: the URL is never shown back (an empty URL keeps the
 * stored one), the CA certificate is pasted as PEM. "Test connection" tries what the form
 * holds, before anything is saved.
 */
export function EnvironmentForm(props: Props) {
  const editing = props.mode === "edit" ? props.environment : null;
  const id = useId();
  const [name, setName] = useState(editing?.name ?? "");
  const [url, setUrl] = useState("");
  const [caCert, setCaCert] = useState("");
  const [removeCa, setRemoveCa] = useState(false);
  const [timeZone, setTimeZone] = useState(editing?.timeZone ?? "UTC");
  const [errors, setErrors] = useState<Partial<Record<EnvironmentField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, startTransition] = useTransition();
  const test = useConnectionTest();

  const edited = () => {
    test.clear();
    setFormError(null);
  };
  const show = (message: string) => {
    const { field, text } = fieldError(message);
    if (field) setErrors({ [field]: text });
    else setFormError(text);
  };

  function runTest() {
    setErrors({});
    setFormError(null);
    if (editing) test.run({ environmentId: editing.id, url, caCert: removeCa ? null : caCert || undefined, name });
    else test.run({ projectId: props.mode === "add" ? props.projectId : "", url, caCert: caCert || undefined, name });
  }

  function save() {
    setErrors({});
    setFormError(null);
    startTransition(async () => {
      const result = editing
        ? await updateEnvironmentAction({ environmentId: editing.id, changes: { name, url, timeZone, ...(removeCa ? { caCert: null } : caCert.trim() ? { caCert } : {}) } })
        : await createEnvironmentAction({ projectId: props.mode === "add" ? props.projectId : "", environment: { name, url, timeZone, ...(caCert.trim() ? { caCert } : {}) } });
      if (result.ok) props.onDone(result.data);
      else show(result.message);
    });
  }

  // Every field has a hint; its error, when there is one, is read out with it.
  const described = (field: EnvironmentField) => [`${id}-${field}-hint`, errors[field] ? `${id}-${field}-error` : null].filter(Boolean).join(" ");

  return (
    <form
      aria-label={editing ? `Edit ${editing.name}` : "Add an environment"}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {formError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className={LABEL}>
            Name
          </label>
          <input
            id={`${id}-name`}
            className={INPUT}
            value={name}
            required
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            placeholder="staging"
            aria-invalid={Boolean(errors.name)}
            aria-describedby={described("name")}
            onChange={(e) => {
              setName(e.target.value);
              edited();
            }}
          />
          <p id={`${id}-name-hint`} className={HINT}>
            Lowercase letters, digits, _ or -. People type it in the CLI and the API.
          </p>
          <FieldError id={`${id}-name-error`} text={errors.name} />
        </div>
        <div>
          <label htmlFor={`${id}-timeZone`} className={LABEL}>
            Time zone
          </label>
          <input
            id={`${id}-timeZone`}
            className={INPUT}
            value={timeZone}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(errors.timeZone)}
            aria-describedby={described("timeZone")}
            onChange={(e) => {
              setTimeZone(e.target.value);
              edited();
            }}
          />
          <p id={`${id}-timeZone-hint`} className={HINT}>
            IANA name, e.g. Europe/Paris: freeze windows and scheduled deploys are in this zone.
          </p>
          <FieldError id={`${id}-timeZone-error`} text={errors.timeZone} />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-url`} className={LABEL}>
          Connection URL
        </label>
        <input
          id={`${id}-url`}
          className={`${INPUT} font-mono`}
          value={url}
          required={!editing}
          autoComplete="off"
          spellCheck={false}
          placeholder={editing ? "Leave empty to keep the current URL" : "postgresql://user:password@host:5432/app?schema=public&sslmode=verify-full"}
          aria-invalid={Boolean(errors.url)}
          aria-describedby={described("url")}
          onChange={(e) => {
            setUrl(e.target.value);
            edited();
          }}
        />
        <p id={`${id}-url-hint`} className={HINT}>
          {editing ? (
            <>
              Now <span className="font-mono break-all">{editing.url ?? "(cannot be decrypted with this server's key: paste it again)"}</span>. The password is never shown back.
            </>
          ) : (
            <>Prisma&apos;s format: ?schema= and sslmode are honoured. Stored encrypted; the password is never shown back.</>
          )}
        </p>
        <FieldError id={`${id}-url-error`} text={errors.url} />
      </div>
      <div>
        <label htmlFor={`${id}-caCert`} className={LABEL}>
          CA certificate <span className="font-normal text-slate-500">(optional, PEM)</span>
        </label>
        <textarea
          id={`${id}-caCert`}
          className={`${INPUT} font-mono text-xs`}
          rows={4}
          value={caCert}
          disabled={removeCa}
          spellCheck={false}
          placeholder={editing?.hasCaCert ? "Leave empty to keep the stored certificate" : "-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----"}
          aria-invalid={Boolean(errors.caCert)}
          aria-describedby={described("caCert")}
          onChange={(e) => {
            setCaCert(e.target.value);
            edited();
          }}
        />
        <p id={`${id}-caCert-hint`} className={HINT}>
          The certificate of the CA that signed the server&apos;s, for sslmode=verify-full (checks the chain and the host name) or verify-ca (the chain only).
          {editing?.caCertificate && (
            <>
              {" "}
              Stored: {editing.caCertificate.subject}, valid until {new Date(editing.caCertificate.validTo).toISOString().slice(0, 10)}.
            </>
          )}
        </p>
        {editing?.hasCaCert && (
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={removeCa}
              onChange={(e) => {
                setRemoveCa(e.target.checked);
                edited();
              }}
            />
            Remove the stored CA certificate
          </label>
        )}
        <FieldError id={`${id}-caCert-error`} text={errors.caCert} />
      </div>
      <div aria-live="polite">
        {test.testing && <p className="text-sm text-slate-600">Connecting…</p>}
        {test.report && <ConnectionReportView report={test.report} />}
        {test.failure && (test.failure.code === "BAD_INPUT" ? <ConnectionFailure message={fieldError(test.failure.message).text} /> : <ConnectionFailure message={test.failure.message} />)}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : editing ? "Save changes" : "Add environment"}
        </Button>
        <Button type="button" variant="secondary" disabled={test.testing || (!editing && !url.trim())} onClick={runTest}>
          {test.testing ? "Testing…" : "Test connection"}
        </Button>
        <Button type="button" variant="ghost" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
