-- Paging and searching cross-check hits (核实任务): a page of one run's rule in id order, a whole
-- ID number, a household. Names and villages are searched by substring within the scope filter.
CREATE INDEX check_hits_run_rule_page_idx ON check_hits(run_id, rule_id, id);
CREATE INDEX check_hits_id_number_idx ON check_hits(id_number);
CREATE INDEX check_hits_household_idx ON check_hits(household_id);
