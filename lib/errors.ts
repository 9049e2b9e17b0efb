/**
 * An error whose message is safe to show to the user. Anything else thrown on
 * the server is logged and shown as a generic failure, so no stack trace or
 * control-plane SQL reaches the browser.
 */
export const ERROR_STATUS = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  POLICY_DENIED: 422,
  TARGET_FAILED: 502,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export type ActionResult<T = void> = { ok: true; data: T } | { ok: false; code: AppErrorCode | "INTERNAL"; message: string };

/** Turns a thrown error into a result a server action may return to the client. */
export function toActionError(error: unknown): Extract<ActionResult, { ok: false }> {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
  console.error("[sluice] unexpected error", error);
  return { ok: false, code: "INTERNAL", message: "Something went wrong on the server. The error has been logged." };
}
