import { sql, type Db } from '@zhenggai/db';
import type { EvidenceStore } from './evidence-store.ts';
import { patternArray, rows } from './tx.ts';

// An upload stores its files before the transaction that records them. When that transaction
// is refused (a second file too large, empty text, a measure out of scope), the files stay on
// disk with nothing pointing at them. The daily pass removes them. Every record of a stored file
// goes through evidence_files, so a file absent from it is an orphan; the grace period keeps
// uploads still on their way to their transaction safe.

export const EVIDENCE_SWEEP_GRACE_MS = 24 * 3_600_000;
const BATCH = 500;

export interface EvidenceSweep {
  removed: number;
  temporary: number;
}

export async function sweepOrphanEvidence(
  db: Db,
  store: EvidenceStore,
  now = Date.now(),
  graceMs = EVIDENCE_SWEEP_GRACE_MS,
): Promise<EvidenceSweep> {
  const cutoff = now - graceMs;
  let removed = 0;
  let batch: string[] = [];
  const settle = async () => {
    const known = await rows<{ sha256: string }>(
      db,
      sql`SELECT sha256 FROM evidence_files WHERE sha256 = ANY(${patternArray(batch)})`,
    );
    const referenced = new Set(known.map((k) => k.sha256));
    for (const sha256 of batch)
      if (!referenced.has(sha256)) {
        store.remove(sha256);
        removed++;
      }
    batch = [];
  };
  for (const sha256 of store.storedBefore(cutoff)) {
    batch.push(sha256);
    if (batch.length === BATCH) await settle();
  }
  if (batch.length > 0) await settle();
  return { removed, temporary: store.removeTempBefore(cutoff) };
}
