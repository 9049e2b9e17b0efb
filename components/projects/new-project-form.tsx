"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { createProjectAction } from "@/lib/actions/create-project";
import type { TCreateProject } from "@/lib/schemas/project";
import { Field } from "./field";
import { INPUT } from "./form-styles";
import { projectFieldError, type ProjectField } from "./field-errors";
import { KEEP_SECRET } from "./secret-field";
import { intervalOf, SourceFields, type SourceDraft } from "./source-fields";

const EMPTY_SOURCE: SourceDraft = { kind: "git", url: "", branch: "", gitPath: "", folderPath: "", interval: "", accessToken: KEEP_SECRET, webhookSecret: KEEP_SECRET };

function sourceInput(draft: SourceDraft): TCreateProject["source"] {
  if (draft.kind === "upload") return { kind: "upload" };
  if (draft.kind === "folder") return { kind: "folder", path: draft.folderPath };
  return {
    kind: "git",
    url: draft.url,
    ...(draft.branch.trim() ? { branch: draft.branch } : {}),
    ...(draft.gitPath.trim() ? { path: draft.gitPath } : {}),
    ...(draft.accessToken.value ? { accessToken: draft.accessToken.value } : {}),
    ...(draft.webhookSecret.value ? { webhookSecret: draft.webhookSecret.value } : {}),
    refreshIntervalMinutes: intervalOf(draft.interval),
  };
}

/** Suggests a slug from the name until the slug is typed by hand. */
function slugOf(name: string): string {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 49);
}

/**
 * A site admin adds a project. A git project is fetched on the server before the page moves
 * on to the project's settings, where the fetch's outcome (and any error) shows.
 */
export function NewProjectForm({ mayUseServerPaths, onCancel }: { mayUseServerPaths: boolean; onCancel: () => void }) {
  const router = useRouter();
  const id = useId();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const [tenantKey, setTenantKey] = useState("organizationId");
  const [source, setSource] = useState<SourceDraft>(EMPTY_SOURCE);
  const [errors, setErrors] = useState<Partial<Record<ProjectField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit() {
    setErrors({});
    setFormError(null);
    startTransition(async () => {
      const result = await createProjectAction({ slug, name, tenantKey, source: sourceInput(source) });
      if (result.ok) {
        router.push(`/settings/projects/${result.data.slug}`);
        return;
      }
      const { field, text } = projectFieldError(result.message);
      if (field) setErrors({ [field]: text });
      else setFormError(text);
    });
  }

  return (
    <form
      aria-label="New project"
      className="space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {formError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <Field id={`${id}-name`} label="Name" error={errors.name} hint="As people know the application, e.g. Billing API.">
          {(props) => (
            <input
              {...props}
              className={INPUT}
              value={name}
              required
              maxLength={100}
              autoComplete="off"
              onChange={(e) => {
                setName(e.target.value);
                if (!slugTouched) setSlug(slugOf(e.target.value));
              }}
            />
          )}
        </Field>
        <Field id={`${id}-slug`} label="Slug" error={errors.slug} hint="Lowercase letters, digits and dashes; used in URLs, the API and the CLI. Cannot change later.">
          {(props) => (
            <input
              {...props}
              className={`${INPUT} font-mono`}
              value={slug}
              required
              maxLength={49}
              spellCheck={false}
              autoComplete="off"
              placeholder="billing-api"
              onChange={(e) => {
                setSlug(e.target.value);
                setSlugTouched(true);
              }}
            />
          )}
        </Field>
        <Field id={`${id}-tenant`} label="Tenant key column" error={errors.tenantKey} hint="The column multi-tenant indexes should start with; the linter checks it.">
          {(props) => <input {...props} className={`${INPUT} font-mono`} value={tenantKey} spellCheck={false} autoComplete="off" onChange={(e) => setTenantKey(e.target.value)} />}
        </Field>
      </div>
      <SourceFields id={`${id}-source`} draft={source} onChange={setSource} errors={errors} stored={{ accessToken: false, webhookSecret: false }} mayUseServerPaths={mayUseServerPaths} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? (source.kind === "git" ? "Creating and fetching…" : "Creating…") : "Create project"}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <span role="status" aria-live="polite" className="text-xs text-slate-500">
          {pending && source.kind === "git" ? "Fetching the repository; a large one takes a while the first time." : ""}
        </span>
      </div>
    </form>
  );
}
