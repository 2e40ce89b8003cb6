import { parseArgs } from 'node:util';
import { initialize } from '@zhenggai/app';
import type { CliCommand } from '../command.ts';
import { withDatabase } from '../database-options.ts';

export const initCommand: CliCommand = {
  name: 'init',
  summary: '初始化数据库和管理员(--demo 加演示数据)  Create the database and administrator',
  usage: 'zhenggai init [--demo] [--data ./data] [--county 名称] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        demo: { type: 'boolean', default: false },
        data: { type: 'string', default: './data' },
        county: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const result = await withDatabase(values.data, ({ database }) =>
      initialize(database.db, {
        demo: values.demo,
        password: process.env.ZHENGGAI_ADMIN_PASSWORD,
        ...(values.county ? { countyName: values.county } : {}),
      }),
    );
    if (values.json) io.stdout(JSON.stringify(result));
    else if (!result.created) io.stdout('数据库已初始化过，未做改动。');
    else {
      io.stdout(`已初始化。管理员 admin，密码 ${result.password}`);
      if (result.demoUsers.length) io.stdout(`演示账号(同一密码)：${result.demoUsers.join(', ')}`);
    }
    return 0;
  },
};
