import { runDailyPass, today } from '@zhenggai/app';
import type { ServerContext } from './context.ts';

// Runs the daily scheduler, mail delivery and the evidence sweep inside the server: at start (catching up on days
// missed while it was down) and then every few minutes. One pass at a time; an error is logged
// and the next pass tries again, because every step is idempotent.

export interface SchedulerLoopOptions {
  intervalMs: number;
  baseUrl: string;
  log: (message: string) => void;
}

export function startSchedulerLoop(ctx: ServerContext, options: SchedulerLoopOptions) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const pass = async () => {
    try {
      const { days, swept } = await runDailyPass(ctx.database.db, today(), {
        evidence: ctx.evidence,
        mailer: ctx.mailer,
        baseUrl: options.baseUrl,
      });
      for (const d of days.filter((d) => !d.skipped))
        options.log(`督办调度 ${d.day}: ${JSON.stringify(d.summary)}`);
      if (swept && swept.removed + swept.temporary > 0)
        options.log(`清理无引用的佐证文件 ${swept.removed} 个、未完成的上传 ${swept.temporary} 个`);
    } catch (error) {
      options.log(`督办调度失败，稍后重试：${(error as Error).message}`);
    }
  };
  const loop = () => {
    running = pass().then(() => {
      if (!stopped) timer = setTimeout(loop, options.intervalMs);
    });
  };
  loop();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
