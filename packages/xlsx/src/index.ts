// @zhenggai/xlsx: the 整改台账 as people keep it in Excel, in and out.
export { readLedger, type LedgerInput, type ReadLedgerOptions } from './read.ts';
export { writeLedger, type LedgerOutput, type WriteLedgerOptions } from './write.ts';
export { LedgerFileError, LEDGER_FILE_ERROR_CODES, type LedgerFileErrorCode } from './errors.ts';
export { UNCATEGORISED } from './ledger-builder.ts';
export { STANDARD_COLUMNS } from './columns.ts';
export { writeDispatchComparison } from './dispatch.ts';
export { streamSheets, type StreamedSheet } from './xlsx-rows.ts';
export type { SheetRow } from './header.ts';
export type { Raw } from './cells.ts';
