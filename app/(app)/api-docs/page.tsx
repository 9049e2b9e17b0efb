import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { publicUrl } from "@/lib/env";
import { openApiDocument } from "@/lib/api/openapi";
import { apiReference } from "@/lib/api/reference";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClasses } from "@/components/ui/button";
import { ApiBasics } from "@/components/api-docs/api-basics";
import { MethodBadge } from "@/components/api-docs/method-badge";
import { OperationCard } from "@/components/api-docs/operation-card";

export const metadata: Metadata = { title: "API reference" };

/** The REST API for people, rendered from the same OpenAPI document the server publishes. */
export default async function ApiDocsPage() {
  await requireUser();
  const baseUrl = publicUrl();
  const tags = apiReference(openApiDocument(), baseUrl);
  return (
    <>
      <PageHeader
        title="API reference"
        description="Generated from the schemas the server validates with, so it cannot drift from what the API accepts."
        actions={
          <>
            <Link href="/settings/tokens" className={buttonClasses("secondary")}>
              API tokens
            </Link>
            <a href="/api/v1/openapi.json" className={buttonClasses("secondary")}>
              OpenAPI JSON
            </a>
          </>
        }
      />
      <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="Endpoints" className="text-sm lg:sticky lg:top-6 lg:self-start">
          <ul className="space-y-3">
            {tags.map((tag) => (
              <li key={tag.name}>
                <a href={`#tag-${tag.name}`} className="font-semibold capitalize text-slate-900 hover:underline">
                  {tag.name}
                </a>
                <ul className="mt-1 space-y-1">
                  {tag.operations.map((operation) => (
                    <li key={operation.id}>
                      <a href={`#${operation.id}`} className="flex items-center gap-2 text-slate-600 hover:text-slate-900">
                        <MethodBadge method={operation.method} />
                        <span className="truncate font-mono text-xs">{operation.path}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 space-y-8">
          <ApiBasics baseUrl={baseUrl} />
          {tags.map((tag) => (
            <section key={tag.name} id={`tag-${tag.name}`} aria-labelledby={`tag-${tag.name}-heading`} className="scroll-mt-6 space-y-4">
              <h2 id={`tag-${tag.name}-heading`} className="text-lg font-semibold capitalize">
                {tag.name}
              </h2>
              {tag.operations.map((operation) => (
                <OperationCard key={operation.id} operation={operation} />
              ))}
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
