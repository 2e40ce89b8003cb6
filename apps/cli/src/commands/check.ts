// `zhenggai check`: import rosters, run a rule pack (and/or rule files), write the hits.
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import {
  loadMapping,
  RosterImportError,
  RuleFileError,
  runCheck,
  summaryJson,
  type RosterInput,
} from '@zhenggai/checks';
import { CliError, type CliCommand, type CliIO } from '../command.ts';

const ROSTER_NAME = /^[a-z0-9][a-z0-9_-]*$/;

function pairs(list: string[] | undefined, flag: string): [string, string][] {
  return (list ?? []).map((s) => {
    const i = s.indexOf('=');
    const name = s.slice(0, i);
    if (i <= 0 || i === s.length - 1 || !ROSTER_NAME.test(name)) {
      throw new CliError(
        `参数错误：${flag} 应写成 名单名=文件，名单名只用小写字母、数字、_ 和 -（收到“${s}”）`,
        2,
      );
    }
    return [name, s.slice(i + 1)];
  });
}

function progressBar(io: CliIO): ((step: string, done: number, total: number) => void) | undefined {
  // Progress goes to stderr, and only on a terminal: pipes and --json stay clean.
  if (!io.isTTY) return undefined;
  return (step, done, total) => {
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    io.stderr(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${step}\u001b[K${done === total ? '\n' : ''}`,
    );
  };
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: '名单比对：导入名单，按规则找出错项、漏项、缺项和逻辑问题  Cross-check rosters against rules',
  usage:
    'zhenggai check --pack poverty --roster households=FILE [--roster vehicles=FILE …] [--rules FILE.yaml] ' +
    '[--mapping NAME=FILE.json] [--as-of YYYY-MM-DD] [--engine duckdb|postgres] [--data DIR] --out DIR ' +
    '[--json] [--unmask] [--split-by-village]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        pack: { type: 'string' },
        roster: { type: 'string', multiple: true },
        rules: { type: 'string', multiple: true },
        mapping: { type: 'string', multiple: true },
        'as-of': { type: 'string' },
        engine: { type: 'string', default: 'duckdb' },
        data: { type: 'string', default: './data' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        unmask: { type: 'boolean', default: false },
        'split-by-village': { type: 'boolean', default: false },
      },
    });
    if (!values.out) throw new CliError('参数错误：需要 --out 输出目录', 2);
    if (!values.pack && !values.rules?.length)
      throw new CliError('参数错误：需要 --pack 规则包或 --rules 规则文件', 2);
    const engine = values.engine;
    if (engine !== 'duckdb' && engine !== 'postgres')
      throw new CliError(`参数错误：--engine 只能是 duckdb 或 postgres（收到“${engine}”）`, 2);
    const asOf = values['as-of'];
    if (
      asOf !== undefined &&
      (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)))
    ) {
      throw new CliError(`参数错误：--as-of 应为 YYYY-MM-DD 格式的日期（收到“${asOf}”）`, 2);
    }
    if (engine === 'postgres' && !process.env.DATABASE_URL)
      throw new CliError('使用 --engine postgres 需要设置环境变量 DATABASE_URL', 2);
    const rosterPairs = pairs(values.roster, '--roster');
    if (rosterPairs.length === 0) throw new CliError('参数错误：至少需要一个 --roster 名单名=文件', 2);
    const seen = new Set<string>();
    for (const [name] of rosterPairs) {
      if (seen.has(name)) throw new CliError(`参数错误：名单“${name}”给了两次`, 2);
      seen.add(name);
    }
    const mappings = new Map<string, RosterInput['mapping']>();
    for (const [name, file] of pairs(values.mapping, '--mapping')) {
      try {
        mappings.set(name, loadMapping(resolve(file)).columns);
      } catch (e) {
        throw new CliError(`列映射文件无法读取：${(e as Error).message}`, 2);
      }
    }
    const rosters: RosterInput[] = rosterPairs.map(([name, file]) => {
      const mapping = mappings.get(name);
      return { name, file: resolve(file), ...(mapping ? { mapping } : {}) };
    });

    let result;
    try {
      const onProgress = progressBar(io);
      result = await runCheck({
        ...(values.pack ? { pack: values.pack } : {}),
        rulesFiles: (values.rules ?? []).map((f) => resolve(f)),
        rosters,
        ...(asOf ? { asOf } : {}),
        engine,
        dataDir: join(resolve(values.data), 'checks'),
        outDir: resolve(values.out),
        unmask: values.unmask,
        splitByVillage: values['split-by-village'],
        keepHits: false,
        ...(onProgress ? { onProgress } : {}),
      });
    } catch (e) {
      if (e instanceof RuleFileError) throw new CliError(`规则文件有错误：\n${e.message}`, 2);
      if (e instanceof RosterImportError) throw new CliError(e.message, 3);
      const msg = (e as Error).message ?? String(e);
      if (/规则包/.test(msg)) throw new CliError(msg, 2);
      throw new CliError(`比对失败：${msg}`, 1);
    }

    if (values.json) {
      io.stdout(JSON.stringify(summaryJson(result)));
      return 0;
    }
    for (const r of result.rosters) {
      io.stdout(
        `名单 ${r.name}：导入 ${r.rows} 行，拒收 ${r.rejected} 行（${r.encoding}，SHA-256 ${r.sha256.slice(0, 12)}…）`,
      );
      for (const w of r.warnings) io.stdout(`  注意：${w}`);
      for (const x of r.rejections.slice(0, 5)) io.stdout(`  第 ${x.line} 行：${x.reason}`);
    }
    for (const r of result.rules) {
      io.stdout(
        r.skipped
          ? `规则 ${r.id}（${r.class}）：跳过，${r.skipped}`
          : `规则 ${r.id}（${r.class}）：${r.hits} 条`,
      );
    }
    io.stdout(
      `结果已写入 ${resolve(values.out)}${values.unmask ? '（身份证号未脱敏）' : '（身份证号已脱敏）'}`,
    );
    return 0;
  },
};
