import { actorProfile, login, logout } from '@zhenggai/app';
import { DomainError } from '@zhenggai/core';
import type { App, ServerContext } from '../context.ts';
import { FailureLimiter } from '../rate-limit.ts';
import { requireActor, SESSION_COOKIE, sessionToken, setSessionCookie } from '../session.ts';
import { loginBody } from './session.schema.ts';

export function sessionRoutes(app: App, ctx: ServerContext) {
  const limiter = new FailureLimiter();
  const tags = ['session'];

  app.post('/api/session', { schema: { tags, summary: '登录', body: loginBody } }, async (request, reply) => {
    const key = `${request.ip}|${request.body.username}`;
    limiter.check(key);
    try {
      const session = await login(ctx.database.db, request.body.username, request.body.password);
      limiter.reset(key);
      setSessionCookie(reply, session.token, session.expiresAt);
      return {
        token: session.token,
        expiresAt: session.expiresAt,
        me: await actorProfile(ctx.database.db, session.actor),
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') limiter.fail(key);
      throw error;
    }
  });

  app.delete('/api/session', { schema: { tags, summary: '退出登录' } }, async (request, reply) => {
    const token = sessionToken(request);
    if (token) await logout(ctx.database.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/session', { schema: { tags, summary: '当前用户、单位与角色' } }, async (request) =>
    actorProfile(ctx.database.db, requireActor(request)),
  );
}
