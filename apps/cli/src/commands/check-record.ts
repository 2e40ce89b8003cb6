import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { recordCheckRun } from '@zhenggai/app';
import type { CheckResult } from '@zhenggai/checks';
import { CliError, type CliCommand } from '../command.ts';
import { cliActor, DATA_OPTIONS, rootUnitId, withDatabase } from '../database-options.ts';

export const checkRecordCommand: CliCommand = {
  name: 'check record',
  summary: '把比对结果(check --out 目录)登记为各村的核实任务  Record a run as verification tasks',
  usage: 'zhenggai check record OUT_DIR [--unit ID] [--pack poverty] [--json] [--data DIR] [--as USER]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...DATA_OPTIONS,
        unit: { type: 'string' },
        pack: { type: 'string', default: 'poverty' },
        json: { type: 'boolean', default: false },
      },
    });
    const dir = positionals[0];
    if (!dir || !existsSync(join(dir, 'run.json')) || !existsSync(join(dir, 'hits.jsonl'))) {
      throw new CliError(`找不到比对结果：目录中应有 run.json 和 hits.jsonl。用法：${this.usage}`, 2);
    }
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as Pick<
      CheckResult,
      'asOf' | 'rules'
    >;
    const hits = readFileSync(join(dir, 'hits.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as CheckResult['hits'][number]);
    const summary = await withDatabase(values.data, async ({ database }) => {
      const actor = await cliActor(database, values.as);
      const ownerUnitId = values.unit ? Number(values.unit) : await rootUnitId(database);
      return recordCheckRun(database.db, actor, { ownerUnitId, pack: values.pack, result: { ...run, hits } });
    });
    if (values.json) io.stdout(JSON.stringify(summary));
    else {
      io.stdout(`已登记比对批次 ${summary.runId}：${summary.hits} 条疑点分派到各单位核实`);
      if (summary.unassignedVillages.length) {
        io.stdout(`提示：以下村在单位树中找不到，疑点暂由本级核实：${summary.unassignedVillages.join('、')}`);
      }
    }
    return 0;
  },
};
