// composio.create(userId) with no config, the session's data properties, and the aliases
// (sessions.create, toolRouter.create, a destructured create).
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test', baseURL: 'https://backend.composio.dev' });

const session = await composio.create('user_123');

const id: string = session.sessionId;
const userId: string = session.config.user_id;
const preloaded: string[] | 'all' = session.preload.tools;
const version: number | undefined = session.configVersion;
for (const w of session.warnings) {
  const code: 'PRELOAD_TOOLS_HIGH_CONTEXT_USAGE' = w.code;
  console.log(code, w.message);
}
if (session.sandbox) {
  const enabled: boolean | undefined = session.sandbox.enable;
  const size: 'standard' | 'medium' | 'large' | 'xlarge' | undefined = session.sandbox.sandbox_size;
  console.log(enabled, size, session.sandbox.auto_offload_threshold, session.sandbox.proxy_execution_enabled);
}
// Deprecated alias, still typed.
const wb = session.workbench;
const prompt: string | undefined = session.experimental.assistivePrompt;

// Raw server-side config (snake_case, `enabled` / `disabled`).
const cfg = session.config;
if (cfg.toolkits && 'enabled' in cfg.toolkits) console.log(cfg.toolkits.enabled.join(','));
console.log(cfg.manage_connections?.enabled, cfg.search.enable, cfg.execute.enable_multi_execute);
console.log(cfg.auth_configs?.['gmail'], cfg.connected_accounts?.['gmail']?.[0]);

// The canonical entry point and the aliases.
const s2 = await composio.sessions.create('user_123', { toolkits: ['gmail'] });
const s3 = await composio.toolRouter.create('user_123');
const { create } = composio;
const s4 = await create('user_123', { toolkits: ['slack'] });
console.log(id, userId, preloaded, version, wb, prompt, s2.sessionId, s3.sessionId, s4.sessionId);

// The constructor takes no required argument (the key may come from the environment).
const fromEnv = new Composio();
console.log(fromEnv.sessions === fromEnv.toolRouter);

// @ts-expect-error userId must be a string
await composio.create(123);
// @ts-expect-error the config must be an object
await composio.create('user_123', 'gmail');
