import { CLI_EXIT, CliFailure } from "./exit";

/**
 * The CLI's way to a Sluice server: /api/v1 over Node's fetch with a bearer token. Every answer
 * that is not a success becomes a CliFailure carrying the API's own message, and the exit
 * code a pipeline branches on (see ./exit.ts).
 */

export type ApiOptions = { server?: string; token?: string };

export type ApiClient = {
  /** The server's address, for messages. */
  server: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
};

/** A submission of a large migrations folder is linted before the answer: allow it time. */
const REQUEST_TIMEOUT_MS = 180_000;

export function apiClient(options: ApiOptions): ApiClient {
  const server = (options.server ?? process.env.SLUICE_SERVER ?? "").trim().replace(/\/+$/, "");
  const token = (options.token ?? process.env.SLUICE_TOKEN ?? "").trim();
  if (!server) throw new CliFailure(CLI_EXIT.USAGE, "No server: pass --server https://sluice.example.com or set SLUICE_SERVER.");
  if (!/^https?:\/\/[^/]/i.test(server)) throw new CliFailure(CLI_EXIT.USAGE, `--server must be an http:// or https:// address, got "${server}".`);
  if (!token) throw new CliFailure(CLI_EXIT.USAGE, "No API token: set SLUICE_TOKEN (or pass --token). Make one under Settings → API tokens, or with sluice user add --token-scopes.");

  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const url = `${server}/api/v1${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        redirect: "error",
      });
    } catch (error) {
      throw new CliFailure(CLI_EXIT.USAGE, `Cannot reach Sluice at ${server}: ${networkReason(error)}`, { code: "NETWORK" });
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      throw new CliFailure(CLI_EXIT.USAGE, `${server} answered ${method} ${path} with ${response.status} and something that is not Sluice's API. Is --server the address of Sluice?`, {
        code: "NOT_SLUICE",
      });
    }
    if (response.ok) return json as T;
    throw failureOf(response.status, json);
  }

  return { server, get: (path) => call("GET", path), post: (path, body) => call("POST", path, body ?? {}) };
}

/** The API's `{ error: { code, message, details } }` as a CLI failure: refused (1) unless it is about the caller's credentials or the server itself (2). */
function failureOf(status: number, json: unknown): CliFailure {
  const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === "string" ? error.code : `HTTP_${status}`;
  const message = typeof error?.message === "string" ? error.message : `The server answered ${status}.`;
  const exit = status === 401 || (status >= 500 && status !== 502) ? CLI_EXIT.USAGE : CLI_EXIT.REFUSED;
  return new CliFailure(exit, message, { code, status, details: error?.details });
}

function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s.`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** A path segment from something a person typed (a slug, an environment name). */
export function segment(value: string | number): string {
  return encodeURIComponent(String(value));
}
