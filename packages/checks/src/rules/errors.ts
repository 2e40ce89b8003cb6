// Problems in a rule file, each pinned to file, line and column so a clerk can fix it.
export interface RuleFileProblem {
  file: string;
  line: number;
  column: number;
  reason: string;
}

export class RuleFileError extends Error {
  constructor(readonly problems: RuleFileProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.reason}`).join('\n'));
    this.name = 'RuleFileError';
  }
}
