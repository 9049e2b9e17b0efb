import type { ProjectView } from "@/lib/server/projects/view";

/** How to make pushes refresh the project: the URL to paste, the secret, and the same call from CI. */
export function WebhookHelp({ project }: { project: ProjectView }) {
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <div>
        <p className="font-medium text-slate-900">Payload URL</p>
        <code className="mt-1 block break-all rounded-md bg-slate-100 px-2 py-1.5 font-mono text-xs text-slate-900" data-testid="refresh-url">
          {project.refreshUrl}
        </code>
      </div>
      {!project.webhookSecretSet && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          No webhook secret is set: only calls with an API token are accepted. Set one above to let GitHub or GitLab call this URL.
        </p>
      )}
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <span className="font-medium">GitHub</span> (Settings → Webhooks → Add webhook): the payload URL above, content type <code>application/json</code>, the secret you set here, &quot;Just the push event&quot;.
          GitHub signs each delivery (<code>X-Hub-Signature-256</code>).
        </li>
        <li>
          <span className="font-medium">GitLab</span> (Settings → Webhooks): the URL above, the secret as &quot;Secret token&quot;, trigger &quot;Push events&quot;.
        </li>
        <li>
          <span className="font-medium">From CI or a script</span>: <code className="break-all">sluice project refresh {project.slug}</code>, or <code className="break-all">curl -X POST -H &quot;Authorization: Bearer $SLUICE_TOKEN&quot; {project.refreshUrl}</code>.
        </li>
      </ul>
      <p className="text-xs text-slate-500">A refresh only fetches: a replayed or unexpected call cannot change what a request deploys. See docs/projects.md.</p>
    </div>
  );
}
