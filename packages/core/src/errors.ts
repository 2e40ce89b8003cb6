// Coded domain errors. The edge (HTTP, CLI) maps `code` to a status or exit code through one
// table; the message is Chinese because it is shown to the person who caused it.

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'INVALID_TRANSITION',
  'CONFLICT',
  'TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'IMPORT_INVALID',
  'AUDIT_BROKEN',
  'RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (message = '没有执行此操作的权限') => new DomainError('FORBIDDEN', message);
export const invalid = (message: string, details?: unknown) =>
  new DomainError('VALIDATION', message, details);
