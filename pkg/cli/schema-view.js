// @ts-check
// A JSON schema as rows a person reads: one row per field (nested fields as a.b, array items
// as a[]), with its type, whether it is required, and its description.

/**
 * A short type name: "string", "integer[]", "object", "\"a\" | \"b\"", "string | null".
 * @param {any} s
 * @returns {string}
 */
export function typeName(s) {
  if (!s || typeof s !== 'object') return 'any';
  if (Array.isArray(s.enum)) return s.enum.map((/** @type {unknown} */ v) => JSON.stringify(v)).join(' | ');
  if ('const' in s) return JSON.stringify(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts)) return alts.map(typeName).join(' | ');
  let t = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (t === 'array') t = `${typeName(s.items)}[]`.replace(/^(.* \| .*)\[\]$/, '($1)[]');
  if (!t) t = s.properties ? 'object' : 'any';
  return s.nullable ? `${t} | null` : t;
}

/**
 * @param {any} schema
 * @returns {{ path: string, type: string, required: boolean, description: string }[]}
 */
export function schemaRows(schema, prefix = '', depth = 0) {
  /** @type {{ path: string, type: string, required: boolean, description: string }[]} */
  const rows = [];
  if (!schema || typeof schema !== 'object' || depth > 4) return rows;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    const p = /** @type {any} */ (prop);
    const extra = [p.default !== undefined ? `default: ${JSON.stringify(p.default)}` : '', p.examples?.length ? `e.g. ${JSON.stringify(p.examples[0])}` : '']
      .filter(Boolean)
      .join('; ');
    rows.push({ path, type: typeName(p), required: required.has(name), description: `${p.description ?? ''}${extra ? ` (${extra})` : ''}`.trim() });
    if (p?.type === 'object' && p.properties) rows.push(...schemaRows(p, path, depth + 1));
    if (p?.type === 'array' && p.items?.properties) rows.push(...schemaRows(p.items, `${path}[]`, depth + 1));
  }
  return rows;
}
