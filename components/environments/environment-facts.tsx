import Link from "next/link";
import type { EnvironmentView } from "@/lib/server/environments";
import { SslModeBadge } from "./sslmode-badge";

/** An environment's settings as stored: never the URL's password. */
export function EnvironmentFacts({ environment }: { environment: EnvironmentView }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-500">URL</dt>
      <dd className="font-mono text-xs break-all" data-testid="environment-url">
        {environment.url ?? <span className="font-sans text-red-700">Cannot be decrypted with this server&apos;s key: edit the environment and paste the URL again.</span>}
      </dd>
      <dt className="text-slate-500">Schema</dt>
      <dd className="font-mono">{environment.schema}</dd>
      <dt className="text-slate-500">TLS</dt>
      <dd>
        <SslModeBadge sslmode={environment.sslmode} hasCaCert={environment.hasCaCert} />
      </dd>
      <dt className="text-slate-500">CA certificate</dt>
      <dd>
        {environment.caCertificate
          ? `${environment.caCertificate.subject}, valid until ${environment.caCertificate.validTo.slice(0, 10)}`
          : environment.hasCaCert
            ? "set (unreadable)"
            : "none"}
      </dd>
      <dt className="text-slate-500">Time zone</dt>
      <dd>{environment.timeZone}</dd>
      <dt className="text-slate-500">Policy</dt>
      <dd>
        <Link href="/settings/policies" className="text-indigo-700 underline">
          {environment.hasPolicy ? "View or change the policy" : "No policy: deny by default. Set one"}
        </Link>
      </dd>
    </dl>
  );
}
