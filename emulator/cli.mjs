#!/usr/bin/env node
// Starts the emulator: `node emulator/cli.mjs [--port N] [--host H] [--api-key K …]`.
// Prints its URL on the first line of stdout and runs until interrupted.
import { parseArgs } from 'node:util';
import { startEmulator } from './server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'api-key': { type: 'string', multiple: true },
  },
});

const emulator = await startEmulator({
  port: Number(values.port),
  host: values.host,
  apiKeys: values['api-key'],
});
console.log(emulator.url);

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
