import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

// Drizzle's view of the tables created by ../migrations/*.sql (the SQL is the source of truth;
// test/schema.test.ts checks that both agree column by column).

const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();
const ref = (name: string) => bigint(name, { mode: 'number' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });

export const units = pgTable('units', {
  id: id(),
  parentId: ref('parent_id'),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  path: text('path').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  unitId: ref('unit_id').notNull(),
  email: text('email'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const roleGrants = pgTable('role_grants', {
  id: id(),
  userId: ref('user_id').notNull(),
  role: text('role').notNull(),
  unitId: ref('unit_id').notNull(),
  principal: boolean('principal').notNull().default(false),
});

export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: ref('user_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
});

export const inspections = pgTable('inspections', {
  id: id(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  issuer: text('issuer'),
  team: text('team'),
  ownerUnitId: ref('owner_unit_id').notNull(),
  inspectedUnitId: ref('inspected_unit_id').notNull(),
  extendedUnitIds: bigint('extended_unit_ids', { mode: 'number' }).array().notNull().default([]),
  periodStart: day('period_start'),
  periodEnd: day('period_end'),
  feedbackDate: day('feedback_date'),
  planDue: day('plan_due'),
  reportDue: day('report_due'),
  yellowDays: integer('yellow_days').notNull().default(7),
  reminderDays: integer('reminder_days').array().notNull().default([7, 1]),
  escalationDays: integer('escalation_days').notNull().default(7),
  responseDays: integer('response_days').notNull().default(3),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const categories = pgTable('categories', {
  id: id(),
  inspectionId: ref('inspection_id').notNull(),
  position: integer('position').notNull(),
  title: text('title').notNull(),
});

export const problems = pgTable('problems', {
  id: id(),
  inspectionId: ref('inspection_id').notNull(),
  categoryId: ref('category_id'),
  position: integer('position').notNull(),
  number: text('number').notNull(),
  title: text('title').notNull(),
  finding: text('finding').notNull().default(''),
  source: text('source').notNull().default('feedback'),
  crossCheckAll: boolean('cross_check_all').notNull().default(false),
  leaderName: text('leader_name'),
  leadUnitId: ref('lead_unit_id'),
  recurring: boolean('recurring').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const measures = pgTable('measures', {
  id: id(),
  problemId: ref('problem_id').notNull(),
  inspectionId: ref('inspection_id').notNull(),
  position: integer('position').notNull(),
  text: text('text').notNull(),
  kind: text('kind').notNull().default('deadline'),
  unitId: ref('unit_id').notNull(),
  cooperatingUnitIds: bigint('cooperating_unit_ids', { mode: 'number' }).array().notNull().default([]),
  leaderName: text('leader_name'),
  personName: text('person_name'),
  deadline: day('deadline'),
  status: text('status').notNull().default('not_started'),
  evidenceCadenceDays: integer('evidence_cadence_days'),
  lastProgressAt: ts('last_progress_at'),
  closedAt: ts('closed_at'),
  returnReason: text('return_reason'),
  evidenceNote: text('evidence_note'),
  remark: text('remark'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const progressUpdates = pgTable('progress_updates', {
  id: id(),
  measureId: ref('measure_id').notNull(),
  authorId: ref('author_id'),
  text: text('text').notNull(),
  numbers: jsonb('numbers').notNull().default([]),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const evidenceFiles = pgTable('evidence_files', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const progressEvidence = pgTable('progress_evidence', {
  id: id(),
  progressId: ref('progress_id').notNull(),
  sha256: text('sha256').notNull(),
  fileName: text('file_name').notNull(),
});

export const auditEvents = pgTable('audit_events', {
  id: id(),
  at: ts('at').notNull(),
  actorId: ref('actor_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  unitId: ref('unit_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const accountabilityActions = pgTable('accountability_actions', {
  id: id(),
  inspectionId: ref('inspection_id').notNull(),
  problemId: ref('problem_id'),
  measureId: ref('measure_id'),
  personName: text('person_name').notNull(),
  position: text('position'),
  unitName: text('unit_name'),
  actionType: text('action_type').notNull(),
  actionDate: day('action_date').notNull(),
  note: text('note'),
  createdBy: ref('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const checkRuns = pgTable('check_runs', {
  id: id(),
  ownerUnitId: ref('owner_unit_id').notNull(),
  pack: text('pack').notNull(),
  asOf: day('as_of').notNull(),
  summary: jsonb('summary').notNull().default({}),
  createdBy: ref('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const checkHits = pgTable('check_hits', {
  id: id(),
  runId: ref('run_id').notNull(),
  ruleId: text('rule_id').notNull(),
  ruleClass: text('rule_class').notNull(),
  rowKey: text('row_key').notNull(),
  idNumber: text('id_number'),
  name: text('name'),
  householdId: text('household_id'),
  village: text('village'),
  unitId: ref('unit_id').notNull(),
  reason: text('reason').notNull(),
  outcome: text('outcome').notNull().default('pending'),
  note: text('note'),
  verifiedBy: ref('verified_by'),
  verifiedAt: ts('verified_at'),
  problemId: ref('problem_id'),
});

export const supervisionNotices = pgTable('supervision_notices', {
  id: id(),
  inspectionId: ref('inspection_id').notNull(),
  measureId: ref('measure_id'),
  unitId: ref('unit_id').notNull(),
  level: smallint('level').notNull(),
  channel: text('channel').notNull(),
  origin: text('origin').notNull(),
  reason: text('reason').notNull(),
  dueDate: day('due_date'),
  issuedOn: day('issued_on').notNull(),
  responseDue: day('response_due').notNull(),
  recipientIds: bigint('recipient_ids', { mode: 'number' }).array().notNull().default([]),
  status: text('status').notNull().default('open'),
  response: text('response'),
  respondedBy: ref('responded_by'),
  respondedAt: ts('responded_at'),
  closeNote: text('close_note'),
  closedBy: ref('closed_by'),
  closedAt: ts('closed_at'),
  issuedBy: ref('issued_by'),
  dedupeKey: text('dedupe_key'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const notifications = pgTable('notifications', {
  id: id(),
  userId: ref('user_id').notNull(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  link: text('link'),
  measureId: ref('measure_id'),
  noticeId: ref('notice_id'),
  dedupeKey: text('dedupe_key'),
  createdAt: ts('created_at').notNull().defaultNow(),
  readAt: ts('read_at'),
  emailStatus: text('email_status').notNull().default('none'),
  emailAttempts: integer('email_attempts').notNull().default(0),
  emailError: text('email_error'),
});

export const schedulerDays = pgTable('scheduler_days', {
  day: day('day').primaryKey(),
  finishedAt: ts('finished_at').notNull().defaultNow(),
  summary: jsonb('summary').notNull().default({}),
});

export const dispatchSnapshots = pgTable('dispatch_snapshots', {
  id: id(),
  inspectionId: ref('inspection_id').notNull(),
  takenOn: day('taken_on').notNull(),
  label: text('label').notNull(),
  rows: jsonb('rows').notNull(),
  totals: jsonb('totals').notNull().default({}),
  createdBy: ref('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const extensionRequests = pgTable('extension_requests', {
  id: id(),
  measureId: ref('measure_id').notNull(),
  currentDeadline: day('current_deadline'),
  requestedDeadline: day('requested_deadline').notNull(),
  reason: text('reason').notNull(),
  status: text('status').notNull().default('pending'),
  requestedBy: ref('requested_by'),
  requestedAt: ts('requested_at').notNull().defaultNow(),
  decidedBy: ref('decided_by'),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
});

export const lookbackRounds = pgTable('lookback_rounds', {
  id: id(),
  inspectionId: ref('inspection_id').notNull(),
  unitId: ref('unit_id'),
  name: text('name').notNull(),
  sampleSize: integer('sample_size'),
  seed: text('seed'),
  status: text('status').notNull().default('open'),
  createdBy: ref('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  finishedAt: ts('finished_at'),
});

export const lookbackChecks = pgTable('lookback_checks', {
  id: id(),
  roundId: ref('round_id').notNull(),
  measureId: ref('measure_id').notNull(),
  outcome: text('outcome'),
  note: text('note'),
  checkedBy: ref('checked_by'),
  checkedAt: ts('checked_at'),
});

export const lookbackEvidence = pgTable('lookback_evidence', {
  id: id(),
  checkId: ref('check_id').notNull(),
  sha256: text('sha256').notNull(),
  fileName: text('file_name').notNull(),
});

export const checkHitEvidence = pgTable('check_hit_evidence', {
  id: id(),
  hitId: ref('hit_id').notNull(),
  sha256: text('sha256').notNull(),
  fileName: text('file_name').notNull(),
});

export const publications = pgTable('publications', {
  id: id(),
  inspectionId: ref('inspection_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  publishedBy: ref('published_by'),
  publishedAt: ts('published_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  withdrawnBy: ref('withdrawn_by'),
  withdrawnAt: ts('withdrawn_at'),
});

export const publicMessages = pgTable('public_messages', {
  id: id(),
  codeHash: text('code_hash').notNull(),
  inspectionId: ref('inspection_id'),
  channel: text('channel').notNull(),
  category: text('category').notNull(),
  body: text('body').notNull(),
  contact: text('contact'),
  status: text('status').notNull().default('new'),
  ownerUnitId: ref('owner_unit_id').notNull(),
  assignedUnitId: ref('assigned_unit_id'),
  assignedOn: day('assigned_on'),
  dueDate: day('due_date'),
  triageNote: text('triage_note'),
  answer: text('answer'),
  answeredBy: ref('answered_by'),
  answeredAt: ts('answered_at'),
  closedBy: ref('closed_by'),
  closedAt: ts('closed_at'),
  senderHash: text('sender_hash'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const publicMessageProblems = pgTable('public_message_problems', {
  id: id(),
  messageId: ref('message_id').notNull(),
  problemId: ref('problem_id').notNull(),
  linkedBy: ref('linked_by'),
  linkedAt: ts('linked_at').notNull().defaultNow(),
});

export const publicMessageFiles = pgTable('public_message_files', {
  id: id(),
  messageId: ref('message_id').notNull(),
  sha256: text('sha256').notNull(),
  fileName: text('file_name').notNull(),
});

export const publicChallengesUsed = pgTable('public_challenges_used', {
  id: id(),
  challengeId: text('challenge_id').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** Tables in foreign-key order: backup writes them in this order, restore reads them back so. */
export const TABLES_IN_ORDER = [
  'units',
  'users',
  'role_grants',
  'sessions',
  'inspections',
  'categories',
  'problems',
  'measures',
  'progress_updates',
  'evidence_files',
  'progress_evidence',
  'audit_events',
  'accountability_actions',
  'check_runs',
  'check_hits',
  'check_hit_evidence',
  'supervision_notices',
  'notifications',
  'scheduler_days',
  'dispatch_snapshots',
  'extension_requests',
  'lookback_rounds',
  'lookback_checks',
  'lookback_evidence',
  'publications',
  'public_messages',
  'public_message_problems',
  'public_message_files',
  'public_challenges_used',
  'settings',
] as const;
