// The JSON-schema and tool-argument helpers the root entry exports (dereferenceJsonSchema,
// toStrictJsonSchema, ensureObjectTypeOnProperties, deduplicateJsonSchemaRequiredArrays,
// sanitizeSchemaPropertyKeys, restoreOriginalKeys, mappingHasRenames, normalizeToolArguments,
// omitNullToolArguments, handleToolExecutionError) against @composio/core 0.19.0's: the same calls
// on the emulator catalogue's tool schemas and on edge cases ($ref chains and cycles, nested
// anyOf, keys needing sanitizing, null arguments, caps), with deep-equal results or the same
// error class, message, code, fixes and meta.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as official from '@composio/core';
import { APIError as ClientAPIError } from '@composio/client';
import * as mine from '../../pkg/node.js';
import { TOOLKITS } from '../../emulator/catalog-data.mjs';

const HELPERS = [
  'dereferenceJsonSchema',
  'toStrictJsonSchema',
  'ensureObjectTypeOnProperties',
  'deduplicateJsonSchemaRequiredArrays',
  'sanitizeSchemaPropertyKeys',
  'restoreOriginalKeys',
  'mappingHasRenames',
  'normalizeToolArguments',
  'omitNullToolArguments',
  'handleToolExecutionError',
];

/** What an error carries that a caller can see. */
const errorShape = e =>
  e instanceof Error
    ? {
        class: e.constructor.name,
        name: e.name,
        message: e.message,
        code: e.code,
        statusCode: e.statusCode,
        meta: e.meta,
        possibleFixes: e.possibleFixes,
        cause: e.cause === undefined ? undefined : e.cause instanceof Error ? e.cause.constructor.name : e.cause,
      }
    : { thrown: e };

/** `{ value }` or `{ error }` of one call. */
const outcome = fn => {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: errorShape(e) };
  }
};

/** Calls `name` of both packages with the same arguments; asserts the same outcome; returns both. */
const same = (name, args, label) => {
  const theirs = outcome(() => official[name](...args()));
  const ours = outcome(() => mine[name](...args()));
  assert.deepStrictEqual(ours, theirs, `${name}: ${label}`);
  return { ours, theirs };
};

const catalogue = TOOLKITS.flatMap(t => t.tools).flatMap(tool => [
  [`${tool.slug} input`, tool.input],
  [`${tool.slug} output`, tool.output],
]);

/** `{ properties: { a: { properties: { a: … } } } }`, `depth` levels. */
const nested = depth => {
  let node = { type: 'string' };
  for (let i = 0; i < depth; i++) node = { properties: { a: node } };
  return node;
};

/** `$defs` R0 → R1 → … → R(n-1) → string. */
const refChain = n => {
  const $defs = {};
  for (let i = 0; i < n; i++) $defs[`R${i}`] = i === n - 1 ? { type: 'string' } : { $ref: `#/$defs/R${i + 1}` };
  return { type: 'object', properties: { x: { $ref: '#/$defs/R0' } }, $defs };
};

const selfCycle = () => {
  const node = { type: 'object', properties: {} };
  node.properties.self = node;
  node.properties.list = { type: 'array', items: node };
  return node;
};

const shared = { type: 'string', enum: ['a', 'a'] };

