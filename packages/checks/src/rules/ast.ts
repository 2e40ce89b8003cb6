// The typed rule AST. A rule file (YAML/JSON) is parsed into this shape and checked
// against the roster declarations before anything is compiled to SQL.

export const RULE_CLASSES = ['错项', '漏项', '缺项', '逻辑问题'] as const;
export type RuleClass = (typeof RULE_CLASSES)[number];

export const COLUMN_TYPES = ['text', 'number', 'date', 'id'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const CMP_OPS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;
export type CmpOp = (typeof CMP_OPS)[number];

export interface ColumnDecl {
  name: string;
  type: ColumnType;
  /** Header texts that map to this column, Chinese first. */
  aliases: string[];
  required: boolean;
}

export interface RosterDecl {
  name: string;
  title: string;
  columns: ColumnDecl[];
}

/** The right-hand side of a comparison. */
export type Operand =
  | { kind: 'value'; value: string | number }
  /** The as-of date shifted by `days` (negative = earlier). */
  | { kind: 'asOf'; days: number }
  | { kind: 'column'; name: string };

export type Predicate =
  | { kind: 'cmp'; column: string; op: CmpOp; right: Operand }
  | { kind: 'in'; column: string; values: (string | number)[]; negate: boolean }
  | { kind: 'empty'; column: string; negate: boolean }
  | { kind: 'invalidId'; column: string }
  | { kind: 'and' | 'or'; items: Predicate[] }
  | { kind: 'not'; item: Predicate };

export interface CountTest {
  op: CmpOp;
  right: { kind: 'value'; value: number } | { kind: 'column'; name: string };
}

export type RuleBody =
  /** Only `where`: a contradiction or gap inside one record. */
  | { kind: 'condition' }
  /** Rows of another roster matched on a key, counted and tested (exists, absent, fewer than N). */
  | {
      kind: 'related';
      roster: string;
      left: string;
      right: string;
      where: Predicate | undefined;
      show: string[];
      count: CountTest;
    }
  /** One key value carried by more than one distinct value of another column. */
  | { kind: 'duplicate'; key: string; across: string }
  /** Rows grouped by a column, the group size tested against a number or a stated column. */
  | { kind: 'group'; by: string; count: CountTest };

export type CountingUnit = 'person' | 'row' | 'household';

export interface Rule {
  id: string;
  class: RuleClass;
  title: string;
  roster: string;
  unit: CountingUnit;
  where: Predicate | undefined;
  body: RuleBody;
  /** Chinese text with `{column}` placeholders filled from each hit. */
  reason: string;
}

export interface RuleSet {
  /** Roster that supplies name / household / village for hits found on other rosters. */
  context: string | undefined;
  rosters: RosterDecl[];
  rules: Rule[];
}
