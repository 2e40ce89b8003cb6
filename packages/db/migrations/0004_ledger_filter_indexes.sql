-- "Most urgent first" (open before closed, then by deadline) read in index order, and a
-- covering index so counting an inspection's filtered measures needs no table reads.
CREATE INDEX measures_urgency_idx ON measures ((status = 'closed'), deadline, id);
CREATE INDEX measures_filter_idx ON measures (inspection_id, status, kind, unit_id)
  INCLUDE (deadline, last_progress_at, created_at, evidence_cadence_days);
