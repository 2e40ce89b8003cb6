import { join, resolve } from 'node:path';
import { EvidenceStore, initialize, today } from '@zhenggai/app';
import { openDatabase } from '@zhenggai/db';
import { buildServer } from './app.ts';
import { mailerFromEnv } from './mailer.ts';
import { startSchedulerLoop } from './scheduler-loop.ts';

export interface StartOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Create the administrator and, on an empty database, the demo workspace. */
  demo: boolean;
  maxEvidenceMb: number;
}

/** Opens the database, seeds it on first run, and listens. Returns a function that stops it all. */
export async function startServer(options: StartOptions, print: (line: string) => void = console.log) {
  const dataDir = resolve(options.dataDir);
  try {
    today();
  } catch {
    throw new Error(
      `ZHENGGAI_TIMEZONE 不是有效的时区名称（如 Asia/Shanghai）：${process.env.ZHENGGAI_TIMEZONE}`,
    );
  }
  const database = await openDatabase({ url: options.databaseUrl, dataDir });
  const init = await initialize(database.db, {
    demo: options.demo,
    password: process.env.ZHENGGAI_ADMIN_PASSWORD,
  });
  const evidence = new EvidenceStore(join(dataDir, 'evidence'), options.maxEvidenceMb * 1024 * 1024);
  const mailer = mailerFromEnv();
  const ctx = {
    database,
    evidence,
    maxImportBytes: 100 * 1024 * 1024,
    checksDir: join(dataDir, 'checks'),
    mailer,
  };
  const app = await buildServer(ctx, { logger: process.env.LOG_LEVEL !== 'silent' });
  await app.listen({ port: options.port, host: options.host });
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${options.port}`;
  print(
    `整改 Zhenggai 已启动：${url}  (数据库：${database.kind === 'pglite' ? `PGlite ${join(dataDir, 'pglite')}` : 'PostgreSQL'})`,
  );
  print(`接口文档 API docs: ${url}/api/docs`);
  if (init.created && init.password) {
    print('首次运行，已创建管理员' + (init.demoUsers.length ? '和演示数据（虚构的青禾县）' : '') + '：');
    print(`  用户名 admin  密码 ${init.password}`);
    if (init.demoUsers.length) print(`  演示账号(同一密码)：${init.demoUsers.join(', ')}`);
    print('  请登录后修改密码。Please sign in and change the password.');
  }
  // The daily scheduler (reminders, 督办单, mail) lives in the server; ZHENGGAI_SCHEDULER=off leaves it to another process.
  const stopScheduler =
    process.env.ZHENGGAI_SCHEDULER === 'off'
      ? async () => {}
      : startSchedulerLoop(ctx, {
          intervalMs: Number(process.env.ZHENGGAI_SCHEDULER_INTERVAL_MS ?? 10 * 60_000),
          baseUrl: process.env.ZHENGGAI_PUBLIC_URL ?? url,
          log: print,
        });
  if (mailer) print(`邮件通知 SMTP: ${mailer.describe().host}`);
  const stop = async () => {
    await stopScheduler();
    mailer?.close();
    await app.close();
    await database.close();
  };
  return { app, database, url, stop };
}
