// What every `zhenggai` sub-command looks like. main.ts dispatches on `name`
// (which may be two words, e.g. "ledger import").

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (progress bars only then). */
  isTTY: boolean;
}

export interface CliCommand {
  name: string;
  /** One line, Chinese first: shown by `zhenggai --help`. */
  summary: string;
  usage: string;
  /** Returns the process exit code. Throw CliError for a clear, expected failure. */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** An expected failure: main prints `message` (Chinese) to stderr and exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
