-- FIT-Connect sender (transfer module): which FIT-Connect submission belongs to which of our submission ids, written
-- right after POST /v1/submissions and before any upload, so that a retry after a crash resumes that submission (or
-- finds it submitted) instead of creating a second one. Ids and JWE authentication tags only, never personal data.
-- Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE ozg_fitconnect_submission (
    our_submission_id VARCHAR(128)                NOT NULL PRIMARY KEY,
    destination_id    VARCHAR(36)                 NOT NULL,
    submission_id     VARCHAR(36)                 NOT NULL,
    case_id           VARCHAR(36)                 NOT NULL,
    -- The announced attachment ids in order, separated by commas (UUIDs, at most 100).
    attachment_ids    VARCHAR(4000)               NOT NULL,
    state             VARCHAR(16)                 NOT NULL,
    -- JWE authentication tags sent with the submit (JSON {metadata, data, attachments}), compared with the
    -- accept-submission event of the receiver.
    authentication_tags VARCHAR(8000),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    submitted_at      TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT ozg_fitconnect_submission_uq UNIQUE (submission_id),
    CONSTRAINT ozg_fitconnect_state_ck CHECK (state IN ('CREATED', 'SUBMITTED'))
);
