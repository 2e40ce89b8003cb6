import { parseArgs } from 'node:util';
import { assertAuditIntact, backup, restore } from '@zhenggai/app';
import { CliError, type CliCommand } from '../command.ts';
import { withDatabase } from '../database-options.ts';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: '备份数据库和佐证材料到一个文件  Back up everything to one file',
  usage: 'zhenggai backup -o FILE [--data DIR] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        output: { type: 'string', short: 'o' },
        data: { type: 'string', default: './data' },
        json: { type: 'boolean', default: false },
      },
    });
    if (!values.output) throw new CliError(`缺少 -o FILE。用法：${this.usage}`, 2);
    const summary = await withDatabase(values.data, ({ database, evidence }) =>
      backup(database, evidence.dir, values.output!),
    );
    io.stdout(values.json ? JSON.stringify(summary) : `已备份到 ${values.output}：${describe(summary)}`);
    return 0;
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: '从备份文件恢复到空数据库  Restore a backup into an empty database',
  usage: 'zhenggai restore FILE [--data DIR] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { data: { type: 'string', default: './data' }, json: { type: 'boolean', default: false } },
    });
    const file = positionals[0];
    if (!file) throw new CliError(`缺少备份文件。用法：${this.usage}`, 2);
    const summary = await withDatabase(values.data, async ({ database, evidence }) => {
      const restored = await restore(database, evidence.dir, file);
      await assertAuditIntact(database.db);
      return restored;
    });
    io.stdout(values.json ? JSON.stringify(summary) : `已恢复：${describe(summary)}；审计链校验通过`);
    return 0;
  },
};

function describe(summary: { tables: Record<string, number>; evidenceFiles: number }) {
  const t = summary.tables;
  return `${t.units ?? 0} 个单位，${t.users ?? 0} 个用户，${t.inspections ?? 0} 次巡察，${t.measures ?? 0} 条措施，${t.audit_events ?? 0} 条审计记录，${summary.evidenceFiles} 个佐证文件`;
}
