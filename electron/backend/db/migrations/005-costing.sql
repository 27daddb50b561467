-- Costing as the anchors do it (issue 23): rate-based activities (a cost per
-- unit of the driver) and the customer cost hierarchy level of an activity;
-- time equations (terms of an activity's minutes per transaction line); two
-- stages (a pool passing its whole cost to other pools by a split, a driver
-- or their share of minutes); and what an account's transaction lines hold in
-- total for the attributes its activity's equation names.

ALTER TABLE pool_activities ADD COLUMN cost_per_unit REAL CHECK (cost_per_unit IS NULL OR cost_per_unit >= 0);
ALTER TABLE pool_activities ADD COLUMN level TEXT CHECK (level IS NULL OR level IN ('order', 'delivery', 'customer-sustaining', 'channel'));
ALTER TABLE cost_pools ADD COLUMN feed_by TEXT NOT NULL DEFAULT 'split' CHECK (feed_by IN ('split', 'driver', 'minutes'));

CREATE TABLE activity_terms (
  activity_id INTEGER NOT NULL REFERENCES pool_activities(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  minutes     REAL NOT NULL CHECK (minutes >= 0),
  attribute   TEXT CHECK (attribute IS NULL OR (length(attribute) BETWEEN 1 AND 100 AND attribute = trim(attribute))),
  equals      TEXT CHECK (equals IS NULL OR (attribute IS NOT NULL AND length(equals) BETWEEN 1 AND 100)),
  PRIMARY KEY (activity_id, position)
) STRICT;

CREATE TABLE pool_feeds (
  from_pool_id INTEGER NOT NULL REFERENCES cost_pools(id) ON DELETE CASCADE,
  to_pool_id   INTEGER NOT NULL REFERENCES cost_pools(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  share        REAL NOT NULL CHECK (share >= 0),
  PRIMARY KEY (from_pool_id, to_pool_id),
  CHECK (from_pool_id <> to_pool_id)
) STRICT;

CREATE TABLE activity_line_totals (
  activity_id INTEGER NOT NULL REFERENCES pool_activities(id) ON DELETE CASCADE,
  account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  attribute   TEXT NOT NULL CHECK (length(attribute) BETWEEN 1 AND 100),
  value       TEXT NOT NULL,
  amount      REAL NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (activity_id, account_id, attribute, value)
) STRICT;
