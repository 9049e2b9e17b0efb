"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { createApiTokenAction } from "@/lib/actions/create-api-token";
import { SCOPE_LABELS, TOKEN_SCOPES, type TokenScope } from "@/lib/auth/token-scopes";
import { TOKEN_EXPIRY_CHOICES, TOKEN_EXPIRY_LABELS, type TokenExpiryChoice } from "@/lib/auth/token-state";
import { ZCreateTokenForm, type TCreateTokenForm } from "@/lib/schemas/token";
import type { TokenOwnerOption } from "@/lib/server/token-queries";
import { Button } from "@/components/ui/button";
import { OneTimeSecret } from "@/components/people/one-time-secret";

const INPUT = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600";
const LABEL = "block text-sm font-medium text-slate-800";

type Field = "name" | "scopes" | "projectIds" | "expiryDate";

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-700">
      {message}
    </p>
  );
}

function tomorrow(): string {
  return new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * A new API token: name, scopes, projects (all of the owner's, or some), expiry, and — for an
 * admin — whose it is (a member, a CI bot's service account). The secret is shown once.
 */
export function CreateTokenForm({ owners }: { owners: TokenOwnerOption[] }) {
  const router = useRouter();
  const id = useId();
  const [ownerId, setOwnerId] = useState(owners[0].id);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["read"]);
  const [allProjects, setAllProjects] = useState(true);
  const [projectIds, setProjectIds] = useState<string[]>([]);
  const [expiry, setExpiry] = useState<TokenExpiryChoice>("90");
  const [expiryDate, setExpiryDate] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const owner = owners.find((o) => o.id === ownerId) ?? owners[0];
  const isSelf = owner.id === owners[0].id;
  const mayChooseAll = owner.mayChooseAll;
  const projectsAll = allProjects && mayChooseAll;

  function chooseOwner(next: string) {
    const chosen = owners.find((o) => o.id === next) ?? owners[0];
    setOwnerId(chosen.id);
    setProjectIds([]);
    setAllProjects(chosen.mayChooseAll);
    setErrors({});
  }

  function submit() {
    setFailure(null);
    const input: TCreateTokenForm = {
      name,
      scopes,
      allProjects: projectsAll,
      projectIds: projectsAll ? [] : projectIds,
      expiry,
      expiryDate: expiry === "date" ? expiryDate : undefined,
      userId: isSelf ? undefined : owner.id,
    };
    const parsed = ZCreateTokenForm.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as Field] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await createApiTokenAction(input);
      if (!result.ok) {
        setFailure(result.message);
        return;
      }
      setCreated({ name: result.data.name, secret: result.data.secret });
      setName("");
      router.refresh();
    });
  }

  if (created) {
    return (
      <OneTimeSecret label={`Your new token "${created.name}"`} value={created.secret} onDone={() => setCreated(null)}>
        Copy it now: <strong>you will not see it again</strong>, Sluice keeps only a hash. Send it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>, or set{" "}
        <code className="font-mono">SLUICE_TOKEN</code> for the CLI. Store it in your CI&apos;s secrets, never in the repository.
      </OneTimeSecret>
    );
  }

  return (
    <form
      aria-label="Create an API token"
      className="space-y-5"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        {owners.length > 1 && (
          <label className={LABEL}>
            Whose token
            <select className={INPUT} value={ownerId} onChange={(e) => chooseOwner(e.target.value)}>
              {owners.map((o, index) => (
                <option key={o.id} value={o.id}>
                  {index === 0 ? `You (${o.email})` : `${o.name} (${o.email})${o.kind === "service" ? " · service account" : ""}`}
                </option>
              ))}
            </select>
            <span className="mt-1 block text-xs font-normal text-slate-500">A token acts as its owner, never with more than the owner&apos;s role allows.</span>
          </label>
        )}
        <label className={LABEL}>
          Name
          <input
            className={INPUT}
            value={name}
            maxLength={100}
            placeholder="e.g. GitHub Actions — submit"
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? `${id}-name-error` : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id={`${id}-name-error`} message={errors.name} />
        </label>
      </div>

      <fieldset aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}>
        <legend className={LABEL}>Scopes</legend>
        <div className="mt-1 grid gap-1.5 md:grid-cols-2">
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5"
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(e) => setScopes((current) => (e.target.checked ? [...current, scope] : current.filter((s) => s !== scope)))}
              />
              <span>
                <span className="font-mono font-medium">{scope}</span>
                <span className="block text-xs text-slate-500">{SCOPE_LABELS[scope]}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-scopes-error`} message={errors.scopes} />
      </fieldset>

      <fieldset aria-describedby={errors.projectIds ? `${id}-projects-error` : undefined}>
        <legend className={LABEL}>Projects</legend>
        {owner.projects.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{isSelf ? "You are" : `${owner.name} is`} not a member of any project yet: the token will reach the projects joined later.</p>
        ) : (
          <div className="mt-1 space-y-1.5">
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${id}-projects`} checked={projectsAll} disabled={!mayChooseAll} onChange={() => setAllProjects(true)} />
              All of {isSelf ? "your" : `${owner.name}'s`} projects, now and later
            </label>
            {!mayChooseAll && <p className="ml-6 text-xs text-slate-500">{owner.name} is also in projects you do not administer: pick among yours.</p>}
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name={`${id}-projects`} checked={!projectsAll} onChange={() => setAllProjects(false)} />
              Only these:
            </label>
            <div className="ml-6 flex flex-wrap gap-x-4 gap-y-1">
              {owner.projects.map((project) => (
                <label key={project.id} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    disabled={projectsAll}
                    checked={!projectsAll && projectIds.includes(project.id)}
                    onChange={(e) => setProjectIds((current) => (e.target.checked ? [...current, project.id] : current.filter((p) => p !== project.id)))}
                  />
                  {project.name} <span className="font-mono text-xs text-slate-500">{project.slug}</span>
                </label>
              ))}
            </div>
          </div>
        )}
        <FieldError id={`${id}-projects-error`} message={errors.projectIds} />
      </fieldset>

      <div className="grid gap-4 md:grid-cols-2">
        <label className={LABEL}>
          Expires
          <select className={INPUT} value={expiry} onChange={(e) => setExpiry(e.target.value as TokenExpiryChoice)}>
            {TOKEN_EXPIRY_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {TOKEN_EXPIRY_LABELS[choice]}
              </option>
            ))}
          </select>
        </label>
        {expiry === "date" && (
          <label className={LABEL}>
            Expiry date (the end of that day, UTC)
            <input
              type="date"
              className={INPUT}
              min={tomorrow()}
              value={expiryDate}
              aria-invalid={Boolean(errors.expiryDate)}
              aria-describedby={errors.expiryDate ? `${id}-expiry-error` : undefined}
              onChange={(e) => setExpiryDate(e.target.value)}
            />
            <FieldError id={`${id}-expiry-error`} message={errors.expiryDate} />
          </label>
        )}
      </div>

      {failure && (
        <p role="alert" className="whitespace-pre-wrap rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {failure}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}
