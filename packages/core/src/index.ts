export * from './vocabulary.ts';
export * from './ledger-draft.ts';
export * from './errors.ts';
export * from './workflow.ts';
export * from './permissions.ts';
export * from './deadlines.ts';
export * from './derived-status.ts';
export * from './audit-chain.ts';
