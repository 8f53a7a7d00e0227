// session.search(): semantic tool search (camelCase response).
import { Composio, type ToolRouterSessionSearchResponse } from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test' });
const session = await composio.create('user_1');

const found: ToolRouterSessionSearchResponse = await session.search({ query: 'send an email' });
const narrowed = await session.search({ query: 'open an issue', toolkits: ['github'] });

if (!found.success) console.error(found.error);
for (const result of found.results) {
  const primary: string[] = result.primaryToolSlugs;
  console.log(result.index, result.useCase, primary, result.relatedToolSlugs, result.toolkits);
  console.log(result.executionGuidance, result.knownPitfalls?.join('\n'), result.planId);
  for (const snippet of result.referenceWorkbenchSnippets ?? []) console.log(snippet.code);
}
for (const [slug, schema] of Object.entries(found.toolSchemas)) {
  console.log(slug, schema.toolSlug, schema.toolkit, schema.hasFullSchema, schema.inputSchema);
  if (schema.schemaRef) console.log(schema.schemaRef.tool, schema.schemaRef.args.toolSlugs);
}
for (const status of narrowed.toolkitConnectionStatuses) {
  const ok: boolean = status.hasActiveConnection;
  console.log(status.toolkit, ok, status.statusMessage);
}
console.log(found.nextStepsGuidance, found.session.id, found.session.generateId, found.session.instructions);
const epoch: number = found.timeInfo.currentTimeUtcEpochSeconds;
console.log(epoch, found.timeInfo.currentTimeUtc);

// @ts-expect-error search takes an object, not a bare query
await session.search('send an email');
// @ts-expect-error `query` is required
await session.search({ toolkits: ['gmail'] });
// @ts-expect-error toolkits is a list
await session.search({ query: 'x', toolkits: 'gmail' });
