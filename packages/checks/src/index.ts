export {
  validateIdNumber,
  maskIdNumber,
  checkCharacter,
  normalizeIdText,
  ID_MESSAGES,
  type IdValidation,
} from './id-number.ts';
export { quoteIdent } from './quote.ts';
export type { RuleSet, Rule, RuleClass, RosterDecl, ColumnDecl, Predicate } from './rules/ast.ts';
export { RULE_CLASSES } from './rules/ast.ts';
export { parseRuleFile } from './rules/parse.ts';
export { RuleFileError, type RuleFileProblem } from './rules/errors.ts';
export { compileRule, rostersNeeded, type CompiledRule } from './rules/compile.ts';
export { describeRules, type RuleDescription, type DescribeOptions } from './rules/describe.ts';
export { duckdbDialect, postgresDialect, type Dialect } from './rules/dialect.ts';
export { loadPack, PACKS } from './packs/index.ts';
export { importRoster, RosterImportError, EXCEL_ROW_LIMIT } from './roster/import.ts';
export {
  suggestMapping,
  saveMapping,
  loadMapping,
  type ColumnMapping,
  type SavedMapping,
} from './roster/mapping.ts';
export type { RosterProvenance, Rejection } from './roster/provenance.ts';
export { openDuckDb, duckdbEngine } from './engine/duckdb.ts';
export type { Hit } from './output/hits.ts';
export {
  runCheck,
  loadRuleSet,
  summaryJson,
  type CheckOptions,
  type CheckResult,
  type RuleResult,
  type RosterInput,
} from './run.ts';
