// The rubric beside the essay: engine, peer and tutor scores per criterion;
// for staff the override (with its reason), the final grade, release and
// the audit trail; for the author only the released grade.
import {call} from './api.js';
import {element, field, points, scrollingTable, statusLine, when} from
    './dom.js';

function criterionName(rubric, id) {
  const found = (rubric.criteria || []).find((c) => c.id === id);
  return found ? found.name : id;
}

function scoreCell(has, value) {
  return element('td', 'num', has ? points(value) : '—');
}

// The per-criterion table. Staff see where each score comes from.
export function gradeTable(grade, rubric, staff) {
  const head = staff ?
      ['Criterion', 'Engine', 'Peers', 'Tutor', 'Counts', 'Out of'] :
      ['Criterion', 'Score', 'Out of'];
  const table = element('table', 'grades');
  table.append(element('caption', '', staff ?
      'Scores per criterion (points)' : 'Your grade per criterion (points)'));
  const headRow = element('tr', '', head.map((h, k) => {
    const th = element('th', k ? 'num' : '', h);
    th.scope = 'col';
    return th;
  }));
  table.append(element('thead', '', [headRow]));
  const body = element('tbody');
  for (const c of grade.criteria || []) {
    const name = element('th', '', criterionName(rubric, c.criterionId));
    name.scope = 'row';
    if (c.overridden && staff) {
      name.append(element('span', 'badge', '✎ overridden'));
    }
    const cells = staff ? [
      scoreCell(c.hasEngineScore, c.engineScore),
      scoreCell(c.hasPeerScore, c.peerScore),
      scoreCell(c.overridden, c.tutorScore),
      element('td', 'num strong', points(c.effectiveScore)),
      element('td', 'num', points(c.maxScore)),
    ] : [
      element('td', 'num strong', points(c.effectiveScore)),
      element('td', 'num', points(c.maxScore)),
    ];
    const row = element('tr', '', [name, ...cells]);
    row.dataset.criterion = c.criterionId;
    body.append(row);
    if (c.overridden && c.reason) {
      const why = element('td', 'reason', `Tutor's reason: ${c.reason}`);
      why.colSpan = head.length;
      body.append(element('tr', 'reason-row', [why]));
    }
  }
  table.append(body);
  return scrollingTable(table, 'Scores per criterion');
}

export function gradeSummary(grade) {
  const total = element('p', 'grade-total',
      `Grade: ${points(grade.total)} of ${points(grade.maxScore)}`);
  total.id = 'grade-total';
  const parts = [total];
  if (grade.hasFinalScore) {
    parts.push(element('p', 'meta',
        `Final grade set by the tutor: ${grade.finalReason}`));
  }
  if (grade.formula) parts.push(element('p', 'meta', grade.formula));
  return parts;
}

function auditList(events) {
  if (!events.length) return element('p', 'meta', 'No changes yet.');
  return element('ol', 'audit', events.map((e) => element('li', '', [
    element('strong', '', e.action.replace(/_/g, ' ')),
    ` by ${e.actor} · ${when(e.time)}`,
    e.criterionId ? ` · ${e.criterionId}` : '',
    e.oldValue || e.newValue ? ` · ${e.oldValue || '—'} → ${e.newValue}` : '',
    e.reason ? ` · “${e.reason}”` : '',
  ])));
}

// The staff's panel; re-draws itself after every change.
export async function staffGradePanel(submissionId, rubric) {
  const panel = element('section', 'panel grade-panel');
  panel.setAttribute('aria-labelledby', 'grade-heading');
  const heading = element('h2', '', 'Grade');
  heading.id = 'grade-heading';
  const content = element('div');
  const status = statusLine();
  status.id = 'grade-status';
  const auditBox = element('details', 'audit-box');
  const auditBody = element('div');
  auditBox.append(element('summary', '', 'Audit trail'), auditBody);
  auditBox.id = 'audit';

  async function refresh(grade) {
    if (!grade) {
      grade = (await call('GradeService/GetGrade', {submissionId})).grade;
    }
    const released = grade.released ?
        element('p', 'badge released',
            `✔ Released to the student ${when(grade.releaseTime)}`) :
        element('p', 'badge', 'Not released to the student yet');
    released.id = 'release-state';
    content.replaceChildren(...gradeSummary(grade), released,
        gradeTable(grade, rubric, true));
    const events = await call('GradeService/ListAuditEvents', {submissionId});
    auditBody.replaceChildren(auditList(events.events || []));
  }

  async function act(what, method, body) {
    status.textContent = '';
    try {
      const answer = await call(method, body);
      status.textContent = what;
      await refresh(answer.grade);
    } catch (error) {
      status.textContent = `Could not save: ${error.message}`;
    }
  }

  // Override one criterion.
  const override = element('form', 'override');
  override.id = 'override-form';
  const criterion = element('select');
  for (const c of rubric.criteria || []) {
    const option = element('option', '', `${c.name} (out of ${
      points(c.maxScore)})`);
    option.value = c.id;
    criterion.append(option);
  }
  const score = element('input');
  score.type = 'number';
  score.min = '0';
  score.step = '0.5';
  score.required = true;
  const reason = element('input');
  reason.required = true;
  reason.maxLength = 2000;
  const overrideButton = element('button', '', 'Override');
  overrideButton.type = 'submit';
  override.append(element('h3', '', 'Override a criterion'),
      field('Criterion', criterion, 'override-criterion').wrap,
      field('Score (points)', score, 'override-score').wrap,
      field('Reason (the student sees it once released)', reason,
          'override-reason').wrap,
      overrideButton);
  override.addEventListener('submit', (event) => {
    event.preventDefault();
    act('Override saved.', 'GradeService/SetCriterionScore', {
      submissionId, criterionId: criterion.value, score: Number(score.value),
      reason: reason.value.trim(),
    }).then(() => reason.value = '');
  });

  // A final grade, replacing the sum.
  const final = element('form', 'final');
  const finalScore = element('input');
  finalScore.type = 'number';
  finalScore.min = '0';
  finalScore.step = '0.5';
  finalScore.required = true;
  const finalReason = element('input');
  finalReason.required = true;
  const finalButton = element('button', '', 'Set final grade');
  finalButton.type = 'submit';
  final.append(element('h3', '', 'Final grade'),
      field('Final grade (points)', finalScore, 'final-score').wrap,
      field('Reason', finalReason, 'final-reason').wrap, finalButton);
  final.addEventListener('submit', (event) => {
    event.preventDefault();
    act('Final grade saved.', 'GradeService/SetFinalGrade', {
      submissionId, score: Number(finalScore.value),
      reason: finalReason.value.trim(),
    });
  });

  const release = element('button', '', 'Release feedback to the student');
  release.type = 'button';
  release.id = 'release';
  release.addEventListener('click', async () => {
    status.textContent = '';
    try {
      await call('GradeService/ReleaseFeedback', {submissionId});
      status.textContent = 'Feedback released.';
      await refresh();
    } catch (error) {
      status.textContent = `Could not release: ${error.message}`;
    }
  });

  panel.append(heading, content, override, final, release, status, auditBox);
  await refresh();
  return panel;
}
