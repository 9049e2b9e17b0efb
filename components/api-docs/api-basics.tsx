import Link from "next/link";
import { ERROR_STATUS, type AppErrorCode } from "@/lib/errors";
import { Card } from "@/components/ui/card";

const ERROR_MEANINGS = {
  BAD_INPUT: "A field is missing or malformed; the message names it. Nothing was stored.",
  UNAUTHENTICATED: "No token, or it is unknown, revoked, expired, or its owner was deactivated.",
  FORBIDDEN: "Your role in the project, or the token's scopes or projects, do not allow it.",
  NOT_FOUND: "No such thing, or none you may see.",
  CONFLICT: "The current state forbids it (a deploy already queued, a request that changed).",
  TOO_LARGE: "The body is over the endpoint's limit.",
  POLICY_DENIED: "The environment's policy refuses it; the message lists what is missing.",
  TARGET_FAILED: "The target database could not be reached or refused; its message is included.",
} as const satisfies Record<AppErrorCode, string>;

/** What every endpoint shares: the base address, the token, the error shape, paging. */
export function ApiBasics({ baseUrl }: { baseUrl: string }) {
  return (
    <Card title="Basics">
      <div className="space-y-4 text-sm text-slate-700">
        <p>
          Every address below starts with <code className="font-mono">{baseUrl}/api/v1</code>. Send a token from{" "}
          <Link href="/settings/tokens" className="text-indigo-700 underline">
            Settings → API tokens
          </Link>{" "}
          as <code className="font-mono">Authorization: Bearer slu_…</code>. A token acts as its owner, narrowed to its scopes (read, submit, approve, deploy, admin) and projects: a call outside them answers 403.
          Bodies are JSON; unknown fields are refused rather than ignored.
        </p>
        <div>
          <p className="font-medium text-slate-900">Errors</p>
          <p>
            Every failure has one shape, <code className="font-mono">{'{ "error": { "code", "message", "details" } }'}</code>; the message is a sentence you can act on and, for bad input, starts with the field.
          </p>
          <table className="mt-2 text-sm">
            <caption className="sr-only">Error codes</caption>
            <tbody className="divide-y divide-slate-100">
              {(Object.keys(ERROR_STATUS) as AppErrorCode[]).map((code) => (
                <tr key={code}>
                  <td className="py-1 pr-3 font-mono text-xs">{ERROR_STATUS[code]}</td>
                  <td className="py-1 pr-3 font-mono text-xs">{code}</td>
                  <td className="py-1">{ERROR_MEANINGS[code]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <span className="font-medium text-slate-900">Paging.</span> Lists of requests and audit events answer <code className="font-mono">nextCursor</code>: pass it back as{" "}
          <code className="font-mono">cursor</code> until it is null. Deployments are paged with <code className="font-mono">page</code>.
        </p>
      </div>
    </Card>
  );
}
