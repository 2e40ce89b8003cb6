// Loads YAML or JSON text and maps a value path back to a line in the file.
import { isCollection, LineCounter, parseDocument, type Document } from 'yaml';
import type { RuleFileProblem } from './errors.ts';

export type Path = (string | number)[];

export class RuleSource {
  readonly problems: RuleFileProblem[] = [];
  readonly value: unknown;
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    text: string,
  ) {
    // JSON is YAML 1.2, so one parser serves both formats and both get line numbers.
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const e of this.doc.errors) {
      const pos = this.lines.linePos(e.pos[0]);
      this.problems.push({
        file,
        line: pos.line,
        column: pos.col,
        reason: `语法错误：${e.message.split('\n')[0] ?? ''}`,
      });
    }
    this.value = this.problems.length === 0 ? this.doc.toJS() : undefined;
  }

  /** Records a problem at the closest node that exists along `path`. */
  fail(path: Path, reason: string): void {
    let offset = 0;
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) {
        offset = range[0];
        // A missing key is reported at the start of the mapping that should hold it.
        if (n < path.length && isCollection(node)) offset = range[0];
        break;
      }
    }
    const pos = this.lines.linePos(offset);
    this.problems.push({ file: this.file, line: pos.line, column: pos.col, reason });
  }
}
