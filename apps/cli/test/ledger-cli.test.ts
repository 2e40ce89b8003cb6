import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLedger } from '@zhenggai/xlsx';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../../test/databases.ts';
import { runCli } from './run-cli.ts';

// The CLI end to end on each backend: init a demo, export a ledger, import it back (dry run,
// then for real), back up, restore into an empty database, verify the audit chain, detect tampering.

describe.each(BACKENDS)('zhenggai CLI on %s', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'zg-cli-'));
  const data = join(dir, 'data');
  let source: TestDatabase | null = null;
  let target: TestDatabase | null = null;
  const env = () => ({ DATABASE_URL: source?.url, ZHENGGAI_ADMIN_PASSWORD: 'cli-test-password' });

  beforeAll(async () => {
    if (backend === 'postgres') {
      source = await freshDatabase('postgres');
      target = await freshDatabase('postgres');
    }
  }, 60_000);
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('initialises a demo workspace once', async () => {
    const first = await runCli(['init', '--demo', '--data', data, '--json'], env());
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: true, password: 'cli-test-password' });
    const again = await runCli(['init', '--demo', '--data', data], env());
    expect(again.stdout).toContain('未做改动');
  });

  it('runs the supervision scheduler once per day, catching up on missed days', async () => {
    const day = new Date().toISOString().slice(0, 10);
    // A file left two days ago by a refused upload: the day's pass sweeps it.
    const orphan = join(data, 'evidence', 'ab', 'ab'.padEnd(64, '0'));
    mkdirSync(join(data, 'evidence', 'ab'), { recursive: true });
    writeFileSync(orphan, 'left behind');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3_600_000);
    utimesSync(orphan, twoDaysAgo, twoDaysAgo);
    const first = await runCli(['scheduler', 'run', '--today', day, '--data', data, '--json'], env());
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result.swept).toEqual({ removed: 1, temporary: 0 });
    expect(existsSync(orphan)).toBe(false);
    expect(result.days).toHaveLength(1);
    // The demo has late measures: each gets its level-1 notice on the first day.
    expect(result.days[0].summary.notices).toBeGreaterThan(0);
    expect(result.mail).toBeNull();
    const again = await runCli(['scheduler', 'run', '--today', day, '--data', data, '--json'], env());
    expect(JSON.parse(again.stdout).days).toEqual([]);
    const bad = await runCli(['scheduler', 'run', '--today', '2026-13-40', '--data', data], env());
    expect(bad.code).toBe(2);
  });

  it('exports a ledger and imports it back to the same ledger', async () => {
    const file = join(dir, 'ledger.xlsx');
    const exported = await runCli(
      ['ledger', 'export', '--inspection', '1', '-o', file, '--data', data, '--json'],
      env(),
    );
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ categories: 2, problems: 3, measures: 6 });

    const dry = await runCli(['ledger', 'import', file, '--dry-run', '--json', '--data', data], env());
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      categories: 2,
      problems: 3,
      measures: 6,
      issues: [],
    });

    const real = await runCli(
      ['ledger', 'import', file, '--json', '--name', '导入副本', '--data', data],
      env(),
    );
    expect(real.code, real.stderr).toBe(0);
    const summary = JSON.parse(real.stdout);
    expect(summary).toMatchObject({ dryRun: false, categories: 2, problems: 3, measures: 6 });

    const again = join(dir, 'again.xlsx');
    expect(
      (
        await runCli(
          ['ledger', 'export', '--inspection', String(summary.inspectionId), '-o', again, '--data', data],
          env(),
        )
      ).code,
    ).toBe(0);
    const a = await readLedger({ path: file });
    const b = await readLedger({ path: again });
    expect(b.ledger.categories).toEqual(a.ledger.categories);
  });

  it('rejects a ledger with unknown units cell by cell and writes nothing', async () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(
      csv,
      '序号,问题,整改措施,责任单位,整改时限,完成情况\n1,台账不规范,补齐台账,不存在的办公室,2025-06-30,未完成\n2,公开不及时,按季度公开,东坪镇民政所,2025-02-30,已完成\n',
    );
    const res = await runCli(['ledger', 'import', csv, '--json', '--data', data], env());
    expect(res.code).toBe(3);
    const summary = JSON.parse(res.stdout);
    expect(summary.issues.length).toBeGreaterThanOrEqual(2);
    expect(summary.issues.map((i: { reason: string }) => i.reason).join()).toContain('不存在的办公室');
    expect(res.stderr).toContain('未写入任何数据');
    expect(summary.inspectionId).toBeNull();
    const list = await runCli(
      ['ledger', 'export', '--inspection', '99', '-o', join(dir, 'none.xlsx'), '--data', data],
      env(),
    );
    expect(list.code).toBe(4);
    expect(list.stderr).toContain('不存在');
  });

  it('fails clearly on files it cannot read', async () => {
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, Buffer.from('PK\u0003\u0004 this is not really a zip'));
    const res = await runCli(['ledger', 'import', broken, '--data', data], env());
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/[\u4e00-\u9fa5]/);
    expect((await runCli(['ledger', 'import', join(dir, 'missing.xlsx'), '--data', data], env())).code).toBe(
      4,
    );
    expect((await runCli(['ledger', 'frobnicate'], env())).code).toBe(2);
  });

  it('backs up, restores into an empty database and verifies the audit chain', async () => {
    // One evidence file, so the backup must carry files as well as rows.
    const { openDatabase } = await import('@zhenggai/db');
    const { addProgress, EvidenceStore, SYSTEM_ACTOR } = await import('@zhenggai/app');
    const { Readable } = await import('node:stream');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const db = await openDatabase({ url: source?.url, dataDir: data });
    const stored = await new EvidenceStore(join(data, 'evidence')).put(Readable.from([png]));
    const office = { ...SYSTEM_ACTOR, grants: [{ role: 'office' as const, unitId: 0, unitPath: '/' }] };
    await addProgress(db.db, office, 2, {
      text: '备份测试进展',
      evidence: [{ ...stored, fileName: '照片.png' }],
    });
    await db.close();

    const file = join(dir, 'backup.zgb');
    const made = await runCli(['backup', '-o', file, '--data', data, '--json'], env());
    expect(made.code, made.stderr).toBe(0);
    const counts = JSON.parse(made.stdout);
    expect(counts.tables.measures).toBe(9 + 6);
    const restoredData = join(dir, 'restored');
    const restoreEnv = { ...env(), DATABASE_URL: target?.url };
    const restored = await runCli(['restore', file, '--data', restoredData, '--json'], restoreEnv);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout).tables).toEqual(counts.tables);
    expect(counts.evidenceFiles).toBe(1);
    expect(
      readFileSync(new EvidenceStore(join(restoredData, 'evidence')).pathOf(stored.sha256)).equals(png),
    ).toBe(true);
    const verify = await runCli(['audit', 'verify', '--data', restoredData, '--json'], restoreEnv);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, events: counts.tables.audit_events });
    const twice = await runCli(['restore', file, '--data', restoredData], restoreEnv);
    expect(twice.code).toBe(6);
    expect(twice.stderr).toContain('不是空的');
  });

  it('detects an edited audit record', async () => {
    const { openDatabase } = await import('@zhenggai/db');
    const database = await openDatabase({ url: source?.url, dataDir: data });
    await database.query(`UPDATE audit_events SET after = '{"status":"closed"}' WHERE id = 5`);
    await database.close();
    const verify = await runCli(['audit', 'verify', '--data', data], env());
    expect(verify.code).toBe(7);
    expect(verify.stderr).toContain('第 5 条');
  });
});
