import v8 from "node:v8";

/**
 * The SQL parser (libpg-query) is a 1.7 MB WebAssembly module. By default V8 compiles it twice:
 * quickly for a start, then again with its optimizing compiler on background threads, and Node
 * waits for those background jobs before the process may exit — about 110 ms on every
 * `sluice lint`, more than linting a migration takes. A CLI run is too short to profit from the
 * optimized code (1,200 migrations lint faster on baseline code too: 0.54 s against 0.62 s), so
 * the command-line entries ask for the baseline compiler only. The long-running web server keeps
 * V8's default. Must run before the parser is loaded: V8 reads the flag when it compiles the module.
 */
export function selectBaselineWasmCompiler(): void {
  v8.setFlagsFromString("--liftoff-only");
}
