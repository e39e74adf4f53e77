-- Outbox throughput (issue 20). H2 claims take turns on this one row (an UPDATE of it locks it until the claim
-- commits) instead of locking every row they claim before updating it: a row lock on H2 is a write of the row, so each
-- claimed entry was written three times (lock, claim, delivery). Taking turns also keeps concurrent claims from
-- deadlocking over rows they both want. PostgreSQL claims in one statement with FOR UPDATE SKIP LOCKED and needs no
-- such row.
CREATE TABLE ozg_outbox_claim_lock (
    id INTEGER NOT NULL PRIMARY KEY,
    CONSTRAINT ozg_outbox_claim_lock_one_row_ck CHECK (id = 1)
);
INSERT INTO ozg_outbox_claim_lock (id) VALUES (1);
