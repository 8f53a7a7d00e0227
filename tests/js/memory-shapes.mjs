// Hostile but valid 2xx answers of a chosen size for the memory tests (memory-bound.test.mjs)
// and the probe (bench/memory-bound.mjs): each is a normal answer plus one huge part.

const SESSIONS = '/api/v3.1/tool_router/session';

/** `count` copies of `item` joined by commas (built in halves, so no per-item string work). */
function repeat(item, count) {
  return count <= 0 ? '' : `${item},`.repeat(count - 1) + item;
}

/** A filler of about `bytes` bytes of the given kind, as JSON text. */
function filler(kind, bytes) {
  switch (kind) {
    case 'zeros': return `[${repeat('0', Math.floor(bytes / 2))}]`;
    case 'empties': return `[${repeat('[]', Math.floor(bytes / 3))}]`;
    case 'strings': return `[${repeat('"a"', Math.floor(bytes / 4))}]`;
    case 'objects': return `[${repeat('{"k":0}', Math.floor(bytes / 8))}]`;
    case 'wide': return `{${Array.from({ length: Math.floor(bytes / 11) }, (_, i) => `"k${(i % 1e7).toString(36).padStart(5, '0')}":0`).join(',')}}`;
    // 64 objects deep, then wide: an array of small objects.
    case 'deep': {
      const depth = 64;
      return '{"n":'.repeat(depth) + `[${repeat('{"a":[1,2]}', Math.floor((bytes - 6 * depth) / 12))}]` + '}'.repeat(depth);
    }
    case 'string': return JSON.stringify('x'.repeat(bytes));
    default: throw new Error(`unknown filler ${kind}`);
  }
}

/** Fills `template` (JSON text containing `"@@"`) up to `size` bytes. */
function fill(template, kind, size) {
  const room = size - (template.length - 4) - 16;
  const text = template.replace('"@@"', () => filler(kind, room));
  return text;
}

const sessionTemplate = (s, config, extra) =>
  `{"session_id":"${s.sessionId}","mcp":{"type":"http","url":"${s.mcp.url}"},` +
  `"config":{"user_id":"user_memory","preload":{"tools":[]},"workbench":{"enable":true}${config}},` +
  `"config_version":1,"warnings":[]${extra}}`;

const toolsTemplate = `{"items":[{"slug":"HACKERNEWS_GET_FRONTPAGE","name":"Get front page","description":"d",` +
  `"toolkit":{"slug":"hackernews","name":"Hacker News"},"input_parameters":{"type":"object","properties":{"limit":{"type":"integer","examples":"@@"}}},` +
  `"output_parameters":{"type":"object","properties":{}},"tags":[],"version":"1"}],"next_cursor":null}`;

const create = {
  method: 'POST',
  path: () => SESSIONS,
  call: c => c.create('user_memory', { toolkits: ['hackernews'] }),
  check: r => `sessionId ${r.sessionId}`,
};

export const SHAPES = {
  // create: a huge member the reader never reads
  'unknown-zeros': { ...create, template: s => sessionTemplate(s, '', ',"junk":"@@"'), kind: 'zeros' },
  'unknown-objects': { ...create, template: s => sessionTemplate(s, '', ',"junk":"@@"'), kind: 'objects' },
  'unknown-wide': { ...create, template: s => sessionTemplate(s, '', ',"junk":"@@"'), kind: 'wide' },
  'unknown-string': { ...create, template: s => sessionTemplate(s, '', ',"junk":"@@"'), kind: 'string' },
  // create: inside `config`, which the session returns as received
  'config-zeros': { ...create, template: s => sessionTemplate(s, ',"junk":"@@"', ''), kind: 'zeros' },
  'config-empties': { ...create, template: s => sessionTemplate(s, ',"junk":"@@"', ''), kind: 'empties' },
  'config-strings': { ...create, template: s => sessionTemplate(s, ',"junk":"@@"', ''), kind: 'strings' },
  'config-deep': { ...create, template: s => sessionTemplate(s, ',"junk":"@@"', ''), kind: 'deep' },
  'preload-zeros': { ...create, template: s => sessionTemplate(s, '', '').replace('"tools":[]', '"tools":[],"junk":"@@"'), kind: 'zeros' },
  'warnings-objects': { ...create, template: s => sessionTemplate(s, '', '').replace('"warnings":[]', '"warnings":"@@"'), kind: 'objects' },
  // a tools page: inside a tool's input schema, which the reader rewrites
  'schema-zeros': {
    method: 'GET',
    path: s => `${SESSIONS}/${s.sessionId}/tools`,
    template: () => toolsTemplate,
    kind: 'zeros',
    call: (c, s) => s.tools(),
    check: r => `${r.length} tool(s)`,
  },
  'schema-objects': {
    method: 'GET',
    path: s => `${SESSIONS}/${s.sessionId}/tools`,
    template: () => toolsTemplate,
    kind: 'objects',
    call: (c, s) => s.tools(),
    check: r => `${r.length} tool(s)`,
  },
};

/** The answer for `shape`, about `size` bytes (never more). */
export function hostileBody(shape, size, session) {
  const spec = SHAPES[shape];
  return fill(spec.template(session), spec.kind, size);
}
