import { parseArgs } from 'node:util';
import { exportLedgerDraft } from '@zhenggai/app';
import { writeLedger } from '@zhenggai/xlsx';
import { CliError, type CliCommand } from '../command.ts';
import { cliActor, DATA_OPTIONS, withDatabase } from '../database-options.ts';

export const ledgerExportCommand: CliCommand = {
  name: 'ledger export',
  summary: '导出整改台账为 xlsx  Export a ledger',
  usage: 'zhenggai ledger export --inspection ID -o FILE.xlsx [--json] [--data DIR] [--as USER]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        ...DATA_OPTIONS,
        inspection: { type: 'string' },
        output: { type: 'string', short: 'o' },
        json: { type: 'boolean', default: false },
      },
    });
    if (!values.inspection || !values.output) throw new CliError(`缺少参数。用法：${this.usage}`, 2);
    const draft = await withDatabase(values.data, async ({ database }) =>
      exportLedgerDraft(database.db, await cliActor(database, values.as), {
        inspectionId: Number(values.inspection),
      }),
    );
    await writeLedger(draft, { path: values.output }, { title: draft.title ?? undefined });
    const problems = draft.categories.reduce((n, c) => n + c.problems.length, 0);
    const measures = draft.categories.reduce(
      (n, c) => n + c.problems.reduce((k, p) => k + p.measures.length, 0),
      0,
    );
    if (values.json)
      io.stdout(
        JSON.stringify({ file: values.output, categories: draft.categories.length, problems, measures }),
      );
    else
      io.stdout(
        `已导出 ${values.output}：${draft.categories.length} 个类别，${problems} 个问题，${measures} 条措施`,
      );
    return 0;
  },
};
