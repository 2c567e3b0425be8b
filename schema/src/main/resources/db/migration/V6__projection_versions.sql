-- Which code version of each projection the whole log has been folded into. A projection td does not find
-- here at its current version is rebuilt from the log at start: a changed version, and also a projection
-- new in this release, which would otherwise see only the events appended after it arrived.
CREATE TABLE projection_versions (
    projection  text PRIMARY KEY,
    version     integer NOT NULL,
    built_at    timestamptz NOT NULL DEFAULT now()
);

-- Projections with states were folded by the release that wrote them, at the version they carry (when one
-- projection holds states of two versions, the older one counts: it is rebuilt).
INSERT INTO projection_versions (projection, version)
SELECT projection, min(version) FROM projection_states GROUP BY projection;
