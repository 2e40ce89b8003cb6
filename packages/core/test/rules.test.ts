import { describe, expect, it } from 'vitest';
import {
  addDays,
  auditHash,
  canonicalJson,
  completionRate,
  daysUntil,
  GENESIS_HASH,
  measureLight,
  problemStatus,
  roleMay,
  type LightInput,
} from '../src/index.ts';

const base: LightInput = {
  kind: 'deadline',
  status: 'in_progress',
  deadline: '2025-03-10',
  lastProgressAt: null,
  createdAt: '2025-01-01T08:00:00.000Z',
  evidenceCadenceDays: null,
};

describe('deadline lights', () => {
  it('is green far from the deadline, yellow within 7 days, red when overdue', () => {
    expect(measureLight(base, '2025-03-01')).toBe('green');
    expect(measureLight(base, '2025-03-03')).toBe('yellow');
    expect(measureLight(base, '2025-03-10')).toBe('yellow');
    expect(measureLight(base, '2025-03-11')).toBe('red');
    expect(measureLight(base, '2025-03-05', 3)).toBe('green');
  });
  it('has no light once closed, and judges 长期坚持 on fresh evidence', () => {
    expect(measureLight({ ...base, status: 'closed' }, '2025-04-01')).toBe('none');
    const ongoing = {
      ...base,
      kind: 'ongoing' as const,
      deadline: null,
      lastProgressAt: '2025-02-01T00:00:00Z',
    };
    expect(measureLight(ongoing, '2025-02-20')).toBe('green');
    expect(measureLight(ongoing, '2025-02-27')).toBe('yellow');
    expect(measureLight(ongoing, '2025-03-04')).toBe('red');
    expect(measureLight({ ...ongoing, evidenceCadenceDays: 90 }, '2025-03-04')).toBe('green');
  });
  it('counts days across month ends and leap years', () => {
    expect(daysUntil('2024-03-01', '2024-02-28')).toBe(2);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});

describe('derived status', () => {
  it('derives a problem from its measures', () => {
    expect(problemStatus({ total: 0, closed: 0, notStarted: 0 })).toBe('no_measures');
    expect(problemStatus({ total: 3, closed: 3, notStarted: 0 })).toBe('closed');
    expect(problemStatus({ total: 3, closed: 0, notStarted: 3 })).toBe('not_started');
    expect(problemStatus({ total: 3, closed: 1, notStarted: 1 })).toBe('in_progress');
  });
  it('rounds completion to one decimal', () => {
    expect(completionRate(1, 3)).toBe(33.3);
    expect(completionRate(40, 40)).toBe(100);
    expect(completionRate(0, 0)).toBe(0);
  });
});

describe('audit chain', () => {
  const content = {
    at: '2025-01-01T00:00:00.000Z',
    actorId: 1,
    action: 'x',
    entity: 'measure',
    entityId: '1',
    before: null,
    after: { b: 1, a: [1, 'x'] },
  };
  it('hashes canonically, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: null, c: 'x' } })).toBe('{"a":{"c":"x","d":null},"b":1}');
    expect(auditHash(GENESIS_HASH, content)).toBe(
      auditHash(GENESIS_HASH, { ...content, after: { a: [1, 'x'], b: 1 } }),
    );
  });
  it('changes when anything changes', () => {
    const h = auditHash(GENESIS_HASH, content);
    expect(auditHash(GENESIS_HASH, { ...content, actorId: 2 })).not.toBe(h);
    expect(auditHash('1'.repeat(64), content)).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...content, after: { b: 2, a: [1, 'x'] } })).not.toBe(h);
  });
});

describe('permissions', () => {
  it('keeps administration with administrators and the audit log with office and discipline', () => {
    expect(roleMay('admin', 'manage_users')).toBe(true);
    expect(roleMay('office', 'manage_users')).toBe(false);
    expect(roleMay('discipline', 'read_audit')).toBe(true);
    expect(roleMay('clerk', 'read_audit')).toBe(false);
    expect(roleMay('clerk', 'manage_inspections')).toBe(false);
    expect(roleMay('viewer', 'read')).toBe(true);
  });
});
