// One submission: the essay with the engine's findings and everyone's
// comments in the margin. Staff comment on selected words (for the student
// or staff only), reply, resolve, grade and release; the author reads the
// released feedback: comments on their words, the released grade (not the
// engine's total) and the anonymised peer reviews.
import {call, requestId} from './api.js';
import {element, link, points, statusLine} from './dom.js';
import {EssayView} from './essay_view.js';
import {gradeSummary, gradeTable, staffGradePanel} from './grade_panel.js';
import {commentAnnotations, composer, findingAnnotation} from './notes.js';
import {peerReviews} from './peer_reviews.js';

function isStaff(me, courseId) {
  const user = me.user || {};
  if (user.admin) return true;
  return (me.enrolments || []).some((e) => e.courseId === courseId &&
      e.role === 'COURSE_ROLE_TUTOR');
}

export async function submissionPage(root, submissionId, me) {
  const [full, feedback] = await Promise.all([
    call('SubmissionService/GetSubmission',
        {id: submissionId, view: 'SUBMISSION_VIEW_FULL'}),
    call('SubmissionService/GetFeedback', {submissionId}),
  ]);
  const submission = full.submission;
  const assignment = (await call('AdminService/GetAssignment',
      {id: submission.assignmentId})).assignment;
  const rubric = (await call('RubricService/GetRubric', {
    id: submission.rubricId, version: submission.rubricVersion,
  })).rubric || {};
  const staff = isStaff(me, assignment.courseId);
  const report = feedback.reportWithheld ? null : feedback.report;

  const title = submission.title || `Submission ${submission.id}`;
  document.title = `${title} · Marginalia`;
  const heading = element('h2', '', title);
  heading.tabIndex = -1;
  const meta = element('p', 'meta', `${assignment.title || assignment.id}` +
      ` · ${staff ? `by ${submission.author} · ` : ''}draft ` +
      `${submission.draft}`);

  const view = new EssayView(submission.text || '',
      report ? (report.paragraphs || []).map((p) => p.span || {}) : []);
  const essayBox = element('section', 'essay-box');
  essayBox.setAttribute('aria-labelledby', 'essay-heading');
  const essayHeading = element('h2', '', 'The essay');
  essayHeading.id = 'essay-heading';
  const legend = element('p', 'legend', [
    element('span', 'key key-comment', '✎ comment'),
    ' ',
    element('span', 'key key-finding', '⚠ engine finding'),
    ' Numbers in brackets link a highlighted passage to its note.',
  ]);
  essayBox.append(essayHeading, legend, view.root);

  async function draw() {
    const answer = await call('ReviewService/ListComments',
        {submissionId, includeResolved: true, pageSize: 1000})
        .catch(() => ({comments: feedback.comments || []}));
    const comments = answer.comments || [];
    const findings = report ? report.findings || [] : [];
    const notes = commentAnnotations(comments, 1, {
      canResolve: staff,
      onReply: async (comment, body) => {
        await call('ReviewService/CreateComment',
            {parentId: comment.id, body, requestId: requestId()});
        await draw();
      },
      onResolve: async (comment) => {
        await call(comment.resolved ? 'ReviewService/ReopenComment' :
            'ReviewService/ResolveComment', {commentId: comment.id});
        await draw();
      },
    });
    const first = notes.length + 1;
    view.render([...notes,
      ...findings.map((f, k) => findingAnnotation(f, first + k))]);
  }
  await draw();

  const parts = [heading, meta];
  const side = [];
  if (staff) {
    side.push(composer(view, {
      staffChoice: true,
      onSubmit: async (span, body, staffOnly) => {
        await call('ReviewService/CreateComment', {
          submissionId, body, requestId: requestId(),
          anchor: {span: {begin: span.begin, end: span.end}},
          visibility: staffOnly ? 'COMMENT_VISIBILITY_STAFF' :
              'COMMENT_VISIBILITY_STUDENT',
        });
        await draw();
      },
    }));
    side.push(await staffGradePanel(submissionId, rubric));
  } else {
    side.push(studentGrade(feedback, rubric));
  }
  if ((feedback.deltas || []).length) side.push(deltas(feedback, rubric));
  side.push(await peerReviews(submissionId, rubric, staff));
  parts.push(element('div', 'workspace', [
    essayBox, element('div', 'side', side),
  ]));
  root.replaceChildren(...parts);
  heading.focus();
}

// What the author sees of the grade: only the released one.
function studentGrade(feedback, rubric) {
  const box = element('section', 'panel');
  box.setAttribute('aria-labelledby', 'grade-heading');
  const heading = element('h2', '', 'Your grade');
  heading.id = 'grade-heading';
  box.append(heading);
  if (feedback.released && feedback.grade) {
    box.append(...gradeSummary(feedback.grade),
        gradeTable(feedback.grade, rubric, false));
  } else {
    const note = statusLine();
    note.textContent = 'Your tutor has not released your grade yet.';
    box.append(note);
    if (!feedback.reportWithheld && feedback.report) {
      box.append(element('p', 'meta', `The engine's provisional score: ${
        points(feedback.report.totalScore)} of ${
        points(feedback.report.maxScore)}`));
    }
  }
  return box;
}

// What changed per criterion since the author's previous draft.
function deltas(feedback, rubric) {
  const box = element('section', 'panel deltas');
  box.setAttribute('aria-labelledby', 'deltas-heading');
  const heading = element('h2', '', 'Since the previous draft');
  heading.id = 'deltas-heading';
  const names = new Map((rubric.criteria || []).map((c) => [c.id, c.name]));
  const list = element('ul', 'criteria', feedback.deltas.map((d) => {
    const change = (d.score || 0) - (d.previousScore || 0);
    const word = change > 0 ? `▲ up ${points(change)}` :
        change < 0 ? `▼ down ${points(-change)}` : '= unchanged';
    return element('li', '', [
      element('strong', '', names.get(d.criterionId) || d.criterionId),
      `: ${points(d.previousScore)} → ${points(d.score)} (${word})`,
    ]);
  }));
  box.append(heading, list, link('The previous draft',
      `#/submission/${feedback.previousSubmissionId}`));
  return box;
}
