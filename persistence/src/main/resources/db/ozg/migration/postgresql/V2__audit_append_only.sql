-- Audit events are append-only, also for SQL that bypasses the SDK.
CREATE FUNCTION ozg_audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ozg_audit_event is append-only: % refused', TG_OP USING ERRCODE = '42501';
END;
$$;

CREATE TRIGGER ozg_audit_event_append_only BEFORE UPDATE OR DELETE ON ozg_audit_event
    FOR EACH ROW EXECUTE FUNCTION ozg_audit_event_refuse_change();

CREATE TRIGGER ozg_audit_event_no_truncate BEFORE TRUNCATE ON ozg_audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION ozg_audit_event_refuse_change();
