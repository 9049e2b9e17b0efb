import path from "node:path";
import { AppError } from "@/lib/errors";

/**
 * The repository addresses Sluice fetches from, checked before anything is stored:
 * `https://` (optionally with an access token sent as a header), `http://` without a
 * token (an internal server), `file://` and absolute local paths. Everything else —
 * `ext::` and other `transport::` forms, ssh and scp-like `host:path`, `git://`, a
 * leading `-` git would read as an option, credentials inside the URL — is refused.
 */
export type GitRemote = {
  kind: "https" | "http" | "file";
  /** What git is given. */
  url: string;
  /** True for file:// and paths: only a site admin may point Sluice at the server's own disk. */
  local: boolean;
};

function refuse(message: string): never {
  throw new AppError("BAD_INPUT", `url: ${message}`);
}

export function parseGitRemote(raw: string, options: { hasToken: boolean }): GitRemote {
  const value = raw.trim();
  if (!value) refuse("give the repository's address, e.g. https://github.com/acme/app.git.");
  if (value.length > 2000) refuse("must be 2000 characters or fewer.");
  if (/[\u0000-\u001f\u007f\s]/.test(value)) refuse("must not contain spaces or control characters.");
  if (value.startsWith("-")) refuse("must not start with '-'.");
  if (value.includes("::")) refuse("transports other than https://, http:// and file:// are refused.");

  if (value.startsWith("/")) {
    if (options.hasToken) refuse("an access token is only sent to an https:// repository, not to a local path.");
    return { kind: "file", url: path.posix.normalize(value), local: true };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) {
    if (/^[^/]+@[^/]+:/.test(value) || /^[a-z0-9.-]+:[^/]/i.test(value)) refuse("SSH addresses are not supported: use the https:// address with an access token.");
    refuse("give an https:// URL, a file:// URL or an absolute path on the server.");
  }
  if (scheme === "ssh" || scheme === "git+ssh" || scheme === "ssh+git") refuse("SSH addresses are not supported: use the https:// address with an access token.");
  if (scheme !== "https" && scheme !== "http" && scheme !== "file") refuse(`${scheme}:// is not supported: use https://, file:// or an absolute path.`);

  let url: URL;
  try {
    url = new URL(value);
  } catch {
    refuse("is not a valid URL.");
  }
  if (url.username || url.password) refuse("remove the user name and password from the URL: put the token in the access token field, where it is stored encrypted.");
  if (scheme === "file") {
    if (url.hostname && url.hostname !== "localhost") refuse("a file:// URL must name a path on this server (file:///srv/repos/app.git).");
    if (options.hasToken) refuse("an access token is only sent to an https:// repository, not to a local path.");
    return { kind: "file", url: value, local: true };
  }
  if (!url.hostname) refuse("name the server, e.g. https://github.com/acme/app.git.");
  if (scheme === "http" && options.hasToken) refuse("an access token is only sent over https://: use the https:// address, or remove the token.");
  return { kind: scheme, url: value, local: false };
}

/** The address as people may see it: any credentials someone put in it anyway are replaced. */
export function redactGitUrl(raw: string | null): string | null {
  if (raw === null) return null;
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1***@");
}

/** The HTTP header git sends with an access token (GitHub and Gitea take any user name with a token; GitLab too). */
export function accessTokenHeader(token: string): string {
  return `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}`;
}
