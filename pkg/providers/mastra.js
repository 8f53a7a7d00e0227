// @ts-check
// `composio-wasm/mastra`: the provider of @composio/mastra. Each tool is a Mastra `createTool()`
// with the official provider's input schema and relaxed output schema (through Mastra's
// schema-compat layer), running through the client (a session's tools through the session).
// Needs the optional peers `@mastra/core` and `@mastra/schema-compat`.

import { createTool } from '@mastra/core/tools';
import { applyCompatLayer } from '@mastra/schema-compat';
import { BaseAgenticProvider, normalizeToolArguments } from '../provider.js';
import { strictParameters } from './strict-schema.js';
import { UNRESOLVED_AS_SENTINEL, dereferenceJsonSchema } from './schema.js';

const SUBSCHEMA_KEYS = ['items', 'additionalItems', 'contains'];
const SUBSCHEMA_LIST_KEYS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];
const SUBSCHEMA_MAP_KEYS = ['properties', 'patternProperties', '$defs', 'definitions'];

/** @param {unknown} v @returns {v is Record<string, any>} */
const isObject = v => typeof v === 'object' && v !== null && !Array.isArray(v);

/** @param {any} type */
function addNullToType(type) {
  if (typeof type === 'string') return type === 'null' ? type : [type, 'null'];
  if (Array.isArray(type)) return type.includes('null') ? type : [...type, 'null'];
  return type;
}

/**
 * The output schema loosened as upstream does (every value may be null, nothing required, extra
 * keys allowed), so a tool's real output never fails Mastra's output validation.
 * @param {any} schema
 * @returns {any}
 */
function relaxOutputSchema(schema) {
  if (!isObject(schema)) return schema;
  const result = { ...schema };
  const type = result.type;
  const isObjectSchema = type === 'object' || (Array.isArray(type) && type.includes('object')) || 'properties' in result || 'patternProperties' in result;
  if ('type' in result) result.type = addNullToType(result.type);
  if ('const' in result) {
    result.enum = [result.const, null];
    delete result.const;
  } else if (Array.isArray(result.enum) && !result.enum.includes(null)) result.enum = [...result.enum, null];
  if ('required' in result) delete result.required;
  if (isObject(result.additionalProperties)) result.additionalProperties = relaxOutputSchema(result.additionalProperties);
  else if (isObjectSchema && (result.additionalProperties === false || result.additionalProperties === undefined)) result.additionalProperties = true;
  for (const key of SUBSCHEMA_KEYS) if (key in result) result[key] = relaxOutputSchema(result[key]);
  for (const key of SUBSCHEMA_LIST_KEYS) if (Array.isArray(result[key])) result[key] = result[key].map(relaxOutputSchema);
  for (const key of SUBSCHEMA_MAP_KEYS) {
    if (isObject(result[key])) result[key] = Object.fromEntries(Object.entries(result[key]).map(([n, sub]) => [n, relaxOutputSchema(sub)]));
  }
  return result;
}

export class MastraProvider extends BaseAgenticProvider {
  name = 'mastra';

  /** @param {{ strict?: boolean }} [options] `strict: true`: structured-outputs input schemas, as in VercelProvider. */
  constructor({ strict = false } = {}) {
    super();
    this.strict = strict;
  }

  /** @param {any[]} data */
  wrapMcpServerResponse(data) {
    /** @type {Record<string, { url: string }>} */
    const out = {};
    for (const item of data) out[item.name] = { url: item.url };
    return out;
  }

  /** @param {any} tool @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTool(tool, executeTool) {
    const { parameters, prepare } = strictParameters(this.strict, tool.inputParameters, tool.inputParameters);
    const inputSchema = applyCompatLayer({ schema: dereferenceJsonSchema(parameters ?? {}, UNRESOLVED_AS_SENTINEL), compatLayers: [], mode: 'jsonSchema' });
    const outputSchema = applyCompatLayer({
      schema: relaxOutputSchema(dereferenceJsonSchema(tool.outputParameters ?? {}, UNRESOLVED_AS_SENTINEL)),
      compatLayers: [],
      mode: 'jsonSchema',
    });
    return createTool({
      id: tool.slug,
      description: tool.description ?? '',
      inputSchema: /** @type {any} */ (inputSchema),
      outputSchema: /** @type {any} */ (outputSchema),
      execute: async (/** @type {any} */ inputData) => {
        const normalized = normalizeToolArguments(inputData, tool.slug);
        return executeTool(tool.slug, prepare(normalized));
      },
    });
  }

  /** @param {any[]} tools @param {(slug: string, input: Record<string, unknown>) => Promise<any>} executeTool */
  wrapTools(tools, executeTool) {
    /** @type {Record<string, any>} */
    const out = {};
    for (const t of tools) out[t.slug] = this.wrapTool(t, executeTool);
    return out;
  }
}
