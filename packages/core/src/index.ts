export * from './vocabulary.ts';
export * from './ledger-draft.ts';
