// The structured-outputs schema transform our providers use with `strict: true`
// (pkg/providers/strict-schema.js) against @composio/core 0.19.0's `toStrictJsonSchema` and
// `omitNullToolArguments`: the emulator's tool schemas, hand-picked edge cases, and generated
// schemas and arguments (fast-check), each compared deep-equal.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { toStrictJsonSchema as officialStrict, omitNullToolArguments as officialOmit } from '@composio/core';
import { toStrictJsonSchema, omitNullToolArguments } from '../../pkg/providers/strict-schema.js';
import { startEmulator } from '../../emulator/server.mjs';
import { Composio } from '../../pkg/node.js';

const same = (schema, label) => {
  const mine = toStrictJsonSchema(schema);
  const theirs = officialStrict(schema);
  assert.deepEqual(mine, theirs, label);
  assert.equal(mine.source, schema === null || typeof schema !== 'object' || Array.isArray(schema) ? mine.source : schema, `${label}: source is the input`);
  return mine;
};

test('the emulator catalogue: every tool schema gives the same strict schema, changes and verdict', async () => {
  const emulator = await startEmulator({ apiKeys: ['ak_strict'] });
  try {
    const composio = new Composio({ apiKey: 'ak_strict', baseURL: emulator.url });
    const tools = await composio.tools.getRawComposioTools({ toolkits: ['github', 'gmail', 'slack', 'hackernews'] });
    const session = await composio.create('u', { toolkits: ['github'] });
    const all = [...tools, ...(await session.tools({ raw: true }))];
    assert.ok(all.length > 10);
    let strictOk = 0;
    for (const t of all) {
      const r = same(t.inputParameters, t.slug);
      if (r.unsupported.length === 0) strictOk++;
    }
    assert.ok(strictOk > 0 && strictOk < all.length, `${strictOk} of ${all.length} tools expressible in strict mode`);
  } finally {
    await emulator.close();
  }
});

test('edge cases: refs, nullability, unsupported keywords, odd keys, non-object roots', () => {
  const cases = [
    undefined,
    null,
    'x',
    [],
    {},
    { type: 'object' },
    { type: 'array', items: { type: 'string' } },
    { type: ['object', 'null'], properties: { a: { type: 'string' } } },
    { type: 'object', properties: { a: { type: 'string', default: 'x', examples: ['y'] }, b: { oneOf: [{ type: 'string' }, { type: 'number' }] } }, required: ['a', 'a'] },
    { type: 'object', properties: { a: { $ref: '#/$defs/A' }, b: { $ref: '#/$defs/Missing' }, c: { $ref: 'http://x/y' } }, $defs: { A: { type: 'object', properties: { n: { type: ['integer'] } } } } },
    { type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'null' }] }, b: { enum: ['x', null] }, c: { const: null }, d: { description: 'only' }, e: { title: 't', description: 'd', minimum: 1 } } },
    { type: 'object', properties: { a: { type: 'object', additionalProperties: true }, b: { type: 'object', patternProperties: { '^x': {} } }, c: { type: 'object' } } },
    { type: 'object', properties: { a: true, b: { items: [{ type: 'string' }] }, c: { items: false }, d: { allOf: [{}] }, e: { if: {}, then: {}, else: {} } } },
    { type: 'object', properties: { __proto__: { type: 'string' }, constructor: { type: 'number' }, 'a.b': { type: 'string' } } },
    { type: 'object', properties: { a: { oneOf: [{ type: 'string' }], anyOf: [{ type: 'number' }] } }, required: 'a' },
    { properties: { nested: { properties: { deep: { type: 'array', items: { properties: { x: { type: 'string' } } } } } } } },
    { type: 'object', properties: 'nope' },
    { $ref: '#' },
  ];
  for (const [i, schema] of cases.entries()) same(schema, `case ${i}: ${JSON.stringify(schema)}`);
  // More than 50 changes: the list is capped, the count is not.
  const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`p${i}`, { type: 'string' }])) };
  const r = same(wide, 'wide');
  assert.equal(r.changes.length, 50);
  assert.equal(r.totalChanges, 70);
});

