import { parseArgs } from 'node:util';
import { verifyAudit } from '@zhenggai/app';
import { CliError, type CliCommand } from '../command.ts';
import { withDatabase } from '../database-options.ts';

export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  summary: '校验审计日志哈希链  Verify the audit log hash chain',
  usage: 'zhenggai audit verify [--data DIR] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { data: { type: 'string', default: './data' }, json: { type: 'boolean', default: false } },
    });
    const result = await withDatabase(values.data, ({ database }) => verifyAudit(database.db));
    if (values.json) io.stdout(JSON.stringify(result));
    if (!result.ok)
      throw new CliError(`审计日志校验失败：第 ${result.firstBrokenId} 条记录被篡改、删除或顺序被改动`, 7);
    if (!values.json) io.stdout(`审计日志完整：共 ${result.events} 条记录，哈希链校验通过`);
    return 0;
  },
};
