// Inline custom tools and toolkits (spec A6.3): the checks the backend makes beyond their shape,
// and the resolved form echoed back (final `LOCAL_…` slugs next to the original ones).

import { findToolkit } from './catalog.mjs';
import { invalidPayload } from './http.mjs';

const SLUG = /^[A-Za-z0-9_-]+$/;
const MAX_FINAL_SLUG = 60;

function checkSlug(slug, path) {
  if (!SLUG.test(slug)) invalidPayload([`Error in ${path}: slug may only contain letters, digits, "_" and "-"`]);
  if (/^(LOCAL_|COMPOSIO_)/i.test(slug)) invalidPayload([`Error in ${path}: slug must not start with LOCAL_ or COMPOSIO_`]);
}

function checkSchema(schema, path) {
  const props = schema.properties;
  if (schema.type !== 'object' || props === null || typeof props !== 'object' || Array.isArray(props)) {
    invalidPayload([`Error in ${path}: input_schema must have type "object" and a properties object`]);
  }
}

const finalSlug = (slug, toolkit) => `LOCAL_${toolkit ? `${toolkit.toUpperCase()}_` : ''}${slug.toUpperCase()}`;

function resolveTool(tool, toolkitSlug, path, seen) {
  checkSlug(tool.slug, `${path}.slug`);
  checkSchema(tool.input_schema, `${path}.input_schema`);
  const slug = finalSlug(tool.slug, toolkitSlug);
  if (slug.length > MAX_FINAL_SLUG) invalidPayload([`Error in ${path}.slug: final slug ${slug} is longer than ${MAX_FINAL_SLUG} characters`]);
  if (seen.has(slug)) invalidPayload([`Error in ${path}.slug: duplicate custom tool slug ${slug}`]);
  seen.add(slug);
  return {
    slug,
    original_slug: tool.slug,
    name: tool.name,
    description: tool.description,
    input_schema: tool.input_schema,
    ...(tool.output_schema ? { output_schema: tool.output_schema } : {}),
    ...(tool.preload !== undefined ? { preload: tool.preload } : {}),
  };
}

/**
 * Resolves an `experimental` block's custom tools against the catalogue. Returns the members to
 * echo (`custom_tools`, `custom_toolkits`), each present only when sent. Throws the backend's 400
 * for a bad slug, a schema that is not an object schema, an unknown `extends_toolkit`, or a custom
 * toolkit named like a Composio toolkit.
 */
export function resolveCustoms(catalog, experimental, root = 'payload.experimental') {
  const out = {};
  const seen = new Set();
  if (experimental?.custom_tools) {
    out.custom_tools = experimental.custom_tools.map((tool, i) => {
      const path = `${root}.custom_tools.${i}`;
      let toolkit;
      if (tool.extends_toolkit !== undefined) {
        toolkit = findToolkit(catalog, tool.extends_toolkit);
        if (!toolkit) invalidPayload([`Error in ${path}.extends_toolkit: unknown toolkit ${tool.extends_toolkit}`]);
      }
      const resolved = resolveTool(tool, toolkit?.slug, path, seen);
      return toolkit ? { ...resolved, extends_toolkit: toolkit.slug } : resolved;
    });
  }
  if (experimental?.custom_toolkits) {
    out.custom_toolkits = experimental.custom_toolkits.map((tk, i) => {
      const path = `${root}.custom_toolkits.${i}`;
      checkSlug(tk.slug, `${path}.slug`);
      if (findToolkit(catalog, tk.slug)) invalidPayload([`Error in ${path}.slug: ${tk.slug} is a Composio toolkit`]);
      return {
        slug: tk.slug,
        name: tk.name,
        description: tk.description,
        tools: tk.tools.map((tool, j) => resolveTool(tool, tk.slug, `${path}.tools.${j}`, seen)),
      };
    });
  }
  return out;
}

/** Every resolved custom tool in a block, with the toolkit it belongs to (if any). */
export function customToolList(resolved) {
  return [
    ...(resolved.custom_tools ?? []).map(t => ({ ...t, toolkit: t.extends_toolkit })),
    ...(resolved.custom_toolkits ?? []).flatMap(tk => tk.tools.map(t => ({ ...t, toolkit: tk.slug }))),
  ];
}