const edgeCases = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'x'],
  ['a number', 1],
  ['an array', [{ $ref: '#/0' }]],
  ['empty', {}],
  ['$ref chain', { type: 'object', properties: { a: { $ref: '#/$defs/A' } }, required: ['a', 'a'], $defs: { A: { $ref: '#/$defs/B' }, B: { $ref: '#/definitions/C' } }, definitions: { C: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n', 'n'] } } }],
  ['$ref with siblings', { type: 'object', properties: { a: { $ref: '#/$defs/A', description: 'mine', default: 'x' } }, $defs: { A: { type: 'string', description: 'theirs' } } }],
  ['recursive $ref (cycle)', { type: 'object', properties: { tree: { $ref: '#/$defs/Node' } }, $defs: { Node: { type: 'object', properties: { value: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } } } } }],
  ['$ref to the root', { type: 'object', properties: { again: { $ref: '#' }, empty: { $ref: '' } } }],
  ['dangling $ref', { type: 'object', properties: { a: { $ref: '#/$defs/Missing' } } }],
  ['$ref through a non-object', { type: 'object', properties: { a: { $ref: '#/properties/b/type/x' }, b: { type: 'string' } } }],
  ['$ref into an array', { type: 'object', properties: { a: { $ref: '#/$defs/L/1' }, b: { $ref: '#/$defs/L/7' } }, $defs: { L: [{ type: 'string' }, { type: 'number' }] } }],
  ['escaped pointer', { type: 'object', properties: { a: { $ref: '#/$defs/a~1b~0c' } }, $defs: { 'a/b~c': { type: 'boolean' } } }],
  ['malformed $ref', { type: 'object', properties: { a: { $ref: '#foo' } } }],
  ['external $ref', { type: 'object', properties: { a: { $ref: 'https://example.com/s.json' } } }],
  ['$ref chain at the cap (100)', refChain(100)],
  ['$ref chain past the cap (101)', refChain(101)],
  ['nesting at 255', nested(255)],
  ['nesting past 512', nested(300)],
  ['object cycle', selfCycle()],
  ['shared subschema', { type: 'object', properties: { a: shared, b: shared, c: { type: 'array', items: shared } }, required: ['a', 'b', 'a'] }],
  ['nested anyOf', { type: 'object', properties: { a: { anyOf: [{ anyOf: [{ type: 'string' }, { properties: { x: { type: 'integer' } }, required: ['x', 'x'] }] }, { oneOf: [{ type: 'null' }, { items: { properties: { y: {} } } }] }] } } }],
  ['no type beside properties', { properties: { a: { properties: { b: { type: 'string' } } }, c: { items: { properties: {} } }, d: { additionalProperties: { properties: {} } } }, dependencies: { a: ['c'], c: { properties: {} } }, patternProperties: { '^x': { properties: {} } } }],
  ['instance values', { type: 'object', properties: { a: { const: { properties: {}, required: ['x', 'x'] }, enum: [{ required: ['y', 'y'] }], default: { properties: {} }, examples: [{ required: ['z', 'z'] }] } }, required: 'a' }],
  ['odd keys', JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"},"constructor":{"type":"number"},"prototype":{"$ref":"#/$defs/P"}},"$defs":{"P":{"type":"boolean"}}}')],
  ['keys needing sanitizing', {
    type: 'object',
    properties: {
      $top: { type: 'integer' },
      '@microsoft.graph.conflictBehavior': { type: 'string' },
      dollar_top: { type: 'string' },
      [`k${'x'.repeat(70)}`]: { type: 'string' },
      'a b': { type: 'object', properties: { 'c d': { type: 'string' }, ok: { type: 'array', items: { type: 'object', properties: { 'e f': { type: 'string' } } } } }, required: ['c d'] },
      tuple: { type: 'array', prefixItems: [{ type: 'object', properties: { 'p q': { type: 'string' } } }, { type: 'string' }], items: { type: 'object', properties: { 'r s': { type: 'string' } } } },
      old: { type: 'array', items: [{ type: 'string' }, { type: 'object', properties: { 't u': { type: 'string' } } }] },
      choice: { anyOf: [{ type: 'object', properties: { 'v w': { type: 'string' } } }, { allOf: [{ properties: { 'x y': { type: 'string' } } }] }], not: { properties: { 'n o': {} } }, if: { properties: { 'i f': {} } } },
      dyn: { type: 'object', additionalProperties: { type: 'object', properties: { 'd y': { type: 'string' } } }, patternProperties: { '^z': { properties: { 'p p': {} } } }, contains: { properties: { 'c c': {} } } },
    },
    required: ['$top', 'a b', 3],
    $defs: { D: { properties: { 'de f': { type: 'string' } } } },
  }],
  ['strict-incompatible', { type: 'object', properties: { a: true, b: { items: [{ type: 'string' }] }, c: { items: false }, d: { allOf: [{}] }, e: { if: {}, then: {}, else: {} }, f: { type: 'object', additionalProperties: true }, g: { type: 'object' } } }],
];

const schemas = [...catalogue, ...edgeCases];

test('the ten helpers are real functions in both packages, not stand-ins', () => {
  for (const name of HELPERS) {
    assert.equal(typeof mine[name], 'function', name);
    assert.equal(typeof official[name], 'function', name);
    assert.ok(!/ComposioNotSupportedError|standIn|leftOut/.test(String(mine[name])), `${name} is not a stand-in`);
  }
});

test('dereferenceJsonSchema: default (throw), sentinel, and sentinel with onReplace', () => {
  assert.ok(catalogue.length > 20);
  let threw = 0;
  for (const [label, schema] of schemas) {
    const { theirs } = same('dereferenceJsonSchema', () => [schema], `${label} (default)`);
    if (theirs.error) threw++;
    same('dereferenceJsonSchema', () => [schema, { onUnresolved: 'sentinel' }], `${label} (sentinel)`);
    same('dereferenceJsonSchema', () => [schema, { onUnresolved: 'throw' }], `${label} (throw)`);
    const calls = { ours: [], theirs: [] };
    const theirs2 = outcome(() => official.dereferenceJsonSchema(schema, { onUnresolved: 'sentinel', onReplace: (...a) => calls.theirs.push(a) }));
    const ours2 = outcome(() => mine.dereferenceJsonSchema(schema, { onUnresolved: 'sentinel', onReplace: (...a) => calls.ours.push(a) }));
    assert.deepStrictEqual(ours2, theirs2, `${label} (onReplace)`);
    assert.deepStrictEqual(calls.ours, calls.theirs, `${label}: onReplace calls`);
  }
  // The cases that throw in the default mode: dangling, through a non-object, out of an array,
  // malformed, the chain past the cap, the nesting past the cap.
  assert.equal(threw, 6);
  const err = outcome(() => mine.dereferenceJsonSchema(edgeCases.find(([l]) => l === 'dangling $ref')[1])).error;
  assert.deepEqual([err.class, err.message, err.meta], ['JsonSchemaRefResolutionError', 'Cannot resolve $ref #/$defs/Missing', { ref: '#/$defs/Missing', failedAt: '$defs' }]);
  assert.ok(mine.dereferenceJsonSchema(null) === null);
});

test('ensureObjectTypeOnProperties and deduplicateJsonSchemaRequiredArrays', () => {
  for (const [label, schema] of schemas) {
    same('ensureObjectTypeOnProperties', () => [schema], label);
    const { ours } = same('deduplicateJsonSchemaRequiredArrays', () => [schema], label);
    if (label === 'object cycle') assert.equal(ours.value.properties.self, ours.value, 'the cycle is kept, not unrolled');
    if (label === 'shared subschema') assert.equal(ours.value.properties.a, ours.value.properties.b, 'a shared node is copied once');
  }
  // Each helper composed on the providers' pipeline (Google's order).
  for (const [label, schema] of catalogue) {
    const pipeline = pkg => pkg.ensureObjectTypeOnProperties(pkg.deduplicateJsonSchemaRequiredArrays(pkg.dereferenceJsonSchema(schema, { onUnresolved: 'sentinel' })));
    assert.deepStrictEqual(pipeline(mine), pipeline(official), label);
  }
});

test('toStrictJsonSchema and omitNullToolArguments, on null arguments', () => {
  let expressible = 0;
  for (const [label, schema] of schemas) {
    const { ours } = same('toStrictJsonSchema', () => [schema], label);
    if (ours.value?.unsupported.length === 0) expressible++;
  }
  assert.ok(expressible > 5, `${expressible} schemas strict-expressible`);
  const withDefs = edgeCases.find(([l]) => l === 'recursive $ref (cycle)')[1];
  const argsCases = [
    [{ recipient_email: 'a@b.c', subject: null, body: 'hi', cc: null, is_html: null }, catalogue[0][1]],
    [{ tree: { value: null, children: [{ value: 'x', children: null }, null] } }, withDefs],
    [{ a: null, extra: null }, { type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'null' }] } } }],
    [{ a: { x: null, y: [null, { z: null }] } }, { type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'object', properties: { x: { type: 'integer' }, y: { type: 'array', items: { oneOf: [{ type: 'null' }, { type: 'object', properties: { z: { enum: ['q'] } } }] } } } }] } } }],
    [{ a: null, b: null, c: null }, { type: 'object', properties: { a: { $ref: '#/$defs/N' }, b: { const: null }, c: {} }, $defs: { N: { type: ['string', 'null'] } } }],
    [JSON.parse('{"__proto__":null,"constructor":{"x":null}}'), { type: 'object', properties: { constructor: { type: 'object', properties: { x: { type: 'string' } } } } }],
    [{ a: 1 }, undefined],
    [[null, 1], { type: 'array', items: { type: 'string' } }],
  ];
  for (const [i, [args, schema]] of argsCases.entries()) {
    same('omitNullToolArguments', () => [args, schema], `args case ${i}`);
    const source = official.toStrictJsonSchema(schema).source;
    same('omitNullToolArguments', () => [args, source], `args case ${i} against the strict source`);
  }
  const deep = outcome(() => mine.omitNullToolArguments(nested(300), {}));
  assert.equal(deep.error.class, 'RangeError');
  same('omitNullToolArguments', () => [nested(300), {}], 'nesting past the cap');
});

