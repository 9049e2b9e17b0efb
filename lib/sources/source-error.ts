import { AppError } from "@/lib/errors";

/** Why a project's source could not be read, in the words shown to people (`lastFetchError`). */
export type SourceFailure =
  | "unreachable"
  | "authentication"
  | "repository-missing"
  | "timeout"
  | "branch-missing"
  | "folder-missing"
  | "unsupported"
  | "failed";

/** The remote is at fault (502) or the project's settings point at nothing there (409). */
const CODE_OF = {
  unreachable: "TARGET_FAILED",
  authentication: "TARGET_FAILED",
  "repository-missing": "TARGET_FAILED",
  timeout: "TARGET_FAILED",
  failed: "TARGET_FAILED",
  "branch-missing": "CONFLICT",
  "folder-missing": "CONFLICT",
  unsupported: "CONFLICT",
} as const satisfies Record<SourceFailure, AppError["code"]>;

/** A failure to read a project's source. Its message never holds a token or URL credentials. */
export class SourceError extends AppError {
  constructor(
    public readonly failure: SourceFailure,
    message: string,
  ) {
    super(CODE_OF[failure], message);
    this.name = "SourceError";
  }
}
