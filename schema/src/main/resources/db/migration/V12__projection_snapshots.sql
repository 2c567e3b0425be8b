-- Projection snapshots: every projection's states folded from a person's effective log as it stood at a checkpoint
-- sequence (every 2,000 events), so that an answer "as of" a past day or "as known at" a past moment folds only the
-- tail after the latest snapshot that still holds, not the whole log. A snapshot holds for a cut-off when its
-- sequence is at or before what was known then, every fact in it happened before the cut-off (max_occurred_at), and
-- no correction or void between its known_sequence and the cut-off's touches a fact inside it. Taken by the background workers; never read for today's
-- answers (projection_states are those).
CREATE TABLE projection_snapshots (
    user_id          uuid NOT NULL REFERENCES users (user_id),
    projection       text NOT NULL,
    version          integer NOT NULL,
    sequence         bigint NOT NULL,            -- the facts up to here are folded in
    known_sequence   bigint NOT NULL,            -- with the corrections and voids up to here applied to them
    max_occurred_at  timestamptz,                -- the latest moment a fact folded in happened; NULL: none
    states           jsonb NOT NULL,             -- key -> state
    taken_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, projection, version, sequence)
);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'td_app') THEN
        GRANT SELECT ON projection_snapshots TO td_app;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON projection_snapshots FROM td_app;
    END IF;
END
$$;

-- A call reads the snapshots of the person it acts on; the workers take them as the owner.
ALTER TABLE projection_snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY projection_snapshots_of_the_person ON projection_snapshots FOR SELECT
    USING (user_id = td_person() AND (SELECT td_may_act()));
