-- Tutors may lock an assignment against new drafts after its due time
-- and/or once a student's feedback is released (issue 13: a new draft must
-- not slip in after a grade was settled), and let single students hand in
-- later with an extension. A grant replaces the student's earlier one.

ALTER TABLE assignments ADD COLUMN lock_after_due INTEGER NOT NULL DEFAULT 0;
ALTER TABLE assignments ADD COLUMN lock_after_release INTEGER NOT NULL
  DEFAULT 0;

CREATE TABLE extensions (
  assignment_id TEXT NOT NULL REFERENCES assignments (id),
  student TEXT NOT NULL REFERENCES users (id),
  until_us INTEGER NOT NULL,
  granted_by TEXT NOT NULL,
  grant_time_us INTEGER NOT NULL,
  PRIMARY KEY (assignment_id, student)
);
