import { catchUpScheduler, deliverPendingMail, sweepOrphanEvidence, today } from '@zhenggai/app';
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
      const days = await catchUpScheduler(ctx.database.db, today());
      for (const d of days.filter((d) => !d.skipped))
        options.log(`督办调度 ${d.day}: ${JSON.stringify(d.summary)}`);
      // Once a day, with the first pass of the day: files left by refused uploads.
      if (days.length > 0) {
        const swept = await sweepOrphanEvidence(ctx.database.db, ctx.evidence);
        if (swept.removed + swept.temporary > 0)
          options.log(`清理无引用的佐证文件 ${swept.removed} 个、未完成的上传 ${swept.temporary} 个`);
      }
      if (ctx.mailer) await deliverPendingMail(ctx.database.db, ctx.mailer, { baseUrl: options.baseUrl });
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
