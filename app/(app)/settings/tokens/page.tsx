import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { managedTokens, ownTokens, tokenOwnerOptions } from "@/lib/server/token-queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";

export const metadata: Metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const user = await requireUser();
  const [own, managed, owners] = await Promise.all([ownTokens(user), managedTokens(user), tokenOwnerOptions(user)]);
  const administers = owners.length > 1 || managed.length > 0;
  return (
    <>
      <PageHeader
        title="API tokens"
        description="For the CLI, pipelines and scripts: a token acts as its owner, narrowed to its scopes and projects. Sluice stores only a hash; the secret is shown once."
        actions={
          <Link href="/api-docs" className={buttonClasses("secondary")}>
            API reference
          </Link>
        }
      />
      <div className="space-y-8">
        <Card title="New token">
          <CreateTokenForm owners={owners} />
        </Card>

        <section aria-labelledby="own-tokens" className="space-y-3">
          <h2 id="own-tokens" className="text-lg font-semibold">
            Your tokens
          </h2>
          {own.length ? (
            <TokensTable tokens={own} showOwner={false} label="Your tokens" />
          ) : (
            <EmptyState title="No tokens yet">Create one above for the CLI (SLUICE_TOKEN) or a pipeline.</EmptyState>
          )}
        </section>

        {administers && (
          <section aria-labelledby="managed-tokens" className="space-y-3">
            <h2 id="managed-tokens" className="text-lg font-semibold">
              Tokens of people in your projects
            </h2>
            <p className="text-sm text-slate-600">Service accounts and members of the projects you administer. You may revoke a token when you administer every project it reaches.</p>
            {managed.length ? (
              <TokensTable tokens={managed} showOwner label="Tokens of people in your projects" />
            ) : (
              <EmptyState title="No one else has a token">Make one for a CI bot above: choose its service account under &quot;Whose token&quot;.</EmptyState>
            )}
          </section>
        )}
      </div>
    </>
  );
}
