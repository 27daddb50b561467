-- The first workbook schema. Money is REAL in the workbook currency; every
-- CHECK mirrors a rule of the zod schemas in shared/schemas, so a row that
-- slipped past the app is still refused by the file.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE schema_migrations (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT;

CREATE TABLE assumptions (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE periods (
  id       INTEGER PRIMARY KEY,
  label    TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(label) BETWEEN 1 AND 40 AND label = trim(label)),
  position INTEGER NOT NULL
) STRICT;

CREATE TABLE accounts (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200 AND name = trim(name)),
  owner            TEXT CHECK (owner IS NULL OR length(owner) BETWEEN 1 AND 200),
  segment_override TEXT CHECK (segment_override IN ('Protect', 'Fix', 'Develop', 'Reassess'))
) STRICT;

CREATE TABLE period_rows (
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

CREATE INDEX period_rows_order ON period_rows (period_id, position);

CREATE TABLE interactions (
  id                INTEGER PRIMARY KEY,
  account_id        INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
  date              TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind              TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'visit', 'workshop', 'other')),
  hours             REAL NOT NULL CHECK (hours >= 0),
  prep_hours        REAL NOT NULL DEFAULT 0 CHECK (prep_hours >= 0),
  attendees         INTEGER NOT NULL DEFAULT 1 CHECK (attendees >= 1),
  travel            REAL NOT NULL DEFAULT 0 CHECK (travel >= 0),
  projected_revenue REAL NOT NULL DEFAULT 0 CHECK (projected_revenue >= 0),
  win_probability   REAL NOT NULL DEFAULT 0 CHECK (win_probability BETWEEN 0 AND 1),
  valued            TEXT NOT NULL DEFAULT 'unknown' CHECK (valued IN ('yes', 'no', 'unknown')),
  planned           INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1)),
  note              TEXT
) STRICT;

CREATE INDEX interactions_by_account ON interactions (account_id, date);

CREATE TABLE scenarios (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100),
  adjustments TEXT NOT NULL CHECK (json_valid(adjustments))
) STRICT;
