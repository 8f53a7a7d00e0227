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
export const dereferenceJsonSchema = standIn('dereferenceJsonSchema');
export const toStrictJsonSchema = standIn('toStrictJsonSchema');
export const ensureObjectTypeOnProperties = standIn('ensureObjectTypeOnProperties');
export const deduplicateJsonSchemaRequiredArrays = standIn('deduplicateJsonSchemaRequiredArrays');
export const sanitizeSchemaPropertyKeys = standIn('sanitizeSchemaPropertyKeys');
export const restoreOriginalKeys = standIn('restoreOriginalKeys');
export const mappingHasRenames = standIn('mappingHasRenames');
export const normalizeToolArguments = standIn('normalizeToolArguments');
export const omitNullToolArguments = standIn('omitNullToolArguments');
export const handleToolExecutionError = standIn('handleToolExecutionError');
export const experimental_createTool = standIn('experimental_createTool');
export const experimental_createToolkit = standIn('experimental_createToolkit');
