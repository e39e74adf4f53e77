-- Tables of the OZG SDK. The SQL runs unchanged on H2 2.x and PostgreSQL 15+; all times are UTC instants.

CREATE TABLE ozg_draft (
    id          UUID                        NOT NULL PRIMARY KEY,
    tenant_id   VARCHAR(64)                 NOT NULL,
    user_id     VARCHAR(255)                NOT NULL,
    service_id  VARCHAR(128)                NOT NULL,
    version     BIGINT                      NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- AES-256-GCM sealed (de.ozgsdk.core.crypto.Sealer), bound to id + owner.
    payload     BYTEA                       NOT NULL
);
CREATE INDEX ozg_draft_owner_idx ON ozg_draft (tenant_id, user_id);
CREATE INDEX ozg_draft_expires_idx ON ozg_draft (expires_at);

CREATE TABLE ozg_outbox (
    id              UUID                        NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(200)                NOT NULL,
    destination     VARCHAR(200)                NOT NULL,
    payload         BYTEA                       NOT NULL,
    status          VARCHAR(16)                 NOT NULL,
    attempts        INTEGER                     NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    lease_owner     VARCHAR(200),
    lease_token     VARCHAR(36),
    lease_until     TIMESTAMP(6) WITH TIME ZONE,
    -- Exception class and message of the last failed attempt only; never payload or personal data.
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT ozg_outbox_idempotency_key_uq UNIQUE (idempotency_key),
    CONSTRAINT ozg_outbox_status_ck CHECK (status IN ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'DEAD'))
);
CREATE INDEX ozg_outbox_due_idx ON ozg_outbox (status, next_attempt_at);
CREATE INDEX ozg_outbox_lease_idx ON ozg_outbox (status, lease_until);
CREATE INDEX ozg_outbox_lease_token_idx ON ozg_outbox (lease_token);

CREATE TABLE ozg_audit_event (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL PRIMARY KEY,
    id           UUID                        NOT NULL,
    occurred_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    tenant_id    VARCHAR(64)                 NOT NULL,
    actor        VARCHAR(128)                NOT NULL,
    action       VARCHAR(64)                 NOT NULL,
    subject_type VARCHAR(64)                 NOT NULL,
    subject_id   VARCHAR(128)                NOT NULL,
    outcome      VARCHAR(16)                 NOT NULL,
    CONSTRAINT ozg_audit_event_id_uq UNIQUE (id)
);
CREATE INDEX ozg_audit_event_tenant_time_idx ON ozg_audit_event (tenant_id, occurred_at);
