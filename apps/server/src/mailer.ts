import nodemailer from 'nodemailer';
import type { MailTransport } from '@zhenggai/app';

// SMTP delivery, configured from the environment so no address or password lives in the repo:
//   ZHENGGAI_SMTP_URL   smtp://user:password@host:587  (smtps:// for implicit TLS)
//   ZHENGGAI_MAIL_FROM  整改系统 <zhenggai@example.gov.cn>
//   ZHENGGAI_PUBLIC_URL the address users open, for links in mails (default http://localhost:3000)

export interface Mailer extends MailTransport {
  /** What the admin page shows: host and sender, never the password. */
  describe(): { host: string; from: string };
  close(): void;
}

export function createMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`ZHENGGAI_SMTP_URL 须以 smtp:// 或 smtps:// 开头：${url.protocol}`);
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    describe: () => ({
      host: `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
      from,
    }),
    close: () => transport.close(),
  };
}

export function mailerFromEnv(env = process.env): Mailer | undefined {
  if (!env.ZHENGGAI_SMTP_URL) return undefined;
  return createMailer(env.ZHENGGAI_SMTP_URL, env.ZHENGGAI_MAIL_FROM ?? 'Zhenggai <zhenggai@localhost>');
}
