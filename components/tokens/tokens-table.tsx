import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { TokenRow } from "@/lib/server/token-queries";
import { RevokeTokenButton } from "./revoke-token-button";
import { TokenStateBadge } from "./token-state-badge";

/** Tokens with what they may do and where, when they were last used, and revoke where the viewer may. */
export function TokensTable({ tokens, showOwner, label }: { tokens: TokenRow[]; showOwner: boolean; label: string }) {
  return (
    <Table>
      <caption className="sr-only">{label}</caption>
      <thead className="bg-slate-50">
        <tr>
          <Th>Token</Th>
          {showOwner && <Th>Owner</Th>}
          <Th>Scopes</Th>
          <Th>Projects</Th>
          <Th>Expires</Th>
          <Th>Last used</Th>
          <Th>Created</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {tokens.map((token) => (
          <tr key={token.id} data-testid="token-row" className={token.state === "active" ? undefined : "text-slate-500"}>
            <Td>
              <span className="font-medium text-slate-900">{token.name}</span>
              <span className="block font-mono text-xs text-slate-500">{token.prefix}…</span>
            </Td>
            {showOwner && (
              <Td>
                {token.owner.name}
                <span className="block text-xs text-slate-500">
                  {token.owner.email}
                  {token.owner.kind === "service" && " · service account"}
                </span>
              </Td>
            )}
            <Td>
              <span className="flex flex-wrap gap-1">
                {token.scopes.map((scope) => (
                  <Badge key={scope} tone="indigo">
                    {scope}
                  </Badge>
                ))}
              </span>
            </Td>
            <Td>{token.projects.length ? token.projects.map((p) => p.slug).join(", ") : <span className="text-slate-500">All of the owner&apos;s</span>}</Td>
            <Td>{token.expiresAt ? <Time value={token.expiresAt} /> : <span className="text-slate-500">Never</span>}</Td>
            <Td>{token.lastUsedAt ? <Time value={token.lastUsedAt} /> : <span className="text-slate-500">Never used</span>}</Td>
            <Td>
              <Time value={token.createdAt} />
            </Td>
            <Td>
              <TokenStateBadge state={token.state} />
            </Td>
            <Td className="text-right">
              {token.state !== "revoked" && token.mayRevoke && <RevokeTokenButton tokenId={token.id} label={`"${token.name}" (${token.prefix}…)`} />}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
