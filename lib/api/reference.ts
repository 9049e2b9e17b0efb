/**
 * The API reference people read at /api-docs, worked out from the generated OpenAPI document
 * (never written by hand): operations grouped by tag, each with its parameters, body and answer
 * as flat field lists, and a curl example. Pure, so it is tested without a server.
 */

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type Operation = {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
};
export type OpenApiDocumentLike = { paths?: Record<string, Record<string, unknown> | undefined>; components?: { schemas?: Record<string, unknown> } };

export type ApiField = {
  /** Dotted path; `[]` marks the items of a list: `approvals[].decision`. */
  name: string;
  type: string;
  required: boolean;
  description: string | null;
  /** Limits and defaults in words: "1–100", "default 50". */
  constraints: string[];
  depth: number;
};

export type ApiOperation = {
  id: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  description: string | null;
  authenticated: boolean;
  pathParams: ApiField[];
  query: ApiField[];
  body: ApiField[] | null;
  successStatus: string;
  response: ApiField[];
  errorStatuses: string[];
  curl: string;
};

export type ApiTag = { name: string; operations: ApiOperation[] };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const MAX_DEPTH = 4;

function resolve(schema: JsonSchema | undefined, document: OpenApiDocumentLike): JsonSchema {
  if (!schema?.$ref) return schema ?? {};
  const name = schema.$ref.replace("#/components/schemas/", "");
  return { ...((document.components?.schemas?.[name] as JsonSchema | undefined) ?? {}), description: schema.description ?? undefined };
}

/** The schema without its "or null" half, and whether there was one. */
function nonNull(schema: JsonSchema, document: OpenApiDocumentLike): { schema: JsonSchema; nullable: boolean } {
  const resolved = resolve(schema, document);
  const variants = resolved.anyOf ?? resolved.oneOf;
  if (variants) {
    const rest = variants.filter((v) => v.type !== "null");
    if (rest.length === 1 && rest.length < variants.length) return { schema: { ...resolve(rest[0], document), description: resolved.description ?? rest[0].description }, nullable: true };
  }
  if (Array.isArray(resolved.type) && resolved.type.includes("null")) {
    const types = resolved.type.filter((t) => t !== "null");
    return { schema: { ...resolved, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { schema: resolved, nullable: false };
}

const MAX_ENUM_SHOWN = 12;

/** A schema's type in a few words: `string (date-time)`, `"a" | "b"`, `integer[]`, `object or null`. */
export function typeOf(schema: JsonSchema | undefined, document: OpenApiDocumentLike = {}): string {
  if (!schema) return "any";
  const { schema: s, nullable } = nonNull(schema, document);
  let type: string;
  if (s.enum) {
    const shown = s.enum.slice(0, MAX_ENUM_SHOWN).map((v) => JSON.stringify(v));
    type = shown.join(" | ") + (s.enum.length > MAX_ENUM_SHOWN ? ` | … (${s.enum.length} values)` : "");
  } else if (s.const !== undefined) type = JSON.stringify(s.const);
  else if (s.anyOf || s.oneOf) type = (s.anyOf ?? s.oneOf)!.map((v) => typeOf(v, document)).join(" or ");
  else if (s.type === "array") type = `${typeOf(s.items, document).includes(" ") ? `(${typeOf(s.items, document)})` : typeOf(s.items, document)}[]`;
  else if (Array.isArray(s.type)) type = s.type.join(" or ");
  else if (s.type) type = s.format ? `${s.type} (${s.format})` : s.type;
  else if (s.properties) type = "object";
  else type = "any";
  return nullable ? `${type} or null` : type;
}

function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) out.push(`${min}–${max}${unit}`);
    else if (min !== undefined && min > 0) out.push(`at least ${min}${unit}`);
    else if (max !== undefined) out.push(`at most ${max}${unit}`);
  };
  range(schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : schema.minimum, schema.maximum, "");
  range(schema.minLength, schema.maxLength, " characters");
  range(schema.minItems, schema.maxItems, " items");
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out;
}

