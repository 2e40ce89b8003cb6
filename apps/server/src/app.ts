import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { App, ServerContext } from './context.ts';
import { errorHandler } from './errors.ts';
import { resolveActor } from './session.ts';
import { accountabilityRoutes } from './routes/accountability.ts';
import { adminRoutes } from './routes/admin.ts';
import { dispatchRoutes } from './routes/dispatch.ts';
import { documentRoutes } from './routes/documents.ts';
import { extensionRoutes } from './routes/extensions.ts';
import { healthRoutes } from './routes/health.ts';
import { inspectionRoutes } from './routes/inspections.ts';
import { ledgerRoutes } from './routes/ledger.ts';
import { lookbackRoutes } from './routes/lookback.ts';
import { publicRoutes } from './routes/public.ts';
import { publicMessageRoutes } from './routes/public-messages.ts';
import { sessionRoutes } from './routes/session.ts';
import { supervisionRoutes } from './routes/supervision.ts';
import { verificationRoutes } from './routes/verification.ts';
import { workflowRoutes } from './routes/workflow.ts';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface BuildOptions {
  logger?: boolean;
  /** Serve the built web UI from apps/web/dist when it exists (default true). */
  serveWeb?: boolean;
}

export async function buildServer(ctx: ServerContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'warn' } : false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: process.env.ZHENGGAI_TRUST_PROXY === 'true',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: ctx.evidence.maxBytes, files: 10, fields: 20, fieldSize: 1024 * 1024 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Zhenggai 整改 API',
        version: '0.1.0',
        description: '巡察整改台账：巡察、问题、措施、进展、销号、统计、审计',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zg_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null);
  app.addHook('onRequest', resolveActor(ctx.database.db));
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });

  healthRoutes(app, ctx);
  sessionRoutes(app, ctx);
  adminRoutes(app, ctx);
  inspectionRoutes(app, ctx);
  workflowRoutes(app, ctx);
  ledgerRoutes(app, ctx);
  documentRoutes(app, ctx);
  accountabilityRoutes(app, ctx);
  verificationRoutes(app, ctx);
  lookbackRoutes(app, ctx);
  supervisionRoutes(app, ctx);
  dispatchRoutes(app, ctx);
  extensionRoutes(app, ctx);
  publicRoutes(app, ctx);
  publicMessageRoutes(app, ctx);

  if (options.serveWeb !== false && existsSync(WEB_DIST)) {
    // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true });
    // The single-page app owns every non-API path that is not a missing file.
    app.setNotFoundHandler((request, reply) =>
      request.url.startsWith('/api/') || /\.[a-z0-9]+(\?|$)/i.test(request.url)
        ? reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } })
        : reply.sendFile('index.html'),
    );
  } else {
    app.setNotFoundHandler((_request, reply) =>
      reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } }),
    );
  }
  return app;
}

export type { ZodTypeProvider };
