import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ZApiError, type Endpoint } from "./endpoint";
import { API_ENDPOINTS } from "./endpoints";

const ERROR_RESPONSES = {
  400: "Bad input: the message names the field",
  401: "No valid API token or session",
  403: "The role or the token's scopes do not allow this",
  404: "No such resource (or not visible to you)",
  409: "Conflicts with the current state",
  413: "Body too large",
  422: "A policy refuses it",
  502: "The target database could not be reached or refused; its message is included",
} as const;

function register(registry: OpenAPIRegistry, endpoint: Endpoint) {
  const errorStatuses = endpoint.auth === "none" ? [400] : Object.keys(ERROR_RESPONSES).map(Number);
  registry.registerPath({
    method: endpoint.method,
    path: endpoint.path,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: endpoint.description,
    security: endpoint.auth === "none" ? [] : [{ bearerAuth: [] }],
    request: {
      ...(endpoint.params ? { params: endpoint.params as z.ZodObject } : {}),
      ...(endpoint.query ? { query: endpoint.query as z.ZodObject } : {}),
      ...(endpoint.body ? { body: { required: true, content: { "application/json": { schema: endpoint.body } } } } : {}),
    },
    responses: {
      [endpoint.status ?? 200]: { description: "Success", content: { "application/json": { schema: endpoint.response } } },
      ...Object.fromEntries(
        errorStatuses.map((status) => [status, { description: ERROR_RESPONSES[status as keyof typeof ERROR_RESPONSES], content: { "application/json": { schema: ZApiError } } }]),
      ),
    },
  });
}

/** The OpenAPI 3.1 document of /api/v1, generated from the endpoints' own zod schemas. */
export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An API token (slu_…) from Settings → API tokens, or `sluice user add --token-scopes`.",
  });
  for (const endpoint of API_ENDPOINTS) register(registry, endpoint);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Sluice API",
      version: "1",
      description: "Migration requests, approvals and deployments for Prisma projects. Every route takes `Authorization: Bearer <token>`; errors are `{ error: { code, message, details } }`.",
    },
    servers: [{ url: "/api/v1" }],
  });
}
