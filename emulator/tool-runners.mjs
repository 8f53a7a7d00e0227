// What app tools "do" in the emulator: deterministic outputs, so tests can assert on `data`.
// A runner gets `{state, session, account, args, slug}` and returns `data`; throwing a
// ToolError makes a tool-level failure (HTTP 200 with `error` set).

export class ToolError extends Error {}

/** A per-state counter (1, 2, …), so outputs are the same on every identical run. */
function count(state, key) {
  const n = (state.counters.get(key) ?? 0) + 1;
  state.counters.set(key, n);
  return n;
}

function hash(text) {
  let h = 7;
  for (const c of String(text)) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h;
}

const RUNNERS = {
  GMAIL_SEND_EMAIL({ state, account, args }) {
    const message = { id: state.ids.next('msg_'), to: args.recipient_email, subject: args.subject ?? '' };
    state.mailbox.push({ ...message, account: account.id, body: args.body });
    return message;
  },
  // Lists what GMAIL_SEND_EMAIL sent through the same account, so a test can see the round trip.
  GMAIL_FETCH_EMAILS({ state, account, args }) {
    const q = (args.query ?? '').toLowerCase();
    const messages = state.mailbox
      .filter(m => m.account === account.id && (!q || m.subject.toLowerCase().includes(q)))
      .slice(0, args.max_results ?? 10)
      .map(({ id, to, subject }) => ({ id, to, subject }));
    return { messages, resultSizeEstimate: messages.length };
  },
  SLACK_SEND_MESSAGE({ state, args }) {
    const n = count(state, `slack:${args.channel}`);
    return { ok: true, channel: args.channel, ts: `${1700000000 + n}.000100`, message: { text: args.text ?? '' } };
  },
  GITHUB_CREATE_ISSUE({ state, args }) {
    const key = `${args.owner}/${args.repo}`;
    const number = count(state, `github:${key}`);
    return { number, title: args.title, state: 'open', html_url: `https://github.com/${key}/issues/${number}` };
  },
  WEATHERMAP_WEATHER({ args }) {
    const h = hash(args.location.toLowerCase());
    const celsius = (h % 35) - 5;
    const metric = (args.units ?? 'metric') === 'metric';
    return {
      location: args.location,
      units: metric ? 'metric' : 'imperial',
      temperature: metric ? celsius : Math.round(celsius * 1.8 + 32),
      conditions: ['clear sky', 'few clouds', 'light rain', 'overcast clouds', 'snow'][h % 5],
    };
  },
  HACKERNEWS_GET_FRONTPAGE({ args }) {
    const n = args.limit ?? 10;
    return { stories: Array.from({ length: n }, (_, i) => ({ id: 40000000 + i, title: `Story number ${i + 1}`, score: 500 - i, by: `user${i}` })) };
  },
  HACKERNEWS_GET_ITEM_WITH_ID({ args }) {
    if (args.id <= 0) throw new ToolError(`Item ${args.id} not found`);
    return { id: args.id, type: 'story', title: `Story number ${args.id}`, by: 'pg' };
  },
};

/** Runs a catalogue tool; tools without a runner echo their arguments. */
export function runTool(context) {
  const runner = RUNNERS[context.slug];
  if (runner) return runner(context);
  return { tool_slug: context.slug, arguments: context.args, ...(context.account ? { connected_account_id: context.account.id } : {}) };
}

const TYPE_CHECKS = {
  string: v => typeof v === 'string',
  integer: v => Number.isInteger(v),
  number: v => typeof v === 'number',
  boolean: v => typeof v === 'boolean',
  array: v => Array.isArray(v),
  object: v => v !== null && typeof v === 'object' && !Array.isArray(v),
};

/** The tool-level argument check: required keys present, top-level types right. */
export function argumentProblems(schema, args) {
  const problems = [];
  for (const key of new Set(schema.required ?? [])) {
    if (args[key] === undefined) problems.push(`missing required argument ${key}`);
  }
  for (const [key, value] of Object.entries(args)) {
    const type = schema.properties?.[key]?.type;
    if (typeof type === 'string' && TYPE_CHECKS[type] && !TYPE_CHECKS[type](value)) problems.push(`${key} should be a ${type}`);
  }
  return problems;
}
