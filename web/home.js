// The first page after signing in: what each of the user's roles has to
// do. Students: their submissions with feedback, and their review tasks.
// Tutors (and administrators): each assignment's submissions, with the
// queue's reason to look at them first.
import {call} from './api.js';
import {button, element, link, points, scrollingTable, statusLine, when}
  from './dom.js';
import {assignmentsSection} from './submit_form.js';

// What the student may see of the score: the released grade, else the
// engine's score when it is not withheld.
function scoreLine(feedback) {
  const grade = feedback.grade;
  if (feedback.released && grade) {
    return `Grade: ${points(grade.total)} of ${points(grade.maxScore)}`;
  }
  if (!feedback.reportWithheld && feedback.report) {
    return `Engine score: ${points(feedback.report.totalScore)} of ` +
        `${points(feedback.report.maxScore)} (not yet graded by your tutor)`;
  }
  return 'Feedback withheld until your tutor releases it';
}

// Per criterion: the released grade's scores (with the tutor's reasons),
// else the engine's when the student may see them.
function criteriaList(feedback) {
  const list = element('ul', 'criteria');
  const criteria = (!feedback.reportWithheld && feedback.report) ?
      feedback.report.criteria || [] : [];
  if (feedback.released && feedback.grade) {
    const names = new Map(criteria.map((c) => [c.id, c.name]));
    for (const c of feedback.grade.criteria || []) {
      const item = element('li');
      item.append(element('strong', '',
          `${names.get(c.criterionId) || c.criterionId}: ` +
          `${points(c.effectiveScore)} of ${points(c.maxScore)}`));
      if (c.overridden && c.reason) item.append(` — your tutor: ${c.reason}`);
      list.append(item);
    }
    return list;
  }
  for (const criterion of criteria) {
    const item = element('li');
    item.append(element('strong', '',
        `${criterion.name}: ${points(criterion.score)} of ` +
        `${points(criterion.maxScore)}`));
    if (criterion.rationale) item.append(` — ${criterion.rationale}`);
    list.append(item);
  }
  return list;
}

function submissionCard(submission, feedback) {
  const card = element('li', 'card');
  card.dataset.submission = submission.id;
  card.append(element('h3', '', submission.title || submission.fileName ||
      `Submission ${submission.id}`));
  const handedIn = when(submission.createTime);
  card.append(element('p', 'meta',
      `Assignment ${submission.assignmentId} · draft ${submission.draft}` +
      (handedIn ? ` · handed in ${handedIn}` : '')));
  card.append(element('p', 'score', scoreLine(feedback)));
  card.append(criteriaList(feedback));
  card.append(link(feedback.released ? 'Read your feedback' :
      'Open your essay', `#/submission/${submission.id}`));
  return card;
}

async function studentSection() {
  const section = element('section');
  section.id = 'submissions';
  section.setAttribute('aria-labelledby', 'submissions-heading');
  const heading = element('h2', '', 'Your submissions');
  heading.id = 'submissions-heading';
  const status = element('p');
  status.setAttribute('role', 'status');
  const list = element('ol', 'cards');
  list.id = 'submission-list';
  section.append(heading, status, list);
  const answer = await call('SubmissionService/ListSubmissions', {});
  const submissions = answer.submissions || [];
  for (const submission of submissions) {
    const feedback = await call('SubmissionService/GetFeedback',
        {submissionId: submission.id});
    list.append(submissionCard(submission, feedback));
  }
  status.textContent = submissions.length ?
      `${submissions.length} submission(s).` : 'No submissions yet.';
  return section;
}

async function reviewSection() {
  const section = element('section');
  section.id = 'review-tasks';
  section.setAttribute('aria-labelledby', 'tasks-heading');
  const heading = element('h2', '', 'Your peer review tasks');
  heading.id = 'tasks-heading';
  section.append(heading);
  const tasks = (await call('ReviewService/ListReviewTasks', {})).tasks || [];
  if (!tasks.length) {
    section.append(element('p', 'meta', 'No review tasks.'));
    return section;
  }
  section.append(element('ul', 'tasks', tasks.map((task) => {
    const item = element('li', '', [
      link(`Review ${task.authorLabel || task.submissionId}`,
          `#/review/${task.id}`),
      ` · assignment ${task.assignmentId} · `,
      element('span', task.completed ? 'badge released' : 'badge',
          task.completed ? '✔ done' : 'to do'),
    ]);
    item.dataset.task = task.id;
    return item;
  })));
  return section;
}

