/** The project forms' fields, as the server's 400 messages name them ("url: …", "source.branch: …"). */
export const PROJECT_FIELDS = ["slug", "name", "tenantKey", "kind", "url", "branch", "path", "accessToken", "refreshIntervalMinutes", "webhookSecret"] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];

/** Splits a server message into the field it names (shown next to that field) and the rest. */
export function projectFieldError(message: string): { field: ProjectField | null; text: string } {
  const match = /^(?:source\.)?([A-Za-z]+): (.*)$/s.exec(message);
  if (!match || !(PROJECT_FIELDS as readonly string[]).includes(match[1])) return { field: null, text: message };
  const text = match[2];
  return { field: match[1] as ProjectField, text: text.charAt(0).toUpperCase() + text.slice(1) };
}
