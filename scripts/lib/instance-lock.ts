import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One Sluice per data directory: a second `npm start` finds the first one's pid
 * here and says so instead of fighting over the database and the port.
 */
export function acquireInstanceLock(dataDir: string): { release: () => void } {
  const file = path.join(dataDir, "sluice.pid");
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8").trim());
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
      throw new Error(`Sluice is already running (pid ${pid}) with data in ${dataDir}. Stop it first (Ctrl-C in its terminal, or kill ${pid}).`);
    }
  }
  writeFileSync(file, String(process.pid));
  return {
    release: () => {
      if (existsSync(file) && readFileSync(file, "utf8").trim() === String(process.pid)) rmSync(file);
    },
  };
}
