import type { Role } from './vocabulary.ts';

// Which roles may do what, outside the measure workflow (which lives in workflow.ts).
// Scope (which units) is checked separately: a permission is only ever used together with
// the unit subtree of the grant that carries it.

export const ACTIONS = [
  'read',
  'manage_inspections',
  'import_ledger',
  'manage_units',
  'manage_users',
  'read_audit',
  'verify_audit',
  'backup',
  'accountability',
  'supervise',
  'answer_notice',
  'request_extension',
  'lookback',
  'triage_public',
] as const;
export type Action = (typeof ACTIONS)[number];

const ALLOWED: Record<Action, readonly Role[]> = {
  read: ['admin', 'office', 'reviewer', 'leader', 'clerk', 'discipline', 'viewer'],
  manage_inspections: ['admin', 'office'],
  import_ledger: ['admin', 'office'],
  manage_units: ['admin'],
  manage_users: ['admin'],
  read_audit: ['admin', 'office', 'discipline'],
  verify_audit: ['admin'],
  backup: ['admin'],
  // 问责 records name people: only discipline inspection and the inspection office see them.
  accountability: ['office', 'discipline'],
  // 督办: issuing and closing notices, dispatch snapshots, deciding extension requests.
  supervise: ['admin', 'office'],
  // The supervised unit answers a notice and asks for more time.
  answer_notice: ['clerk', 'leader'],
  request_extension: ['clerk', 'leader'],
  // 回头看 re-checks are done by the office or its reviewers.
  lookback: ['admin', 'office', 'reviewer'],
  // Messages from the public: triage, link to problems, assign to units.
  triage_public: ['admin', 'office'],
};

export function roleMay(role: Role, action: Action): boolean {
  return ALLOWED[action].includes(role);
}

/**
 * How far a role sees into an inspection. A unit clerk sees only the measures his unit owns;
 * the others also see every measure of an inspection that was run by or aimed at their subtree.
 */
export function seesWholeInspection(role: Role): boolean {
  return role !== 'clerk';
}
