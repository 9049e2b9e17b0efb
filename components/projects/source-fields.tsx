"use client";

import { DEFAULT_GIT_BRANCH, DEFAULT_GIT_FOLDER, SOURCE_KIND_LABELS, SOURCE_KINDS, type SourceKind } from "@/lib/schemas/project";
import { Field } from "./field";
import { INPUT, LABEL } from "./form-styles";
import { randomWebhookSecret, SecretField, type SecretDraft } from "./secret-field";
import type { ProjectField } from "./field-errors";

/** What the source part of a project form holds, as typed. */
export type SourceDraft = {
  kind: SourceKind;
  url: string;
  branch: string;
  gitPath: string;
  folderPath: string;
  /** Minutes as typed; empty = no schedule. */
  interval: string;
  accessToken: SecretDraft;
  webhookSecret: SecretDraft;
};

const KIND_HINTS = {
  git: "Sluice keeps a mirror of the repository and fetches it on Refresh, on a schedule and on a push webhook. A request records the commit it was made from.",
  folder: "A Prisma migrations folder on this server, read as it is now (how the demo works).",
  upload: "Pipelines send the migrations folder with sluice request submit; Sluice needs no access to the repository.",
} as const satisfies Record<SourceKind, string>;

/**
 * Where a project's migrations come from: a radio for the kind, then the fields of that
 * kind. Folders and local repositories are offered to site admins only (the server checks too).
 */
export function SourceFields({
  id,
  draft,
  onChange,
  errors,
  stored,
  mayUseServerPaths,
}: {
  id: string;
  draft: SourceDraft;
  onChange: (draft: SourceDraft) => void;
  errors: Partial<Record<ProjectField, string>>;
  stored: { accessToken: boolean; webhookSecret: boolean };
  mayUseServerPaths: boolean;
}) {
  const set = <K extends keyof SourceDraft>(key: K, value: SourceDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className={LABEL}>Where its migrations come from</legend>
        <div className="mt-2 grid gap-2 md:grid-cols-3">
          {SOURCE_KINDS.map((kind) => {
            const disabled = kind === "folder" && !mayUseServerPaths && draft.kind !== "folder";
            return (
              <label key={kind} className={`flex cursor-pointer gap-2 rounded-md p-3 text-sm ring-1 ring-inset ${draft.kind === kind ? "bg-indigo-50 ring-indigo-600" : "ring-slate-300"} ${disabled ? "cursor-not-allowed opacity-60" : ""}`}>
                <input type="radio" name={`${id}-kind`} value={kind} checked={draft.kind === kind} disabled={disabled} onChange={() => set("kind", kind)} className="mt-0.5" />
                <span>
                  <span className="font-medium text-slate-900">{SOURCE_KIND_LABELS[kind]}</span>
                  <span className="mt-0.5 block text-xs text-slate-600">{KIND_HINTS[kind]}</span>
                  {disabled && <span className="mt-0.5 block text-xs text-amber-800">Site admins only.</span>}
                </span>
              </label>
            );
          })}
        </div>
        {errors.kind && <p className="mt-1 text-xs text-red-700">{errors.kind}</p>}
      </fieldset>

      {draft.kind === "git" && (
        <div className="grid gap-4 md:grid-cols-2">
          <div className="md:col-span-2">
            <Field
              id={`${id}-url`}
              label="Repository URL"
              error={errors.url}
              hint={
                <>
                  The https:// address you would clone, e.g. https://github.com/acme/app.git. No user name or token in it.
                  {mayUseServerPaths && " A site admin may also give a path on this server or a file:// URL."}
                </>
              }
            >
              {(props) => <input {...props} className={`${INPUT} font-mono`} value={draft.url} required spellCheck={false} autoComplete="off" placeholder="https://github.com/acme/app.git" onChange={(e) => set("url", e.target.value)} />}
            </Field>
          </div>
          <Field id={`${id}-branch`} label="Branch" error={errors.branch} hint="The branch whose head new requests are made from.">
            {(props) => <input {...props} className={`${INPUT} font-mono`} value={draft.branch} spellCheck={false} autoComplete="off" placeholder={DEFAULT_GIT_BRANCH} onChange={(e) => set("branch", e.target.value)} />}
          </Field>
          <Field id={`${id}-path`} label="Migrations folder in the repository" error={errors.path} hint="Relative to the repository's root.">
            {(props) => <input {...props} className={`${INPUT} font-mono`} value={draft.gitPath} spellCheck={false} autoComplete="off" placeholder={DEFAULT_GIT_FOLDER} onChange={(e) => set("gitPath", e.target.value)} />}
          </Field>
          <SecretField
            id={`${id}-token`}
            label="Access token (private repositories)"
            what="an access token"
            stored={stored.accessToken}
            draft={draft.accessToken}
            onChange={(value) => set("accessToken", value)}
            error={errors.accessToken}
            hint="A token that may read the repository: on GitHub a fine-grained token with Contents: read-only, on GitLab a token with read_repository. Stored encrypted, sent only to this https:// address as a header."
          />
          <Field
            id={`${id}-interval`}
            label="Fetch every (minutes)"
            error={errors.refreshIntervalMinutes}
            hint="Leave empty to fetch only on Refresh and on the push webhook. 1 to 1440."
          >
            {(props) => <input {...props} type="number" min={1} max={1440} inputMode="numeric" className={INPUT} value={draft.interval} placeholder="e.g. 5" onChange={(e) => set("interval", e.target.value)} />}
          </Field>
          <div className="md:col-span-2">
            <SecretField
              id={`${id}-webhook`}
              label="Push webhook secret"
              what="a webhook secret"
              stored={stored.webhookSecret}
              draft={draft.webhookSecret}
              onChange={(value) => set("webhookSecret", value)}
              error={errors.webhookSecret}
              generate={randomWebhookSecret}
              hint="Paste the same secret into the repository's webhook settings: Sluice then accepts pushes signed with it, without an API token. At least 16 characters; Generate makes one — copy it before saving."
            />
          </div>
        </div>
      )}

      {draft.kind === "folder" && (
        <Field id={`${id}-folder`} label="Migrations folder on the server" error={errors.path} hint="An absolute path, or one relative to the folder Sluice runs in. It must be readable now.">
          {(props) => <input {...props} className={`${INPUT} font-mono`} value={draft.folderPath} required spellCheck={false} autoComplete="off" placeholder="/srv/app/prisma/migrations" disabled={!mayUseServerPaths} onChange={(e) => set("folderPath", e.target.value)} />}
        </Field>
      )}

      {draft.kind === "upload" && (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          Nothing to set here. A pipeline runs <code className="font-mono">sluice request submit --project &lt;slug&gt; --dir prisma/migrations</code> with a token that has the submit scope; each upload becomes what new requests are made from. See docs/ci.md.
        </p>
      )}
    </div>
  );
}

/** The interval as the server takes it: a whole number, or null for none. NaN when it is not a number (the server says so). */
export function intervalOf(typed: string): number | null {
  return typed.trim() === "" ? null : Number(typed);
}
