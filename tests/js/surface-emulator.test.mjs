// The emulator's MCP-server and project-file routes on their own: strict request shapes, the
// backend's error bodies, and state across resources (auth configs of the project only, deleted
// servers gone, the S3-like PUT checked against the requested MD5).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { useEmulator } from './helpers.mjs';

const ctx = useEmulator();
const KEY = 'ak_surface_emulator';

async function call(method, path, body, key = KEY) {
  const res = await fetch(ctx.emulator.url + path, {
    method,
    headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

test('MCP servers: strict bodies, project-scoped auth configs, 404 after delete', async () => {
  const unknown = await call('POST', '/api/v3.1/mcp/servers/custom', { name: 's', toolkit: ['gmail'] });
  assert.equal(unknown.status, 400);
  assert.deepEqual(unknown.body.error.errors, ['Error in payload.toolkit: Unrecognized key']);
  assert.equal((await call('POST', '/api/v3.1/mcp/servers/custom', { toolkits: [] })).body.error.errors[0], 'Error in payload.name: Required');

  // An auth config of another project is not found here.
  const other = await call('POST', '/api/v3.1/tool_router/session', { user_id: 'u' }, 'ak_other');
  await call('POST', `/api/v3.1/tool_router/session/${other.body.session_id}/link`, { toolkit: 'gmail' }, 'ak_other');
  const foreign = (await call('GET', '/api/v3.1/auth_configs', undefined, 'ak_other')).body.items[0].id;
  const refused = await call('POST', '/api/v3.1/mcp/servers/custom', { name: 's', toolkits: ['gmail'], auth_config_ids: [foreign] });
  assert.equal(refused.status, 400);
  assert.deepEqual(refused.body.error.errors, [`Error in payload.auth_config_ids.0: Auth config '${foreign}' not found`]);

  const created = await call('POST', '/api/v3.1/mcp/servers/custom', { name: 'kept', toolkits: ['GMAIL'] });
  assert.equal(created.status, 200);
  assert.deepEqual(Object.keys(created.body), ['id', 'allowed_tools', 'auth_config_ids', 'commands', 'mcp_url', 'name']);
  assert.equal((await call('GET', `/api/v3.1/mcp/${created.body.id}`, undefined, 'ak_other')).status, 404, 'another project does not see it');
  const got = await call('GET', `/api/v3.1/mcp/${created.body.id}`);
  assert.deepEqual(got.body.toolkits, ['gmail']);
  assert.equal((await call('PATCH', `/api/v3.1/mcp/${created.body.id}`, { toolkits: ['nope'] })).status, 400);
  const gen = await call('POST', '/api/v3.1/mcp/servers/generate', { mcp_server_id: created.body.id, user_ids: ['a b'] });
  assert.equal(gen.body.user_ids_url[0], `${got.body.mcp_url}/mcp?user_id=a%20b`);
  assert.equal((await call('GET', `/api/v3.1/mcp/${created.body.id}`)).body.server_instance_count, 1);
  assert.deepEqual((await call('DELETE', `/api/v3.1/mcp/${created.body.id}`)).body, { id: created.body.id, deleted: true });
  for (const [method, path, body] of [
    ['GET', `/api/v3.1/mcp/${created.body.id}`],
    ['POST', '/api/v3.1/mcp/servers/generate', { mcp_server_id: created.body.id }],
  ]) {
    const gone = await call(method, path, body);
    assert.equal(gone.status, 404);
    assert.equal(gone.body.error.message, `MCP server ${created.body.id} not found`);
  }
  assert.equal((await call('GET', '/api/v3.1/mcp/servers?page_no=0')).status, 400);
  assert.equal((await call('GET', '/api/v3.1/mcp/servers?page=1')).status, 400);
});

test('project files: strict request, MD5-checked PUT, the object served after it', async () => {
  const body = { filename: 'a.txt', mimetype: 'text/plain', md5: createHash('md5').update('hello').digest('hex'), tool_slug: 'GMAIL_SEND_EMAIL', toolkit_slug: 'gmail' };
  assert.equal((await call('POST', '/api/v3.1/files/upload/request', { ...body, md5: 'x'.repeat(32) })).status, 400);
  assert.equal((await call('POST', '/api/v3.1/files/upload/request', { ...body, tool_slug: 'NOPE_TOOL' })).status, 400);
  assert.deepEqual((await call('POST', '/api/v3.1/files/upload/request', { ...body, extra: 1 })).body.error.errors, ['Error in payload.extra: Unrecognized key']);
  const { body: target } = await call('POST', '/api/v3.1/files/upload/request', body);
  assert.equal(target.new_presigned_url, target.newPresignedUrl);
  assert.equal((await fetch(target.new_presigned_url)).status, 404, 'nothing stored before the PUT');
  const bad = await fetch(target.new_presigned_url, { method: 'PUT', body: 'other bytes' });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /<Code>BadDigest<\/Code>/);
  const put = await fetch(target.new_presigned_url, { method: 'PUT', body: 'hello', headers: { 'content-type': 'text/plain' } });
  assert.equal(put.status, 200);
  const get = await fetch(target.new_presigned_url);
  assert.equal(get.headers.get('content-type'), 'text/plain');
  assert.equal(await get.text(), 'hello');
  assert.equal((await fetch(`${ctx.emulator.url}/__s3/s3_unknown`)).status, 403);
});
