-- Dimensions and plans (issue 24, DOMAIN.md "Plan, dimensions").
-- A dimension is a text attribute of an account that the workbook names
-- (region, industry, channel, tier): it belongs to the account across
-- periods, as its owner does. A plan is a period's second set of rows, the
-- same fields as its actuals, so a plan row obeys every rule an actual does.

CREATE TABLE dimensions (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 40 AND name = trim(name)),
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE account_dimensions (
  account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  dimension_id INTEGER NOT NULL REFERENCES dimensions(id) ON DELETE CASCADE,
  value        TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 200 AND value = trim(value)),
  PRIMARY KEY (account_id, dimension_id)
) STRICT;

CREATE INDEX account_dimensions_by_value ON account_dimensions (dimension_id, value);

CREATE TABLE plan_rows (
  period_id          INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
  account_id         INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  position           INTEGER NOT NULL,
  revenue            REAL NOT NULL CHECK (revenue >= 0),
  presale            REAL NOT NULL DEFAULT 0 CHECK (presale >= 0),
  production         REAL NOT NULL DEFAULT 0 CHECK (production >= 0),
  distribution       REAL NOT NULL DEFAULT 0 CHECK (distribution >= 0),
  service            REAL NOT NULL DEFAULT 0 CHECK (service >= 0),
  labour             REAL NOT NULL DEFAULT 0 CHECK (labour >= 0),
  meetings           INTEGER NOT NULL DEFAULT 0 CHECK (meetings >= 0),
  calls              INTEGER NOT NULL DEFAULT 0 CHECK (calls >= 0),
  csat               INTEGER CHECK (csat BETWEEN 1 AND 5),
  nps                INTEGER CHECK (nps BETWEEN 0 AND 10),
  status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'new', 'churned')),
  upsell             REAL CHECK (upsell >= 0),
  cross_sell         REAL CHECK (cross_sell >= 0),
  referrals          INTEGER CHECK (referrals >= 0),
  value_delivered    REAL CHECK (value_delivered >= 0),
  avg_order_value    REAL CHECK (avg_order_value >= 0),
  purchases_per_year REAL CHECK (purchases_per_year >= 0),
  lifespan_years     REAL CHECK (lifespan_years >= 0),
  CHECK (coalesce(upsell, 0) + coalesce(cross_sell, 0) <= revenue * (1 + 1e-12) + 1e-9),
  PRIMARY KEY (period_id, account_id)
) STRICT;

CREATE INDEX plan_rows_order ON plan_rows (period_id, position);
