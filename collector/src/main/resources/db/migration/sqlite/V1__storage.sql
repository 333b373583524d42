-- The same schema as postgresql/V1__storage.sql; only the types differ (INTEGER PRIMARY KEY is the rowid).
-- Times are epoch milliseconds in integer columns, so that both databases compare them the same way.
-- Empty strings stand for "no region" and "not set" (fingerprint) so unique constraints hold.

-- One row per instance of a service, with its latest report.
CREATE TABLE instance (
  id              INTEGER PRIMARY KEY,
  service         TEXT   NOT NULL,
  environment     TEXT   NOT NULL,
  region          TEXT   NOT NULL,
  instance        TEXT   NOT NULL,
  service_version TEXT,
  agent_version   TEXT,
  first_seen      INTEGER NOT NULL,
  last_seen       INTEGER NOT NULL,
  sequence        INTEGER NOT NULL,
  -- Hash of the configuration content only (no counts, no times): equal hash = nothing to re-index.
  content_hash    TEXT   NOT NULL,
  -- The latest report as gzip-compressed JSON.
  latest_report   BLOB   NOT NULL,
  CONSTRAINT instance_identity UNIQUE (service, environment, region, instance)
);

-- One row per value a key had in one environment and region: an entry of the key's timeline.
CREATE TABLE timeline_value (
  id             INTEGER PRIMARY KEY,
  service        TEXT   NOT NULL,
  environment    TEXT   NOT NULL,
  region         TEXT   NOT NULL,
  source         TEXT   NOT NULL,
  config_key     TEXT   NOT NULL,
  -- SHA-256 of (source, key): keys can be longer than a B-tree entry may be, so indexes use this.
  key_hash       TEXT   NOT NULL,
  fingerprint    TEXT   NOT NULL,
  revealed_value TEXT,
  first_seen     INTEGER NOT NULL,
  CONSTRAINT timeline_value_identity UNIQUE (service, environment, region, key_hash, fingerprint)
);
CREATE INDEX timeline_value_by_key ON timeline_value (service, key_hash);

-- Which instance reported which value, from when to when. last_seen is NULL while the instance
-- still reports the value; its own last_seen applies then, so unchanged reports write no sightings.
CREATE TABLE sighting (
  instance_id INTEGER NOT NULL REFERENCES instance (id),
  value_id    INTEGER NOT NULL REFERENCES timeline_value (id),
  first_seen  INTEGER NOT NULL,
  last_seen   INTEGER,
  -- JSON array of the code locations the instance reported for the key.
  callers     TEXT   NOT NULL,
  PRIMARY KEY (instance_id, value_id)
);
CREATE INDEX sighting_by_value ON sighting (value_id);

-- Alerts already sent, so each finding alerts once even with several collectors.
CREATE TABLE alert_sent (
  -- SHA-256 of the identity: identities embed keys, which can be too long for an index.
  identity_hash    TEXT   PRIMARY KEY,
  finding_identity TEXT   NOT NULL,
  sent_at          INTEGER NOT NULL
);
