-- Superseded by measures_ledger_order_idx / measures_filter_idx (inspection first) and
-- measures_urgency_idx / measures_deadline_idx (deadline order). Every index costs each
-- imported row a write, so the ones no query needs any more go.
DROP INDEX measures_inspection_idx;
DROP INDEX measures_status_deadline_idx;
