-- A rubric id has one owner: the site (the built-ins, and rubrics an
-- administrator installs) or one course, whose tutors add its versions.
-- Before this, any tutor could publish a new version of any rubric, a
-- built-in included, and other courses' new assignments then used it by
-- default (issue 13). Rubrics installed before this count as site-wide.

ALTER TABLE rubric_versions ADD COLUMN course_id TEXT NOT NULL DEFAULT '';
