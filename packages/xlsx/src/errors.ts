// Coded errors for files the reader cannot open at all, and for a ledger the writer cannot put
// into Excel. Bad *content* in a file read never throws: it becomes a CellIssue. The code is
// stable (the CLI and the HTTP edge map it); the message is for people.

export const LEDGER_FILE_ERROR_CODES = [
  'FILE_NOT_FOUND',
  'EMPTY_FILE',
  'UNSUPPORTED_FORMAT',
  'LEGACY_XLS',
  'ENCRYPTED_FILE',
  'CORRUPT_XLSX',
  'TRUNCATED_XLSX',
  'NOT_A_WORKBOOK',
  'SHEET_NOT_FOUND',
  'NO_HEADER_ROW',
  'CELL_TOO_LONG',
] as const;
export type LedgerFileErrorCode = (typeof LEDGER_FILE_ERROR_CODES)[number];

export class LedgerFileError extends Error {
  override readonly name = 'LedgerFileError';
  constructor(
    readonly code: LedgerFileErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
