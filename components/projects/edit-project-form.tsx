"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { updateProjectAction } from "@/lib/actions/update-project";
import type { TUpdateProject } from "@/lib/schemas/project";
import type { ProjectView } from "@/lib/server/projects/view";
import { Field } from "./field";
import { INPUT } from "./form-styles";
import { projectFieldError, type ProjectField } from "./field-errors";
import { KEEP_SECRET, type SecretDraft } from "./secret-field";
import { intervalOf, SourceFields, type SourceDraft } from "./source-fields";

function draftOf(project: ProjectView): SourceDraft {
  return {
    kind: project.sourceKind,
    url: project.gitUrl ?? "",
    branch: project.gitBranch ?? "",
    gitPath: project.gitPath ?? "",
    folderPath: project.folderPath ?? "",
    interval: project.refreshIntervalMinutes?.toString() ?? "",
    accessToken: KEEP_SECRET,
    webhookSecret: KEEP_SECRET,
  };
}

function secretPatch(draft: SecretDraft): string | null | undefined {
  if (draft.action === "remove") return null;
  if (draft.action === "set" && draft.value) return draft.value;
  return undefined;
}

/** Only what changed: the server re-fetches when the repository, branch, folder or token did, and audits each field. */
function changesOf(project: ProjectView, name: string, tenantKey: string, draft: SourceDraft): TUpdateProject {
  const changes: TUpdateProject = {};
  if (name !== project.name) changes.name = name;
  if (tenantKey !== project.tenantKey) changes.tenantKey = tenantKey;
  const switched = draft.kind !== project.sourceKind;
  if (switched) changes.kind = draft.kind;
  if (draft.kind === "folder" && (switched || draft.folderPath !== project.folderPath)) changes.path = draft.folderPath;
  if (draft.kind === "git") {
    if (switched || draft.url !== project.gitUrl) changes.url = draft.url;
    if (draft.branch.trim() && draft.branch !== project.gitBranch) changes.branch = draft.branch;
    if (draft.gitPath.trim() && draft.gitPath !== project.gitPath) changes.path = draft.gitPath;
    const interval = intervalOf(draft.interval);
    if (interval !== project.refreshIntervalMinutes) changes.refreshIntervalMinutes = interval;
    const token = secretPatch(draft.accessToken);
    if (token !== undefined) changes.accessToken = token;
    const secret = secretPatch(draft.webhookSecret);
    if (secret !== undefined) changes.webhookSecret = secret;
  }
  return changes;
}

/** A project admin edits the project: name, tenant key, source. Secrets are write-only. */
export function EditProjectForm({ project, mayUseServerPaths }: { project: ProjectView; mayUseServerPaths: boolean }) {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState(project.name);
  const [tenantKey, setTenantKey] = useState(project.tenantKey);
  const [source, setSource] = useState<SourceDraft>(() => draftOf(project));
  const [errors, setErrors] = useState<Partial<Record<ProjectField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const edit = (next: SourceDraft) => {
    setSaved(null);
    setSource(next);
  };

  function save() {
    setErrors({});
    setFormError(null);
    setSaved(null);
    const changes = changesOf(project, name, tenantKey, source);
    if (Object.keys(changes).length === 0) {
      setSaved("Nothing changed.");
      return;
    }
    startTransition(async () => {
      const result = await updateProjectAction({ slug: project.slug, changes });
      if (!result.ok) {
        const { field, text } = projectFieldError(result.message);
        if (field) setErrors({ [field]: text });
        else setFormError(text);
        return;
      }
      const { fetch } = result.data;
      setSource((current) => ({ ...current, accessToken: KEEP_SECRET, webhookSecret: KEEP_SECRET }));
      if (fetch && !fetch.ok) setFormError(`Saved, but the fetch failed: ${fetch.error}`);
      else setSaved(fetch?.ok ? `Saved and fetched: the head is ${fetch.headCommit?.slice(0, 7)}.` : "Saved. Every change is in the audit log.");
      router.refresh();
    });
  }

  return (
    <form
      aria-label={`Edit ${project.name}`}
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {formError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="project-form-error">
          {formError}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={`${id}-name`} label="Name" error={errors.name}>
          {(props) => <input {...props} className={INPUT} value={name} required maxLength={100} autoComplete="off" onChange={(e) => { setSaved(null); setName(e.target.value); }} />}
        </Field>
        <Field id={`${id}-tenant`} label="Tenant key column" error={errors.tenantKey} hint="The column multi-tenant indexes should start with; the linter checks it.">
          {(props) => <input {...props} className={`${INPUT} font-mono`} value={tenantKey} spellCheck={false} autoComplete="off" onChange={(e) => { setSaved(null); setTenantKey(e.target.value); }} />}
        </Field>
      </div>
      <SourceFields
        id={`${id}-source`}
        draft={source}
        onChange={edit}
        errors={errors}
        stored={{ accessToken: project.accessTokenSet && source.kind === project.sourceKind, webhookSecret: project.webhookSecretSet && source.kind === project.sourceKind }}
        mayUseServerPaths={mayUseServerPaths}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <span role="status" aria-live="polite" className="text-sm text-emerald-700" data-testid="project-saved">
          {pending ? <span className="text-slate-500">Saving{source.kind === "git" ? " and fetching if the repository changed" : ""}…</span> : saved}
        </span>
      </div>
    </form>
  );
}
