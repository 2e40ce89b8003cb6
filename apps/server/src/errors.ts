import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '@zhenggai/core';
import { LedgerFileError } from '@zhenggai/xlsx';

// The one table from domain error codes to HTTP statuses. Every error leaves the API as
// { error: { code, message, details? } } with a Chinese message.

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  IMPORT_INVALID: 422,
  AUDIT_BROKEN: 500,
  RATE_LIMITED: 429,
};

interface Body {
  error: { code: string; message: string; details?: unknown };
}

export function toHttp(error: unknown): { status: number; body: Body } {
  if (error instanceof DomainError) {
    return {
      status: HTTP_STATUS[error.code],
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      },
    };
  }
  if (error instanceof LedgerFileError) {
    return {
      status: 400,
      body: { error: { code: 'VALIDATION', message: error.message, details: { fileError: error.code } } },
    };
  }
  const fe = error as FastifyError & { validation?: { message?: string; instancePath?: string }[] };
  if (fe.validation) {
    const where = fe.validation
      .map((v) => `${v.instancePath || fe.validationContext || ''} ${v.message ?? ''}`.trim())
      .join('；');
    return { status: 400, body: { error: { code: 'VALIDATION', message: `请求参数不正确：${where}` } } };
  }
  if (
    fe.code === 'FST_REQ_FILE_TOO_LARGE' ||
    fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
    fe.statusCode === 413
  ) {
    return { status: 413, body: { error: { code: 'TOO_LARGE', message: '上传内容超过大小上限' } } };
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
    return { status: 415, body: { error: { code: 'UNSUPPORTED_TYPE', message: '不支持的请求内容类型' } } };
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      status: fe.statusCode,
      body: { error: { code: 'VALIDATION', message: `请求无效：${fe.message}` } },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: '服务器内部错误，已记录，请稍后重试' } },
  };
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toHttp(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(status).send(body);
}
