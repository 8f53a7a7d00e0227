#!/usr/bin/env node
// @ts-check
// The `composio-wasm` binary (package.json "bin"): wires the process (argv, env, streams, files,
// Ctrl-C) to runCli. Runs under Node 20+, Bun (`bunx composio-wasm`) and Deno
// (`deno run -A npm:composio-wasm`), which all provide `process` and node:fs.
//
// Ctrl-C aborts the request in flight (every client call gets the signal) and exits 130; a
// second Ctrl-C, or a request that does not stop within 2 s, exits at once.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import v8 from 'node:v8';
import { runCli } from './run.js';

// A command runs the wasm for a few milliseconds, then exits. With V8's default tiering the
// optimising compiler keeps working on the module in the background, and the process waits for
// it at exit (about 60 ms of a ~250 ms `toolkits list`, bench/cli.mjs). Baseline code only, for
// this process (the library itself never changes V8 flags); set before the wasm is compiled.
// Where the runtime has no such switch (Bun), nothing changes.
try {
  v8.setFlagsFromString('--liftoff-only');
} catch {
  // not supported here
}

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  interrupts++;
  if (interrupts > 1) process.exit(130);
  controller.abort();
  setTimeout(() => process.exit(130), 2000).unref?.();
});

// Output into a closed pipe (`composio-wasm tools list … | head -1`) ends quietly.
process.stdout.on('error', e => {
  if (/** @type {any} */ (e).code === 'EPIPE') process.exit(0);
  throw e;
});

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  signal: controller.signal,
  readFile: path => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text),
  mkdir: path => mkdir(path, { recursive: true }).then(() => undefined),
});
process.exitCode = controller.signal.aborted ? 130 : code;
// Open handles (a keep-alive socket, a realtime connection being closed) must not hold the exit.
setTimeout(() => process.exit(), 0).unref?.();
