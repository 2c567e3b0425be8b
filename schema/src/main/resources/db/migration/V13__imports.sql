-- Imports: one row per file a person imported (or tried to), with its report. The events themselves go to the log
-- like any other, keyed "import:<format>:<record id>" so that importing a file again stores nothing new; this table
-- only says what happened to each file: progress while it runs, then the counts and the first problems.
CREATE TABLE imports (
    import_id        uuid PRIMARY KEY,
    user_id          uuid NOT NULL REFERENCES users (user_id),
    format           text NOT NULL,
    file_name        text NOT NULL,
    file_bytes       bigint NOT NULL,
    file_sha256      text NOT NULL,
    status           text NOT NULL CHECK (status IN ('running', 'done', 'rejected')),
    updated_at       timestamptz NOT NULL DEFAULT now(),  -- a running import's heartbeat; stale: the server stopped
    report           jsonb NOT NULL,             -- the import_report as get_import returns it
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz
);
CREATE INDEX imports_of_the_person ON imports (user_id, started_at DESC);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'td_app') THEN
        GRANT SELECT, INSERT, UPDATE ON imports TO td_app;
        REVOKE DELETE, TRUNCATE ON imports FROM td_app;
    END IF;
END
$$;

ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY imports_of_the_person ON imports
    USING (user_id = td_person() AND (SELECT td_may_act()))
    WITH CHECK (user_id = td_person() AND (SELECT td_may_act()));
