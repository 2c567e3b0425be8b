-- The server logs in as td_app itself instead of logging in as the owner and switching with
-- SET ROLE td_app: a session that logged in as the owner can RESET ROLE and get every right of the
-- owner back (as a superuser: disable the append-only triggers, replica mode, drop partitions).
-- td_app gets LOGIN and none of the rights that bypass the database's own checks. Its password is
-- set by the server at start (never in a migration) and kept in td_app_login below.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'td_app') THEN
        BEGIN
            ALTER ROLE td_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
        EXCEPTION WHEN insufficient_privilege THEN
            -- a CREATEROLE owner may not name SUPERUSER or REPLICATION; td_app was created without them
            BEGIN
                ALTER ROLE td_app LOGIN;
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'td_app cannot be given LOGIN by %; the server will log in as % (SET ROLE td_app)',
                    current_user, current_user;
            END;
        END;
    END IF;
END
$$;

-- The password the server gives td_app, so that every server on this database logs in with the same
-- one. The owner's alone: td_app and everybody else may not read it.
CREATE TABLE td_app_login (
    role_name  text PRIMARY KEY,
    password   text NOT NULL,
    set_at     timestamptz NOT NULL DEFAULT now()
);

REVOKE ALL ON td_app_login FROM PUBLIC;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'td_app') THEN
        REVOKE ALL ON td_app_login FROM td_app;
    END IF;
END
$$;