async function assignmentBlock(assignment, notice) {
  const block = element('section', 'assignment');
  block.append(element('h3', '', `${assignment.title || assignment.id}` +
      (assignment.dueTime ? ` · due ${when(assignment.dueTime)}` : '')));
  const overview = link('Cohort overview: spread, frequent findings, ' +
      'all essays', `#/cohort/${assignment.id}`);
  overview.className = 'cohort-link';
  block.append(element('p', '', [overview]));
  const [listed, queue] = await Promise.all([
    call('SubmissionService/ListSubmissions',
        {assignmentId: assignment.id, pageSize: 1000}),
    call('GradeService/ListTutorQueue', {assignmentId: assignment.id})
        .catch(() => ({entries: []})),
  ]);
  const reasons = new Map((queue.entries || [])
      .map((e) => [e.submissionId, e.reason]));
  const submissions = listed.submissions || [];
  if (!submissions.length) {
    block.append(element('p', 'meta', 'No submissions yet.'));
    return block;
  }
  const table = element('table', 'queue');
  table.append(element('caption', '',
      `Submissions to ${assignment.title || assignment.id}`));
  // The queue's order: low peer confidence first, then ungraded, then
  // graded but not released, then released.
  const grades = await Promise.all(submissions.map((s) =>
    call('GradeService/GetGrade', {submissionId: s.id})
        .then((answer) => answer.grade).catch(() => ({}))));
  const rows = submissions.map((s, k) => {
    const grade = grades[k] || {};
    const graded = grade.hasFinalScore ||
        (grade.criteria || []).some((c) => c.overridden);
    const [rank, state] = reasons.has(s.id) ? [0, `⚠ ${reasons.get(s.id)}`] :
        grade.released ? [3, '✔ released'] :
        graded ? [2, '✎ graded, not released'] : [1, '● not graded yet'];
    return {s, rank, state};
  }).sort((x, y) => x.rank - y.rank);
  const head = element('tr', '', ['Student', 'Draft', 'Engine score',
    'Status', 'Open'].map((h, k) => {
    const th = element('th', k === 1 || k === 2 ? 'num' : '', h);
    th.scope = 'col';
    return th;
  }));
  table.append(element('thead', '', [head]));
  const body = element('tbody');
  for (const {s, state} of rows) {
    const row = element('tr', '', [
      element('td', '', s.author),
      element('td', 'num', String(s.draft)),
      element('td', 'num', `${points(s.totalScore)} / ${points(s.maxScore)}`),
      element('td', '', state),
      element('td', '', [link(`Grade ${s.author}'s essay`,
          `#/submission/${s.id}`)]),
    ]);
    row.dataset.submission = s.id;
    body.append(row);
  }
  table.append(body);
  block.append(scrollingTable(table,
      `Submissions to ${assignment.title || assignment.id}`));
  block.append(releaseAll(assignment, block, notice));
  const agreement = await call('GradeService/GetAgreement',
      {assignmentId: assignment.id}).catch(() => ({}));
  for (const [who, scores] of [['The engine', agreement.engineVsTutor],
    ['The peers', agreement.peersVsTutor]]) {
    if (scores && scores.pairs) block.append(agreementLine(who, scores));
  }
  return block;
}

// Releases every submission's feedback at once, after a second click,
// then draws the assignment's list again.
function releaseAll(assignment, block, notice) {
  const status = statusLine();
  if (notice) status.textContent = notice;
  let armed = false;
  const release = button('Release feedback on all submissions…', async () => {
    if (!armed) {
      armed = true;
      release.textContent = 'Click again to release to every student';
      return;
    }
    release.disabled = true;
    try {
      const answer = await call('GradeService/ReleaseFeedback',
          {assignmentId: assignment.id});
      block.replaceWith(await assignmentBlock(assignment,
          `Released ${answer.released || 0} submission(s).`));
    } catch (error) {
      status.textContent = `Could not release: ${error.message}`;
      release.disabled = false;
    }
  }, 'secondary');
  return element('div', 'release-all', [release, status]);
}

// Agreement statistics in words.
function agreementLine(who, scores) {
  const criteria = scores.pairs === 1 ? 'criterion' : 'criteria';
  const kappa = scores.pairs >= 5 ? ` (weighted kappa ${
    scores.qwk.toFixed(2)}; 1 is perfect agreement, 0 chance)` : '';
  return element('p', 'meta', `${who} and the tutors' own scores differ ` +
      `by ${scores.meanAbsoluteDifference.toFixed(2)} levels on average ` +
      `over the ${scores.pairs} ${criteria} the tutors scored${kappa}.`);
}

async function teachingSection(courseIds) {
  const section = element('section');
  section.id = 'teaching';
  section.setAttribute('aria-labelledby', 'teaching-heading');
  const heading = element('h2', '', 'Grading');
  heading.id = 'teaching-heading';
  section.append(heading);
  for (const courseId of courseIds) {
    const assignments = (await call('AdminService/ListAssignments',
        {courseId})).assignments || [];
    for (const assignment of assignments) {
      section.append(await assignmentBlock(assignment));
    }
  }
  return section;
}

export async function homePage(root, me) {
  document.title = 'Marginalia';
  const enrolments = me.enrolments || [];
  let teaching = enrolments.filter((e) => e.role === 'COURSE_ROLE_TUTOR')
      .map((e) => e.courseId);
  if (me.user && me.user.admin) {
    const courses = (await call('AdminService/ListCourses', {})).courses || [];
    teaching = courses.map((c) => c.id);
  }
  const studying = enrolments.filter((e) => e.role === 'COURSE_ROLE_STUDENT')
      .map((e) => e.courseId);
  const parts = [];
  if (teaching.length) parts.push(await teachingSection(teaching));
  if (studying.length || !teaching.length) {
    parts.push(await studentSection());
    if (studying.length) parts.push(await assignmentsSection(studying));
    parts.push(await reviewSection());
  }
  root.replaceChildren(...parts);
}
