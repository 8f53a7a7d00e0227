#!/usr/bin/env node
// A small static server for the demo page (no dependencies). It serves the page from www/ and the
// package from pkg/ (or any directory given with --pkg, e.g. an extracted `npm pack` tarball), both
// as plain ES modules, and answers GET /config.json with the page's defaults (base URL, API key).
//
//   node www/serve.mjs [--port 8080] [--host 127.0.0.1] [--emulator URL] [--api-key KEY] [--pkg DIR]
//
// Prints the page URL on the first line of stdout and serves until interrupted. Tests use
// `startStaticServer()` in-process.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm', // needed by WebAssembly.instantiateStreaming
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/**
 * Starts the server. `mounts` maps URL prefixes to directories; only files under a mount are
 * served. Defaults: /www → www/, /pkg → pkg/, /tests/runtimes → tests/runtimes/ (the shared
 * runtime scenario that www/scenario.html runs). `config` is answered at /config.json.
 */
export async function startStaticServer({ port = 0, host = '127.0.0.1', mounts = {}, config = {} } = {}) {
  const table = Object.entries({
    '/www': join(REPO, 'www'),
    '/pkg': join(REPO, 'pkg'),
    '/tests/runtimes': join(REPO, 'tests', 'runtimes'),
    ...mounts,
  })
    .map(([prefix, dir]) => [prefix.replace(/\/+$/, ''), resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length); // longest prefix first

  function locate(pathname) {
    for (const [prefix, dir] of table) {
      if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) continue;
      const file = resolve(dir, `.${pathname.slice(prefix.length) || '/'}`);
      if (file !== dir && !file.startsWith(dir + sep)) return undefined; // no escaping the mount
      return file;
    }
    return undefined;
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://static');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return reply(res, 400, 'Bad path');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Method not allowed');
    if (pathname === '/' || pathname === '/www') {
      res.writeHead(302, { location: `/www/${url.search}` });
      return res.end();
    }
    if (pathname === '/config.json') {
      return reply(res, 200, JSON.stringify(config), TYPES['.json']);
    }
    if (pathname === '/favicon.ico') return reply(res, 204, '');
    let file = locate(pathname);
    if (!file) return reply(res, 404, `Not found: ${pathname}`);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      reply(res, 404, `Not found: ${pathname}`);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) reply(res, 500, 'Internal error');
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const url = `http://${host}:${server.address().port}`;
  return {
    url,
    pageURL: `${url}/www/`,
    close() {
      server.closeAllConnections?.();
      return new Promise(done => server.close(() => done()));
    },
  };
}

function reply(res, status, text, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(text);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      emulator: { type: 'string', default: process.env.EMULATOR_URL ?? 'http://127.0.0.1:9900' },
      'api-key': { type: 'string', default: 'ak_demo_local_emulator_key' },
      pkg: { type: 'string' },
    },
  });
  const server = await startStaticServer({
    port: Number(values.port),
    host: values.host,
    mounts: values.pkg ? { '/pkg': values.pkg } : {},
    config: { baseURL: values.emulator, apiKey: values['api-key'] },
  });
  console.log(server.pageURL);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
