-- td event store: people, their API keys, and the append-only event log.
-- Every per-user table leads with user_id (row-level security and the Citus distribution column).

CREATE TABLE users (
    user_id     uuid PRIMARY KEY,
    name        text NOT NULL,
    time_zone   text NOT NULL DEFAULT 'UTC',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    user_id     uuid NOT NULL REFERENCES users (user_id),
    key_id      uuid NOT NULL,
    key_hash    bytea NOT NULL UNIQUE,      -- SHA-256 of the key; the key itself is never stored
    key_prefix  text NOT NULL,              -- first characters, to recognise a key in listings
    agent       text NOT NULL,
    scopes      text[] NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    PRIMARY KEY (user_id, key_id)
);

-- One row per person: the head of their event log, locked while appending (serialises appends per person).
CREATE TABLE event_streams (
    user_id        uuid PRIMARY KEY REFERENCES users (user_id),
    last_sequence  bigint NOT NULL DEFAULT 0,
    last_hash      bytea NOT NULL
);

CREATE TABLE events (
    user_id          uuid NOT NULL,
    sequence         bigint NOT NULL,          -- gapless per person, from 1
    event_id         uuid NOT NULL,            -- UUIDv7
    type             text NOT NULL,
    occurred_at      timestamptz NOT NULL,
    time_zone        text NOT NULL,            -- IANA zone the person was in
    recorded_at      timestamptz NOT NULL,
    data             jsonb NOT NULL,
    metadata         jsonb NOT NULL,
    idempotency_key  text NOT NULL,
    subject_event_id uuid,                     -- the event a correction or void points at
    prev_hash        bytea NOT NULL,
    hash             bytea NOT NULL,           -- SHA-256(prev_hash || canonical event)
    PRIMARY KEY (user_id, sequence),
    UNIQUE (user_id, idempotency_key),
    UNIQUE (user_id, event_id)
) PARTITION BY HASH (user_id);

CREATE TABLE events_p0 PARTITION OF events FOR VALUES WITH (MODULUS 8, REMAINDER 0);
CREATE TABLE events_p1 PARTITION OF events FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE events_p2 PARTITION OF events FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE events_p3 PARTITION OF events FOR VALUES WITH (MODULUS 8, REMAINDER 3);
CREATE TABLE events_p4 PARTITION OF events FOR VALUES WITH (MODULUS 8, REMAINDER 4);
CREATE TABLE events_p5 PARTITION OF events FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE events_p6 PARTITION OF events FOR VALUES WITH (MODULUS 8, REMAINDER 6);
CREATE TABLE events_p7 PARTITION OF events FOR VALUES WITH (MODULUS 8, REMAINDER 7);

CREATE INDEX events_user_occurred ON events (user_id, occurred_at, sequence);
CREATE INDEX events_user_type ON events (user_id, type, occurred_at);
CREATE INDEX events_user_subject ON events (user_id, subject_event_id) WHERE subject_event_id IS NOT NULL;

-- The log is append-only, enforced by the database itself.
CREATE FUNCTION td_refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % is refused; append event.corrected or event.voided instead', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION td_refuse_event_change();

-- TRUNCATE triggers are per table: on the parent and on every partition.
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['events','events_p0','events_p1','events_p2','events_p3','events_p4','events_p5','events_p6','events_p7'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION td_refuse_event_change()',
                       t || '_no_truncate', t);
    END LOOP;
END
$$;

-- The role the server works as: it may read and append events, never change them.
-- Where the database user may not create roles (some managed services), the server runs as the
-- migrating user and the triggers above still refuse changes.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'td_app') THEN
        CREATE ROLE td_app NOLOGIN;
    END IF;
    EXECUTE format('GRANT td_app TO %I', current_user);
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'td_app role not created (no CREATEROLE privilege); the server will run as %', current_user;
END
$$;

REVOKE ALL ON events FROM PUBLIC;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'td_app') THEN
        GRANT USAGE ON SCHEMA public TO td_app;
        GRANT SELECT, INSERT ON events TO td_app;
        GRANT SELECT, INSERT, UPDATE ON event_streams TO td_app;
        GRANT SELECT, INSERT, UPDATE ON users, api_keys TO td_app;
        REVOKE UPDATE, DELETE, TRUNCATE ON events FROM td_app;
    END IF;
END
$$;

-- Tables of later migrations (projections, statistics, jobs, catalog) are the server's to change.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'td_app') THEN
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO td_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO td_app;
    END IF;
END
$$;
