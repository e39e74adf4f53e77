-- Servicekonto login (auth module): started logins until their answer arrives (SAML AuthnRequest ID = InResponseTo,
-- OIDC state), taken exactly once, and the ids of answers already used (replay protection), kept until the answer
-- would have expired anyway. Ids, levels and provider data (OIDC nonce, PKCE verifier, relay state) only, never
-- personal data. Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE ozg_auth_request (
    request_id     VARCHAR(128)                NOT NULL PRIMARY KEY,
    provider_id    VARCHAR(512)                NOT NULL,
    required_level VARCHAR(16)                 NOT NULL,
    -- provider data as application/x-www-form-urlencoded pairs
    data           VARCHAR(4000)               NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ozg_auth_request_level_ck CHECK (required_level IN ('LOW', 'SUBSTANTIAL', 'HIGH'))
);

CREATE INDEX ozg_auth_request_expires_ix ON ozg_auth_request (expires_at);

CREATE TABLE ozg_auth_used_message (
    message_id VARCHAR(256)                NOT NULL PRIMARY KEY,
    keep_until TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX ozg_auth_used_message_keep_ix ON ozg_auth_used_message (keep_until);
