// @ts-check
// Local validation of tool arguments against the tool's input schema (execute --dry-run, and
// before every execute): the JSON-schema subset tool schemas use — type (and type arrays,
// nullable), required, properties, additionalProperties: false, items, enum, const, anyOf /
// oneOf (one alternative must pass), minimum / maximum, minLength / maxLength, minItems /
// maxItems. Formats and patterns are not checked (the server does).

/**
 * @param {unknown} v
 * @returns {string}
 */
function jsonType(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/**
 * @param {string} want
 * @param {string} got
 */
const typeOk = (want, got) => want === got || (want === 'number' && got === 'integer');

/**
 * The problems of `value` against `schema`, as "path: message" strings (empty: valid).
 * @param {any} schema
 * @param {unknown} value
 * @param {string} [path]
 * @returns {string[]}
 */
export function checkValue(schema, value, path = '(arguments)') {
  if (!schema || typeof schema !== 'object') return [];
  /** @type {string[]} */
  const problems = [];
  const got = jsonType(value);
  const alts = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(alts) && alts.length) {
    const results = alts.map((/** @type {any} */ alt) => checkValue(alt, value, path));
    if (!results.some(r => r.length === 0)) problems.push(`${path}: matches none of ${alts.length} alternatives (${results[0][0] ?? ''})`);
    return problems;
  }
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf) problems.push(...checkValue(s, value, path));
  if (value === null && schema.nullable) return problems;
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length && !types.some((/** @type {string} */ t) => typeOk(t, got))) {
    problems.push(`${path}: expected ${types.join(' or ')}, got ${got}`);
    return problems;
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((/** @type {unknown} */ e) => JSON.stringify(e) === JSON.stringify(value))) {
    problems.push(`${path}: must be one of ${schema.enum.map((/** @type {unknown} */ e) => JSON.stringify(e)).join(', ')}`);
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) problems.push(`${path}: must be ${JSON.stringify(schema.const)}`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${path}: must be >= ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${path}: must be <= ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) problems.push(`${path}: must be at least ${schema.minLength} characters`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) problems.push(`${path}: must be at most ${schema.maxLength} characters`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) problems.push(`${path}: needs at least ${schema.minItems} items`);
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) problems.push(`${path}: takes at most ${schema.maxItems} items`);
    if (schema.items && typeof schema.items === 'object') value.forEach((item, i) => problems.push(...checkValue(schema.items, item, `${path}[${i}]`)));
  }
  if (got === 'object') {
    const obj = /** @type {Record<string, unknown>} */ (value);
    const props = schema.properties ?? {};
    for (const name of new Set(Array.isArray(schema.required) ? schema.required : [])) {
      if (!(name in obj)) problems.push(`${join(path, name)}: is required`);
    }
    for (const [name, v] of Object.entries(obj)) {
      if (name in props) problems.push(...checkValue(props[name], v, join(path, name)));
      else if (schema.additionalProperties === false) problems.push(`${join(path, name)}: is not a field of this tool${closest(name, Object.keys(props))}`);
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') problems.push(...checkValue(schema.additionalProperties, v, join(path, name)));
    }
  }
  return problems;
}

/**
 * @param {string} path
 * @param {string} name
 */
const join = (path, name) => (path === '(arguments)' ? name : `${path}.${name}`);

/**
 * " (did you mean x?)" for a near-miss field name.
 * @param {string} name
 * @param {string[]} known
 */
function closest(name, known) {
  const lower = name.toLowerCase();
  const hit = known.find(k => k.toLowerCase() === lower || k.toLowerCase().replace(/_/g, '') === lower.replace(/_/g, ''));
  return hit ? ` (did you mean ${hit}?)` : '';
}

/**
 * Tool schemas do not always say `additionalProperties: false`, but an unknown top-level field
 * is almost always a typo: the CLI closes the top level unless the schema opens it explicitly.
 * @param {any} schema
 */
export function closeTopLevel(schema) {
  if (!schema || typeof schema !== 'object' || schema.additionalProperties !== undefined || !schema.properties) return schema;
  return { ...schema, additionalProperties: false };
}
