import { catchUpScheduler, deliverPendingMail, today } from '@zhenggai/app';
import type { ServerContext } from './context.ts';

// Runs the daily scheduler and mail delivery inside the server: at start (catching up on days
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
