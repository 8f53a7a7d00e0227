// Runs emulator/cli.mjs unchanged (same flags, same output), with one difference: the HTTP
// server's keep-alive timeout is BENCH_EMULATOR_KEEPALIVE_MS (default 5000, Node's own default)
// instead of the emulator's 1000 ms.
//
// Why: the emulator answers `Keep-Alive: timeout=1`, and Node's fetch (undici) subtracts a 2 s
// safety margin from that hint (keepAliveTimeoutThreshold), so it never reuses a connection:
// every request of every candidate opened a new TCP connection (measured: 500 connections for
// 500 sequential requests; 2 with 5 s). Per-call figures would then mostly time connect/close,
// which no real backend behind a load balancer imposes. Set BENCH_EMULATOR_KEEPALIVE_MS=1000
// (`node bench/run.mjs --emulator-keepalive 1000`) to measure the stock behaviour.
import http from 'node:http';

const keepAlive = Number(process.env.BENCH_EMULATOR_KEEPALIVE_MS ?? 5000);
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function benchListen(...args) {
  this.keepAliveTimeout = keepAlive;
  // headersTimeout must exceed keepAliveTimeout (Node's rule for idle sockets).
  if (this.headersTimeout <= keepAlive) this.headersTimeout = keepAlive + 1000;
  return listen.apply(this, args);
};

await import('../../emulator/cli.mjs');