test('sanitizeSchemaPropertyKeys, mappingHasRenames and restoreOriginalKeys', () => {
  const VALID = /^[a-zA-Z0-9_.-]{1,64}$/;
  const policy = {
    isValidKey: key => VALID.test(key),
    aliasKey: (key, taken) => {
      const base = (key.replace(/^\$/, 'dollar_').replace(/[^a-zA-Z0-9_.-]/g, '_') || '_').slice(0, 60);
      let alias = base;
      for (let n = 2; taken.has(alias); n++) alias = `${base}_${n}`;
      return alias;
    },
  };
  const objects = schemas.filter(([, s]) => s !== null && typeof s === 'object' && !Array.isArray(s));
  let renamed = 0;
  for (const [label, schema] of objects) {
    const { ours, theirs } = same('sanitizeSchemaPropertyKeys', () => [schema, policy], label);
    if (ours.error) continue;
    same('mappingHasRenames', () => [ours.value.mapping], label);
    assert.equal(mine.mappingHasRenames(ours.value.mapping), official.mappingHasRenames(theirs.value.mapping), label);
    if (mine.mappingHasRenames(ours.value.mapping)) renamed++;
  }
  assert.ok(renamed >= 1, 'the odd keys are renamed');
  for (const bad of [undefined, null]) same('sanitizeSchemaPropertyKeys', () => [bad, policy], String(bad));
  same('sanitizeSchemaPropertyKeys', () => [nested(600), policy], 'nesting past the cap');

  const schema = edgeCases.find(([l]) => l === 'keys needing sanitizing')[1];
  const { mapping } = official.sanitizeSchemaPropertyKeys(schema, policy);
  assert.ok(official.mappingHasRenames(mapping));
  const argsCases = [
    { dollar_top: 5, '_microsoft.graph.conflictBehavior': 'rename', dollar_top_2: 'kept' },
    { a_b: { c_d: 'x', ok: [{ e_f: 1 }, { other: 2 }, null] }, tuple: [{ p_q: 1 }, 'two', { r_s: 3 }, { r_s: 4 }], old: ['s', { t_u: 1 }, { t_u: 2 }] },
    { choice: { v_w: 1, x_y: 2, n_o: 3, i_f: 4 }, dyn: { anything: { d_y: 1 } } },
    { a_b: null, tuple: 'not an array', old: [] },
    JSON.parse('{"__proto__":{"x":1},"a_b":{"__proto__":1}}'),
    'a string',
    [1, 2],
    null,
  ];
  for (const [i, args] of argsCases.entries()) {
    same('restoreOriginalKeys', () => [args, mapping], `args case ${i}`);
  }
  same('restoreOriginalKeys', () => [{ a: 1 }, null], 'null mapping (object)');
  same('restoreOriginalKeys', () => [[1], null], 'null mapping (array)');
  same('restoreOriginalKeys', () => [{ a: 1 }, mapping, 512], 'depth at the cap');
  same('mappingHasRenames', () => [{ renames: {}, children: {} }], 'empty');
  same('mappingHasRenames', () => [{ renames: {}, children: {}, items: null, restItems: undefined }], 'null items');
  same('mappingHasRenames', () => [{ renames: {}, children: {}, items: [] }], 'empty tuple');
});

