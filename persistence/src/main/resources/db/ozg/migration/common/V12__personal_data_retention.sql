-- Personal data after delivery (portal module, de.ozgsdk.portal.runtime.PersonalDataRetention): what the receiver
-- answered for every outbox entry it took over or refused, kept as the proof of delivery once the entry's payload
-- (with the personal data) is deleted; and when a submission's personal data was erased. Ids, times, the receiver's
-- reference and acknowledgement only. Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE ozg_delivery_acknowledgement (
    -- the outbox idempotency key: the submission id of an application, the message id of a postbox message
    idempotency_key VARCHAR(200)                NOT NULL PRIMARY KEY,
    destination     VARCHAR(200)                NOT NULL,
    -- ACCEPTED: the receiver took it over (HTTPS receipt, file drop .done, FIT-Connect accept-submission);
    -- REJECTED: the receiver refused it (FIT-Connect reject-submission)
    outcome         VARCHAR(16)                 NOT NULL,
    -- when the receipt was taken, by the portal's clock
    received_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- the receiver's name for it (HTTPS Location, file name, FIT-Connect submission id)
    reference       VARCHAR(2000),
    -- the receiver's confirmation document (HTTPS answer body, FIT-Connect security event token)
    acknowledgement BYTEA,
    media_type      VARCHAR(200),
    CONSTRAINT ozg_delivery_ack_outcome_ck CHECK (outcome IN ('ACCEPTED', 'REJECTED'))
);
CREATE INDEX ozg_delivery_ack_received_idx ON ozg_delivery_acknowledgement (outcome, received_at);

-- When the submitted data was removed from the sealed receipt; NULL while the portal still holds it.
ALTER TABLE ozg_submission ADD COLUMN erased_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX ozg_submission_erased_idx ON ozg_submission (erased_at);
