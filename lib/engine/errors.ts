/**
 * Every failure the engine reports carries a stable code so callers (CLI exit
 * codes, the deploy worker, the UI) can branch without parsing messages.
 */
export type EngineErrorCode =
  | "LOCK_NOT_GRANTED"
  | "ADVISORY_LOCK_TIMEOUT"
  | "FAILED_MIGRATION_PRESENT"
  | "MIGRATION_FAILED"
  | "MODIFIED_AFTER_APPLY"
  | "SCHEMA_NOT_EMPTY"
  | "VERIFY_FAILED"
  | "NO_DOWN_SCRIPT"
  | "NOT_LAST_APPLIED"
  | "ALREADY_APPLIED"
  | "NOT_APPLIED"
  | "NOT_FAILED"
  | "NOT_FOUND"
  | "BAD_INPUT"
  | "UNREACHABLE"
  | "CANCELLED";

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: EngineErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "EngineError";
    this.code = code;
    this.details = details;
  }
}

export function isEngineError(error: unknown, code?: EngineErrorCode): error is EngineError {
  return error instanceof EngineError && (code === undefined || error.code === code);
}
