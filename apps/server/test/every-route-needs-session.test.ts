import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auth, startHarness, type Harness } from './harness.ts';

// Every route the server publishes, read from its own OpenAPI document, refuses a caller
// without a session — except the few that are public on purpose — before it looks at the
// request: an empty body gets 401, not a validation message. Unknown API paths answer the same.

const PUBLIC = [
  /^GET \/api\/health$/,
  /^POST \/api\/session$/,
  /^DELETE \/api\/session$/,
  /^GET \/api\/docs/,
  /^(GET|POST) \/api\/public\//,
];

describe('routes without a session', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('pglite');
  }, 120_000);
  afterAll(() => h.close());

  it('answer 401 on every non-public route, before the request is even validated', async () => {
    const doc = (await h.app.inject({ url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(routes.length).toBeGreaterThan(60);
    const open: string[] = [];
    for (const { method, path } of routes) {
      const route = `${method} ${path}`;
      if (PUBLIC.some((p) => p.test(route))) continue;
      const url = path.replace(/\{[^}]+\}/g, '1');
      const res = await h.app.inject({
        method: method as 'GET',
        url,
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
      });
      if (res.statusCode !== 401 || res.json().error.code !== 'UNAUTHENTICATED')
        open.push(`${route} → ${res.statusCode}`);
    }
    expect(open).toEqual([]);
    expect((await h.app.inject({ url: '/api/no-such-route' })).statusCode).toBe(401);
    const signedIn = await h.app.inject({ url: '/api/no-such-route', headers: auth(h.tokens.office) });
    expect([signedIn.statusCode, signedIn.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await h.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });
});
