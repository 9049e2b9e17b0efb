import { describe, expect, it } from "vitest";
import { accessTokenHeader, parseGitRemote, redactGitUrl } from "./git-url";

const parse = (url: string, hasToken = false) => parseGitRemote(url, { hasToken });

describe("repository addresses", () => {
  it("accepts https (with or without a token), http without one, file:// and absolute paths", () => {
    expect(parse("https://github.com/acme/app.git", true)).toEqual({ kind: "https", url: "https://github.com/acme/app.git", local: false });
    expect(parse("  http://git.internal/acme/app.git ")).toEqual({ kind: "http", url: "http://git.internal/acme/app.git", local: false });
    expect(parse("file:///srv/repos/app.git")).toEqual({ kind: "file", url: "file:///srv/repos/app.git", local: true });
    expect(parse("/srv/repos/../repos/app.git")).toEqual({ kind: "file", url: "/srv/repos/app.git", local: true });
  });

  it.each([
    ["", /give the repository's address/],
    ["https://user:ghp_x@github.com/acme/app.git", /put the token in the access token field/],
    ["https://ghp_x@github.com/acme/app.git", /put the token in the access token field/],
    ["ext::sh -c touch% /tmp/pwned", /spaces|transports other than/],
    ["ext::sh", /transports other than https/],
    ["-uhttps://x", /must not start with '-'/],
    ["--upload-pack=touch /tmp/x", /must not start with '-'|spaces/],
    ["git@github.com:acme/app.git", /SSH addresses are not supported/],
    ["ssh://git@github.com/acme/app.git", /SSH addresses are not supported/],
    ["git://github.com/acme/app.git", /git:\/\/ is not supported/],
    ["ftp://example.com/app.git", /ftp:\/\/ is not supported/],
    ["relative/path", /absolute path/],
    ["file://otherhost/srv/app.git", /must name a path on this server/],
    ["https://", /not a valid URL/],
    ["https://github.com/acme/app.git\nx", /control characters/],
  ])("refuses %j", (url, message) => {
    expect(() => parse(url)).toThrow(message);
    try {
      parse(url);
    } catch (error) {
      expect(error).toMatchObject({ code: "BAD_INPUT" });
      expect((error as Error).message.startsWith("url: ")).toBe(true);
    }
  });

  it("sends a token only over https", () => {
    expect(() => parse("http://git.internal/app.git", true)).toThrow(/only sent over https/);
    expect(() => parse("/srv/app.git", true)).toThrow(/only sent to an https:\/\/ repository/);
    expect(() => parse("file:///srv/app.git", true)).toThrow(/only sent to an https:\/\/ repository/);
  });

  it("redacts credentials for display and builds the token header", () => {
    expect(redactGitUrl("https://u:p@github.com/a.git")).toBe("https://***@github.com/a.git");
    expect(redactGitUrl("https://github.com/a.git")).toBe("https://github.com/a.git");
    expect(redactGitUrl(null)).toBeNull();
    expect(accessTokenHeader("tok")).toBe(`Authorization: Basic ${Buffer.from("x-access-token:tok").toString("base64")}`);
  });
});
