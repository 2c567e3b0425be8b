-- td_may_act() in PL/pgSQL: the SQL function of V8 could not be inlined (its EXISTS), so PostgreSQL planned its body
-- again for every query under row-level security, 0.18–0.23 ms each (bin/bench access); a PL/pgSQL function keeps
-- its plan for the session, and a person reading their own data (td.person = td.actor) needs no grant lookup at all.
-- The policies name the function, not its body: they use the new one as they are.
CREATE OR REPLACE FUNCTION td_may_act() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
    person uuid := td_person();
    actor uuid := td_actor();
BEGIN
    IF person IS NULL OR actor IS NULL THEN
        RETURN false;
    END IF;
    IF person = actor THEN
        RETURN true;
    END IF;
    RETURN EXISTS (SELECT 1 FROM grants g
                   WHERE g.user_id = person AND g.grantee_id = actor
                     AND g.revoked_at IS NULL AND (g.expires_at IS NULL OR g.expires_at > now()));
END
$$;
