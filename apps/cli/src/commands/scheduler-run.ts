import { parseArgs } from 'node:util';
import { runDailyPass, today } from '@zhenggai/app';
import { mailerFromEnv } from '@zhenggai/server';
import { CliError, type CliCommand } from '../command.ts';
import { withDatabase } from '../database-options.ts';

// For deployments that run the server with ZHENGGAI_SCHEDULER=off and drive 督办 from cron:
// the same catch-up the server does, the daily evidence sweep, then the mail queue.

export const schedulerRunCommand: CliCommand = {
  name: 'scheduler run',
  summary: '补跑督办调度(提醒、督办单、邮件)  Run the supervision scheduler up to today',
  usage: 'zhenggai scheduler run [--data DIR] [--today YYYY-MM-DD] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string', default: './data' },
        today: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const day = values.today ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw new CliError(`日期格式应为 YYYY-MM-DD：${day}`, 2);
    }
    const result = await withDatabase(values.data, async ({ database, evidence }) => {
      const mailer = mailerFromEnv();
      try {
        return await runDailyPass(database.db, day, {
          evidence,
          mailer,
          baseUrl: process.env.ZHENGGAI_PUBLIC_URL ?? 'http://localhost:3000',
        });
      } finally {
        mailer?.close();
      }
    });
    if (values.json) io.stdout(JSON.stringify(result));
    else {
      for (const d of result.days)
        io.stdout(
          `${d.day}  提醒 ${d.summary.reminders ?? 0}  督办单 ${d.summary.notices ?? 0}  群众反映催办 ${d.summary.publicReminders ?? 0}`,
        );
      if (result.days.length === 0) io.stdout(`${day} 已处理过，无需补跑`);
      if (result.swept)
        io.stdout(
          `清理无引用的佐证文件 ${result.swept.removed} 个、未完成的上传 ${result.swept.temporary} 个`,
        );
      if (result.mail) io.stdout(`邮件：发送 ${result.mail.sent}，放弃 ${result.mail.failed}`);
    }
    return 0;
  },
};
