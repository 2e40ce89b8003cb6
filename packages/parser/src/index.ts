// @zhenggai/parser: rectification documents (text or .docx) → categories, problems and
// measures, plus who inspected whom and when. Pure: no database, no network.

export { parseText } from './parse-text.ts';
export { parseDocx, parseFile, parseBuffer } from './parse-file.ts';
export { ParseError, type ParseErrorCode } from './errors.ts';
export type { ParsedDocument, ParsedCategory, ParsedProblem, ParsedMeasure, StatedTotals } from './types.ts';
