import { DomainError, type ErrorCode } from '@zhenggai/core';
import { LedgerFileError } from '@zhenggai/xlsx';
import { CliError } from './command.ts';

// The CLI's counterpart of the HTTP status table: one exit code per domain error code.
export const EXIT_CODES: Record<ErrorCode, number> = {
  VALIDATION: 2,
  IMPORT_INVALID: 3,
  NOT_FOUND: 4,
  UNAUTHENTICATED: 5,
  FORBIDDEN: 5,
  CONFLICT: 6,
  INVALID_TRANSITION: 6,
  TOO_LARGE: 2,
  UNSUPPORTED_TYPE: 2,
  AUDIT_BROKEN: 7,
  RATE_LIMITED: 1,
};

export function exitCodeOf(error: unknown): { code: number; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (error instanceof DomainError) return { code: EXIT_CODES[error.code], message: error.message };
  if (error instanceof LedgerFileError)
    return { code: error.code === 'FILE_NOT_FOUND' ? 4 : 2, message: error.message };
  const e = error as { code?: string; message?: string };
  if (e.code?.startsWith('ERR_PARSE_ARGS')) return { code: 2, message: `参数错误：${e.message}` };
  if (e.code === 'ENOENT') return { code: 4, message: `文件不存在：${e.message}` };
  return { code: 1, message: `失败：${e.message ?? String(error)}` };
}
