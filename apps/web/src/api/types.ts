// Shapes of the HTTP API (see /api/docs/json). Only the fields the UI reads.

export type Role = 'admin' | 'office' | 'reviewer' | 'leader' | 'clerk' | 'discipline' | 'viewer';
export type MeasureStatus = 'not_started' | 'in_progress' | 'pending_review' | 'closed';
export type MeasureKind = 'immediate' | 'deadline' | 'ongoing';
export type InspectionKind =
  'xunshi' | 'xuncha' | 'special_xuncha' | 'lookback' | 'assessment' | 'audit' | 'supervision';
export type ProblemSource = 'feedback' | 'cross_check' | 'petition' | 'look_back' | 'self_check';
export type UnitKind = 'county' | 'township' | 'village' | 'department';
export type MeasureEvent = 'start' | 'report_progress' | 'request_closure' | 'approve' | 'return' | 'reopen';
export type Light = 'green' | 'yellow' | 'red' | 'none';

export const ROLES: Role[] = ['admin', 'office', 'reviewer', 'leader', 'clerk', 'discipline', 'viewer'];
export const MEASURE_STATUSES: MeasureStatus[] = ['not_started', 'in_progress', 'pending_review', 'closed'];
export const MEASURE_KINDS: MeasureKind[] = ['immediate', 'deadline', 'ongoing'];
export const INSPECTION_KINDS: InspectionKind[] = [
  'xunshi',
  'xuncha',
  'special_xuncha',
  'lookback',
  'assessment',
  'audit',
  'supervision',
];
export const PROBLEM_SOURCES: ProblemSource[] = [
  'feedback',
  'cross_check',
  'petition',
  'look_back',
  'self_check',
];
export const UNIT_KINDS: UnitKind[] = ['county', 'township', 'village', 'department'];

export interface Grant {
  role: Role;
  roleLabel?: string;
  unitId: number;
  unitName: string;
  /** On a leader grant: the unit's 主要领导 (level-3 notices go there). */
  principal?: boolean;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  grants: Grant[];
}

export interface Unit {
  id: number;
  parentId: number | null;
  name: string;
  kind: UnitKind;
  path: string;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  email: string | null;
  disabled: boolean;
  grants: Grant[];
}

export interface InspectionInput {
  name: string;
  kind: InspectionKind;
  issuer?: string | null;
  team?: string | null;
  ownerUnitId: number;
  inspectedUnitId: number;
  extendedUnitIds?: number[];
  periodStart?: string | null;
  periodEnd?: string | null;
  feedbackDate?: string | null;
  planDue?: string | null;
  reportDue?: string | null;
  yellowDays?: number;
  /** 督办: reminders N days before a deadline, days between notice levels, days to answer. */
  reminderDays?: number[];
  escalationDays?: number;
  responseDays?: number;
}

export interface Inspection extends Required<
  Omit<InspectionInput, 'extendedUnitIds' | 'yellowDays' | 'reminderDays' | 'escalationDays' | 'responseDays'>
> {
  id: number;
  extendedUnitIds: number[];
  yellowDays: number;
  reminderDays: number[];
  escalationDays: number;
  responseDays: number;
  createdAt: string;
  ownerUnitName: string;
  inspectedUnitName: string;
  myRoles?: Role[];
}

export interface OutlineProblem {
  id: number;
  categoryId: number | null;
  number: string;
  title: string;
  finding: string;
  source: ProblemSource;
  crossCheckAll: boolean;
  leaderName: string | null;
  leadUnitId: number | null;
  recurring: boolean;
  position: number;
  measures: number;
  closed: number;
  notStarted: number;
  status: MeasureStatus | 'empty' | string;
}

export interface Outline {
  inspection: Inspection;
  categories: {
    id: number | null;
    inspectionId: number;
    position: number;
    title: string;
    problems: OutlineProblem[];
  }[];
}

export interface ProblemInput {
  categoryId: number | null;
  number: string;
  title: string;
  finding?: string;
  source?: ProblemSource;
  crossCheckAll?: boolean;
  leaderName?: string | null;
  leadUnitId?: number | null;
}

