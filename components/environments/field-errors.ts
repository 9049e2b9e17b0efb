/** The environment form's fields, as the server's 400 messages name them ("url: names no host"). */
export const ENVIRONMENT_FIELDS = ["name", "url", "caCert", "timeZone"] as const;
export type EnvironmentField = (typeof ENVIRONMENT_FIELDS)[number];

/** Splits a server message into the field it names (shown next to that field) and the rest. */
export function fieldError(message: string): { field: EnvironmentField | null; text: string } {
  const match = /^(name|url|caCert|timeZone): (.*)$/s.exec(message);
  if (!match) return { field: null, text: message };
  const text = match[2];
  return { field: match[1] as EnvironmentField, text: text.charAt(0).toUpperCase() + text.slice(1) };
}
