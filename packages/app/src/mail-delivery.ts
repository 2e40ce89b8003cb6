import { sql, type Db } from '@zhenggai/db';
import { rows } from './tx.ts';

// E-mail copies of inbox notifications. Writing a notification only queues it (email_status
// 'pending'); this sends the queue through whatever transport the server configured, so a slow or
// absent mail server never holds up the transaction that created the notification.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

export interface DeliveryOptions {
  /** The address users open Zhenggai at, for links in the mail. */
  baseUrl: string;
  batch?: number;
  /** After this many failed attempts a mail is given up (email_status 'failed'). */
  maxAttempts?: number;
}

interface PendingMail {
  id: number;
  email: string;
  title: string;
  body: string;
  link: string | null;
  attempts: number;
}

export async function deliverPendingMail(db: Db, transport: MailTransport, options: DeliveryOptions) {
  const maxAttempts = options.maxAttempts ?? 5;
  const pending = await rows<PendingMail>(
    db,
    sql`SELECT n.id::int AS id, u.email, n.title, n.body, n.link, n.email_attempts AS attempts
        FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.email_status = 'pending' ORDER BY n.id LIMIT ${options.batch ?? 50}`,
  );
  let sent = 0;
  let failed = 0;
  for (const mail of pending) {
    try {
      const link = mail.link ? `\n\n${options.baseUrl.replace(/\/$/, '')}${mail.link}` : '';
      await transport.send({ to: mail.email, subject: `【整改】${mail.title}`, text: `${mail.body}${link}` });
      await db.execute(
        sql`UPDATE notifications SET email_status = 'sent', email_attempts = email_attempts + 1 WHERE id = ${mail.id}`,
      );
      sent++;
    } catch (error) {
      const giveUp = mail.attempts + 1 >= maxAttempts;
      await db.execute(
        sql`UPDATE notifications SET email_attempts = email_attempts + 1, email_error = ${String((error as Error).message).slice(0, 500)},
              email_status = ${giveUp ? 'failed' : 'pending'} WHERE id = ${mail.id}`,
      );
      if (giveUp) failed++;
    }
  }
  return { sent, failed, attempted: pending.length };
}
