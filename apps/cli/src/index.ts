export { main, COMMANDS } from './main.ts';
export type { CliCommand, CliIO } from './command.ts';
export { CliError } from './command.ts';
