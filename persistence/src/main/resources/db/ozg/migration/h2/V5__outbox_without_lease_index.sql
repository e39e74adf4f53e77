-- Outbox throughput (issue 20). H2 has no partial indexes; the run-out leases are found through
-- ozg_outbox_due_idx (status, next_attempt_at) instead, among the entries in flight only (at most the batches of the
-- live workers and of crashed ones not yet claimed again), so the index on (status, lease_until) is dropped: every
-- insert, claim and delivery had to keep it up to date.
DROP INDEX ozg_outbox_lease_idx;
