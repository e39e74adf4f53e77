-- Submitted applications of the portal runtime (ozg-portal, de.ozgsdk.portal.runtime): one row per application
-- (draft id), written in the same transaction as the outbox entry of its application message, so that a second submit
-- of the same application (double click, retry, another node) finds it and shows the same receipt. Ids, times and
-- digests in the clear; the receipt (with the submitted data) sealed with the portal's Sealer, bound to the row.
-- Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE ozg_submission (
    -- the draft id the application was submitted from; the primary key makes submit exactly-once
    application_id  UUID                        NOT NULL PRIMARY KEY,
    tenant_id       VARCHAR(64)                 NOT NULL,
    -- the pseudonymous owner key of the draft (DraftOwner.userId); only the owner reads the receipt
    owner_id        VARCHAR(255)                NOT NULL,
    service_id      VARCHAR(128)                NOT NULL,
    -- the submission id of the application message (its outbox idempotency key)
    submission_id   UUID                        NOT NULL,
    submitted_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- genTime of the RFC 3161 time-stamp token
    timestamp_time  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- SHA-256 (hex) submission digest of the application message, the stamped imprint
    message_digest  VARCHAR(64)                 NOT NULL,
    -- the DER-encoded time-stamp token
    timestamp_token BYTEA                       NOT NULL,
    -- AES-256-GCM sealed receipt (de.ozgsdk.core.crypto.Sealer), bound to application id and owner
    receipt         BYTEA                       NOT NULL,
    CONSTRAINT ozg_submission_submission_id_uq UNIQUE (submission_id)
);
CREATE INDEX ozg_submission_owner_idx ON ozg_submission (tenant_id, owner_id);
