import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EvidenceStore, type Actor } from '@zhenggai/app';
import type { Role } from '@zhenggai/core';
import { buildServer, type App } from '../src/index.ts';
import { freshDatabase, type Backend, type TestDatabase } from '../../../test/databases.ts';
import {
  buildInspection,
  buildProblemWithMeasure,
  buildUser,
  buildWorld,
  TEST_PASSWORD,
} from '../../../test/builders.ts';

// A real server on a real database with two townships: everything of township A is built by
// the county office; township B has its own inspection, clerk and even its own office.

export interface Harness {
  app: App;
  database: TestDatabase;
  tokens: Record<string, string>;
  ids: {
    county: number;
    townA: number;
    townB: number;
    villageA: number;
    inspectionA: number;
    problemA: number;
    measureA: number;
    inspectionB: number;
    measureB: number;
  };
  close(): Promise<void>;
}

export const PEOPLE: { name: string; role: Role; unit: 'county' | 'townA' | 'townB' | 'villageA' }[] = [
  { name: 'admin', role: 'admin', unit: 'county' },
  { name: 'office', role: 'office', unit: 'county' },
  { name: 'reviewer', role: 'reviewer', unit: 'county' },
  { name: 'discipline', role: 'discipline', unit: 'county' },
  { name: 'leaderA', role: 'leader', unit: 'townA' },
  { name: 'clerkA', role: 'clerk', unit: 'townA' },
  { name: 'clerkVillageA', role: 'clerk', unit: 'villageA' },
  { name: 'officeB', role: 'office', unit: 'townB' },
  { name: 'reviewerB', role: 'reviewer', unit: 'townB' },
  { name: 'leaderB', role: 'leader', unit: 'townB' },
  { name: 'clerkB', role: 'clerk', unit: 'townB' },
  { name: 'disciplineB', role: 'discipline', unit: 'townB' },
  { name: 'viewerB', role: 'viewer', unit: 'townB' },
];

export async function startHarness(backend: Backend, maxEvidenceBytes = 1024 * 1024): Promise<Harness> {
  const database = await freshDatabase(backend);
  const evidenceDir = mkdtempSync(join(tmpdir(), 'zg-evidence-'));
  const world = await buildWorld(database.db);
  const units = {
    county: world.county,
    townA: world.townA.id,
    townB: world.townB.id,
    villageA: world.villageA.id,
  };
  const actors: Record<string, Actor> = { admin: world.admin };
  for (const p of PEOPLE.slice(1))
    actors[p.name] = await buildUser(database.db, world.admin, p.role, units[p.unit]);
  const inspectionA = await buildInspection(database.db, actors.office!, {
    ownerUnitId: world.county,
    inspectedUnitId: world.townA.id,
    name: '甲镇巡察',
  });
  const a = await buildProblemWithMeasure(database.db, actors.office!, inspectionA.id, {
    unitId: world.townA.id,
  });
  const inspectionB = await buildInspection(database.db, actors.officeB!, {
    ownerUnitId: world.townB.id,
    inspectedUnitId: world.townB.id,
    name: '乙镇自查',
  });
  const b = await buildProblemWithMeasure(database.db, actors.officeB!, inspectionB.id, {
    unitId: world.townB.id,
  });

  const app = await buildServer(
    { database, evidence: new EvidenceStore(evidenceDir, maxEvidenceBytes), maxImportBytes: 5 * 1024 * 1024 },
    { serveWeb: false },
  );
  const tokens: Record<string, string> = {};
  for (const [name, actor] of Object.entries(actors)) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: actor.username === 'admin' ? 'admin' : actor.username, password: TEST_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login ${name}: ${res.body}`);
    tokens[name] = res.json().token;
  }
  return {
    app,
    database,
    tokens,
    ids: {
      ...units,
      inspectionA: inspectionA.id,
      problemA: a.problem.id,
      measureA: a.measure.id,
      inspectionB: inspectionB.id,
      measureB: b.measure.id,
    },
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}

export const auth = (token: string | undefined) => ({ authorization: `Bearer ${token}` });

/** A multipart/form-data body for app.inject. */
export function multipart(
  fields: Record<string, string>,
  files: { field: string; name: string; content: Buffer; type?: string }[],
) {
  const boundary = `----zg${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The smallest valid PNG (1×1 pixel). */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
