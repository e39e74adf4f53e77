-- Portal (portal module): the tenants of a multi-tenant portal and the citizens' flow sessions, so that every portal
-- node reads the same configuration and accepts the same session cookie. Runs unchanged on H2 2.x and PostgreSQL.

-- One municipality per row: its configuration as the JSON of a tenant file (checked by the loader on every write and
-- read, schema de/ozgsdk/portal/tenant/tenant.schema.json) and its logo. Public configuration, no personal data.
CREATE TABLE ozg_portal_tenant (
    tenant_id     VARCHAR(64)                 NOT NULL PRIMARY KEY,
    regional_key  VARCHAR(12)                 NOT NULL,
    configuration VARCHAR(262144)             NOT NULL,
    logo          BYTEA,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ozg_portal_tenant_ars_uq UNIQUE (regional_key)
);

-- One row counting every change of ozg_portal_tenant: a node compares it with the revision it has cached and reloads
-- only when it differs, so a change reaches every node within one check interval at the cost of one tiny query.
CREATE TABLE ozg_portal_tenant_revision (
    id       INTEGER NOT NULL PRIMARY KEY,
    revision BIGINT  NOT NULL,
    CONSTRAINT ozg_portal_tenant_revision_one_ck CHECK (id = 1)
);

INSERT INTO ozg_portal_tenant_revision (id, revision) VALUES (1, 0);

-- A citizen's flow session: the cookie carries a random id, the table only its SHA-256, so a copy of the table opens
-- no session. Data is a small JSON object of the runtime's keys (draft id, step, login state), no form content.
CREATE TABLE ozg_portal_flow_session (
    id_hash      VARCHAR(64)                 NOT NULL PRIMARY KEY,
    scope        VARCHAR(200)                NOT NULL,
    data         VARCHAR(65536)              NOT NULL,
    idle_seconds INTEGER                     NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- the absolute end (login time + maximum of the trust level, BSI TR-03160-1)
    deadline     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- the earlier of last_seen_at + idle_seconds and deadline, for lookups and the purge
    expires_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ozg_portal_flow_session_idle_ck CHECK (idle_seconds > 0)
);

CREATE INDEX ozg_portal_flow_session_expires_ix ON ozg_portal_flow_session (expires_at);
