import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceStore } from '@zhenggai/app';
import { openDatabase } from '@zhenggai/db';
import { buildServer, WEB_DIST } from '../src/index.ts';

// The server hands every page address to the single-page app, but never answers a missing
// script or an unknown API path with HTML. (Needs the built UI: .ci/run builds it first.)
describe.skipIf(!existsSync(join(WEB_DIST, 'index.html')))('serving the web UI', () => {
  it('serves index.html for app routes, 404 for missing files and JSON for unknown APIs', async () => {
    const database = await openDatabase({});
    const app = await buildServer({
      database,
      evidence: new EvidenceStore('/tmp/zg-unused'),
      maxImportBytes: 1,
    });
    const page = await app.inject({ url: '/ledger?status=closed' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect((await app.inject({ url: '/assets/missing-chunk.js' })).statusCode).toBe(404);
    // An unknown API path answers JSON, never the app: 401 to a stranger, who may not learn which paths exist.
    const api = await app.inject({ url: '/api/no-such-route' });
    expect(api.statusCode).toBe(401);
    expect(api.headers['content-type']).toContain('application/json');
    await app.close();
    await database.close();
  });
});
