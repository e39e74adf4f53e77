-- Documents uploaded into file fields of portal applications (ozg-portal, de.ozgsdk.portal.upload). One row per
-- document, bound to the draft (application id) and its owner: only the owner reads it, another tenant or citizen
-- gets "not found". Name and media type are sealed with the portal's Sealer (a file name may be personal data); the
-- content lies in ozg_upload_chunk as one stream of de.ozgsdk.core.crypto.SealedStreams, split into rows of 256 KiB,
-- so that neither writing nor reading ever holds a document in memory. Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE ozg_upload (
    id             UUID                        NOT NULL PRIMARY KEY,
    tenant_id      VARCHAR(64)                 NOT NULL,
    -- the pseudonymous owner key of the draft (DraftOwner.userId)
    owner_id       VARCHAR(255)                NOT NULL,
    -- the draft (ozg_draft.id) the document belongs to
    application_id UUID                        NOT NULL,
    -- the data path of the file field, e.g. G60000086[0].F60000123 (FIM ids and indices, no personal data)
    field_path     VARCHAR(512)                NOT NULL,
    -- RECEIVING while the bytes arrive and are checked, ACCEPTED, or UNSCANNED (accepted while the virus scanner
    -- was unreachable, only when the operator allows it; scanned again before submit)
    state          VARCHAR(16)                 NOT NULL,
    size_bytes     BIGINT                      NOT NULL,
    -- SHA-512 (hex) of the plain bytes, as FIT-Connect announces it
    sha512         VARCHAR(128)                NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- a row still RECEIVING after this instant is left over from a crash and is deleted by the purge
    expires_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- AES-256-GCM sealed (Sealer) file name and media type, bound to id and owner
    meta           BYTEA                       NOT NULL,
    CONSTRAINT ozg_upload_state_ck CHECK (state IN ('RECEIVING', 'ACCEPTED', 'UNSCANNED'))
);
CREATE INDEX ozg_upload_application_idx ON ozg_upload (tenant_id, owner_id, application_id);
CREATE INDEX ozg_upload_expires_idx ON ozg_upload (expires_at);

CREATE TABLE ozg_upload_chunk (
    upload_id UUID    NOT NULL,
    seq       INTEGER NOT NULL,
    content   BYTEA   NOT NULL,
    CONSTRAINT ozg_upload_chunk_pk PRIMARY KEY (upload_id, seq),
    CONSTRAINT ozg_upload_chunk_upload_fk FOREIGN KEY (upload_id) REFERENCES ozg_upload (id) ON DELETE CASCADE
);
