-- Payments (payment module): the state machine CREATED -> REDIRECTED -> PAID | FAILED | CANCELLED | EXPIRED of each
-- attempt to pay an application's fee, settled only by status query of the payment service. Written before the
-- payment service is called, so that a crash or a retry finds the payment instead of creating a second one. Ids,
-- amounts and states only, never personal data. Runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE ozg_payment (
    -- XBezahldienste requestId: derived from tenant, application id and attempt (PaymentOrder.requestId)
    request_id        VARCHAR(36)                 NOT NULL PRIMARY KEY,
    tenant_id         VARCHAR(64)                 NOT NULL,
    application_id    VARCHAR(200)                NOT NULL,
    attempt           INTEGER                     NOT NULL,
    provider          VARCHAR(64)                 NOT NULL,
    state             VARCHAR(16)                 NOT NULL,
    -- the total in euro, exact (never a floating-point number)
    amount            NUMERIC(12, 2)              NOT NULL,
    -- SHA-256 (hex) of what is paid, to refuse the same attempt with another order
    order_fingerprint VARCHAR(64)                 NOT NULL,
    return_url        VARCHAR(2082)               NOT NULL,
    transaction_id    VARCHAR(100),
    pay_page          VARCHAR(2082),
    -- e.g. the Kassenzeichen the cashier's office finds the payment by
    transaction_reference VARCHAR(100),
    payment_method    VARCHAR(32),
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    redirected_at     TIMESTAMP(6) WITH TIME ZONE,
    settled_at        TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT ozg_payment_attempt_uq UNIQUE (tenant_id, application_id, attempt),
    CONSTRAINT ozg_payment_state_ck CHECK (state IN ('CREATED', 'REDIRECTED', 'PAID', 'FAILED', 'CANCELLED', 'EXPIRED')),
    CONSTRAINT ozg_payment_amount_ck CHECK (amount > 0)
);

-- the reconciliation job reads open payments by age
CREATE INDEX ozg_payment_open_ix ON ozg_payment (state, updated_at);
