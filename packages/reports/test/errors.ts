import { expect } from 'vitest';
import { ReportError, type ReportErrorCode } from '../src/index.ts';

/** Runs `fn`, expecting a ReportError with this code (and line, when given); returns it. */
export function expectReportError(fn: () => unknown, code: ReportErrorCode, line?: number): ReportError {
  let caught: unknown = null;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ReportError);
  const error = caught as ReportError;
  expect(error.code).toBe(code);
  if (line !== undefined) {
    expect(error.line).toBe(line);
    expect(error.message).toContain(`模板第${line}行`);
  }
  return error;
}
