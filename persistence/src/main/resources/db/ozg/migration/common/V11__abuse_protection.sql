-- Portal (portal module, de.ozgsdk.portal.abuse): abuse protection of services without login, shared by every portal
-- node. Runs unchanged on H2 2.x and PostgreSQL.

-- One Bucket4j token bucket per row (per action and keyed client address, or per action and tenant). The key never
-- holds a plain IP address: addresses are an HMAC-SHA256 under the portal's key (personal data, GDPR). The state is
-- Bucket4j's own serialisation, replaced by compare-and-swap on the whole value, so concurrent nodes never lose a
-- consumed token. expires_at: when the bucket is full again, after which the row may be purged.
CREATE TABLE ozg_portal_rate_bucket (
    bucket_key VARCHAR(200)                NOT NULL PRIMARY KEY,
    state      BYTEA                       NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX ozg_portal_rate_bucket_expires_ix ON ozg_portal_rate_bucket (expires_at);

-- Answers to proof-of-work challenges and waiting tokens already used (SHA-256 of the signature), so that each is
-- accepted once on any node; kept until the challenge expires.
CREATE TABLE ozg_portal_abuse_spent (
    token_hash VARCHAR(64)                 NOT NULL PRIMARY KEY,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX ozg_portal_abuse_spent_expires_ix ON ozg_portal_abuse_spent (expires_at);
