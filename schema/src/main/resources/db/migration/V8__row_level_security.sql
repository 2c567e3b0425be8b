-- Row-level security: the database itself keeps each person's rows apart, under the code's own checks.
--
-- The server's requests run as td_app with two settings per connection, set from the request's principal:
--   td.actor   the person who holds the API key of the request
--   td.person  the person whose data the request acts on (td.actor, or a person who granted td.actor access)
-- A connection without them sees no per-person row and may write none (fail closed). Work that spans people
-- (rebuilding projections at start, checking every chain, loading the community catalog, authenticating a key
-- before anyone is known, the operator's commands) runs as the owner, whom these policies do not bind (the owner
-- owns the tables). Where td_app cannot be created (a managed database without CREATEROLE) the server runs as the
-- owner and these policies are there but do not bind it; the code's own checks remain.

CREATE FUNCTION td_actor() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('td.actor', true), '')::uuid $$;

CREATE FUNCTION td_person() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('td.person', true), '')::uuid $$;

-- Whether td.actor may act on td.person's data: their own, or through an unrevoked, unexpired grant.
CREATE FUNCTION td_may_act() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT td_person() IS NOT NULL AND td_actor() IS NOT NULL AND (
        td_person() = td_actor()
        OR EXISTS (SELECT 1 FROM grants g
                   WHERE g.user_id = td_person() AND g.grantee_id = td_actor()
                     AND g.revoked_at IS NULL AND (g.expires_at IS NULL OR g.expires_at > now())))
$$;

-- A person's data: events, the head of their log, their projections.
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_of_the_person ON events
    USING (user_id = td_person() AND (SELECT td_may_act()))
    WITH CHECK (user_id = td_person() AND (SELECT td_may_act()));

ALTER TABLE event_streams ENABLE ROW LEVEL SECURITY;
CREATE POLICY streams_of_the_person ON event_streams
    USING (user_id = td_person() AND (SELECT td_may_act()))
    WITH CHECK (user_id = td_person() AND (SELECT td_may_act()));

ALTER TABLE projection_states ENABLE ROW LEVEL SECURITY;
CREATE POLICY projections_of_the_person ON projection_states
    USING (user_id = td_person() AND (SELECT td_may_act()))
    WITH CHECK (user_id = td_person() AND (SELECT td_may_act()));

-- The catalog: the community's rows (nil id) are everyone's to read; a person's own rows are theirs.
ALTER TABLE exercises ENABLE ROW LEVEL SECURITY;
CREATE POLICY exercises_read ON exercises FOR SELECT
    USING (user_id = '00000000-0000-0000-0000-000000000000' OR (user_id = td_person() AND (SELECT td_may_act())));
CREATE POLICY exercises_write ON exercises FOR ALL
    USING (user_id = td_person() AND (SELECT td_may_act()))
    WITH CHECK (user_id = td_person() AND (SELECT td_may_act()));

ALTER TABLE exercise_aliases ENABLE ROW LEVEL SECURITY;
CREATE POLICY aliases_read ON exercise_aliases FOR SELECT
    USING (user_id = '00000000-0000-0000-0000-000000000000' OR (user_id = td_person() AND (SELECT td_may_act())));
CREATE POLICY aliases_write ON exercise_aliases FOR ALL
    USING (user_id = td_person() AND (SELECT td_may_act()))
    WITH CHECK (user_id = td_person() AND (SELECT td_may_act()));

-- Grants: seen by the two people they join; given (and revoked) only by the person whose data they share.
ALTER TABLE grants ENABLE ROW LEVEL SECURITY;
CREATE POLICY grants_read ON grants FOR SELECT USING (user_id = td_actor() OR grantee_id = td_actor());
CREATE POLICY grants_give ON grants FOR INSERT WITH CHECK (user_id = td_actor());
CREATE POLICY grants_change ON grants FOR UPDATE USING (user_id = td_actor()) WITH CHECK (user_id = td_actor());

-- People: a person sees themselves and the people a grant joins them with; td_app creates nobody.
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY users_read ON users FOR SELECT USING (
    user_id = td_actor() OR user_id = td_person()
    OR EXISTS (SELECT 1 FROM grants g
               WHERE (g.user_id = td_actor() AND g.grantee_id = users.user_id)
                  OR (g.grantee_id = td_actor() AND g.user_id = users.user_id)));

-- Keys: only the key holder's own, never a grantor's.
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
CREATE POLICY keys_of_the_actor ON api_keys
    USING (user_id = td_actor()) WITH CHECK (user_id = td_actor());

-- A grant names its grantee by handle, before any grant joins the two: one function, run with the owner's rights,
-- that finds a person by their exact handle (handles are how people tell each other who they are).
CREATE FUNCTION td_person_named(wanted text)
    RETURNS TABLE (user_id uuid, handle text, name text, created_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT u.user_id, u.handle, u.name, u.created_at FROM users u WHERE u.handle = wanted
$$;
REVOKE ALL ON FUNCTION td_person_named(text) FROM PUBLIC;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'td_app') THEN
        GRANT EXECUTE ON FUNCTION td_person_named(text) TO td_app;
    END IF;
END
$$;
