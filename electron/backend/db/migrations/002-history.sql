-- Undo and redo. Each user action is one entry holding, for every row it
-- touched, the row and its account before and after, so it can be applied
-- either way. It lives in the workbook, so the history survives a reload.
CREATE TABLE history (
  id      INTEGER PRIMARY KEY,
  label   TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  at      TEXT NOT NULL
) STRICT;
