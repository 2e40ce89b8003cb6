// A file the parser cannot read. `code` is stable for programs (CLI exit, HTTP mapping);
// `message` is Chinese and tells the person what to do instead.

export type ParseErrorCode =
  | 'EMPTY_FILE'
  | 'NO_TEXT'
  | 'PDF_NOT_SUPPORTED'
  | 'DOCX_CORRUPT'
  | 'NOT_WORD'
  | 'DOCX_ENCRYPTED'
  | 'LEGACY_DOC'
  | 'BINARY_FILE'
  | 'READ_FAILED';

export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly code: ParseErrorCode,
    message: string,
  ) {
    super(message);
  }
}
