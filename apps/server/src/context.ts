import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { EvidenceStore } from '@zhenggai/app';
import type { Database } from '@zhenggai/db';

export interface ServerContext {
  database: Database;
  evidence: EvidenceStore;
  /** Largest ledger file accepted for import, in bytes. */
  maxImportBytes: number;
  /** Where cross-check runs keep their DuckDB files and outputs (one folder per run). */
  checksDir?: string;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
