import { forbidden, roleMay, seesWholeInspection, type Action, type Role } from '@zhenggai/core';

// Who is acting, with each role grant resolved to the unit path it covers.

export interface Grant {
  role: Role;
  unitId: number;
  /** Materialised path of the granted unit, e.g. '/1/4/'. Covers itself and its subtree. */
  unitPath: string;
}

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  grants: Grant[];
}

/** The system itself (CLI maintenance, demo seeding): recorded in the audit log as actor null. */
export const SYSTEM_ACTOR: Actor = {
  userId: 0,
  username: 'system',
  displayName: '系统',
  unitId: 0,
  grants: [{ role: 'admin', unitId: 0, unitPath: '/' }],
};

export const isSystem = (actor: Actor) => actor.userId === 0;

const covers = (grant: Grant, path: string | null | undefined) => !!path && path.startsWith(grant.unitPath);

/**
 * Where a resource sits. `ownUnitPath` is the unit that owns it (a measure's responsible unit);
 * `contextPaths` are the inspection's running and inspected units, which every role but the
 * unit clerk may see through.
 */
export interface ResourceScope {
  ownUnitPath: string | null;
  contextPaths: string[];
}

/** The roles the actor holds over this resource. Empty means: not even visible. */
export function rolesOn(actor: Actor, scope: ResourceScope): Role[] {
  const roles = actor.grants
    .filter(
      (g) =>
        covers(g, scope.ownUnitPath) ||
        (seesWholeInspection(g.role) && scope.contextPaths.some((p) => covers(g, p))),
    )
    .map((g) => g.role);
  return [...new Set(roles)];
}

export function may(actor: Actor, action: Action, scope: ResourceScope): boolean {
  return rolesOn(actor, scope).some((role) => roleMay(role, action));
}

export function assertMay(actor: Actor, action: Action, scope: ResourceScope): void {
  if (!may(actor, action, scope)) throw forbidden();
}

/** LIKE patterns for SQL scope filters: [every read grant, grants that see whole inspections]. */
export function scopePatterns(actor: Actor): { own: string[]; context: string[] } {
  const readable = actor.grants.filter((g) => roleMay(g.role, 'read'));
  return {
    own: readable.map((g) => `${g.unitPath}%`),
    context: readable.filter((g) => seesWholeInspection(g.role)).map((g) => `${g.unitPath}%`),
  };
}

/** Whether any of the actor's read grants covers the unit at `path` (its subtree included). */
export function seesUnit(actor: Actor, path: string): boolean {
  return actor.grants.some((g) => roleMay(g.role, 'read') && covers(g, path));
}

export function hasRoleAnywhere(actor: Actor, action: Action): boolean {
  return actor.grants.some((g) => roleMay(g.role, action));
}
