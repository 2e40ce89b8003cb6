import { login, logout } from '@zhenggai/app';
import { DomainError, ROLE_LABELS } from '@zhenggai/core';
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
      return { token: session.token, expiresAt: session.expiresAt, me: await describe(session.actor) };
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
    describe(requireActor(request)),
  );

  async function describe(actor: ReturnType<typeof requireActor>) {
    const units = await ctx.database.query<{ id: number; name: string }>(
      'SELECT id::int AS id, name FROM units WHERE id = ANY($1::bigint[])',
      [[actor.unitId, ...actor.grants.map((g) => g.unitId)]],
    );
    const name = (id: number) => units.find((u) => u.id === id)?.name ?? '';
    return {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      unitId: actor.unitId,
      unitName: name(actor.unitId),
      grants: actor.grants.map((g) => ({
        role: g.role,
        roleLabel: ROLE_LABELS[g.role],
        unitId: g.unitId,
        unitName: name(g.unitId),
      })),
    };
  }
}
