// The `zhenggai check` command as a user runs it: arguments in, JSON or text out,
// CliError with a Chinese message on failure.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../../apps/cli/src/commands/check.ts';
import { CliError, type CliIO } from '../../../apps/cli/src/command.ts';
import { makeId, tempDir, writeCsv } from './helpers.ts';

function io(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const sink: CliIO = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY };
  return { sink, out, err };
}

describe('zhenggai check', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const A = makeId('110105', '19800101', 1);
  const B = makeId('110105', '19900101', 2);
  const hh = writeCsv(
    t.dir,
    'hh.csv',
    ['户编号', '身份证号', '姓名', '所属村', '家庭人口数'],
    [
      ['H1', A, '甲', '青石村', 2],
      ['H1', B, '乙', '青石村', 2],
      ['H2', '12345', '丙', '柳溪村', 1],
    ],
  );
  const cars = writeCsv(t.dir, 'cars.csv', ['身份证号', '车牌号'], [[B, '晋A1']]);

  it('prints exactly the --json summary', async () => {
    const { sink, out, err } = io();
    const code = await checkCommand.run(
      [
        '--pack',
        'poverty',
        '--roster',
        `households=${hh}`,
        '--roster',
        `vehicles=${cars}`,
        '--as-of',
        '2024-06-30',
        '--data',
        join(t.dir, 'data'),
        '--out',
        join(t.dir, 'out'),
        '--json',
      ],
      sink,
    );
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const json = JSON.parse(out.join('')) as {
      rosters: unknown[];
      rules: { id: string; class: string; hits: number; skipped?: string }[];
    };
    expect(json.rosters).toEqual([
      { name: 'households', rows: 3, rejected: 0 },
      { name: 'vehicles', rows: 1, rejected: 0 },
    ]);
    expect(json.rules.find((r) => r.id === 'invalid-id')).toEqual({
      id: 'invalid-id',
      class: '错项',
      hits: 1,
    });
    expect(json.rules.find((r) => r.id === 'owns-vehicle')).toEqual({
      id: 'owns-vehicle',
      class: '错项',
      hits: 1,
    });
    expect(json.rules.find((r) => r.id === 'deceased')).toEqual({
      id: 'deceased',
      class: '错项',
      hits: 0,
      skipped: '缺少名单：deaths',
    });
    expect(Object.keys(json)).toEqual(['rosters', 'rules']);
  });

  it('shows progress on stderr only on a terminal', async () => {
    const { sink, err, out } = io(true);
    await checkCommand.run(
      [
        '--pack',
        'poverty',
        '--roster',
        `households=${hh}`,
        '--data',
        join(t.dir, 'data'),
        '--out',
        join(t.dir, 'out2'),
      ],
      sink,
    );
    expect(err.join('')).toContain('规则 invalid-id');
    expect(out.join('\n')).toContain('规则 invalid-id（错项）：1 条');
  });

  it('fails clearly on a roster without an ID column', async () => {
    const bad = writeCsv(t.dir, 'bad.csv', ['姓名'], [['甲']]);
    const err = await checkCommand
      .run(
        [
          '--pack',
          'poverty',
          '--roster',
          `households=${bad}`,
          '--data',
          join(t.dir, 'data'),
          '--out',
          join(t.dir, 'o'),
        ],
        io().sink,
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toContain('缺少身份证号列');
    expect((err as CliError).exitCode).toBe(3);
  });

  it('fails clearly on a rule file error, naming file and line', async () => {
    const rules = join(t.dir, 'r.yaml');
    writeFileSync(
      rules,
      'rules:\n  - id: x\n    class: 错项\n    roster: households\n    where: { column: nosuch, empty: true }\n    reason: r\n',
    );
    const err = await checkCommand
      .run(
        [
          '--pack',
          'poverty',
          '--rules',
          rules,
          '--roster',
          `households=${hh}`,
          '--data',
          join(t.dir, 'data'),
          '--out',
          join(t.dir, 'o'),
        ],
        io().sink,
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).message).toContain(`${rules}:5:22: 名单“households”没有声明列“nosuch”`);
  });

  it('rejects bad arguments with exit code 2', async () => {
    for (const args of [
      ['--pack', 'poverty', '--roster', `households=${hh}`],
      ['--pack', 'poverty', '--roster', `Bad Name=${hh}`, '--out', 'x'],
      ['--pack', 'poverty', '--roster', `households=${hh}`, '--out', 'x', '--engine', 'oracle'],
      ['--pack', 'poverty', '--roster', `households=${hh}`, '--out', 'x', '--as-of', '2024/06/30'],
    ]) {
      const err = await checkCommand.run(args, io().sink).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CliError);
      expect((err as CliError).exitCode).toBe(2);
    }
  });
});
