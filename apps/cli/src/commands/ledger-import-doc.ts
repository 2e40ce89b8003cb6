import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importDocument, ImportRejected } from '@zhenggai/app';
import { parseFile } from '@zhenggai/parser';
import { CliError, type CliCommand } from '../command.ts';
import { cliActor, DATA_OPTIONS, rootUnitId, withDatabase } from '../database-options.ts';

export const ledgerImportDocCommand: CliCommand = {
  name: 'ledger import-doc',
  summary: '从反馈意见或整改报告(.docx/.txt)建立台账  Build a ledger from a document',
  usage:
    'zhenggai ledger import-doc FILE [--inspection ID] [--unit ID] [--dry-run] [--json] [--data DIR] [--as USER]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...DATA_OPTIONS,
        inspection: { type: 'string' },
        unit: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    const file = positionals[0];
    if (!file) throw new CliError(`缺少文件。用法：${this.usage}`, 2);
    const parsed = await parseFile(file);
    const summary = await withDatabase(values.data, async ({ database }) => {
      const actor = await cliActor(database, values.as);
      const unitId = values.unit
        ? Number(values.unit)
        : actor.userId === 0
          ? await rootUnitId(database)
          : undefined;
      try {
        return await importDocument(database.db, actor, parsed, {
          inspectionId: values.inspection ? Number(values.inspection) : undefined,
          unitId,
          dryRun: values['dry-run'],
          source: { fileName: basename(file) },
        });
      } catch (error) {
        if (error instanceof ImportRejected) throw new CliError(error.message, 3);
        throw error;
      }
    });
    if (values.json) {
      io.stdout(JSON.stringify(summary));
    } else {
      io.stdout(
        `${summary.dryRun ? '预览(未写入)' : '已导入'}：${summary.categories} 个类别，${summary.problems} 个问题，${summary.measures} 条措施` +
          (summary.inspectionId ? `，巡察编号 ${summary.inspectionId}` : ''),
      );
      for (const w of summary.warnings) io.stdout(`提示：${w}`);
    }
    return 0;
  },
};
