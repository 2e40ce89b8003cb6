import type { CliCommand, CliIO } from './command.ts';
import { exitCodeOf } from './exit-codes.ts';
import { auditVerifyCommand } from './commands/audit-verify.ts';
import { backupCommand, restoreCommand } from './commands/backup.ts';
import { initCommand } from './commands/init.ts';
import { ledgerExportCommand } from './commands/ledger-export.ts';
import { ledgerImportCommand } from './commands/ledger-import.ts';
import { serveCommand } from './commands/serve.ts';
import { checkCommand } from './commands/check.ts';
import { checkRecordCommand } from './commands/check-record.ts';
import { ledgerImportDocCommand } from './commands/ledger-import-doc.ts';
import { parseCommand } from './commands/parse.ts';
import { reportCommand } from './commands/report.ts';
import { schedulerRunCommand } from './commands/scheduler-run.ts';

export const COMMANDS: CliCommand[] = [
  serveCommand,
  initCommand,
  ledgerImportCommand,
  ledgerExportCommand,
  ledgerImportDocCommand,
  parseCommand,
  reportCommand,
  checkCommand,
  checkRecordCommand,
  backupCommand,
  restoreCommand,
  auditVerifyCommand,
  schedulerRunCommand,
];

const defaultIO: CliIO = {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  isTTY: !!process.stdout.isTTY,
};

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    '整改 Zhenggai 命令行  用法：zhenggai <命令> [选项]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    '数据库：设置 DATABASE_URL 使用 PostgreSQL，否则使用 --data 目录(默认 ./data)中的内置 PGlite。',
    '每个命令加 --help 查看用法。',
  ].join('\n');
}

/** Dispatches on the longest command name that matches the arguments. Returns the exit code. */
export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const command = COMMANDS.filter((c) => c.name.split(' ').every((word, i) => argv[i] === word)).sort(
    (a, b) => b.name.length - a.name.length,
  )[0];
  if (!command) {
    const asked = argv[0] === undefined || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help';
    (asked ? io.stdout : io.stderr)(asked ? help() : `未知命令：${argv.join(' ')}\n\n${help()}`);
    return asked ? 0 : 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n用法：${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const { code, message } = exitCodeOf(error);
    io.stderr(message);
    return code;
  }
}
