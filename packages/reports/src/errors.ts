// Coded errors: the code is stable for the edges (HTTP status, CLI exit code, the UI's message
// table); the message is Chinese, for the clerk who edits a template or fills the ledger.

export const REPORT_ERROR_CODES = [
  /** `{{` without `}}`, or a tag that is not a name, `#name`, `^name`, `/name` or `!comment`. */
  'TEMPLATE_BAD_TAG',
  /** A placeholder or section name the template format does not know in that place. */
  'TEMPLATE_UNKNOWN_PLACEHOLDER',
  /** A list (categories, problems, measures) used as a plain placeholder. */
  'TEMPLATE_LIST_AS_VALUE',
  /** A value that may be empty, used outside a `{{#name}}…{{/name}}` guard. */
  'TEMPLATE_UNGUARDED_OPTIONAL',
  /** `{{#name}}` never closed. */
  'TEMPLATE_UNCLOSED_SECTION',
  /** `{{/name}}` that closes nothing, or closes another section. */
  'TEMPLATE_MISMATCHED_CLOSE',
  /** A section opened inside a line but closed on another line. */
  'TEMPLATE_SECTION_SPANS_LINES',
  /** A date in the data that is not `YYYY-MM-DD` / `YYYY-MM`. */
  'REPORT_BAD_DATE',
  /** A required text that is empty, or a code (kind, status) the vocabulary does not know. */
  'REPORT_BAD_VALUE',
  /** A number in the data that cannot be a count (negative, fractional). */
  'REPORT_BAD_COUNT',
] as const;
export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];

export class ReportError extends Error {
  readonly code: ReportErrorCode;
  /** 1-based template line for template errors; null for data errors. */
  readonly line: number | null;

  constructor(code: ReportErrorCode, message: string, line: number | null = null) {
    super(line === null ? message : `模板第${line}行：${message}`);
    this.name = 'ReportError';
    this.code = code;
    this.line = line;
  }
}
