#!/usr/bin/env node
// Starts the emulator: `node emulator/cli.mjs [--port N] [--host H] [--api-key K …] [--tool-count N] [--toolkit-count N] [--keep-alive-ms N]`.
// Prints its URL on the first line of stdout and runs until interrupted.
import { parseArgs } from 'node:util';
import { startEmulator } from './server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'api-key': { type: 'string', multiple: true },
    // Adds a synthetic `bench` toolkit with N tools, for measuring `session.tools()`.
    'tool-count': { type: 'string', default: '0' },
    // Adds N synthetic toolkits (extra_0001, …), so the toolkit list has many pages.
    'toolkit-count': { type: 'string', default: '0' },
    'keep-alive-ms': { type: 'string', default: '5000' },
  },
});

const emulator = await startEmulator({
  port: Number(values.port),
  host: values.host,
  apiKeys: values['api-key'],
  toolCount: Number(values['tool-count']),
  toolkitCount: Number(values['toolkit-count']),
  keepAliveMs: Number(values['keep-alive-ms']),
});
console.log(emulator.url);

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
