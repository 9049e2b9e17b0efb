import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "./openapi";

const API_ROOT = path.resolve("app/api/v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/projects/[slug]/refresh/route.ts → /projects/{slug}/refresh */
function openApiPathOf(file: string): string {
  const relative = path.relative(API_ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
  return `/${relative.map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
}

function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(match[1]);
  return [...methods];
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();

  it("is OpenAPI 3.1 with bearer authentication", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("describes every route handler under app/api/v1, and nothing that has no handler", () => {
    const handled = routeFiles(API_ROOT).flatMap((file) => {
      const methods = exportedMethods(readFileSync(file, "utf8"));
      expect(methods.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
      return methods.map((method) => `${method.toLowerCase()} ${openApiPathOf(file)}`);
    });
    const documented = Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
      Object.keys(item ?? {})
        .filter((key) => ["get", "post", "put", "patch", "delete"].includes(key))
        .map((method) => `${method} ${route}`),
    );
    expect(documented.sort()).toEqual(handled.sort());
  });

  it("gives every operation the one error shape", () => {
    for (const item of Object.values(document.paths ?? {})) {
      for (const operation of Object.values(item ?? {})) {
        const responses = (operation as { responses?: Record<string, unknown> }).responses ?? {};
        expect(responses["400"]).toBeDefined();
      }
    }
  });
});
