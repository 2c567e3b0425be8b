-- td exercise catalog: the community taxonomy (user_id = nil UUID, loaded from td/exercises/community.json
-- at startup) and each person's own exercises and overrides, maintained inline from their
-- exercise.created / exercise.updated / exercise.archived events. Reads are plain SQL.

-- Trigram similarity for name resolution; created here because the migration runs as the owner.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per exercise per owner. A person's row with the id of a community exercise is that
-- person's override of it (personal = false): it replaces the community row for them.
CREATE TABLE exercises (
    user_id            uuid NOT NULL,             -- 00000000-0000-0000-0000-000000000000: community
    exercise_id        text NOT NULL,             -- stable slug: barbell-bench-press, my-sled-push
    name               text NOT NULL,             -- canonical name
    names              jsonb NOT NULL,            -- {"en": …, "de": …}
    primary_muscles    text[] NOT NULL,
    secondary_muscles  text[] NOT NULL,
    pattern            text,
    equipment          text,
    default_type       text,                      -- strength | bodyweight | timed; null until known
    personal           boolean NOT NULL,          -- created by the person (not a community exercise)
    archived           boolean NOT NULL DEFAULT false,
    created_key        text,                      -- idempotency key of the exercise.created event
    PRIMARY KEY (user_id, exercise_id)
);

-- Every name and alias, with its normalised form (lower case, accents folded, punctuation as spaces;
-- folded in Java so it is the same with and without the unaccent extension).
CREATE TABLE exercise_aliases (
    user_id      uuid NOT NULL,
    exercise_id  text NOT NULL,
    normalized   text NOT NULL,
    alias        text NOT NULL,                   -- as written
    kind         text NOT NULL CHECK (kind IN ('name', 'alias')),
    language     text,                            -- en, de, … for names
    PRIMARY KEY (user_id, exercise_id, normalized)
);

CREATE INDEX exercise_aliases_exact ON exercise_aliases (normalized, user_id);
CREATE INDEX exercise_aliases_trgm ON exercise_aliases USING gin (normalized gin_trgm_ops);

-- Which version of each bundled data file is loaded, so that a changed file is reloaded at startup.
CREATE TABLE catalog_sources (
    source      text PRIMARY KEY,                 -- e.g. td/exercises/community.json
    version     integer NOT NULL,
    sha256      text NOT NULL,
    loaded_at   timestamptz NOT NULL DEFAULT now()
);
