-- Audit events are append-only, also for SQL that bypasses the SDK.
CREATE TRIGGER ozg_audit_event_append_only BEFORE UPDATE, DELETE ON ozg_audit_event
    FOR EACH ROW CALL 'de.ozgsdk.persistence.internal.AppendOnlyTrigger';
