import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./instance";

/** A Next server-action POST as the browser sent it: enough to replay it with someone else's cookies. */
export type RecordedAction = { url: string; actionId: string; body: string; headers: Record<string, string> };

/**
 * Records the server-action POST that `trigger` makes (e.g. clicking Approve).
 * Next identifies the action by the `next-action` header; the body is the
 * serialised argument list, e.g. `[{"requestId":"…","decision":"approved","comment":""}]`.
 */
export async function recordServerAction(page: Page, trigger: () => Promise<void>): Promise<RecordedAction> {
  const posted = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]), { timeout: 30_000 });
  await trigger();
  const request = await posted;
  const headers = await request.allHeaders();
  return { url: request.url(), actionId: headers["next-action"], body: request.postData() ?? "", headers };
}

/**
 * Calls a recorded server action with new arguments through `api` (whose cookies
 * decide who the caller is), the way a hand-crafted client would, bypassing the UI.
 * Returns the raw RSC response text, which carries the action's result object.
 */
export async function callServerAction(api: APIRequestContext, action: RecordedAction, args: unknown[]): Promise<{ status: number; text: string }> {
  const response = await api.post(action.url, {
    headers: {
      "next-action": action.actionId,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: E2E_BASE_URL,
      ...(action.headers["next-router-state-tree"] ? { "next-router-state-tree": action.headers["next-router-state-tree"] } : {}),
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const text = await response.text();
  return { status: response.status(), text };
}

/** The `{ ok: false, code, message }` an action returned, parsed out of the RSC payload. */
export function actionFailure(text: string): { code: string; message: string } {
  const match = text.match(/\{"ok":false,"code":"([A-Z_]+)","message":"((?:[^"\\]|\\.)*)"\}/);
  expect(match, `expected a refused action result in the response, got:\n${text.slice(0, 2000)}`).not.toBeNull();
  return { code: match![1], message: JSON.parse(`"${match![2]}"`) as string };
}
