// @ts-check
// Stand-ins for the functions of @composio/core this package leaves out (left-out.js says why
// and what to use instead): importing them works, calling one throws ComposioNotSupportedError
// with that text.

import { leftOut } from './error-catalog.js';
import { leftOutList } from './left-out.js';

/** @param {string} name */
function standIn(name) {
  const entry = leftOutList.find(e => e.name === name && e.kind === 'export');
  return leftOut(name, entry ? `${entry.reason} ${entry.alternative}` : '');
}

export const jsonSchemaToZodSchema = standIn('jsonSchemaToZodSchema');
export const experimental_createTool = standIn('experimental_createTool');
export const experimental_createToolkit = standIn('experimental_createToolkit');
