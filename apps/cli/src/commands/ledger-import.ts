import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { importLedger, ImportRejected, type ImportSummary } from '@zhenggai/app';
import { INSPECTION_KINDS, type InspectionKind } from '@zhenggai/core';
import { readLedger } from '@zhenggai/xlsx';
import { CliError, type CliCommand, type CliIO } from '../command.ts';
import { cliActor, DATA_OPTIONS, rootUnitId, withDatabase } from '../database-options.ts';

export const ledgerImportCommand: CliCommand = {
  name: 'ledger import',
  summary: '导入整改台账 xlsx/csv(全部成功或全部不写入)  Import a ledger',
  usage:
    'zhenggai ledger import FILE [--inspection ID] [--dry-run] [--json] [--create-units] [--name 名称] [--kind xuncha] [--unit ID] [--year 2024] [--data DIR] [--as USER]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...DATA_OPTIONS,
        inspection: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'create-units': { type: 'boolean', default: false },
        name: { type: 'string' },
        kind: { type: 'string' },
        unit: { type: 'string' },
        year: { type: 'string' },
      },
    });
    const file = positionals[0];
    if (!file) throw new CliError(`缺少文件。用法：${this.usage}`, 2);
    if (values.kind && !INSPECTION_KINDS.includes(values.kind as InspectionKind)) {
      throw new CliError(`未知的类型 --kind ${values.kind}；可选：${INSPECTION_KINDS.join(', ')}`, 2);
    }
    const read = await readLedger({ path: file }, values.year ? { year: Number(values.year) } : {});
    const summary = await withDatabase(values.data, async ({ database }) => {
      const actor = await cliActor(database, values.as);
      const unitId = values.unit
        ? Number(values.unit)
        : actor.userId === 0
          ? await rootUnitId(database)
          : actor.unitId;
      try {
        return await importLedger(database.db, actor, read.ledger, read.issues, {
          inspectionId: values.inspection ? Number(values.inspection) : undefined,
          newInspection: {
            name: values.name,
            kind: values.kind as InspectionKind | undefined,
            ownerUnitId: unitId,
            inspectedUnitId: unitId,
          },
          createUnits: values['create-units'],
          dryRun: values['dry-run'],
          source: {
            fileName: basename(file),
            sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
          },
        });
      } catch (error) {
        if (error instanceof ImportRejected) {
          report(io, error.summary, read.warnings, values.json);
          throw new CliError(error.message, 3);
        }
        throw error;
      }
    });
    report(io, summary, read.warnings, values.json);
    return 0;
  },
};

function report(io: CliIO, summary: ImportSummary, readWarnings: string[], json: boolean) {
  const warnings = [...readWarnings, ...summary.warnings];
  if (json) {
    io.stdout(JSON.stringify({ ...summary, warnings }));
    return;
  }
  const verb = summary.issues.length ? '未导入' : summary.dryRun ? '预览(未写入)' : '已导入';
  io.stdout(
    `${verb}：${summary.categories} 个类别，${summary.problems} 个问题，${summary.measures} 条措施` +
      (summary.inspectionId ? `，巡察编号 ${summary.inspectionId}` : ''),
  );
  if (summary.unitsCreated.length) io.stdout(`新建单位：${summary.unitsCreated.join('、')}`);
  for (const w of warnings) io.stdout(`提示：${w}`);
  for (const i of summary.issues) {
    io.stderr(
      `${i.sheet}!${i.column}${i.row}${i.header ? `(${i.header})` : ''}：${i.reason}${i.value ? `【${i.value}】` : ''}`,
    );
  }
}
