-- The ledger's default order (newest inspection first, then problems and measures in order)
-- served straight from an index, so a page of 50 rows never sorts the whole table.
CREATE INDEX measures_ledger_order_idx ON measures(inspection_id DESC, problem_id, position, id);
CREATE INDEX measures_deadline_idx ON measures(deadline, id) WHERE status <> 'closed';
