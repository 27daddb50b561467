-- Who changed what: each row carries a version that every write moves on (a
-- patch made from an older one is refused, not written over another's
-- change), the person and time of its last change; undo is kept per person;
-- the audit log records every field changed, from what to what.
ALTER TABLE period_rows ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE period_rows ADD COLUMN changed_by TEXT;
ALTER TABLE period_rows ADD COLUMN changed_at TEXT;

-- '' is an entry from before people were told apart: anyone's to undo.
ALTER TABLE history ADD COLUMN person TEXT NOT NULL DEFAULT '';

CREATE TABLE audit_log (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  person  TEXT NOT NULL,
  period  TEXT,
  account TEXT NOT NULL,
  field   TEXT NOT NULL,
  before  TEXT,
  after   TEXT
) STRICT;
CREATE INDEX audit_log_account ON audit_log (account COLLATE NOCASE, at);
CREATE INDEX audit_log_at ON audit_log (at);
