// The shapes the API sends, shared by the server (which builds them) and the web app (which reads
// them): types only, so the web bundle gains nothing at run time.

export type * from './notices.ts';
export type * from './dispatch.ts';
export type * from './extensions.ts';
export type * from './lookback.ts';
export type * from './inbox.ts';
export type {
  DispatchComparison,
  DispatchCounts,
  DispatchNumber,
  DispatchRow,
  DispatchTotals,
  MovedMeasure,
  NumberChange,
  StalledUnit,
  UnitCounts,
  UnitThenNow,
} from '../dispatch.ts';
export type * from './public.ts';
