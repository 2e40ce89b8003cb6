import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from '@zhenggai/app';
import type { Database } from '@zhenggai/db';
import { freshDatabase, type TestDatabase } from '../../../test/databases.ts';
import { buildWorld } from '../../../test/builders.ts';

// A restore reads the backup line by line inside one transaction. On a busy PostgreSQL the
// transaction can take a while to begin; no line may be lost meanwhile (a lost last line used to
// leave the restore waiting forever). A damaged file is refused clearly and writes nothing.

describe('restoring a backup', () => {
  let source: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    source = await freshDatabase('pglite');
    await buildWorld(source.db);
    dir = mkdtempSync(join(tmpdir(), 'zg-backup-slow-'));
    await backup(source, join(dir, 'evidence'), join(dir, 'backup.zgb'));
  });
  afterAll(async () => {
    await source.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every row although the transaction starts 300 ms late', async () => {
    const target = await freshDatabase('pglite');
    try {
      const slow: Database = {
        ...target,
        transaction: async (work) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return target.transaction(work);
        },
      };
      const restored = await restore(slow, join(dir, 'evidence2'), join(dir, 'backup.zgb'));
      expect(restored.tables.units).toBe(4);
      const [units] = await target.query<{ n: number }>('SELECT count(*)::int AS n FROM units');
      expect(units).toEqual({ n: 4 });
    } finally {
      await target.drop();
    }
  }, 30_000);

  it('refuses a folder given as the backup file, clearly and without crashing', async () => {
    const target = await freshDatabase('pglite');
    try {
      await expect(restore(target, join(dir, 'evidence-folder'), dir)).rejects.toThrow('无法读取备份文件');
    } finally {
      await target.drop();
    }
  });

  it('refuses a damaged or cut-off file with a clear message and writes nothing', async () => {
    const whole = readFileSync(join(dir, 'backup.zgb'));
    const damaged = Buffer.from(whole);
    damaged.fill(0x41, 40, 200);
    const cases = {
      'damaged.zgb': damaged,
      'cut.zgb': whole.subarray(0, Math.floor(whole.length / 2)),
      'not-gzip.zgb': Buffer.from('这不是备份文件'),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      writeFileSync(join(dir, name), bytes);
      const target = await freshDatabase('pglite');
      try {
        await expect(restore(target, join(dir, `evidence-${name}`), join(dir, name)), name).rejects.toThrow(
          '备份文件已损坏',
        );
        const [units] = await target.query<{ n: number }>('SELECT count(*)::int AS n FROM units');
        expect(units, name).toEqual({ n: 0 });
      } finally {
        await target.drop();
      }
    }
  });
});
