// @ts-check
// The JSON-schema helpers of @composio/core that need neither zod nor the official tool
// pipeline. The others are left out (left-out.js says why and what to use instead).

/**
 * Keeps only the required properties of an object schema (when it lists any) and closes it
 * (`additionalProperties: false`). Changes `schema` in place and returns it, as upstream.
 * @template {Record<string, any>} T
 * @param {T} schema
 * @returns {T}
 */
export function removeNonRequiredProperties(schema) {
  if (schema && schema.type === 'object' && schema.required?.length) {
    /** @type {any} */ (schema).properties = Object.fromEntries(Object.entries(schema.properties || {}).filter(([key]) => schema.required.includes(key)));
  }
  /** @type {any} */ (schema).additionalProperties = false;
  return schema;
}
