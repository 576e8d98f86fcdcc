-- Submissions, their reports, and installed rubric versions.
CREATE TABLE submissions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  assignment_id TEXT NOT NULL,
  author TEXT NOT NULL,
  request_id TEXT UNIQUE,
  content_sha256 TEXT NOT NULL,
  text TEXT NOT NULL,
  text_bytes INTEGER NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  draft INTEGER NOT NULL,
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  total_score REAL NOT NULL,
  max_score REAL NOT NULL,
  create_time_us INTEGER NOT NULL
);
CREATE INDEX submissions_by_assignment
  ON submissions (assignment_id, author, seq);
CREATE INDEX submissions_by_author ON submissions (author, seq);

CREATE TABLE reports (
  submission_id TEXT PRIMARY KEY
    REFERENCES submissions (id) ON DELETE CASCADE,
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  engine_version TEXT NOT NULL,
  report BLOB NOT NULL,
  create_time_us INTEGER NOT NULL
);

CREATE TABLE rubric_versions (
  rubric_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  built_in INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL DEFAULT '',
  create_time_us INTEGER NOT NULL,
  PRIMARY KEY (rubric_id, version)
);
