import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { userInfo } from "node:os";
import pg from "pg";
import { EMBEDDED_USER } from "@/lib/postgres/embedded-credentials";
import { startEmbeddedPostgres } from "@/lib/postgres/embedded";

export type TlsPostgres = {
  /** postgres://user:password@127.0.0.1:port (no database, no sslmode). */
  serverUrl: string;
  port: number;
  /** PEM of the CA that signed the server's certificate. */
  caPem: string;
  /** PEM of an unrelated CA: verifying against it must fail. */
  otherCaPem: string;
  /** The only name the server's certificate holds (no IP address): 127.0.0.1 fails a host name check. */
  certificateHost: "localhost";
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function openssl(cwd: string, ...args: string[]) {
  execFileSync("openssl", args, { cwd, stdio: "pipe" });
}

/** A CA, a server certificate it signs for DNS:localhost only, and an unrelated CA, written to `dir`. */
export function makeCertificates(dir: string): { caPem: string; otherCaPem: string } {
  mkdirSync(dir, { recursive: true });
  const days = "2";
  openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", days, "-subj", "/CN=Sluice Test CA");
  openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.crt", "-days", days, "-subj", "/CN=Unrelated CA");
  openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost");
  execFileSync("sh", ["-c", 'printf "subjectAltName=DNS:localhost\\n" > server.ext'], { cwd: dir });
  openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.crt", "-days", days, "-extfile", "server.ext");
  return { caPem: readFileSync(path.join(dir, "ca.crt"), "utf8"), otherCaPem: readFileSync(path.join(dir, "other-ca.crt"), "utf8") };
}

/**
 * A private PostgreSQL with TLS on (ssl=on, a certificate signed by a test CA for "localhost"),
 * for tests of sslmode require / verify-ca / verify-full. The machine's shared servers are left
 * alone: this one has its own data directory and port, and is removed by stop().
 */
export async function startTlsPostgres(): Promise<TlsPostgres> {
  const dataDir = path.resolve(`.sluice/test-tls-pg-${process.pid}-${Date.now().toString(36)}`);
  const certDir = `${dataDir}-certs`;
  const { caPem, otherCaPem } = makeCertificates(certDir);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  // The key must belong to the server's user with no group or other access, or PostgreSQL refuses it.
  if (userInfo().uid === 0) execFileSync("chown", ["-R", `${EMBEDDED_USER}:`, certDir]);
  execFileSync("chmod", ["600", path.join(certDir, "server.key")]);
  const admin = new pg.Client({ connectionString: `${server.serverUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`ALTER SYSTEM SET ssl_cert_file = '${path.join(certDir, "server.crt")}'`);
    await admin.query(`ALTER SYSTEM SET ssl_key_file = '${path.join(certDir, "server.key")}'`);
    await admin.query("ALTER SYSTEM SET ssl = on");
    await admin.query("SELECT pg_reload_conf()");
  } finally {
    await admin.end();
  }
  // A reload is asynchronous: wait until new sessions see ssl on.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const probe = new pg.Client({ connectionString: `${server.serverUrl}/postgres` });
    await probe.connect();
    const { rows } = await probe.query<{ ssl: string }>("SHOW ssl");
    await probe.end();
    if (rows[0].ssl === "on") break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    serverUrl: server.serverUrl,
    port: server.port,
    caPem,
    otherCaPem,
    certificateHost: "localhost",
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}
