-- Statistics kept ready: a person's analyses (correlations, anomalies …) recomputed in the background after their
-- log grows, by any number of server processes sharing one database.
--
-- analysis_jobs: one row per person whose analyses lag behind their log. The append that adds events writes it in
-- its own transaction (so a job exists exactly when there is committed work); the commit's NOTIFY on td_events wakes
-- the workers. A worker claims a due row with FOR UPDATE SKIP LOCKED and a lease (claimed_until), computes without
-- holding a lock, and deletes the row if no newer events came meanwhile; a crashed worker's lease runs out and
-- another takes the row. not_before debounces a burst of writes: each append moves it to now + a few seconds, but
-- never past requested_at + the longest delay.
CREATE TABLE analysis_jobs (
    user_id            uuid PRIMARY KEY REFERENCES users (user_id),
    requested_sequence bigint NOT NULL,            -- the last event sequence the analyses must reflect
    requested_at       timestamptz NOT NULL DEFAULT now(),
    not_before         timestamptz NOT NULL,
    claimed_until      timestamptz,
    attempts           integer NOT NULL DEFAULT 0,
    last_error         text
);
CREATE INDEX analysis_jobs_due ON analysis_jobs (not_before);

-- analyses: the latest result of each kind per person, with the event sequence it reflects and what it cost.
CREATE TABLE analyses (
    user_id            uuid NOT NULL REFERENCES users (user_id),
    kind               text NOT NULL,
    result             jsonb NOT NULL,
    reflects_sequence  bigint NOT NULL,
    computed_at        timestamptz NOT NULL,
    compute_ms         double precision NOT NULL,
    runs               bigint NOT NULL DEFAULT 1,   -- how many times it was computed (by any process)
    PRIMARY KEY (user_id, kind)
);

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'td_app') THEN
        GRANT SELECT, INSERT, UPDATE ON analysis_jobs TO td_app;
        REVOKE DELETE, TRUNCATE ON analysis_jobs FROM td_app;
        GRANT SELECT ON analyses TO td_app;
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON analyses FROM td_app;
    END IF;
END
$$;

-- A call queues work for the person it acts on and reads that person's analyses; the workers run as the owner.
ALTER TABLE analysis_jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY analysis_jobs_of_the_person ON analysis_jobs
    USING (user_id = td_person() AND (SELECT td_may_act()))
    WITH CHECK (user_id = td_person() AND (SELECT td_may_act()));
ALTER TABLE analyses ENABLE ROW LEVEL SECURITY;
CREATE POLICY analyses_of_the_person ON analyses FOR SELECT
    USING (user_id = td_person() AND (SELECT td_may_act()));