test('normalizeToolArguments: null, strings, JSON, non-objects, with and without a slug', () => {
  const inputs = [null, undefined, '', '   ', '{"a":1}', ' {"a":null} ', '[1]', '1', '"s"', 'null', 'nope', '{', [], [1], 5, true, { a: 1 }, new Date(0), () => {}];
  for (const input of inputs) {
    for (const slug of [undefined, 'GMAIL_SEND_EMAIL', '']) {
      same('normalizeToolArguments', () => [input, slug], `${typeof input} ${JSON.stringify(input)} / ${slug}`);
    }
  }
  const err = outcome(() => mine.normalizeToolArguments('{', 'T')).error;
  assert.deepEqual([err.class, err.message, err.cause], ['ComposioInvalidToolArgumentsError', "Tool 'T' received arguments as a string that is not valid JSON", 'SyntaxError']);
  const obj = { a: 1 };
  assert.equal(mine.normalizeToolArguments(obj), obj, 'an object is returned as it is');
});

test('handleToolExecutionError: an HTTP error with code 1803, other codes, other errors', () => {
  // The official function recognises @composio/client's APIError; ours, this package's APIError
  // (what its client throws). The same status, body and message go into each.
  const apiErrors = [
    [404, { error: { code: 1803, message: 'Connected account xyz not found' } }],
    [404, { error: { code: 1803 } }],
    [404, { error: { code: 1803, message: '' } }],
    [400, { error: { code: 1500, message: 'Bad input' } }],
    [500, { error: { message: 'no code' } }],
    [500, undefined],
    [400, { message: 'flat body' }],
  ];
  for (const [status, body] of apiErrors) {
    const theirs = official.handleToolExecutionError('GMAIL_SEND_EMAIL', new ClientAPIError(status, body, `${status} message`, new Headers()));
    const ours = mine.handleToolExecutionError('GMAIL_SEND_EMAIL', new mine.APIError(status, body, `${status} message`, new Headers()));
    assert.deepStrictEqual(errorShape(ours), errorShape(theirs), JSON.stringify(body));
    assert.ok(ours instanceof mine.ComposioError);
  }
  const others = [new Error('boom'), new TypeError('bad'), new mine.ComposioToolNotFoundError('nope'), 'a string', undefined, { error: { error: { code: 1803 } } }];
  for (const error of others) {
    const theirs = official.handleToolExecutionError('T', error);
    const ours = mine.handleToolExecutionError('T', error);
    assert.deepStrictEqual(errorShape(ours), errorShape(theirs), String(error));
    assert.equal(ours.cause, error, 'the original is the cause');
  }
  const notFound = mine.handleToolExecutionError('T', new mine.APIError(404, { error: { code: 1803, message: 'gone' } }, 'm', undefined));
  assert.ok(notFound instanceof mine.ComposioConnectedAccountNotFoundError);
  assert.deepEqual([notFound.message, notFound.statusCode], ['gone', 404]);
});
