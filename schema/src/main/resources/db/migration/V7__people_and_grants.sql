-- Several people per server, keys that expire, and grants: one person lets another read (or write some
-- kinds of) their data, with scopes per data kind, until a date or until revoked.

-- A person is addressed by a handle, unique on the server (lower case): grants name the grantee by it,
-- and a grantee names the person whose data a tool call is about by it (the tools' `person` argument).
ALTER TABLE users ADD COLUMN handle text;

-- The first person is the owner; every other person so far gets a handle from their id.
UPDATE users u SET handle = CASE
        WHEN u.user_id = (SELECT user_id FROM users ORDER BY created_at, user_id LIMIT 1) THEN 'owner'
        ELSE 'person-' || left(replace(u.user_id::text, '-', ''), 12)
    END;

ALTER TABLE users ALTER COLUMN handle SET NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_handle_form CHECK (handle ~ '^[a-z][a-z0-9-]{1,31}$');
CREATE UNIQUE INDEX users_handle ON users (handle);

-- A key may expire; after expires_at it is refused as a revoked key is.
ALTER TABLE api_keys ADD COLUMN expires_at timestamptz;
-- The key a rotation replaced this one with (the old key is revoked in the same transaction).
ALTER TABLE api_keys ADD COLUMN replaced_by uuid;

CREATE TABLE grants (
    user_id     uuid NOT NULL REFERENCES users (user_id),   -- the person whose data is shared
    grant_id    uuid NOT NULL,
    grantee_id  uuid NOT NULL REFERENCES users (user_id),   -- the person it is shared with
    role        text NOT NULL,                              -- coach, physio, doctor or a custom label
    scopes      text[] NOT NULL,                            -- what the grantee's keys may do with the data
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz,
    revoked_at  timestamptz,
    PRIMARY KEY (user_id, grant_id),
    CONSTRAINT grants_not_to_self CHECK (grantee_id <> user_id)
);

-- The grants a grantee holds, looked up on every call that names another person.
CREATE INDEX grants_grantee ON grants (grantee_id, user_id) WHERE revoked_at IS NULL;

-- create_key is idempotent by key: a retried call finds the key created before (which cannot be shown again).
ALTER TABLE api_keys ADD COLUMN idempotency_key text;
CREATE UNIQUE INDEX api_keys_idempotency ON api_keys (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
