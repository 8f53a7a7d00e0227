// HTTP plumbing shared by the emulator's routes: the backend's error body, CORS, routing.

/** `e` as an HttpError; anything else is an emulator bug: logged, answered as a 500. */
export function asHttpError(e) {
  if (e instanceof HttpError) return e;
  console.error('emulator: internal error', e);
  return new HttpError(500, 'Internal server error');
}

/** An error answered with the backend's error body shape (spec A2.2). */
export class HttpError extends Error {
  constructor(status, message, { code, slug, errors, suggestedFix, headers } = {}) {
    super(message);
    this.status = status;
    this.code = code ?? 10000 + status;
    this.slug = slug ?? `HTTP_${STATUS_SLUGS[status] ?? 'Error'}`;
    this.errors = errors;
    this.suggestedFix = suggestedFix;
    this.headers = headers ?? {};
  }

  body(requestId) {
    return {
      error: {
        message: this.message,
        code: this.code,
        slug: this.slug,
        status: this.status,
        ...(this.errors ? { errors: this.errors } : {}),
        request_id: requestId,
        ...(this.suggestedFix ? { suggested_fix: this.suggestedFix } : {}),
      },
    };
  }
}

const STATUS_SLUGS = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

/** The 400 the backend sends for a body that does not match the schema. */
export function invalidPayload(errors) {
  throw new HttpError(400, 'Validation error while processing request', { code: 10400, errors });
}

/** Checks a request body with a schema.mjs checker; any problem is the backend's 400. */
export function checkBody(check, body) {
  const problems = check(body, 'payload');
  if (problems.length) invalidPayload(problems.map(([p, m]) => `Error in ${p}: ${m}`));
  return body;
}

export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
  'access-control-expose-headers': 'x-request-id, retry-after, retry-after-ms, x-should-retry',
  'access-control-max-age': '600',
};

/** Compiles `[method, '/a/:id/b', handler]` routes into a matcher. */
export function router(routes) {
  const compiled = routes.map(([method, pattern, handler]) => {
    const names = [];
    const source = pattern.replace(/:([a-z_]+)/g, (_, name) => {
      names.push(name);
      return '([^/]+)';
    });
    return { method, regex: new RegExp(`^${source}$`), names, handler };
  });
  return (method, path) => {
    let pathMatched = false;
    for (const r of compiled) {
      const m = r.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (r.method !== method) continue;
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      return { handler: r.handler, params };
    }
    return { pathMatched };
  };
}
