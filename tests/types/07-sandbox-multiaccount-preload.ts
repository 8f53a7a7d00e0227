// `sandbox` (and its deprecated alias `workbench`), `multiAccount`, `preload`, `sessionPreset`
// and `experimental.assistivePrompt`.
import { Composio, SessionPreset } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

await composio.create('user_1', {
  sandbox: { enable: true, enableProxyExecution: true, autoOffloadThreshold: 20_000, sandboxSize: 'large' },
});
await composio.create('user_1', { sandbox: { enable: false } });
await composio.create('user_1', { workbench: { enable: true, sandboxSize: 'xlarge' } });

await composio.create('user_1', { multiAccount: { enable: true } });
await composio.create('user_1', {
  multiAccount: { enable: true, maxAccountsPerToolkit: 3, requireExplicitSelection: false },
});

await composio.create('user_1', { toolkits: ['gmail'], preload: { tools: ['GMAIL_SEND_EMAIL'] } });
await composio.create('user_1', { toolkits: ['gmail'], preload: { tools: 'all' } });
await composio.create('user_1', { preload: {} });

await composio.create('user_1', { sessionPreset: SessionPreset.DIRECT_TOOLS, toolkits: ['gmail'] });
await composio.create('user_1', { sessionPreset: 'direct_tools', toolkits: ['gmail'] });
const preset: SessionPreset = SessionPreset.DIRECT_TOOLS;
const presetValue: 'direct_tools' = preset;
console.log(presetValue);

const session = await composio.create('user_1', {
  toolkits: ['gmail'],
  experimental: { assistivePrompt: { userTimezone: 'Europe/London' } },
});
const prompt: string | undefined = session.experimental.assistivePrompt;
console.log(prompt);

// Everything together.
await composio.create('user_1', {
  sessionPreset: SessionPreset.DIRECT_TOOLS,
  toolkits: { enable: ['gmail', 'github'] },
  tools: { gmail: ['GMAIL_SEND_EMAIL'], github: { tags: { enable: ['readOnlyHint'] } } },
  tags: ['readOnlyHint'],
  authConfigs: { gmail: 'ac_1' },
  connectedAccounts: { gmail: 'ca_1' },
  manageConnections: { enable: true, callbackUrl: 'https://example.com/cb' },
  sandbox: { enable: true, sandboxSize: 'medium' },
  multiAccount: { enable: true, maxAccountsPerToolkit: 2 },
  preload: { tools: 'all' },
  experimental: { assistivePrompt: { userTimezone: 'UTC' } },
  mcp: true,
});

// @ts-expect-error unknown sandbox size
await composio.create('user_1', { sandbox: { enable: true, sandboxSize: 'huge' } });
// @ts-expect-error preload.tools is a list or 'all'
await composio.create('user_1', { preload: { tools: 'some' } });
// @ts-expect-error unknown key in preload (the official schema is strict)
await composio.create('user_1', { preload: { tools: 'all', toolkits: ['gmail'] } });
// @ts-expect-error unknown preset
await composio.create('user_1', { sessionPreset: 'all_tools' });
// @ts-expect-error the threshold is a number of characters
await composio.create('user_1', { sandbox: { enable: true, autoOffloadThreshold: '20k' } });
// @ts-expect-error the time zone is a string
await composio.create('user_1', { experimental: { assistivePrompt: { userTimezone: 0 } } });
// @ts-expect-error SessionPreset is a constant object
SessionPreset.DIRECT_TOOLS = 'other';
