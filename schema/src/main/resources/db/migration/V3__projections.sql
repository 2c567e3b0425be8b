-- Projections: per person, per projection, per key, the folded state and the last sequence folded in.
-- Kept up to date inside the append transaction; rebuilt by replaying the effective log when a
-- correction or void arrives, or when a projection's code version changes.
CREATE TABLE projection_states (
    user_id        uuid NOT NULL,
    projection     text NOT NULL,
    key            text NOT NULL,
    state          jsonb NOT NULL,
    last_sequence  bigint NOT NULL,
    version        integer NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, projection, key)
);

-- The sets of one session, for get_session: an expression index on the session id in event data.
CREATE INDEX events_user_session ON events (user_id, (data ->> 'session_id')) WHERE data ? 'session_id';
