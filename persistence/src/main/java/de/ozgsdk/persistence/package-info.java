/**
 * JDBC persistence of the SDK on H2 (embedded default) or PostgreSQL (production): the {@link
 * de.ozgsdk.persistence.Database} with its Flyway-migrated {@code ozg_*} tables, encrypted resumable drafts
 * ({@link de.ozgsdk.persistence.DraftStore}), the transactional {@link de.ozgsdk.persistence.Outbox} with
 * leases, retries and dead letters, and the append-only {@link de.ozgsdk.persistence.AuditLog}. Nothing here logs
 * payloads or personal data; logs carry ids only.
 */
package de.ozgsdk.persistence;
