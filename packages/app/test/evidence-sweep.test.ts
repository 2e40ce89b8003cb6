import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProgress, EvidenceStore, sweepOrphanEvidence, type Actor } from '@zhenggai/app';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildInspection, buildProblemWithMeasure, buildUser, buildWorld } from '../../../test/builders.ts';

// Files of a refused upload stay in the store with no record pointing at them; the daily sweep
// removes them once they are a day old, and never touches a file that is recorded.

const DAY = 24 * 3_600_000;
const png = (tail: string) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tail)]);

describe.each(BACKENDS)('sweeping orphan evidence on %s', (backend) => {
  let database: TestDatabase;
  let clerk: Actor;
  let measureId: number;
  let dir: string;
  let store: EvidenceStore;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    const world = await buildWorld(database.db);
    const office = await buildUser(database.db, world.admin, 'office', world.county);
    clerk = await buildUser(database.db, world.admin, 'clerk', world.townA.id);
    const inspection = await buildInspection(database.db, office, {
      ownerUnitId: world.county,
      inspectedUnitId: world.townA.id,
    });
    measureId = (
      await buildProblemWithMeasure(database.db, office, inspection.id, { unitId: world.townA.id })
    ).measure.id;
    dir = mkdtempSync(join(tmpdir(), 'zg-sweep-'));
    store = new EvidenceStore(dir);
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const age = (path: string, ms: number) => {
    const then = new Date(Date.now() - ms);
    utimesSync(path, then, then);
  };

  it('removes day-old files of a refused upload, keeps recorded and recent ones', async () => {
    const recorded = await store.put(Readable.from([png('recorded')]));
    await addProgress(database.db, clerk, measureId, {
      text: '已报送',
      evidence: [{ ...recorded, fileName: '照片.png' }],
    });
    // The same kind of upload, refused after its file was stored: the progress text is empty.
    const refused = await store.put(Readable.from([png('refused')]));
    await expect(
      addProgress(database.db, clerk, measureId, {
        text: ' ',
        evidence: [{ ...refused, fileName: 'x.png' }],
      }),
    ).rejects.toThrow('进展内容不能为空');
    const recent = await store.put(Readable.from([png('recent')]));
    writeFileSync(join(dir, 'tmp', 'half-written'), 'partial');
    writeFileSync(join(dir, 'tmp', 'in-flight'), 'partial');
    for (const path of [
      store.pathOf(recorded.sha256),
      store.pathOf(refused.sha256),
      join(dir, 'tmp', 'half-written'),
    ])
      age(path, 2 * DAY);

    expect(await sweepOrphanEvidence(database.db, store)).toEqual({ removed: 1, temporary: 1 });
    expect(existsSync(store.pathOf(refused.sha256))).toBe(false);
    expect(existsSync(store.pathOf(recorded.sha256))).toBe(true);
    expect(existsSync(store.pathOf(recent.sha256))).toBe(true);
    expect(existsSync(join(dir, 'tmp', 'in-flight'))).toBe(true);
    // A second pass finds nothing more; a day later the recent orphan goes too.
    expect(await sweepOrphanEvidence(database.db, store)).toEqual({ removed: 0, temporary: 0 });
    expect(await sweepOrphanEvidence(database.db, store, Date.now() + 2 * DAY)).toEqual({
      removed: 1,
      temporary: 1,
    });
    expect(existsSync(store.pathOf(recorded.sha256))).toBe(true);
  });

  it('does nothing on a store that has never received a file', async () => {
    const empty = new EvidenceStore(join(dir, 'never-used'));
    expect(await sweepOrphanEvidence(database.db, empty)).toEqual({ removed: 0, temporary: 0 });
  });
});
