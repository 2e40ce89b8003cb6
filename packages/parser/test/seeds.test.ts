import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, scoreSeeds, THRESHOLD } from '../scripts/score.ts';
import { FIELDS } from '../scripts/scoring.ts';

// The real documents live outside the repository (they may not be copied in); when they are
// present, every field must reach the target.
const seedsDir = resolve(import.meta.dirname, '../../../../shared/seeds');

describe.skipIf(!existsSync(resolve(seedsDir, 'expected')))('accuracy on the seed documents', () => {
  it(`scores ≥ ${THRESHOLD} on every field`, async () => {
    const report = await scoreSeeds(seedsDir);
    expect(report.documents.length).toBeGreaterThan(0);
    const below = FIELDS.filter((field) => report.scores[field].score < THRESHOLD);
    expect(below, formatReport(report)).toEqual([]);
  });
});
