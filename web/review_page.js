// A peer review task: the essay (without its author's name), the rubric's
// criteria with their level descriptors, comments on selected words, a
// level and a comment per criterion, then submit.
import {call, requestId} from './api.js';
import {button, element, field, link, statusLine} from './dom.js';
import {EssayView} from './essay_view.js';
import {composer} from './notes.js';

function criterionFieldset(criterion) {
  const set = element('fieldset', 'criterion');
  set.dataset.criterion = criterion.id;
  set.append(element('legend', '', criterion.name));
  if (criterion.description) {
    set.append(element('p', 'meta', criterion.description));
  }
  const levels = element('div', 'levels');
  for (const level of criterion.levels || []) {
    const value = level.level || 0;
    const id = `level-${criterion.id}-${value}`;
    const radio = element('input');
    radio.type = 'radio';
    radio.name = `level-${criterion.id}`;
    radio.value = String(value);
    radio.id = id;
    radio.required = true;
    const label = element('label', 'level', [
      element('strong', '', `${value} · ${level.label}`),
      element('span', 'descriptor', level.description),
    ]);
    label.htmlFor = id;
    levels.append(element('div', 'level-choice', [radio, label]));
  }
  set.append(levels);
  const comment = element('textarea');
  comment.rows = 2;
  set.append(field(`Comment on ${criterion.name.toLowerCase()}`, comment,
      `comment-${criterion.id}`).wrap);
  return set;
}

export async function reviewPage(root, taskId) {
  const answer = await call('ReviewService/GetReviewTask', {taskId});
  const task = answer.task;
  const rubric = (await call('RubricService/GetRubric',
      {id: answer.rubricId, version: answer.rubricVersion})).rubric || {};
  const name = task.authorLabel || 'an essay';
  document.title = `Review of ${name} · Marginalia`;
  const heading = element('h2', '', `Peer review of ${name}`);
  heading.tabIndex = -1;

  const view = new EssayView(answer.text || '');
  const pending = [];
  let submitted = task.completed;
  const pendingList = element('ol', 'pending');
  pendingList.id = 'pending-comments';
  function drawEssay() {
    view.render(pending.map((c, k) => ({
      kind: 'comment', ref: k + 1, begin: c.begin, end: c.end,
      id: `pending-${k}`, classes: ['hl-comment'],
      note: element('div', 'note note-comment', [
        element('p', 'note-head', `[${k + 1}] ✎ Your comment`),
        element('blockquote', 'quote', `“${c.quote}”`),
        element('p', 'note-body', c.body),
        submitted ? null : button('Remove', () => {
          pending.splice(k, 1);
          drawEssay();
        }, 'small secondary'),
      ]),
    })));
  }
  drawEssay();

  const essayBox = element('section', 'essay-box');
  essayBox.setAttribute('aria-labelledby', 'essay-heading');
  const essayHeading = element('h2', '', 'The essay');
  essayHeading.id = 'essay-heading';
  essayBox.append(essayHeading, view.root);

  const side = [];
  const commenting = composer(view, {
    submitLabel: 'Add comment to my review',
    onSubmit: async (span, body) => {
      pending.push({...span, body});
      drawEssay();
    },
  });
  commenting.hidden = task.completed;
  side.push(commenting);
  if (task.completed) {
    side.push(element('p', 'badge released',
        '✔ You have submitted this review.'));
  }
  const form = element('form', 'panel review-form');
  form.id = 'review-form';
  form.setAttribute('aria-labelledby', 'rubric-heading');
  const rubricHeading = element('h2', '', `Rubric: ${rubric.name || ''}`);
  rubricHeading.id = 'rubric-heading';
  form.append(rubricHeading, element('p', 'meta',
      'Choose the level that best describes the essay for each criterion.'));
  const criteria = rubric.criteria || [];
  for (const criterion of criteria) form.append(criterionFieldset(criterion));
  const overall = element('textarea');
  overall.rows = 3;
  form.append(field('Overall comment', overall, 'overall-comment').wrap);
  const submit = element('button', '', 'Submit review');
  submit.type = 'submit';
  submit.id = 'submit-review';
  submit.disabled = task.completed;
  const status = statusLine();
  status.id = 'review-status';
  form.append(submit, status);
  const key = requestId();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = '';
    const scores = criteria.map((c) => ({
      criterionId: c.id,
      level: Number(form.querySelector(
          `input[name="level-${c.id}"]:checked`).value),
      comment: form.querySelector(`#comment-${c.id}`).value.trim(),
    }));
    try {
      await call('ReviewService/SubmitReview', {
        taskId, scores, overallComment: overall.value.trim(), requestId: key,
        comments: pending.map((c) => ({
          submissionId: task.submissionId, body: c.body,
          anchor: {span: {begin: c.begin, end: c.end}},
        })),
      });
      status.textContent = 'Review submitted. Thank you!';
      submitted = true;
      commenting.hidden = true;
      drawEssay();
      form.append(link('Back to your review tasks', '#/'));
    } catch (error) {
      status.textContent = `Could not submit: ${error.message}`;
      submit.disabled = false;
    }
  });
  side.push(form);
  root.replaceChildren(heading, element('div', 'workspace', [
    essayBox, element('div', 'side', side),
  ]));
  heading.focus();
}
