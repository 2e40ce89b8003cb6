-- "Latest progress of a measure" is asked for every ledger row (export, reports). With only
-- (measure_id, created_at) the planner may walk the primary key backwards instead; an index
-- matching ORDER BY id DESC per measure keeps that lookup one index probe.
CREATE INDEX progress_measure_id_idx ON progress_updates(measure_id, id);
CREATE INDEX progress_evidence_sha_idx ON progress_evidence(sha256);