/** The fields of an object schema, nested ones after their parent, to a few levels. */
export function fieldsOf(schema: JsonSchema | undefined, document: OpenApiDocumentLike = {}, prefix = "", depth = 0): ApiField[] {
  const { schema: s } = nonNull(schema ?? {}, document);
  const target = s.type === "array" ? nonNull(s.items ?? {}, document).schema : s;
  if (!target.properties || depth >= MAX_DEPTH) return [];
  const required = new Set(target.required ?? []);
  return Object.entries(target.properties).flatMap(([key, raw]) => {
    const name = `${prefix}${key}`;
    const { schema: property } = nonNull(raw, document);
    const field: ApiField = {
      name,
      type: typeOf(raw, document),
      required: required.has(key),
      description: resolve(raw, document).description ?? property.description ?? null,
      constraints: constraintsOf(property),
      depth,
    };
    const childPrefix = property.type === "array" ? `${name}[].` : `${name}.`;
    return [field, ...fieldsOf(property, document, childPrefix, depth + 1)];
  });
}

function parameterFields(parameters: Parameter[], where: string, document: OpenApiDocumentLike): ApiField[] {
  return parameters
    .filter((p) => p.in === where)
    .map((p) => ({
      name: p.name,
      type: typeOf(p.schema, document),
      required: Boolean(p.required),
      description: p.description ?? p.schema?.description ?? null,
      constraints: constraintsOf(nonNull(p.schema ?? {}, document).schema),
      depth: 0,
    }));
}

/** A value that fits the schema, for examples: the first enum value, a placeholder string, required fields only. */
export function exampleOf(schema: JsonSchema | undefined, document: OpenApiDocumentLike = {}, name = "value"): unknown {
  const { schema: s } = nonNull(schema ?? {}, document);
  if (s.enum?.length) return s.enum[0];
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.properties) {
    const required = new Set(s.required ?? []);
    return Object.fromEntries(Object.entries(s.properties).filter(([key]) => required.has(key)).map(([key, value]) => [key, exampleOf(value, document, key)]));
  }
  switch (Array.isArray(s.type) ? s.type[0] : s.type) {
    case "array":
      return [exampleOf(s.items, document, name)];
    case "integer":
    case "number":
      return Math.max(1, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? 1));
    case "boolean":
      return true;
    case "string":
      return s.format === "date-time" ? "2026-12-24T18:00:00Z" : `<${name}>`;
    default:
      return null;
  }
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A curl command for the operation, with the token from SLUICE_TOKEN and the required body fields. */
export function curlExample(method: string, path: string, baseUrl: string, authenticated: boolean, body: JsonSchema | undefined, document: OpenApiDocumentLike = {}): string {
  const lines = [`curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${baseUrl}/api/v1${path}"`];
  if (authenticated) lines.push(`-H "Authorization: Bearer $SLUICE_TOKEN"`);
  if (body) lines.push(`-H "Content-Type: application/json"`, `-d ${shellQuote(JSON.stringify(exampleOf(body, document)))}`);
  return lines.join(" \\\n  ");
}

/** Every operation of the document, grouped by tag in the order tags first appear. */
export function apiReference(source: { paths?: object; components?: object }, baseUrl: string): ApiTag[] {
  // The generator's own types are stricter than what is read here; the document is plain JSON Schema.
  const document = source as OpenApiDocumentLike;
  const tags = new Map<string, ApiOperation[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item?.[method] as Operation | undefined;
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      const bodySchema = operation.requestBody?.content?.["application/json"]?.schema;
      const responses = Object.entries(operation.responses ?? {});
      const success = responses.find(([status]) => status.startsWith("2"));
      const authenticated = (operation.security ?? []).length > 0;
      const tag = operation.tags?.[0] ?? "other";
      const entry: ApiOperation = {
        id: `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, ""),
        method,
        path,
        summary: operation.summary ?? `${method.toUpperCase()} ${path}`,
        description: operation.description ?? null,
        authenticated,
        pathParams: parameterFields(parameters, "path", document),
        query: parameterFields(parameters, "query", document),
        body: bodySchema ? fieldsOf(bodySchema, document) : null,
        successStatus: success?.[0] ?? "200",
        response: fieldsOf(success?.[1].content?.["application/json"]?.schema, document),
        errorStatuses: responses.map(([status]) => status).filter((status) => !status.startsWith("2")),
        curl: curlExample(method, path, baseUrl, authenticated, bodySchema, document),
      };
      tags.set(tag, [...(tags.get(tag) ?? []), entry]);
    }
  }
  return [...tags].map(([name, operations]) => ({ name, operations }));
}
