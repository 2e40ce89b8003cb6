import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorForToken, type Actor } from '@zhenggai/app';
import { DomainError } from '@zhenggai/core';
import type { Db } from '@zhenggai/db';

export const SESSION_COOKIE = 'zg_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The session token from the cookie, or from `Authorization: Bearer …` for scripts. */
export function sessionToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies[SESSION_COOKIE] ?? null;
}

/** API paths anyone may call: health, signing in and out, the API docs, the public portal. */
const OPEN_API = [/^\/api\/health$/, /^\/api\/session$/, /^\/api\/docs(\/|$)/, /^\/api\/public\//];

/**
 * Resolves the caller of every API request and turns away anyone not signed in before the body
 * is read or validated, so a stranger learns nothing about what a route expects. Handlers still
 * call requireActor: this is the outer wall, not the only one.
 */
export function resolveActor(db: Db) {
  return async (request: FastifyRequest) => {
    // Only API calls need the actor; the web UI's static files must not cost a database query each.
    if (!request.url.startsWith('/api/')) return;
    const token = sessionToken(request);
    request.actor = token ? await actorForToken(db, token) : null;
    const path = request.url.split('?')[0]!;
    if (!request.actor && !OPEN_API.some((open) => open.test(path))) requireActor(request);
  };
}

/** Every route but health, login and the docs needs a signed-in actor. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: process.env.ZHENGGAI_SECURE_COOKIE === 'true',
    expires: new Date(expiresAt),
  });
}