test('omitNullToolArguments: nulls the schema does not accept are dropped, at every depth', () => {
  const schema = {
    type: 'object',
    properties: {
      a: { type: 'string' },
      b: { type: ['string', 'null'] },
      o: { type: 'object', properties: { x: { type: 'number' }, y: { anyOf: [{ type: 'string' }, { type: 'null' }] } } },
      list: { type: 'array', items: { $ref: '#/$defs/Item' } },
      either: { anyOf: [{ type: 'string' }, { type: 'object', properties: { z: { type: 'string' } } }] },
    },
    $defs: { Item: { type: 'object', properties: { k: { type: 'string' }, n: { enum: [1, null] } } } },
  };
  const args = { a: null, b: null, extra: null, o: { x: null, y: null }, list: [{ k: null, n: null }, null, 3], either: { z: null } };
  const mine = omitNullToolArguments(args, schema);
  assert.deepEqual(mine, officialOmit(args, schema));
  assert.deepEqual(mine, { b: null, extra: null, o: { y: null }, list: [{ n: null }, null, 3], either: {} });
  assert.deepEqual(args.o, { x: null, y: null }, 'the input is not mutated');
});

// Generated schemas: objects with properties of every kind, refs into $defs, compositions and
// the unsupported keywords, to a few levels.
const name = fc.constantFrom('a', 'b', 'c', 'x_y', 'n', '$top', '__proto__');
const leafType = fc.constantFrom('string', 'number', 'integer', 'boolean', 'null');
const schemaArb = fc.letrec(tie => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: leafType }, { requiredKeys: [] }),
    fc.record({ type: fc.array(leafType, { minLength: 1, maxLength: 3 }) }),
    fc.record({ enum: fc.array(fc.oneof(fc.string(), fc.constant(null)), { minLength: 1, maxLength: 3 }) }),
    fc.record({ $ref: fc.constantFrom('#/$defs/D', '#/$defs/Nope', '#', 'other.json') }),
    tie('object'),
    fc.record({ type: fc.constant('array'), items: fc.oneof(tie('node'), fc.array(tie('node'), { maxLength: 2 }), fc.boolean()) }, { requiredKeys: ['type'] }),
    fc.record({ anyOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ oneOf: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ allOf: fc.array(tie('node'), { maxLength: 2 }), not: tie('node') }, { requiredKeys: [] }),
    fc.record({ description: fc.string(), title: fc.string(), default: fc.jsonValue(), examples: fc.array(fc.jsonValue(), { maxLength: 2 }) }, { requiredKeys: [] }),
    fc.boolean()
  ),
  object: fc.record(
    {
      type: fc.constantFrom('object', ['object'], ['object', 'null']),
      properties: fc.dictionary(name, tie('node'), { maxKeys: 4 }),
      required: fc.array(name, { maxLength: 4 }),
      additionalProperties: fc.oneof(fc.boolean(), tie('node')),
      patternProperties: fc.dictionary(fc.constant('^x'), tie('node'), { maxKeys: 1 }),
    },
    { requiredKeys: [] }
  ),
}));
const rootArb = fc.record(
  { type: fc.constant('object'), properties: fc.dictionary(name, schemaArb.node, { maxKeys: 5 }), required: fc.array(name, { maxLength: 5 }), $defs: fc.record({ D: schemaArb.node }) },
  { requiredKeys: ['type'] }
);

test('generated schemas: the same strict schema, changes and unsupported list as upstream', () => {
  fc.assert(
    fc.property(fc.oneof(rootArb, schemaArb.node), schema => {
      assert.deepEqual(toStrictJsonSchema(schema), officialStrict(schema));
    }),
    { numRuns: 400 }
  );
});

test('generated arguments against generated schemas: the same nulls dropped as upstream', () => {
  const argsArb = fc.dictionary(name, fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 3 })), { maxKeys: 5 });
  fc.assert(
    fc.property(rootArb, argsArb, (schema, args) => {
      const source = toStrictJsonSchema(schema).source;
      assert.deepEqual(omitNullToolArguments(args, source), officialOmit(args, officialStrict(schema).source));
    }),
    { numRuns: 400 }
  );
});
