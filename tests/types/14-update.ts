// session.update(): a partial config update, with `null` to reset a block.
import { Composio, type ToolRouterUpdateSessionConfig } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });
const session = await composio.create('user_1', { toolkits: ['gmail'] });

const config = await session.update({ toolkits: ['gmail', 'slack'] });
const userId: string = config.user_id;
console.log(userId, session.config.toolkits, session.configVersion, session.preload, session.sandbox);

await session.update({
  toolkits: { disable: ['linear'] },
  tools: { gmail: { enable: ['GMAIL_SEND_EMAIL'] }, slack: { tags: ['readOnlyHint'] } },
  tags: { enable: ['readOnlyHint'], disable: ['destructiveHint'] },
  authConfigs: { gmail: 'ac_2' },
  connectedAccounts: { gmail: ['ca_9'] },
  manageConnections: { callbackUrl: 'https://example.com/cb' },
  sandbox: { sandboxSize: 'medium' },
  multiAccount: { maxAccountsPerToolkit: 4 },
  preload: { tools: 'all' },
});

// `null` resets a block.
await session.update({ manageConnections: null, sandbox: null, multiAccount: null });
await session.update({ workbench: null });
await session.update({ manageConnections: false });
await session.update({});

const patch: ToolRouterUpdateSessionConfig = { tags: ['readOnlyHint'], preload: { tools: [] } };
const updated = await session.update(patch);
console.log(updated.tags?.enabled, updated.preload.tools);

// @ts-expect-error a bare string is not a toolkit filter
await session.update({ toolkits: 'gmail' });
// @ts-expect-error unknown tag
await session.update({ tags: ['writeHint'] });
// @ts-expect-error preload cannot be reset with null
await session.update({ preload: null });
// @ts-expect-error unknown key in manageConnections
await session.update({ manageConnections: { enabled: true } });
// @ts-expect-error unknown sandbox size
await session.update({ sandbox: { sandboxSize: 'tiny' } });
