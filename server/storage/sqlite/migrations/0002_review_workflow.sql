-- The review workflow: identities, courses, assignments, comments, peer
-- review, tutor grading, release and the append-only audit log.

CREATE TABLE users (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  admin INTEGER NOT NULL DEFAULT 0,
  create_time_us INTEGER NOT NULL
);

-- Only the SHA-256 of a token's secret is stored.
CREATE TABLE tokens (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users (id),
  label TEXT NOT NULL DEFAULT '',
  secret_sha256 TEXT NOT NULL UNIQUE,
  create_time_us INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tokens_by_user ON tokens (user_id, seq);

CREATE TABLE courses (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  create_time_us INTEGER NOT NULL
);

CREATE TABLE enrolments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  course_id TEXT NOT NULL REFERENCES courses (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  role INTEGER NOT NULL,
  UNIQUE (course_id, user_id)
);
CREATE INDEX enrolments_by_user ON enrolments (user_id);

CREATE TABLE assignments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  course_id TEXT NOT NULL REFERENCES courses (id),
  title TEXT NOT NULL DEFAULT '',
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  due_time_us INTEGER NOT NULL DEFAULT 0,
  reviews_per_submission INTEGER NOT NULL DEFAULT 0,
  anonymous INTEGER NOT NULL DEFAULT 1,
  engine_feedback_immediately INTEGER NOT NULL DEFAULT 0,
  peer_weight REAL NOT NULL DEFAULT 0,
  create_time_us INTEGER NOT NULL,
  FOREIGN KEY (rubric_id, rubric_version)
    REFERENCES rubric_versions (rubric_id, version)
);
CREATE INDEX assignments_by_course ON assignments (course_id, seq);

-- Reports replaced by re-scoring (an assignment moved to another rubric
-- version) are kept here, so every score ever shown stays reproducible.
CREATE TABLE report_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  engine_version TEXT NOT NULL,
  report BLOB NOT NULL,
  create_time_us INTEGER NOT NULL,
  replaced_time_us INTEGER NOT NULL
);
CREATE INDEX report_history_by_submission ON report_history (submission_id);

CREATE TABLE comments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  parent_id TEXT REFERENCES comments (id),
  request_id TEXT UNIQUE,
  -- The Comment message (anchor, quoted text, labels, body, ...).
  comment BLOB NOT NULL,
  author TEXT NOT NULL,
  visibility INTEGER NOT NULL,
  resolved INTEGER NOT NULL DEFAULT 0,
  update_time_us INTEGER NOT NULL
);
CREATE INDEX comments_by_submission ON comments (submission_id, seq);

-- The first allocation of an assignment fixes k and the seed.
CREATE TABLE peer_allocations (
  assignment_id TEXT PRIMARY KEY REFERENCES assignments (id),
  reviews_per_submission INTEGER NOT NULL,
  seed INTEGER NOT NULL
);

CREATE TABLE review_tasks (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  assignment_id TEXT NOT NULL REFERENCES assignments (id),
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  author TEXT NOT NULL REFERENCES users (id),
  reviewer TEXT NOT NULL REFERENCES users (id),
  reviewer_label TEXT NOT NULL,
  author_label TEXT NOT NULL,
  completed INTEGER NOT NULL DEFAULT 0,
  create_time_us INTEGER NOT NULL,
  UNIQUE (assignment_id, author, reviewer)
);
CREATE INDEX review_tasks_by_reviewer ON review_tasks (reviewer, seq);
CREATE INDEX review_tasks_by_submission ON review_tasks (submission_id);

CREATE TABLE reviews (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  task_id TEXT NOT NULL UNIQUE REFERENCES review_tasks (id),
  assignment_id TEXT NOT NULL REFERENCES assignments (id),
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  reviewer TEXT NOT NULL REFERENCES users (id),
  request_id TEXT UNIQUE,
  -- The Review message, scores included.
  review BLOB NOT NULL,
  create_time_us INTEGER NOT NULL
);
CREATE INDEX reviews_by_submission ON reviews (submission_id, seq);
CREATE INDEX reviews_by_assignment ON reviews (assignment_id, seq);

CREATE TABLE criterion_overrides (
  submission_id TEXT NOT NULL REFERENCES submissions (id),
  criterion_id TEXT NOT NULL,
  score REAL NOT NULL,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  update_time_us INTEGER NOT NULL,
  PRIMARY KEY (submission_id, criterion_id)
);

CREATE TABLE final_grades (
  submission_id TEXT PRIMARY KEY REFERENCES submissions (id),
  score REAL NOT NULL,
  reason TEXT NOT NULL,
  actor TEXT NOT NULL,
  update_time_us INTEGER NOT NULL
);

CREATE TABLE releases (
  submission_id TEXT PRIMARY KEY REFERENCES submissions (id),
  actor TEXT NOT NULL,
  release_time_us INTEGER NOT NULL
);

-- Every change to a grade or to what students may see. Append-only: the
-- triggers below refuse any UPDATE or DELETE, whatever the caller.
CREATE TABLE audit_events (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  time_us INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  submission_id TEXT NOT NULL DEFAULT '',
  assignment_id TEXT NOT NULL DEFAULT '',
  criterion_id TEXT NOT NULL DEFAULT '',
  old_value TEXT NOT NULL DEFAULT '',
  new_value TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_submission ON audit_events (submission_id, sequence);
CREATE INDEX audit_by_assignment ON audit_events (assignment_id, sequence);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
