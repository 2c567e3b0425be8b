-- key_prefix held the first 8 characters of each key: all of a short key given as TD_BOOTSTRAP_API_KEY.
-- It now holds a display prefix that never reveals the key: 'td_' and 4 of the 40 random characters of
-- a key td generated, or 'sha256:' and the first 8 hex digits of the key's SHA-256 for a key given to td.
-- Keys stored before cannot be told apart, so all of them get the SHA-256 form.
UPDATE api_keys SET key_prefix = 'sha256:' || left(encode(key_hash, 'hex'), 8);

COMMENT ON COLUMN api_keys.key_prefix IS
    'display prefix, never the key: td_ + 4 random characters of a generated key, or sha256: + 8 hex digits of the key''s SHA-256';
