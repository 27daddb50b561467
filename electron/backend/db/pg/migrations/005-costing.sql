-- Costing as the anchors do it, as the file's migrations/005-costing.sql, with
-- the same row-level security as the other cost-pool tables.

ALTER TABLE pool_activities ADD COLUMN cost_per_unit double precision CHECK (cost_per_unit IS NULL OR cost_per_unit >= 0);
ALTER TABLE pool_activities ADD COLUMN level text CHECK (level IS NULL OR level IN ('order', 'delivery', 'customer-sustaining', 'channel'));
ALTER TABLE cost_pools ADD COLUMN feed_by text NOT NULL DEFAULT 'split' CHECK (feed_by IN ('split', 'driver', 'minutes'));

CREATE TABLE activity_terms (
  activity_id bigint NOT NULL REFERENCES pool_activities(id) ON DELETE CASCADE,
  position    bigint NOT NULL,
  minutes     double precision NOT NULL CHECK (minutes >= 0),
  attribute   text CHECK (attribute IS NULL OR (length(attribute) BETWEEN 1 AND 100 AND attribute = trim(attribute))),
  equals      text CHECK (equals IS NULL OR (attribute IS NOT NULL AND length(equals) BETWEEN 1 AND 100)),
  PRIMARY KEY (activity_id, position)
);

CREATE TABLE pool_feeds (
  from_pool_id bigint NOT NULL REFERENCES cost_pools(id) ON DELETE CASCADE,
  to_pool_id   bigint NOT NULL REFERENCES cost_pools(id) ON DELETE CASCADE,
  position     bigint NOT NULL,
  share        double precision NOT NULL CHECK (share >= 0),
  PRIMARY KEY (from_pool_id, to_pool_id),
  CHECK (from_pool_id <> to_pool_id)
);
CREATE INDEX pool_feeds_to ON pool_feeds (to_pool_id);

CREATE TABLE activity_line_totals (
  activity_id bigint NOT NULL REFERENCES pool_activities(id) ON DELETE CASCADE,
  account_id  bigint NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  attribute   text NOT NULL CHECK (length(attribute) BETWEEN 1 AND 100),
  value       text NOT NULL,
  amount      double precision NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (activity_id, account_id, attribute, value)
);
CREATE INDEX activity_line_totals_account ON activity_line_totals (account_id);

ALTER TABLE activity_terms ENABLE ROW LEVEL SECURITY;
ALTER TABLE pool_feeds ENABLE ROW LEVEL SECURITY;
ALTER TABLE activity_line_totals ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON activity_terms FOR SELECT USING ((SELECT cpw_role()) IS NOT NULL);
CREATE POLICY write ON activity_terms FOR ALL USING ((SELECT cpw_may_write_all())) WITH CHECK ((SELECT cpw_may_write_all()));
CREATE POLICY read ON pool_feeds FOR SELECT USING ((SELECT cpw_role()) IS NOT NULL);
CREATE POLICY write ON pool_feeds FOR ALL USING ((SELECT cpw_may_write_all())) WITH CHECK ((SELECT cpw_may_write_all()));
CREATE POLICY read ON activity_line_totals FOR SELECT USING ((SELECT cpw_role()) IS NOT NULL);
CREATE POLICY write ON activity_line_totals FOR ALL USING ((SELECT cpw_may_write_all())) WITH CHECK ((SELECT cpw_may_write_all()));