export interface MeasureInput {
  text: string;
  kind: MeasureKind;
  unitId: number;
  cooperatingUnitIds?: number[];
  leaderName?: string | null;
  personName?: string | null;
  deadline?: string | null;
  evidenceCadenceDays?: number | null;
  evidenceNote?: string | null;
  remark?: string | null;
}

export interface LedgerItem {
  id: number;
  inspectionId: number;
  inspectionName: string;
  problemId: number;
  problemNumber: string;
  problemTitle: string;
  /** 反复: the problem came back at a 回头看. */
  problemRecurring?: boolean;
  categoryTitle: string | null;
  position: number;
  text: string;
  kind: MeasureKind;
  status: MeasureStatus;
  unitId: number;
  unitName: string;
  leaderName: string | null;
  personName: string | null;
  deadline: string | null;
  lastProgressAt: string | null;
  evidenceCadenceDays: number | null;
  createdAt: string;
  yellowDays: number;
  light: Light;
  daysLeft: number | null;
}

export interface LedgerPage {
  /** Exact up to the server's cap (20,000); beyond it `totalExact` is false and this is the cap. */
  total: number;
  totalExact: boolean;
  items: LedgerItem[];
}

export interface Measure {
  id: number;
  problemId: number;
  position: number;
  inspectionId: number;
  text: string;
  kind: MeasureKind;
  unitId: number;
  cooperatingUnitIds: number[];
  leaderName: string | null;
  personName: string | null;
  deadline: string | null;
  status: MeasureStatus;
  evidenceCadenceDays: number | null;
  lastProgressAt: string | null;
  closedAt: string | null;
  returnReason: string | null;
  evidenceNote: string | null;
  remark: string | null;
  createdAt: string;
  updatedAt: string;
  unitName: string;
  problemNumber: string;
  problemTitle: string;
  problemFinding: string | null;
  problemRecurring?: boolean;
  categoryTitle: string | null;
  inspectionName: string;
  yellowDays: number;
  cooperatingUnitNames: string[] | null;
  myRoles: Role[];
  allowedEvents: MeasureEvent[];
  canEdit: boolean;
}

export interface Attachment {
  id: number;
  fileName: string;
  mime: string;
  size: number;
}

export interface HardNumber {
  label: string;
  value: number;
  unit?: string;
}

export interface Timeline {
  progress: {
    id: number;
    text: string;
    numbers: HardNumber[];
    createdAt: string;
    author: string;
    evidence: Attachment[];
  }[];
  events: {
    id: number;
    at: string;
    action: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    actor: string;
  }[];
}

export interface Bucket {
  key: string;
  total: number;
  closed: number;
  overdue: number;
  rate: number;
}

export interface Stats {
  today: string;
  totals: {
    inspections: number;
    problems: number;
    measures: number;
    closed: number;
    pendingReview: number;
    inProgress: number;
    notStarted: number;
    ongoing: number;
    overdue: number;
    dueSoon: number;
    problemsClosed: number;
    rate: number;
  };
  byUnit: Bucket[];
  byCategory: Bucket[];
  byLeader: Bucket[];
  weeklyClosures: { week: string; closed: number }[];
  overdue: LedgerItem[];
  dueSoon: LedgerItem[];
  /** 回头看 results and 反复 problems in scope. */
  lookback?: {
    sampled: number;
    checked: number;
    consolidated: number;
    rebounded: number;
    notDone: number;
    recurringProblems: number;
  };
}

export interface CellIssue {
  sheet: string;
  row: number;
  column: string;
  header: string | null;
  value: string | null;
  reason: string;
}

export interface LedgerDraft {
  title: string | null;
  categories: {
    title: string;
    problems: {
      number: string;
      title: string;
      text: string;
      measures: {
        text: string;
        kind: MeasureKind;
        deadline: string | null;
        status: MeasureStatus;
        leaderName: string | null;
        unitName: string | null;
        personName: string | null;
        at: { sheet: string; row: number; column: string } | null;
      }[];
    }[];
  }[];
}

export interface ImportSummary {
  inspectionId: number | null;
  dryRun?: boolean;
  categories: number;
  problems: number;
  measures: number;
  unitsCreated?: string[];
  issues: CellIssue[];
  warnings: string[];
  preview?: LedgerDraft;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
}
