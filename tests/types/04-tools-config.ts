// `tools`: per toolkit, a list of tool slugs, `{ enable }`, `{ disable }` or `{ tags }`
// (tags as a list or as `{ enable?, disable? }`).
import { Composio } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });

await composio.create('user_1', {
  toolkits: ['gmail', 'github', 'slack', 'linear', 'notion'],
  tools: {
    gmail: ['GMAIL_SEND_EMAIL', 'GMAIL_FETCH_EMAILS'],
    github: { enable: ['GITHUB_CREATE_ISSUE'] },
    slack: { disable: ['SLACK_DELETE_MESSAGE'] },
    linear: { tags: ['readOnlyHint'] },
    notion: { tags: { enable: ['readOnlyHint', 'idempotentHint'], disable: ['destructiveHint'] } },
  },
});

await composio.create('user_1', { tools: {} });

const perToolkit: Record<string, string[]> = { gmail: ['GMAIL_SEND_EMAIL'] };
await composio.create('user_1', { tools: perToolkit });

// @ts-expect-error tools is keyed by toolkit slug, not a flat list
await composio.create('user_1', { tools: ['GMAIL_SEND_EMAIL'] });
// @ts-expect-error a single slug must still be a list
await composio.create('user_1', { tools: { gmail: 'GMAIL_SEND_EMAIL' } });
// @ts-expect-error unknown tag
await composio.create('user_1', { tools: { gmail: { tags: ['safeHint'] } } });
// @ts-expect-error unknown key in a per-toolkit filter
await composio.create('user_1', { tools: { gmail: { only: ['GMAIL_SEND_EMAIL'] } } });
// @ts-expect-error `enabled` is the response-side spelling
await composio.create('user_1', { tools: { gmail: { enabled: ['GMAIL_SEND_EMAIL'] } } });
