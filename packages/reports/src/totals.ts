import type { ReportData } from './report-data.ts';

/** The numbers a report states about the ledger ("4个方面22个问题、40条整改措施，已完成40条"). */
export interface ReportTotals {
  categories: number;
  problems: number;
  measures: number;
  closedMeasures: number;
  /** measures − closedMeasures. */
  openMeasures: number;
  /** Measures of kind 长期坚持, closed or not. */
  ongoingMeasures: number;
  /** closedMeasures / measures in percent, rounded half-up to one decimal; 0 when there are no measures. */
  completionRate: number;
  /** Problems with at least one measure whose measures are all closed. */
  problemsClosed: number;
}

export function computeTotals(data: ReportData): ReportTotals {
  let problems = 0;
  let measures = 0;
  let closedMeasures = 0;
  let ongoingMeasures = 0;
  let problemsClosed = 0;
  for (const category of data.categories) {
    for (const problem of category.problems) {
      problems += 1;
      let closedHere = 0;
      for (const measure of problem.measures) {
        measures += 1;
        if (measure.status === 'closed') closedHere += 1;
        if (measure.kind === 'ongoing') ongoingMeasures += 1;
      }
      closedMeasures += closedHere;
      // A problem with no measure has nothing to close: it is not "fully closed".
      if (problem.measures.length > 0 && closedHere === problem.measures.length) problemsClosed += 1;
    }
  }
  return {
    categories: data.categories.length,
    problems,
    measures,
    closedMeasures,
    openMeasures: measures - closedMeasures,
    ongoingMeasures,
    completionRate: percentOneDecimal(closedMeasures, measures),
    problemsClosed,
  };
}

/** Integer arithmetic first, so 1/8 gives 12.5 and never 12.499999. */
function percentOneDecimal(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.round((part * 1000) / whole) / 10;
}
