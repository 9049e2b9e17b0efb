/**
 * `sluice lint … | head`: when the reader closes the pipe early, stop quietly (as `cat` does)
 * instead of crashing with an unhandled EPIPE stack trace.
 */
export function exitQuietlyOnClosedStdout(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}
