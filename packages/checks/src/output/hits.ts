// A hit is one finding about one person / household / row: everything a village clerk
// needs to verify it, and what the ledger needs to turn it into a verification task.
import { maskIdNumber } from '../id-number.ts';
import type { Row } from '../engine/engine.ts';
import type { Rule, RuleClass } from '../rules/ast.ts';
import { lineOfRow, type RosterProvenance } from '../roster/provenance.ts';

export interface Hit {
  ruleId: string;
  ruleClass: RuleClass;
  roster: string;
  /** 1-based line (CSV) or row (xlsx) of the roster file. */
  line: number;
  /** `households:12` — stable key of the roster row. */
  rowKey: string;
  idNumber: string | null;
  name: string | null;
  householdId: string | null;
  village: string | null;
  reason: string;
}

function show(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  return v;
}

export function renderReason(template: string, row: Row): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => show(row[name]));
}

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));

export function toHit(
  rule: Rule,
  row: Row,
  provenance: Pick<RosterProvenance, 'headerLine' | 'skippedLines'>,
): Hit {
  const line = lineOfRow(provenance, Number(row._ord));
  return {
    ruleId: rule.id,
    ruleClass: rule.class,
    roster: rule.roster,
    line,
    rowKey: `${rule.roster}:${line}`,
    idNumber: text(row.id_number),
    name: text(row.name),
    householdId: text(row.household_id),
    village: text(row.village),
    reason: renderReason(rule.reason, row),
  };
}

export const HIT_HEADERS = [
  '规则编号',
  '问题类别',
  '规则名称',
  '名单行',
  '身份证号',
  '姓名',
  '户编号',
  '所属村',
  '问题描述',
];

export function hitCells(h: Hit, title: string, unmask: boolean): string[] {
  return [
    h.ruleId,
    h.ruleClass,
    title,
    h.rowKey,
    unmask ? (h.idNumber ?? '') : maskIdNumber(h.idNumber),
    h.name ?? '',
    h.householdId ?? '',
    h.village ?? '',
    h.reason,
  ];
}
