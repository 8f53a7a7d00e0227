// @ts-check
// OpenAI structured-outputs (`strict: true`) schemas, as the official Vercel, Mastra and OpenAI
// Agents providers build them: ports of @composio/core 0.19.0's `toStrictJsonSchema` and
// `omitNullToolArguments`. Every property becomes required and, if it was optional, nullable; a
// `null` the model then sends for it means "omitted" and is dropped before the tool runs.

import { deduplicateRequired } from '../provider.js';
import { MAX_NODE_DEPTH, MAX_REF_CHAIN_DEPTH, SCHEMA_ARRAY_KEYWORDS, SCHEMA_KEYWORDS, SCHEMA_MAP_KEYWORDS, resolvePointer } from './schema.js';

/** @typedef {{ path: string, reason: string, detail: string }} StrictSchemaChange */
/** @typedef {{ path: string, keyword: string, detail: string }} StrictSchemaIncompatibility */
/** @typedef {{ schema: any, source: any, changes: StrictSchemaChange[], totalChanges: number, unsupported: StrictSchemaIncompatibility[] }} StrictJsonSchemaResult */

const MAX_STRICT_CHANGES = 50;
/** Annotation-only keywords structured outputs rejects; safe to strip. */
const STRICT_STRIP_KEYWORDS = new Set(['examples', 'default']);
/** Keywords structured outputs rejects that have no lossless rewrite. */
const STRICT_UNSUPPORTED_KEYWORDS = [
  'allOf',
  'prefixItems',
  'additionalItems',
  'contains',
  'dependencies',
  'dependentSchemas',
  'else',
  'if',
  'not',
  'propertyNames',
  'then',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const INSTANCE_VALUE_KEYWORDS = new Set(['const', 'default', 'enum', 'examples']);

/** @param {unknown} v @returns {v is Record<string, any>} */
const isObject = v => typeof v === 'object' && v !== null && !Array.isArray(v);
/** @param {unknown} type */
const isObjectType = type => type === 'object' || (Array.isArray(type) && type.length === 1 && type[0] === 'object');
/** @param {string} parent @param {string} key */
const joinPath = (parent, key) => (parent ? `${parent}.${key}` : key);

/** An own property whatever its name (`__proto__` included). @param {Record<string, any>} target @param {string} key @param {unknown} value */
function setOwn(target, key, value) {
  Object.defineProperty(target, key, { configurable: true, enumerable: true, value, writable: true });
}

/** A property schema widened to accept `null`, never with `type` beside `anyOf`. @param {Record<string, any>} node */
function widenToNullable(node) {
  if (Array.isArray(node.anyOf)) {
    return node.anyOf.some(branch => isObject(branch) && branch.type === 'null') ? node : { ...node, anyOf: [...node.anyOf, { type: 'null' }] };
  }
  if (typeof node.type === 'string') return node.type === 'null' ? node : { ...node, type: [node.type, 'null'] };
  if (Array.isArray(node.type)) return node.type.includes('null') ? node : { ...node, type: [...node.type, 'null'] };
  if ((Array.isArray(node.enum) && node.enum.includes(null)) || node.const === null) return node;
  const { description, title, ...rest } = node;
  if (Object.keys(rest).length === 0) return node;
  return {
    ...(description !== undefined ? { description } : {}),
    ...(title !== undefined ? { title } : {}),
    anyOf: [rest, { type: 'null' }],
  };
}

/** Follows local `$ref`s to a concrete node (the last one seen when a chain breaks). @param {any} node @param {any} root */
function resolveLocalRefs(node, root) {
  let current = node;
  for (let hops = 0; hops < MAX_REF_CHAIN_DEPTH; hops++) {
    if (!isObject(current) || typeof current.$ref !== 'string') return current;
    const found = resolvePointer(root, current.$ref);
    if (!found) return current;
    current = found.value;
  }
  return current;
}

/** Whether a schema node accepts `null`. @param {any} schema @param {any} root @returns {boolean} */
function schemaAcceptsNull(schema, root) {
  const node = resolveLocalRefs(schema, root);
  if (!isObject(node)) return true;
  if (typeof node.type === 'string') return node.type === 'null';
  if (Array.isArray(node.type)) return node.type.includes('null');
  if (Array.isArray(node.enum)) return node.enum.includes(null);
  if ('const' in node) return node.const === null;
  for (const keyword of ['anyOf', 'oneOf']) {
    const branches = node[keyword];
    if (Array.isArray(branches)) return branches.some(branch => schemaAcceptsNull(branch, root));
  }
  return true;
}

/**
 * A tool's parameter schema normalized for structured outputs at every depth (official
 * `toStrictJsonSchema`); what cannot be expressed is listed in `unsupported` (the providers then
 * keep the non-strict schema). The input is not mutated.
 * @param {any} schema
 * @returns {StrictJsonSchemaResult}
 */
export function toStrictJsonSchema(schema) {
  /** @type {StrictSchemaChange[]} */
  const changes = [];
  /** @type {StrictSchemaIncompatibility[]} */
  const unsupported = [];
  let totalChanges = 0;
  /** @param {StrictSchemaChange} change */
  const recordChange = change => {
    totalChanges += 1;
    if (changes.length < MAX_STRICT_CHANGES) changes.push(change);
  };
  const root = isObject(schema) ? schema : {};

  /** @param {Record<string, any>} node @param {string} mode @param {number} depth @param {string} path */
  function walkChildren(node, mode, depth, path) {
    /** @type {Record<string, any>} */
    const clone = {};
    for (const [key, child] of Object.entries(node)) {
      let childMode = 'value';
      if (mode === 'schema-map') childMode = 'schema';
      else if (mode === 'schema' && !INSTANCE_VALUE_KEYWORDS.has(key)) {
        if (SCHEMA_MAP_KEYWORDS.has(key)) childMode = 'schema-map';
        else if (SCHEMA_ARRAY_KEYWORDS.has(key) || (key === 'items' && Array.isArray(child))) childMode = 'schema-array';
        else if (SCHEMA_KEYWORDS.has(key) || key === 'items') childMode = 'schema';
      }
      if (childMode === 'schema-map' && isObject(child)) {
        /** @type {Record<string, any>} */
        const mapClone = {};
        for (const [name, sub] of Object.entries(child)) setOwn(mapClone, name, walk(sub, 'schema', depth + 1, joinPath(joinPath(path, key), name)));
        setOwn(clone, key, mapClone);
        continue;
      }
      setOwn(clone, key, walk(child, childMode, depth + 1, joinPath(path, key)));
    }
    return clone;
  }

  /** @param {any} value @param {string} mode @param {number} depth @param {string} path @returns {any} */
  function walk(value, mode, depth, path) {
    if (depth > MAX_NODE_DEPTH) throw new RangeError(`JSON Schema exceeds maximum nesting depth of ${MAX_NODE_DEPTH}`);
    if (Array.isArray(value)) {
      const itemMode = mode === 'schema-array' ? 'schema' : 'value';
      return value.map((item, index) => walk(item, itemMode, depth + 1, `${path}[${index}]`));
    }
    if (!isObject(value) || mode === 'value') return value;
    /** @type {Record<string, any>} */
    const node = {};
    for (const [key, child] of Object.entries(value)) {
      if (STRICT_STRIP_KEYWORDS.has(key)) {
        recordChange({ path, reason: 'unsupported-keyword-stripped', detail: `keyword "${key}" removed` });
        continue;
      }
      setOwn(node, key, child);
    }
    if (Array.isArray(node.oneOf) && node.anyOf === undefined) {
      node.anyOf = node.oneOf;
      delete node.oneOf;
      recordChange({ path, reason: 'one-of-converted', detail: 'oneOf became anyOf' });
    }
    for (const keyword of STRICT_UNSUPPORTED_KEYWORDS) {
      if (node[keyword] !== undefined) unsupported.push({ path, keyword, detail: `"${keyword}" has no strict-mode equivalent` });
    }
    if (node.oneOf !== undefined) unsupported.push({ path, keyword: 'oneOf', detail: 'oneOf beside anyOf cannot be merged' });
    if (Array.isArray(node.items)) unsupported.push({ path, keyword: 'items', detail: 'tuple-form items has no strict-mode equivalent' });
    else if (typeof node.items === 'boolean') unsupported.push({ path, keyword: 'items', detail: 'boolean subschema' });
    if (node.properties !== undefined && !isObject(node.properties)) unsupported.push({ path, keyword: 'properties', detail: 'properties is not an object' });
    const out = walkChildren(node, mode, depth, path);
    if (typeof node.$ref === 'string') {
      const local = node.$ref === '#' || node.$ref.startsWith('#/');
      if (!local || !resolvePointer(root, node.$ref)) unsupported.push({ path, keyword: '$ref', detail: `unresolved $ref "${node.$ref}"` });
      return out;
    }
    if (!(out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object'))) && !isObject(out.properties)) return out;
    if (out.properties !== undefined && !isObject(out.properties)) return out;
    /** @type {Record<string, any>} */
    const properties = {};
    if (isObject(out.properties)) for (const [name, sub] of Object.entries(out.properties)) setOwn(properties, name, sub);
    const declaredRequired = new Set(Array.isArray(out.required) ? out.required.filter(entry => typeof entry === 'string') : []);
    for (const [name, sub] of Object.entries(properties)) {
      if (typeof sub === 'boolean') {
        unsupported.push({ path: joinPath(path, `properties.${name}`), keyword: 'properties', detail: 'boolean subschema' });
        continue;
      }
      if (declaredRequired.has(name) || !isObject(sub)) continue;
      setOwn(properties, name, widenToNullable(sub));
      recordChange({ path: joinPath(path, `properties.${name}`), reason: 'optional-property-nullable', detail: `property "${name}" is now required and accepts null` });
    }
    const acceptsDynamicKeys = out.additionalProperties === true || isObject(out.additionalProperties);
    if (acceptsDynamicKeys) unsupported.push({ path, keyword: 'additionalProperties', detail: 'object accepts arbitrary keys' });
    else if (out.patternProperties !== undefined) unsupported.push({ path, keyword: 'patternProperties', detail: 'object accepts pattern-matched keys' });
    else if (Object.keys(properties).length === 0 && out.additionalProperties === undefined) {
      unsupported.push({ path, keyword: 'properties', detail: 'free-form object accepts arbitrary keys' });
    }
    return {
      ...out,
      ...(out.type === undefined ? { type: 'object' } : {}),
      properties,
      required: Object.keys(properties),
      ...(acceptsDynamicKeys ? {} : { additionalProperties: false }),
    };
  }

  const normalized = walk(root, 'schema', 0, '');
  if (!isObject(normalized) || !isObjectType(normalized.type)) unsupported.push({ path: '', keyword: 'type', detail: 'root must be a non-nullable object' });
  return { schema: deduplicateRequired(normalized), source: root, changes, totalChanges, unsupported };
}

/**
 * Drops the `null` arguments the tool's own schema does not accept, at every depth (official
 * `omitNullToolArguments`); a `null` the schema accepts is kept. Returns a new object.
 * @param {Record<string, unknown>} args normalized tool arguments
 * @param {any} schema the schema they were produced for (`toStrictJsonSchema(…).source`)
 * @returns {Record<string, unknown>}
 */
export function omitNullToolArguments(args, schema) {
  const root = isObject(schema) ? schema : {};
  return omitNulls(args, root, root, 0);
}

/**
 * What a provider with a `strict` option hands to its framework: with `enabled` and a schema
 * strict mode can express, the strict schema and a `prepare` that drops the `null`s the model
 * must send for optional fields; otherwise `fallback` and arguments as they are (upstream also
 * logs a warning when it falls back; composio-wasm logs nothing).
 * @param {boolean} enabled @param {any} schema @param {any} fallback
 * @returns {{ parameters: any, strict: boolean, prepare: (args: Record<string, unknown>) => Record<string, unknown> }}
 */
export function strictParameters(enabled, schema, fallback) {
  if (enabled && schema) {
    const strict = toStrictJsonSchema(schema);
    if (strict.unsupported.length === 0) {
      return { parameters: strict.schema, strict: true, prepare: args => omitNullToolArguments(args, strict.source) };
    }
  }
  return { parameters: fallback, strict: false, prepare: args => args };
}

/** The composition branch that describes a value's shape. @param {any} schema @param {unknown} value @param {any} root */
function selectBranchFor(schema, value, root) {
  const resolved = resolveLocalRefs(schema, root);
  if (!isObject(resolved)) return undefined;
  const wanted = Array.isArray(value) ? 'items' : 'properties';
  /** @param {any} node @param {number} depth @returns {Record<string, any> | undefined} */
  const find = (node, depth) => {
    const candidate = resolveLocalRefs(node, root);
    if (!isObject(candidate) || depth > MAX_NODE_DEPTH) return undefined;
    if (candidate[wanted] !== undefined) return candidate;
    for (const keyword of ['anyOf', 'oneOf']) {
      const branches = candidate[keyword];
      if (!Array.isArray(branches)) continue;
      for (const branch of branches) {
        const found = find(branch, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return find(resolved, 0) ?? resolved;
}

/** @param {any} value @param {any} schema @param {any} root @param {number} depth @returns {any} */
function omitNulls(value, schema, root, depth) {
  if (depth > MAX_NODE_DEPTH) throw new RangeError(`Tool arguments exceed maximum nesting depth of ${MAX_NODE_DEPTH}`);
  const node = selectBranchFor(schema, value, root);
  if (Array.isArray(value)) {
    const items = node && isObject(node.items) ? node.items : undefined;
    return value.map(item => omitNulls(item, items, root, depth + 1));
  }
  if (!isObject(value)) return value;
  const properties = node && isObject(node.properties) ? node.properties : {};
  /** @type {Record<string, any>} */
  const clone = {};
  for (const [key, child] of Object.entries(value)) {
    const sub = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
    if (child === null) {
      if (sub === undefined || schemaAcceptsNull(sub, root)) setOwn(clone, key, child);
      continue;
    }
    setOwn(clone, key, omitNulls(child, sub, root, depth + 1));
  }
  return clone;
}
