import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { reportDocx } from '@zhenggai/app';
import { REPORT_KINDS, type ReportKind } from '@zhenggai/reports';
import { CliError, type CliCommand } from '../command.ts';
import { cliActor, DATA_OPTIONS, withDatabase } from '../database-options.ts';

export const reportCommand: CliCommand = {
  name: 'report',
  summary: '生成整改情况通报(tongbao)或整改进展情况报告(progress) .docx  Generate a report',
  usage:
    'zhenggai report tongbao|progress --inspection ID -o FILE.docx [--date YYYY-MM-DD] [--phone 电话] [--email 邮箱] [--data DIR] [--as USER]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...DATA_OPTIONS,
        inspection: { type: 'string' },
        output: { type: 'string', short: 'o' },
        date: { type: 'string' },
        phone: { type: 'string' },
        email: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const kind = positionals[0] as ReportKind;
    if (!REPORT_KINDS.includes(kind) || !values.inspection || !values.output) {
      throw new CliError(`参数不全。用法：${this.usage}`, 2);
    }
    const contact = {
      ...(values.phone ? { phone: values.phone } : {}),
      ...(values.email ? { email: values.email } : {}),
    };
    const { buffer } = await withDatabase(values.data, async ({ database }) =>
      reportDocx(database.db, await cliActor(database, values.as), Number(values.inspection), kind, {
        ...(values.date ? { reportDate: values.date } : {}),
        contact,
      }),
    );
    writeFileSync(values.output, buffer);
    io.stdout(
      values.json ? JSON.stringify({ file: values.output, bytes: buffer.length }) : `已生成 ${values.output}`,
    );
    return 0;
  },
};
