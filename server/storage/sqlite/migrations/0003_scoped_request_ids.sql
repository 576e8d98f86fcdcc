-- Idempotency keys are scoped to the caller and the target. A request_id
-- used to be unique across the whole database, so another user replaying
-- it got someone else's row back and their own write was never stored. Now
-- the same key from another caller, or for another target, is another
-- request:
--   submissions  (submitted_by, assignment_id, author, request_id)
--   comments     (author, submission_id, request_id)
--   reviews      (reviewer, task_id, request_id)
-- request_sha256 fingerprints the rest of a comment's or review's request,
-- so that a key reused for another body is refused (submissions compare
-- content_sha256). SQLite cannot drop a UNIQUE column constraint, so the
-- three tables are rebuilt (Migrate runs this with foreign keys off and
-- checks them before committing). Rows stored before this migration were
-- submitted by their author as far as anyone can now tell.

CREATE TABLE submissions_v3 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  assignment_id TEXT NOT NULL,
  author TEXT NOT NULL,
  request_id TEXT,
  -- The user who sent the request: the author, or staff on their behalf.
  submitted_by TEXT NOT NULL,
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
INSERT INTO submissions_v3 (seq, id, assignment_id, author, request_id,
  submitted_by, content_sha256, text, text_bytes, title, file_name, draft,
  rubric_id, rubric_version, total_score, max_score, create_time_us)
SELECT seq, id, assignment_id, author, request_id, author, content_sha256,
  text, text_bytes, title, file_name, draft, rubric_id, rubric_version,
  total_score, max_score, create_time_us
FROM submissions;
DROP TABLE submissions;
ALTER TABLE submissions_v3 RENAME TO submissions;
CREATE INDEX submissions_by_assignment
  ON submissions (assignment_id, author, seq);
CREATE INDEX submissions_by_author ON submissions (author, seq);
CREATE UNIQUE INDEX submissions_by_request
  ON submissions (submitted_by, assignment_id, author, request_id)
  WHERE request_id IS NOT NULL;

CREATE TABLE comments_v3 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  parent_id TEXT REFERENCES comments (id),
  request_id TEXT,
  request_sha256 TEXT,
  comment BLOB NOT NULL,
  author TEXT NOT NULL,
  visibility INTEGER NOT NULL,
  resolved INTEGER NOT NULL DEFAULT 0,
  update_time_us INTEGER NOT NULL
);
INSERT INTO comments_v3 (seq, id, submission_id, parent_id, request_id,
  comment, author, visibility, resolved, update_time_us)
SELECT seq, id, submission_id, parent_id, request_id, comment, author,
  visibility, resolved, update_time_us
FROM comments;
DROP TABLE comments;
ALTER TABLE comments_v3 RENAME TO comments;
CREATE INDEX comments_by_submission ON comments (submission_id, seq);
CREATE UNIQUE INDEX comments_by_request
  ON comments (author, submission_id, request_id)
  WHERE request_id IS NOT NULL;

CREATE TABLE reviews_v3 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  task_id TEXT NOT NULL UNIQUE REFERENCES review_tasks (id),
  assignment_id TEXT NOT NULL REFERENCES assignments (id),
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  reviewer TEXT NOT NULL REFERENCES users (id),
  request_id TEXT,
  request_sha256 TEXT,
  review BLOB NOT NULL,
  create_time_us INTEGER NOT NULL
);
INSERT INTO reviews_v3 (seq, id, task_id, assignment_id, submission_id,
  reviewer, request_id, review, create_time_us)
SELECT seq, id, task_id, assignment_id, submission_id, reviewer, request_id,
  review, create_time_us
FROM reviews;
DROP TABLE reviews;
ALTER TABLE reviews_v3 RENAME TO reviews;
CREATE INDEX reviews_by_submission ON reviews (submission_id, seq);
CREATE INDEX reviews_by_assignment ON reviews (assignment_id, seq);
