// @ts-check
// TypeScript text for `generate`: JSON schemas as types, and the declaration file that augments
// composio-wasm's `ComposioGeneratedTypes` interface (pkg/index.d.ts) with literal unions of the
// toolkit, tool and trigger slugs and, with --type-tools, each tool's argument and result types.

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** @param {string} key */
const propKey = key => (IDENT.test(key) ? key : JSON.stringify(key));

/** A JSDoc comment (or nothing), safe for any description text. @param {unknown} text @param {string} pad */
function doc(text, pad) {
  if (typeof text !== 'string' || !text.trim()) return '';
  const lines = text.trim().replace(/\*\//g, '*\\/').split(/\r?\n/);
  if (lines.length === 1) return `${pad}/** ${lines[0]} */\n`;
  return `${pad}/**\n${lines.map(l => `${pad} * ${l}`.trimEnd()).join('\n')}\n${pad} */\n`;
}

/** @param {string[]} parts */
function union(parts) {
  const unique = [...new Set(parts)];
  if (unique.includes('unknown')) return 'unknown';
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

/** @param {string} t */
const paren = t => (/[|&]/.test(t) && !/^\{[\s\S]*\}$/.test(t) ? `(${t})` : t);

/**
 * A JSON schema as a TypeScript type. Objects without `additionalProperties` are closed (no
 * index signature), so a misspelt field in an object literal is an error; `additionalProperties:
 * true` (or a schema) adds an index signature.
 * @param {any} s
 * @param {string} [indent]
 * @param {number} [depth]
 * @returns {string}
 */
export function schemaToTs(s, indent = '', depth = 0) {
  if (!s || typeof s !== 'object' || depth > 10) return 'unknown';
  let t = baseType(s, indent, depth);
  if (s.nullable === true && t !== 'unknown' && !/\bnull\b/.test(t)) t = `${t} | null`;
  return t;
}

/**
 * @param {any} s
 * @param {string} indent
 * @param {number} depth
 */
function baseType(s, indent, depth) {
  if (Array.isArray(s.enum)) return union(s.enum.map((/** @type {unknown} */ v) => JSON.stringify(v)));
  if ('const' in s) return JSON.stringify(s.const);
  const alts = s.anyOf ?? s.oneOf;
  if (Array.isArray(alts) && alts.length) return union(alts.map((/** @type {any} */ a) => schemaToTs(a, indent, depth + 1)));
  if (Array.isArray(s.allOf) && s.allOf.length) return s.allOf.map((/** @type {any} */ a) => paren(schemaToTs(a, indent, depth + 1))).join(' & ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
  if (types.length === 0) return 'unknown';
  return union(types.map((/** @type {string} */ type) => oneType(type, s, indent, depth)));
}

/**
 * @param {string} type
 * @param {any} s
 * @param {string} indent
 * @param {number} depth
 */
function oneType(type, s, indent, depth) {
  switch (type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return s.items && typeof s.items === 'object' && !Array.isArray(s.items) ? `Array<${schemaToTs(s.items, indent, depth + 1)}>` : 'unknown[]';
    case 'object':
      return objectType(s, indent, depth);
    default:
      return 'unknown';
  }
}

/**
 * @param {any} s
 * @param {string} indent
 * @param {number} depth
 */
function objectType(s, indent, depth) {
  const props = Object.entries(s.properties ?? {});
  const extra = s.additionalProperties;
  if (props.length === 0) {
    if (extra === false) return 'Record<string, never>';
    if (extra && typeof extra === 'object') return `Record<string, ${schemaToTs(extra, indent, depth + 1)}>`;
    return 'Record<string, unknown>';
  }
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  const inner = `${indent}  `;
  let out = '{\n';
  for (const [name, prop] of props) {
    const type = schemaToTs(prop, inner, depth + 1);
    out += doc(/** @type {any} */ (prop)?.description, inner);
    out += required.has(name) ? `${inner}${propKey(name)}: ${type};\n` : `${inner}${propKey(name)}?: ${type} | undefined;\n`;
  }
  if (extra === true || (extra && typeof extra === 'object')) out += `${inner}[key: string]: unknown;\n`;
  return `${out}${indent}}`;
}

/**
 * The arguments type of a tool: its input schema; a tool without fields takes `{}` only.
 * @param {any} input
 */
export function argsType(input, indent = '') {
  if (!input?.properties || Object.keys(input.properties).length === 0) return 'Record<string, never>';
  return schemaToTs({ ...input, type: 'object' }, indent);
}

/**
 * The `data` type of a tool's result: `outputParameters.properties.data` when the schema has the
 * usual `{ data, error, successful }` envelope, else the whole output schema.
 * @param {any} output
 */
export function resultType(output, indent = '') {
  const data = output?.properties?.data ?? output;
  if (!data || typeof data !== 'object') return 'Record<string, unknown>';
  const t = schemaToTs({ type: 'object', ...data }, indent);
  return t;
}

/** @param {string[]} slugs */
const literalUnion = slugs => (slugs.length === 0 ? 'never' : [...new Set(slugs)].sort().map(s => JSON.stringify(s)).join('\n      | '));

/**
 * The declaration file.
 * @param {{ version: string, toolkits: string[], tools: string[], triggers: string[],
 *   typedTools?: { slug: string, description?: string, input: any, output: any }[], scope: string }} o
 */
export function declarationFile({ version, toolkits, tools, triggers, typedTools, scope }) {
  const lines = [
    `// Generated by \`composio-wasm generate\` (composio-wasm ${version}) for ${scope}.`,
    '// Regenerate when the catalogue changes; do not edit. Keep this file inside your tsconfig "include":',
    "// it makes wrong toolkit, tool and trigger slugs (and, with --type-tools, wrong tool arguments)",
    "// compile errors in composio-wasm's session.execute, composio.tools.execute and composio.tools.get.",
    '',
    'export {};',
    '',
    "declare module 'composio-wasm' {",
    '  interface ComposioGeneratedTypes {',
    `    toolkitSlugs:\n      | ${literalUnion(toolkits)};`,
    `    toolSlugs:\n      | ${literalUnion(tools)};`,
    `    triggerSlugs:\n      | ${literalUnion(triggers)};`,
  ];
  if (typedTools) {
    const sorted = [...typedTools].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    lines.push('    toolArgs: {');
    for (const t of sorted) lines.push(`${doc(t.description, '      ')}      ${propKey(t.slug)}: ${argsType(t.input, '      ')};`);
    lines.push('    };');
    lines.push('    toolResults: {');
    for (const t of sorted) lines.push(`      ${propKey(t.slug)}: ${resultType(t.output, '      ')};`);
    lines.push('    };');
  }
  lines.push('  }', '}', '');
  return lines.join('\n').replace(/\n\n\n+/g, '\n\n');
}
