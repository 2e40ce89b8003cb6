import type { Db } from '@zhenggai/db';
import type { EvidenceStore } from './evidence-store.ts';
import { sweepOrphanEvidence, type EvidenceSweep } from './evidence-sweep.ts';
import { deliverPendingMail, type MailTransport } from './mail-delivery.ts';
import { catchUpScheduler, type SchedulerDay } from './scheduler.ts';

// What runs on a schedule, whether the server's own loop drives it or cron runs
// `zhenggai scheduler run`: the days up to today, the evidence sweep once a day, then the mail.

export interface DailyPass {
  days: SchedulerDay[];
  /** Only with the first pass of a day. */
  swept: EvidenceSweep | null;
  mail: Awaited<ReturnType<typeof deliverPendingMail>> | null;
}

export async function runDailyPass(
  db: Db,
  today: string,
  options: { evidence: EvidenceStore; mailer?: MailTransport | undefined; baseUrl: string },
): Promise<DailyPass> {
  const days = await catchUpScheduler(db, today);
  const swept = days.length > 0 ? await sweepOrphanEvidence(db, options.evidence) : null;
  const mail = options.mailer
    ? await deliverPendingMail(db, options.mailer, { baseUrl: options.baseUrl })
    : null;
  return { days, swept, mail };
}
