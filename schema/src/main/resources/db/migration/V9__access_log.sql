-- Who read or wrote whose data, when, through which face and key: one row per tool call that acted on a person's
-- data or was refused doing so. Append-only, like the events; under row-level security like every per-person table.
CREATE TABLE access_log (
    user_id     uuid NOT NULL,                 -- whose data the call was about
    entry_id    bigint GENERATED ALWAYS AS IDENTITY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid NOT NULL,                 -- the person holding the key (the grantee on a call through a grant)
    key_id      uuid NOT NULL,
    agent       text NOT NULL,
    face        text NOT NULL,                 -- mcp, api, cli, import
    tool        text NOT NULL,
    action      text NOT NULL CHECK (action IN ('read', 'write')),
    outcome     text NOT NULL,                 -- ok, or the error code (forbidden, not_found, invalid_argument, …)
    grant_id    uuid,                          -- the grant used, on a call through one
    request_id  text NOT NULL,
    PRIMARY KEY (user_id, entry_id)
);

CREATE INDEX access_log_recent ON access_log (user_id, at DESC);

CREATE FUNCTION td_refuse_access_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the access log is append-only: % is refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER access_log_no_update_delete BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION td_refuse_access_log_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION td_refuse_access_log_change();

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'td_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM td_app;
        GRANT SELECT, INSERT ON access_log TO td_app;
    END IF;
END
$$;

-- A person reads the entries about their data and the entries of their own calls; an entry is written by the
-- call's own key holder, about the person the call acted on or about themselves (a refused call).
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_log_read ON access_log FOR SELECT USING (user_id = td_actor() OR actor_id = td_actor());
CREATE POLICY access_log_write ON access_log FOR INSERT
    WITH CHECK (actor_id = td_actor() AND (user_id = td_person() OR user_id = td_actor()));
