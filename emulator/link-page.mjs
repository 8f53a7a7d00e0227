// The hosted "connect your account" page a link's `redirect_url` points at. It needs no API key,
// like the real hosted page. Visiting it completes the connection at once (ACTIVE, or the status
// named by `?status=`), so a test can `fetch(redirect_url)` and a demo can open it in a popup.

import { accountByToken, accountWire, setAccountStatus } from './connections.mjs';

const esc = s => String(s).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

const html = (status, title, text) => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body style="font-family:system-ui;margin:3rem auto;max-width:32rem"><h1>${esc(title)}</h1><p>${esc(text)}</p></body></html>`,
});

const json = (status, body) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const pending = account => account.status === 'INITIATED' || account.status === 'INITIALIZING';

/** Where the real flow sends the user afterwards: the callback, with `status=success|failed`. */
function callbackLocation(account) {
  const url = new URL(account.callback_url);
  url.searchParams.set('status', account.status === 'ACTIVE' ? 'success' : 'failed');
  url.searchParams.set('connected_account_id', account.id);
  return url.href;
}

export function visitLink(state, ctx) {
  const account = accountByToken(state, ctx.params.token);
  if (!account) return html(404, 'Link not found', 'This connection link does not exist or was reset.');
  if (pending(account)) setAccountStatus(account, ctx.query.get('status') ?? 'ACTIVE', ctx.query.get('reason') ?? undefined);
  if (account.callback_url) return { status: 302, headers: { location: callbackLocation(account) }, body: '' };
  return account.status === 'ACTIVE'
    ? html(200, `Connected ${account.toolkit}`, `The ${account.toolkit} account of ${account.user_id} is connected (${account.id}). You can close this window.`)
    : html(200, `Connection ${account.status.toLowerCase()}`, account.status_reason ?? account.status);
}

/** POST /link/{token}/complete `{status?, status_reason?}`: the same, answered with the account. */
export function completeLink(state, ctx) {
  const account = accountByToken(state, ctx.params.token);
  if (!account) return json(404, { error: { message: 'Link not found', status: 404 } });
  let body = {};
  try {
    body = ctx.rawBody.length ? JSON.parse(ctx.rawBody.toString('utf8')) : {};
  } catch {
    return json(400, { error: { message: 'Request body is not valid JSON', status: 400 } });
  }
  if (!pending(account)) return json(409, { error: { message: `Connection is already ${account.status}`, status: 409 } });
  setAccountStatus(account, body.status ?? 'ACTIVE', body.status_reason);
  return json(200, accountWire(account));
}

export const linkPageRoutes = [
  ['GET', '/link/:token', visitLink],
  ['POST', '/link/:token/complete', completeLink],
];
