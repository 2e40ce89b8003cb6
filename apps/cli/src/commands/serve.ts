import { parseArgs } from 'node:util';
import { startServer } from '@zhenggai/server';
import type { CliCommand } from '../command.ts';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: '启动服务(API + 网页)  Start the server',
  usage: 'zhenggai serve [--port 3000] [--host 0.0.0.0] [--data ./data] [--no-demo] [--max-evidence-mb 20]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: process.env.PORT ?? '3000' },
        host: { type: 'string', default: process.env.HOST ?? '0.0.0.0' },
        data: { type: 'string', default: process.env.ZHENGGAI_DATA ?? './data' },
        'no-demo': { type: 'boolean', default: false },
        'max-evidence-mb': { type: 'string', default: process.env.ZHENGGAI_MAX_EVIDENCE_MB ?? '20' },
      },
    });
    const server = await startServer(
      {
        port: Number(values.port),
        host: values.host,
        dataDir: values.data,
        databaseUrl: process.env.DATABASE_URL || undefined,
        demo: !values['no-demo'],
        maxEvidenceMb: Number(values['max-evidence-mb']),
      },
      io.stdout,
    );
    await new Promise<void>((done) => {
      const stop = () => {
        io.stdout('正在停止…');
        server.stop().then(done, done);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
