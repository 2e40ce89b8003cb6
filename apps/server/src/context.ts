import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { EvidenceStore, PortalOptions } from '@zhenggai/app';
import type { Database } from '@zhenggai/db';
import type { Mailer } from './mailer.ts';

export interface ServerContext {
  database: Database;
  evidence: EvidenceStore;
  /** Largest ledger file accepted for import, in bytes. */
  maxImportBytes: number;
  /** Where cross-check runs keep their DuckDB files and outputs (one folder per run). */
  checksDir?: string;
  /** SMTP delivery of notifications, when configured (ZHENGGAI_SMTP_URL). */
  mailer?: Mailer | undefined;
  /** The public portal's proof-of-work difficulty and limits (defaults, then ZHENGGAI_PUBLIC_* variables). */
  publicPortal?: Partial<PublicPortalOptions>;
}

export interface PublicPortalOptions extends PortalOptions {
  /** Tracking-code lookups per address and hour. */
  lookupsPerHour: number;
  /** Challenges handed out per address and hour. */
  challengesPerHour: number;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
