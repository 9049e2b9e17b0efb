import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { currentUser } from "@/lib/auth/session";
import { principalOfToken } from "@/lib/auth/api-tokens";
import type { CurrentUser } from "@/lib/auth/roles";
import type { Endpoint } from "./endpoint";

const DEFAULT_MAX_BODY = 1024 * 1024;
const NO_STORE = { "Cache-Control": "no-store" };

export type ApiContext<E extends Endpoint> = {
  user: E["auth"] extends "none" | "webhook" ? CurrentUser | null : CurrentUser;
  params: z.output<NonNullable<E["params"]>>;
  query: z.output<NonNullable<E["query"]>>;
  body: z.output<NonNullable<E["body"]>>;
  request: NextRequest;
  /** The raw body as received, for handlers that verify a signature over it. */
  rawBody: string;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function apiError(code: AppError["code"] | "INTERNAL", message: string, status: number, details?: unknown) {
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers: NO_STORE });
}

/** "title: must be 200 characters or fewer" — the field first, then what is wrong with it. */
export function describeZodError(error: z.ZodError, where: string): { message: string; details: { path: string; message: string }[] } {
  const details = error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || where, message: issue.message }));
  const first = details[0];
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? "s" : ""})` : "";
  return { message: `${first ? `${first.path}: ${first.message}` : `Invalid ${where}`}${more}.`, details };
}

function badInput(error: z.ZodError, where: string) {
  const { message, details } = describeZodError(error, where);
  return apiError("BAD_INPUT", message, 400, details);
}

/** A browser session may call mutating routes only from Sluice's own pages: cookies alone never authorize a cross-site POST. */
function sameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function authenticate(request: NextRequest, endpoint: Endpoint): Promise<CurrentUser | null | Response> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const user = match ? await principalOfToken(match[1]) : null;
    if (!user) return apiError("UNAUTHENTICATED", "The API token is missing, malformed, expired or revoked.", 401);
    return user;
  }
  if (endpoint.auth === "webhook") return null;
  const user = await currentUser();
  if (!user) return apiError("UNAUTHENTICATED", "Send Authorization: Bearer <API token>, or sign in.", 401);
  if (endpoint.method !== "get" && !sameOrigin(request)) {
    return apiError("FORBIDDEN", "A browser session may only call this from Sluice's own pages; use an API token.", 403);
  }
  return user;
}

async function readBody(request: NextRequest, endpoint: Endpoint): Promise<{ raw: string; json: unknown } | Response> {
  const limit = endpoint.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) return apiError("TOO_LARGE", `The body is larger than ${Math.round(limit / 1024)} kB.`, 413);
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length > limit) return apiError("TOO_LARGE", `The body is larger than ${Math.round(limit / 1024)} kB.`, 413);
  let raw: string;
  try {
    raw = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return apiError("BAD_INPUT", "The body is not valid UTF-8.", 400);
  }
  if (!endpoint.body) return { raw, json: undefined };
  if (!raw.trim()) return apiError("BAD_INPUT", "The body is empty: send a JSON object.", 400);
  try {
    return { raw, json: JSON.parse(raw) };
  } catch {
    return apiError("BAD_INPUT", "The body is not valid JSON.", 400);
  }
}

function queryObject(request: NextRequest): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of request.nextUrl.searchParams) query[key] = value;
  return query;
}

/**
 * The one wrapper of every /api/v1 route handler: authenticate (bearer token or session),
 * parse path, query and body with the endpoint's zod schemas, run the handler, and map
 * every failure to `{ error: { code, message, details } }` with a 4xx — a 5xx only for a
 * bug, which is logged and never described to the caller.
 */
export function apiRoute<E extends Endpoint>(endpoint: E, handler: (ctx: ApiContext<E>) => Promise<unknown>) {
  return async (request: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      let user: CurrentUser | null = null;
      if (endpoint.auth !== "none") {
        const authenticated = await authenticate(request, endpoint);
        if (authenticated instanceof Response) return authenticated;
        user = authenticated;
      }
      const rawParams = (await context?.params) ?? {};
      const params = endpoint.params ? endpoint.params.safeParse(rawParams) : { success: true as const, data: rawParams };
      if (!params.success) return badInput(params.error, "path");
      const query = endpoint.query ? endpoint.query.safeParse(queryObject(request)) : { success: true as const, data: {} };
      if (!query.success) return badInput(query.error, "query");
      let rawBody = "";
      let body: unknown = undefined;
      if (endpoint.method !== "get") {
        const read = await readBody(request, endpoint);
        if (read instanceof Response) return read;
        rawBody = read.raw;
        if (endpoint.body) {
          const parsed = endpoint.body.safeParse(read.json);
          if (!parsed.success) return badInput(parsed.error, "body");
          body = parsed.data;
        }
      }
      const result = await handler({ user, params: params.data, query: query.data, body, request, rawBody } as ApiContext<E>);
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? null, { status: endpoint.status ?? 200, headers: NO_STORE });
    } catch (error) {
      if (error instanceof AppError) return apiError(error.code, error.message, error.status, error.details);
      if (error instanceof z.ZodError) return badInput(error, "input");
      console.error(`[sluice] ${endpoint.method.toUpperCase()} /api/v1${endpoint.path} failed`, error);
      return apiError("INTERNAL", "Something went wrong on the server. The error has been logged.", 500);
    }
  };
}
