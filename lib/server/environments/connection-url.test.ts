import { mkdtempSync, rmSync, statSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCertificates } from "@/lib/testing/tls-postgres";
import { checkConnectionUrl, checkTlsSettings, redactedUrl } from "./connection-url";
import { caCertificateFile, forgetCaCertificateFiles, normalizeCaCertificate, withCaCertificateFile } from "./ca-certificate";
import { parseDatabaseUrl } from "@/lib/engine";

const SECRET = "s3cr%40t-pw";

describe("checkConnectionUrl", () => {
  it("accepts Prisma's URL forms and reports schema, sslmode and host", () => {
    expect(checkConnectionUrl(`postgresql://app:${SECRET}@db.example.com:5432/shop`)).toEqual({ schema: "public", sslmode: null, host: "db.example.com" });
    expect(
      checkConnectionUrl(
        `postgres://app:${SECRET}@db.example.com/shop?schema=tenant_a&sslmode=verify-full&connection_limit=5&pool_timeout=10&pgbouncer=true&connect_timeout=3&sslaccept=strict&statement_cache_size=0&socket_timeout=20&application_name=api`,
      ),
    ).toEqual({ schema: "tenant_a", sslmode: "verify-full", host: "db.example.com" });
  });

  it.each([
    ["", /url: paste the database's connection URL/],
    ["db.example.com:5432/shop", /url: must start with postgresql:\/\/ or postgres:\/\//],
    ["not a url", /url: contains a space/],
    ["//app@db/shop", /url: is not a valid URL/],
    [`mysql://app:${SECRET}@db/shop`, /must start with postgresql:\/\/ or postgres:\/\/, not mysql:/],
    [`postgresql://app:pa#ss@db/shop`, /has a # in it/],
    [`postgresql://app:pa ss@db/shop`, /contains a space/],
    [`postgresql://db.example.com:5432/shop`, /names no user/],
    [`postgresql://app:${SECRET}@db.example.com:5432`, /names no database/],
    [`postgresql://app:${SECRET}@db.example.com:5432/`, /names no database/],
    [`postgresql://app:${SECRET}@db:99999/shop`, /is not a valid URL/],
    [`postgresql://app:${SECRET}@db/shop?schema=1tenant`, /schema "1tenant" is not a valid schema name/],
    [`postgresql://app:${SECRET}@db/shop?schema=`, /schema "" is not a valid schema name/],
    [`postgresql://app:${SECRET}@db/shop?sslmode=verify`, /sslmode "verify" is not one of disable, allow, prefer, require, verify-ca, verify-full/],
    [`postgresql://app:${SECRET}@db/shop?sslaccept=maybe`, /sslaccept "maybe"/],
    [`postgresql://app:${SECRET}@db/shop?connection_limit=five`, /connection_limit "five" is not a whole number/],
    [`postgresql://app:${SECRET}@db/shop?pgbouncer=yes`, /pgbouncer "yes" is not true or false/],
    [`postgresql://app:${SECRET}@db/shop?sslrootcert=/etc/ssl/ca.pem`, /sslrootcert names a file on the server: paste the CA certificate/],
    [`postgresql://app:${SECRET}@db/shop?sslkey=/k.pem`, /client certificates are not supported/],
    [`postgresql://app:${SECRET}@db/shop?search=1`, /unknown parameter "search" \(Sluice accepts schema, sslmode/],
    [`postgresql://app:${SECRET}@db/shop?schema=a&schema=b`, /the parameter schema appears twice/],
  ])("refuses %s, naming the problem and never the password", (url, message) => {
    let thrown: unknown;
    try {
      checkConnectionUrl(url);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: "BAD_INPUT" });
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain("s3cr");
    expect((thrown as Error).message).not.toContain("pa#ss");
  });

  it("requires the CA and sslmode to agree", () => {
    expect(() => checkTlsSettings(null, true)).toThrow(/caCert: a CA certificate is only used with sslmode=verify-full, verify-ca or require/);
    expect(() => checkTlsSettings("prefer", true)).toThrow(/it says sslmode=prefer/);
    expect(() => checkTlsSettings("verify-ca", false)).toThrow(/sslmode=verify-ca needs the server's CA certificate/);
    expect(() => checkTlsSettings("verify-full", false)).not.toThrow();
    expect(() => checkTlsSettings("verify-full", true)).not.toThrow();
    expect(() => checkTlsSettings("require", true)).not.toThrow();
  });
});

describe("redactedUrl", () => {
  it("shows the password as ••• and leaves out secret-looking parameters and Sluice's CA file", () => {
    expect(redactedUrl(`postgresql://app:${SECRET}@db.example.com:5432/shop?schema=t&sslmode=require`)).toBe("postgresql://app:•••@db.example.com:5432/shop?schema=t&sslmode=require");
    expect(redactedUrl(`postgresql://app:${SECRET}@db/shop?password=x&api_token=y&sslrootcert=/data/certs/a.pem&schema=t`)).toBe("postgresql://app:•••@db/shop?schema=t");
    expect(redactedUrl("postgresql://app@db/shop")).toBe("postgresql://app@db/shop");
    expect(redactedUrl("postgresql://app:p@ss:word@@db/shop")).not.toContain("word");
  });
});

describe("CA certificates", () => {
  let dir: string;
  let pems: { caPem: string; otherCaPem: string };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "sluice-ca-"));
    pems = makeCertificates(dir);
    // dataDir() reads the validated environment: give it what it checks.
    Object.assign(process.env, {
      SLUICE_DATA_DIR: path.join(dir, "data"),
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://localhost/unused",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "x".repeat(32),
      SLUICE_ENCRYPTION_KEY: process.env.SLUICE_ENCRYPTION_KEY ?? Buffer.alloc(32).toString("base64"),
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("accepts one or more PEM certificates, really parsed, and refuses anything else", () => {
    const one = normalizeCaCertificate(`  \n${pems.caPem}\n`);
    expect(one.certificates).toHaveLength(1);
    expect(one.certificates[0].subject).toContain("CN=Sluice Test CA");
    expect(one.pem.startsWith("-----BEGIN CERTIFICATE-----")).toBe(true);
    expect(normalizeCaCertificate(`${pems.caPem}${pems.otherCaPem}`).certificates).toHaveLength(2);
    expect(() => normalizeCaCertificate("hello")).toThrow(/must be a PEM certificate/);
    expect(() => normalizeCaCertificate(pems.caPem.replace(/[A-Za-z]{10}\n/, "\n"))).toThrow(/not a readable X.509 certificate/);
    expect(() => normalizeCaCertificate(`-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n${pems.caPem}`)).toThrow(/holds a private key/);
  });

  it("materialises a CA once per content as a 0600 file that the engine's URL parser loads", () => {
    const file = caCertificateFile("env1", pems.caPem);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe(pems.caPem);
    expect(caCertificateFile("env1", pems.caPem)).toBe(file);
    const other = caCertificateFile("env1", pems.otherCaPem);
    expect(other).not.toBe(file);

    const url = withCaCertificateFile(`postgresql://app:${SECRET}@localhost/shop?sslmode=verify-full`, file);
    expect(parseDatabaseUrl(url).config.ssl).toMatchObject({ rejectUnauthorized: true, ca: pems.caPem });
    forgetCaCertificateFiles("env1");
    expect(existsSync(file) || existsSync(other)).toBe(false);
  });

  it("reads sslmode as libpq does", () => {
    const file = caCertificateFile("env2", pems.caPem);
    const ssl = (query: string) => parseDatabaseUrl(`postgresql://app:${SECRET}@db/shop${query}`).config.ssl;
    expect(ssl("")).toBe(false);
    expect(ssl("?sslmode=disable")).toBe(false);
    expect(ssl("?sslmode=prefer")).toBe(false);
    expect(ssl("?sslmode=require")).toEqual({ rejectUnauthorized: false });
    expect(ssl("?sslmode=require&sslaccept=strict")).toEqual({ rejectUnauthorized: true });
    // require with a CA verifies the chain, like verify-ca (libpq's rule); the host name is not checked.
    const requireWithCa = ssl(`?sslmode=require&sslrootcert=${file}`) as { rejectUnauthorized: boolean; checkServerIdentity: () => unknown };
    expect(requireWithCa.rejectUnauthorized).toBe(true);
    expect(requireWithCa.checkServerIdentity()).toBeUndefined();
    expect(ssl(`?sslmode=verify-ca&sslrootcert=${file}`)).toMatchObject({ rejectUnauthorized: true, ca: pems.caPem });
    expect(ssl(`?sslmode=verify-full&sslrootcert=${file}`)).toEqual({ rejectUnauthorized: true, ca: pems.caPem });
    expect(ssl("?sslmode=verify-full")).toEqual({ rejectUnauthorized: true });
    expect(() => ssl("?sslmode=verify-ca")).toThrow(/verify-ca needs the server's CA certificate/);
    expect(() => ssl("?sslmode=verify-everything")).toThrow(/Unknown sslmode/);
    expect(() => ssl("?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem")).toThrow(/Cannot read the CA certificate file/);
    forgetCaCertificateFiles("env2");
  });
});
