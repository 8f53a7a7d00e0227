// @ts-check
// JSON Schema transforms the official providers apply before handing a tool to a framework
// (ports of @composio/core 0.19.0's `dereferenceJsonSchema`, `ensureObjectTypeOnProperties`,
// `sanitizeSchemaPropertyKeys` / `restoreOriginalKeys`), so our providers emit the same schemas.

import { JsonSchemaRefResolutionError } from '../error-catalog.js';

export { deduplicateRequired } from '../provider.js';
export { JsonSchemaRefResolutionError };

export const MAX_NODE_DEPTH = 512;
export const MAX_REF_CHAIN_DEPTH = 100;
const CYCLE_BREAK_SENTINEL = { type: 'object', additionalProperties: true };
/** The options the official providers dereference tool schemas with (the API ships dangling refs). */
export const UNRESOLVED_AS_SENTINEL = /** @type {const} */ ({ onUnresolved: 'sentinel' });
const UNRESOLVED_REF_DESCRIPTION =
  'Schema shape unresolved at the source — validate loosely. See https://github.com/ComposioHQ/composio/issues/3307.';
const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const REF_RESOLUTION_FIXES = [
  'Ensure the $ref pointer matches a path in $defs or definitions',
  'External $ref pointers (http://, https://, file://, …) are not resolved by the SDK',
];
export const SCHEMA_KEYWORDS = new Set([
  'additionalItems',
  'additionalProperties',
  'contains',
  'contentSchema',
  'else',
  'if',
  'not',
  'propertyNames',
  'then',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
export const SCHEMA_ARRAY_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
export const SCHEMA_MAP_KEYWORDS = new Set(['$defs', 'definitions', 'dependentSchemas', 'patternProperties', 'properties']);

/** @param {unknown} v @returns {v is Record<string, any>} */
const isObject = v => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `#/…` pointer lookup in `root`: `{ value }` when it resolves, otherwise why not
 * (`malformed-pointer`, or `missing-target` with the segment that failed).
 * @param {any} root @param {string} pointer
 * @returns {{ value: any, reason?: undefined } | { value?: undefined, reason: 'malformed-pointer' | 'missing-target', failedAt?: string }}
 */
export function lookupPointer(root, pointer) {
  if (pointer === '#' || pointer === '') return { value: root };
  if (!pointer.startsWith('#/')) return { reason: 'malformed-pointer' };
  let cursor = root;
  for (const raw of pointer.slice(2).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const missing = { reason: /** @type {const} */ ('missing-target'), failedAt: seg };
    if (cursor === null || typeof cursor !== 'object') return missing;
    if (Array.isArray(cursor)) {
      const i = Number(seg);
      if (!Number.isInteger(i) || i < 0 || i >= cursor.length) return missing;
      cursor = cursor[i];
    } else {
      if (!Object.prototype.hasOwnProperty.call(cursor, seg)) return missing;
      cursor = cursor[seg];
    }
  }
  return { value: cursor };
}

/**
 * `#/…` pointer lookup in `root`; `undefined` when it does not resolve.
 * @param {any} root @param {string} pointer @returns {{ value: any } | undefined}
 */
export function resolvePointer(root, pointer) {
  const found = lookupPointer(root, pointer);
  return found.reason === undefined ? found : undefined;
}

/** @param {string} ref @param {{ reason: string, failedAt?: string }} result @returns {never} */
function throwResolutionError(ref, result) {
  if (result.reason === 'malformed-pointer') {
    throw new JsonSchemaRefResolutionError(`Unsupported $ref pointer: ${ref}`, { meta: { ref }, possibleFixes: REF_RESOLUTION_FIXES });
  }
  throw new JsonSchemaRefResolutionError(`Cannot resolve $ref ${ref}`, {
    meta: { ref, ...(result.failedAt !== undefined ? { failedAt: result.failedAt } : {}) },
    possibleFixes: REF_RESOLUTION_FIXES,
  });
}

/**
 * @typedef {{ onUnresolved?: 'throw' | 'sentinel',
 *   onReplace?: (ref: string, reason: 'malformed-pointer' | 'missing-target') => void }} DereferenceJsonSchemaOptions
 */

/**
 * A copy of `schema` with local `$ref`s inlined and `$defs`/`definitions` dropped (official
 * `dereferenceJsonSchema`): cycles become a permissive object; an unresolved pointer throws
 * JsonSchemaRefResolutionError, or with `onUnresolved: 'sentinel'` becomes a permissive object
 * (after `onReplace(ref, reason)`). External refs are left as they are (upstream also logs a
 * warning; composio-wasm logs nothing).
 * @param {any} schema
 * @param {DereferenceJsonSchemaOptions} [options]
 * @returns {any}
 */
export function dereferenceJsonSchema(schema, options) {
  if (!isObject(schema)) return schema;
  const strategy = options?.onUnresolved ?? 'throw';
  const onReplace = options?.onReplace;
  const root = schema;
  const visiting = new WeakSet();
  /** @param {Record<string, any>} obj @param {Set<string>} refs @param {number} chain @param {number} depth */
  const cloneChildren = (obj, refs, chain, depth) =>
    Object.fromEntries(
      Object.entries(obj)
        .filter(([k]) => !POLLUTING_KEYS.has(k))
        .map(([k, v]) => [k, walk(v, refs, chain, depth + 1)])
    );
  /** @param {any} node @param {Set<string>} refs @param {number} chain @param {number} depth @returns {any} */
  function walk(node, refs, chain, depth) {
    if (depth >= MAX_NODE_DEPTH) throw new JsonSchemaRefResolutionError(`JSON Schema node depth exceeded cap (${MAX_NODE_DEPTH})`, { possibleFixes: REF_RESOLUTION_FIXES });
    if (Array.isArray(node)) {
      if (visiting.has(node)) return { ...CYCLE_BREAK_SENTINEL };
      visiting.add(node);
      try {
        return node.map(item => walk(item, refs, chain, depth + 1));
      } finally {
        visiting.delete(node);
      }
    }
    if (!isObject(node)) return node;
    if (visiting.has(node)) return { ...CYCLE_BREAK_SENTINEL };
    visiting.add(node);
    try {
      const ref = typeof node.$ref === 'string' ? node.$ref : null;
      if (ref === null || !ref.startsWith('#')) return cloneChildren(node, refs, chain, depth);
      if (chain >= MAX_REF_CHAIN_DEPTH) {
        throw new JsonSchemaRefResolutionError(`JSON Schema $ref chain exceeded depth cap (${MAX_REF_CHAIN_DEPTH}): ${ref}`, {
          meta: { ref },
          possibleFixes: REF_RESOLUTION_FIXES,
        });
      }
      if (refs.has(ref)) return { ...CYCLE_BREAK_SENTINEL };
      const found = lookupPointer(root, ref);
      let target = found.value;
      if (found.reason !== undefined) {
        if (strategy !== 'sentinel') throwResolutionError(ref, found);
        onReplace?.(ref, found.reason);
        target = { ...CYCLE_BREAK_SENTINEL, description: UNRESOLVED_REF_DESCRIPTION };
      }
      const resolved = walk(target, new Set(refs).add(ref), chain + 1, depth + 1);
      const siblings = { ...node };
      delete siblings.$ref;
      if (Object.keys(siblings).length === 0 || !isObject(resolved)) return resolved;
      return { ...resolved, ...cloneChildren(siblings, refs, chain, depth) };
    } finally {
      visiting.delete(node);
    }
  }
  const out = walk(root, new Set(), 0, 0);
  if (isObject(out)) {
    delete out.$defs;
    delete out.definitions;
  }
  return out;
}

/**
 * Adds `type: 'object'` to every subschema that has `properties` but no `type` (Gemini needs it).
 * @param {any} schema
 * @returns {any}
 */
export function ensureObjectTypeOnProperties(schema) {
  /** @param {any} value @param {string} mode @param {number} depth @returns {any} */
  function walk(value, mode, depth) {
    if (depth > MAX_NODE_DEPTH) throw new RangeError(`JSON Schema exceeds maximum nesting depth of ${MAX_NODE_DEPTH}`);
    if (Array.isArray(value)) return value.map(item => walk(item, mode === 'schema-array' ? 'schema' : 'value', depth + 1));
    if (!isObject(value)) return value;
    /** @type {Record<string, any>} */
    const clone = {};
    for (const [key, child] of Object.entries(value)) {
      let childMode = 'value';
      if (mode === 'schema-map') childMode = 'schema';
      else if (mode === 'dependencies-map') childMode = Array.isArray(child) ? 'value' : 'schema';
      else if (mode === 'schema') {
        if (SCHEMA_MAP_KEYWORDS.has(key)) childMode = 'schema-map';
        else if (SCHEMA_ARRAY_KEYWORDS.has(key) || (key === 'items' && Array.isArray(child))) childMode = 'schema-array';
        else if (SCHEMA_KEYWORDS.has(key) || key === 'items') childMode = 'schema';
        else if (key === 'dependencies') childMode = 'dependencies-map';
      }
      Object.defineProperty(clone, key, { value: walk(child, childMode, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    if (mode === 'schema' && clone.properties !== undefined && clone.type === undefined) clone.type = 'object';
    return clone;
  }
  return walk(schema, 'schema', 0);
}

// ---- property-key sanitizing (Anthropic accepts keys matching ^[a-zA-Z0-9_.-]{1,64}$ only) ----

/**
 * @typedef {{ renames: Record<string, string>, children: Record<string, KeyMapping>,
 *   items?: KeyMapping | (KeyMapping | null)[], restItems?: KeyMapping }} KeyMapping
 * @typedef {{ isValidKey(name: string): boolean, aliasKey(name: string, taken: Set<string>): string }} KeyPolicy
 */

/** @param {KeyMapping} m */
export const mappingHasRenames = m =>
  Object.keys(m.renames).length > 0 || Object.keys(m.children).length > 0 || m.items != null || m.restItems != null;

/** @param {any} value @param {KeyPolicy} policy @param {number} depth @returns {{ node: any, mapping: KeyMapping | null }} */
function sanitizeSubschema(value, policy, depth) {
  if (!isObject(value)) return { node: value, mapping: null };
  const { node, mapping } = sanitizeNode(value, policy, depth + 1);
  return { node, mapping: mappingHasRenames(mapping) ? mapping : null };
}

/** @param {any[]} entries @param {KeyPolicy} policy @param {number} depth */
function sanitizeTuple(entries, policy, depth) {
  const nodes = [];
  const mappings = [];
  let any = false;
  for (const entry of entries) {
    const { node, mapping } = sanitizeSubschema(entry, policy, depth);
    nodes.push(node);
    mappings.push(mapping);
    if (mapping) any = true;
  }
  return { nodes, mappings: any ? mappings : undefined };
}

/** @param {KeyMapping} target @param {KeyMapping} source */
function mergeMappingInto(target, source) {
  for (const [alias, original] of Object.entries(source.renames)) if (!(alias in target.renames)) target.renames[alias] = original;
  for (const [key, child] of Object.entries(source.children)) {
    const existing = target.children[key];
    if (existing) mergeMappingInto(existing, child);
    else target.children[key] = child;
  }
  if (target.items === undefined && source.items !== undefined) {
    target.items = source.items;
    if (source.restItems !== undefined) target.restItems = source.restItems;
  }
}

/** @param {Record<string, any>} node @param {KeyPolicy} policy @param {number} depth @returns {{ node: any, mapping: KeyMapping }} */
function sanitizeNode(node, policy, depth) {
  if (depth >= MAX_NODE_DEPTH) throw new Error(`Tool schema nesting exceeded the maximum supported depth (${MAX_NODE_DEPTH})`);
  /** @type {Record<string, any>} */
  const result = { ...node };
  /** @type {KeyMapping} */
  const mapping = { renames: Object.create(null), children: Object.create(null) };
  if (isObject(node.properties)) {
    const props = Object.create(null);
    /** @type {Record<string, string>} */
    const renamed = Object.create(null);
    const taken = new Set(Object.keys(node.properties).filter(k => policy.isValidKey(k)));
    for (const [key, raw] of Object.entries(node.properties)) {
      const safe = policy.isValidKey(key) ? key : policy.aliasKey(key, taken);
      taken.add(safe);
      const { node: child, mapping: childMapping } = sanitizeSubschema(raw, policy, depth);
      props[safe] = child;
      if (childMapping) mapping.children[safe] = childMapping;
      if (safe !== key) {
        mapping.renames[safe] = key;
        renamed[key] = safe;
      }
    }
    result.properties = props;
    if (Array.isArray(node.required)) {
      result.required = node.required.map((/** @type {any} */ n) => (typeof n === 'string' && renamed[n] ? renamed[n] : n));
    }
  }
  let positional;
  let uniform;
  if (isObject(node.items)) {
    const { node: child, mapping: childMapping } = sanitizeSubschema(node.items, policy, depth);
    result.items = child;
    if (childMapping) uniform = childMapping;
  } else if (Array.isArray(node.items)) {
    const { nodes, mappings } = sanitizeTuple(node.items, policy, depth);
    result.items = nodes;
    positional = mappings;
  }
  if (Array.isArray(node.prefixItems)) {
    const { nodes, mappings } = sanitizeTuple(node.prefixItems, policy, depth);
    result.prefixItems = nodes;
    if (positional === undefined) positional = mappings;
  }
  if (positional) {
    mapping.items = positional;
    if (uniform && Array.isArray(node.prefixItems)) mapping.restItems = uniform;
  } else if (uniform) mapping.items = uniform;
  for (const keyword of ['not', 'if', 'then', 'else']) {
    if (isObject(node[keyword])) {
      const { node: child, mapping: childMapping } = sanitizeSubschema(node[keyword], policy, depth);
      result[keyword] = child;
      if (childMapping) mergeMappingInto(mapping, childMapping);
    }
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(node[keyword])) {
      result[keyword] = node[keyword].map((/** @type {any} */ entry) => {
        const { node: child, mapping: childMapping } = sanitizeSubschema(entry, policy, depth);
        if (childMapping) mergeMappingInto(mapping, childMapping);
        return child;
      });
    }
  }
  for (const keyword of ['additionalProperties', 'contains']) {
    if (isObject(node[keyword])) result[keyword] = sanitizeSubschema(node[keyword], policy, depth).node;
  }
  for (const keyword of ['patternProperties', '$defs', 'definitions']) {
    if (isObject(node[keyword])) {
      const out = Object.create(null);
      for (const [k, v] of Object.entries(node[keyword])) out[k] = sanitizeSubschema(v, policy, depth).node;
      result[keyword] = out;
    }
  }
  return { node: result, mapping };
}

/** @param {any} schema @param {KeyPolicy} policy */
export function sanitizeSchemaPropertyKeys(schema, policy) {
  const { node, mapping } = sanitizeNode(schema, policy, 0);
  return { schema: node, mapping };
}

/**
 * Model arguments with the sanitized keys mapped back to the tool's own names.
 * @param {any} value @param {KeyMapping} mapping @param {number} [depth] @returns {any}
 */
export function restoreOriginalKeys(value, mapping, depth = 0) {
  if (depth >= MAX_NODE_DEPTH) throw new Error(`Tool arguments nesting exceeded the maximum supported depth (${MAX_NODE_DEPTH})`);
  if (Array.isArray(value)) {
    const { items, restItems } = mapping;
    if (Array.isArray(items)) {
      return value.map((item, i) => {
        const m = i < items.length ? items[i] : restItems;
        return m ? restoreOriginalKeys(item, m, depth + 1) : item;
      });
    }
    if (items) return value.map(item => restoreOriginalKeys(item, items, depth + 1));
    return value;
  }
  if (isObject(value)) {
    const restored = Object.create(null);
    for (const [key, val] of Object.entries(value)) {
      const originalKey = mapping.renames[key] ?? key;
      const child = mapping.children[key];
      restored[originalKey] = child ? restoreOriginalKeys(val, child, depth + 1) : val;
    }
    return restored;
  }
  return value;
}
