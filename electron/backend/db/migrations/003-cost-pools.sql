-- Time-driven activity-based costing: per period, the cost pools (what a team
-- costs, its practical capacity in minutes, the bucket it feeds), each pool's
-- activities (minutes per unit), each account's driver count per activity, and
-- per bucket whether allocated amounts add to the typed ones or replace them.
-- Activity names are unique within a period, so a drivers sheet can name them
-- as its columns.

CREATE TABLE cost_pools (
  id               INTEGER PRIMARY KEY,
  period_id        INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  name             TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100 AND name = trim(name)),
  cost             REAL NOT NULL CHECK (cost >= 0),
  capacity_minutes REAL NOT NULL CHECK (capacity_minutes > 0),
  bucket           TEXT NOT NULL CHECK (bucket IN ('presale', 'production', 'distribution', 'service', 'labour')),
  UNIQUE (period_id, name)
) STRICT;

CREATE TABLE pool_activities (
  id               INTEGER PRIMARY KEY,
  pool_id          INTEGER NOT NULL REFERENCES cost_pools(id) ON DELETE CASCADE,
  period_id        INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  name             TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100 AND name = trim(name)),
  minutes_per_unit REAL NOT NULL CHECK (minutes_per_unit >= 0),
  UNIQUE (period_id, name)
) STRICT;

CREATE TABLE activity_drivers (
  activity_id INTEGER NOT NULL REFERENCES pool_activities(id) ON DELETE CASCADE,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  count       REAL NOT NULL CHECK (count >= 0),
  PRIMARY KEY (activity_id, account_id)
) STRICT;

CREATE TABLE allocation_modes (
  period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
  bucket    TEXT NOT NULL CHECK (bucket IN ('presale', 'production', 'distribution', 'service', 'labour')),
  mode      TEXT NOT NULL CHECK (mode IN ('add', 'replace')),
  PRIMARY KEY (period_id, bucket)
) STRICT;
