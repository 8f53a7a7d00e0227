// composio.triggers management and live events with the official type names: trigger types,
// instances, the webhook subscription, subscribe/unsubscribe, the constants and error classes.
import {
  Composio,
  ComposioTriggerTypeNotFoundError,
  TriggerStatuses,
  WebhookEventTypes,
  WebhookVersions,
  type IncomingTriggerPayload,
  type TriggerInstanceListActiveResponse,
  type TriggersTypeListResponse,
  type TriggersTypeRetrieveResponse,
  type WebhookSubscription,
} from '@composio/core';

const composio = new Composio({ apiKey: 'ak_test', toolkitVersions: { github: '20250908_00' } });

export async function manage(userId: string, signal: AbortSignal): Promise<void> {
  const types: TriggersTypeListResponse = await composio.triggers.listTypes({ toolkits: ['github'], limit: 10 });
  const first = types.items[0];
  const type: TriggersTypeRetrieveResponse = await composio.triggers.getType(first?.slug ?? 'GITHUB_COMMIT_EVENT', { signal });
  console.log(type.toolkit.slug, type.config, types.nextCursor, types.totalPages);
  const slugs: string[] = await composio.triggers.listEnum();
  console.log(slugs.length);
  try {
    const { triggerId } = await composio.triggers.create(userId, type.slug, { triggerConfig: { owner: 'o', repo: 'r' } });
    await composio.triggers.disable(triggerId);
    await composio.triggers.enable(triggerId);
    const updated = await composio.triggers.update(triggerId, { status: TriggerStatuses.DISABLE });
    console.log(updated.status);
    const active: TriggerInstanceListActiveResponse = await composio.triggers.listActive({ triggerIds: [triggerId], showDisabled: true });
    console.log(active.items.map(t => [t.id, t.triggerName, t.disabledAt, t.connectedAccountId]));
    const deleted = await composio.triggers.delete(triggerId);
    console.log(deleted.triggerId);
  } catch (e) {
    if (e instanceof ComposioTriggerTypeNotFoundError) console.log(e.message);
  }
  const subscription: WebhookSubscription = await composio.triggers.setWebhookSubscription({
    webhookUrl: 'https://example.com/hooks',
    enabledEvents: [WebhookEventTypes.TRIGGER_MESSAGE],
    version: WebhookVersions.V3,
  });
  console.log(subscription.id, subscription.secret, subscription.enabledEvents);
}

export async function live(): Promise<void> {
  await composio.triggers.subscribe(
    (event: IncomingTriggerPayload) => console.log(event.triggerSlug, event.payload, event.metadata.connectedAccount.id),
    { toolkits: ['github'], triggerSlug: ['GITHUB_COMMIT_EVENT'], userId: 'u' },
    error => console.error(error)
  );
  await composio.triggers.unsubscribe();
}
