// What goes in the margin: the engine's findings and people's comments
// (threads of replies, staff-only ones marked in words and with an icon),
// and the form that comments on the selected passage.
import {button, element, severity} from './dom.js';

export function findingAnnotation(finding, ref) {
  const level = severity(finding.severity);
  const note = element('div', `note note-finding sev-${level.css}`, [
    element('p', 'note-head', [
      element('span', 'ref', `[${ref}]`),
      element('span', 'icon', level.icon),
      ` ${level.word}: `,
      element('span', 'message', finding.message),
    ]),
    finding.suggestion ?
        element('p', 'note-body', `Suggestion: ${finding.suggestion}`) : null,
  ]);
  const annotation = {
    kind: 'finding', ref, note, classes: ['hl-finding', `sev-${level.css}`],
  };
  const span = finding.span || {};
  if (span.end) {
    annotation.begin = span.begin || 0;
    annotation.end = span.end;
  } else if (finding.paragraph !== undefined && finding.paragraph >= 0) {
    annotation.paragraph = finding.paragraph;
  }
  return annotation;
}

function byline(comment) {
  const who = comment.authorLabel || comment.author || 'Someone';
  return who;
}

function staffBadge(comment) {
  if (comment.visibility !== 'COMMENT_VISIBILITY_STAFF') return null;
  return element('span', 'badge staff', '⚑ Staff only');
}

// options: {onReply(comment, body), onResolve(comment), canResolve}.
function commentNote(comment, replies, ref, options) {
  const note = element('div', 'note note-comment');
  note.id = `note-${comment.id}`;
  note.dataset.comment = comment.id;
  if (comment.visibility === 'COMMENT_VISIBILITY_STAFF') {
    note.classList.add('note-staff');
  }
  note.append(element('p', 'note-head', [
    element('span', 'ref', `[${ref}]`),
    element('span', 'icon', '✎'),
    ` ${byline(comment)} `,
    staffBadge(comment),
    comment.resolved ? element('span', 'badge', '✔ Resolved') : null,
  ]));
  if (comment.quotedText) {
    note.append(element('blockquote', 'quote', `“${comment.quotedText}”`));
  }
  note.append(element('p', 'note-body', comment.body));
  if (replies.length) {
    note.append(element('ol', 'replies', replies.map((reply) =>
      element('li', '', [
        element('p', 'note-head', `↳ ${byline(reply)}`),
        element('p', 'note-body', reply.body),
      ]))));
  }
  if (options.onReply) note.append(replyForm(comment, options.onReply));
  if (options.canResolve && options.onResolve) {
    note.append(button(comment.resolved ? 'Reopen' : 'Resolve',
        () => options.onResolve(comment), 'small secondary'));
  }
  return note;
}

// "Reply" opens a small form under the thread.
function replyForm(comment, onReply) {
  const box = element('details', 'reply-box');
  box.append(element('summary', '', 'Reply'));
  const form = element('form', 'reply');
  box.append(form);
  const id = `reply-${comment.id}`;
  const label = element('label', 'visually-hidden', 'Reply');
  label.htmlFor = id;
  const text = element('textarea');
  text.id = id;
  text.rows = 2;
  text.required = true;
  text.placeholder = 'Reply…';
  const send = element('button', 'small', 'Send reply');
  send.type = 'submit';
  form.append(label, text, send);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    send.disabled = true;
    try {
      await onReply(comment, text.value.trim());
    } finally {
      send.disabled = false;
    }
  });
  return box;
}

// Top-level comments with their replies, as annotations numbered from
// `firstRef`.
export function commentAnnotations(comments, firstRef, options) {
  const replies = new Map();
  for (const c of comments) {
    if (!c.parentId) continue;
    if (!replies.has(c.parentId)) replies.set(c.parentId, []);
    replies.get(c.parentId).push(c);
  }
  const roots = comments.filter((c) => !c.parentId);
  return roots.map((comment, k) => {
    const ref = firstRef + k;
    const anchor = comment.anchor || {};
    const staff = comment.visibility === 'COMMENT_VISIBILITY_STAFF';
    const annotation = {
      kind: 'comment', ref, id: comment.id,
      note: commentNote(comment, replies.get(comment.id) || [], ref, options),
      classes: ['hl-comment', ...(staff ? ['hl-staff'] : [])],
    };
    if (anchor.span) {
      annotation.begin = anchor.span.begin || 0;
      annotation.end = anchor.span.end || 0;
    } else if (anchor.paragraph !== undefined) {
      annotation.paragraph = anchor.paragraph;
    }
    return annotation;
  });
}

// The form that comments on the passage selected in `view`: shows the
// passage, and calls onSubmit({begin, end, quote}, body, staffOnly).
export function composer(view, {staffChoice, submitLabel, onSubmit}) {
  const form = element('form', 'composer');
  form.id = 'composer';
  form.append(element('h3', '', 'Comment on a passage'));
  const hint = element('p', 'hint',
      'Select words in the essay with the mouse (or Shift and the arrow ' +
      'keys with caret browsing, F7), or type them below and press Enter; ' +
      'then write your comment.');
  const chosen = element('p', 'chosen', 'No passage selected yet.');
  chosen.id = 'selected-passage';
  chosen.setAttribute('aria-live', 'polite');
  // Typing the words selects them: Enter finds the next occurrence.
  const findLabel = element('label', '', 'Words to comment on');
  findLabel.htmlFor = 'composer-find';
  const find = element('input');
  find.id = 'composer-find';
  find.type = 'search';
  find.autocomplete = 'off';
  let found = -1;
  find.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    found = view.find(find.value, found + 1);
    if (found < 0) chosen.textContent = 'Those words are not in the essay.';
  });
  const label = element('label', '', 'Comment');
  label.htmlFor = 'composer-body';
  const body = element('textarea');
  body.id = 'composer-body';
  body.rows = 3;
  body.required = true;
  form.append(hint, chosen, findLabel, find, label, body);
  let staff = null;
  if (staffChoice) {
    staff = element('input');
    staff.type = 'checkbox';
    staff.id = 'composer-staff';
    const staffLabel = element('label', 'inline',
        ' ⚑ Staff only (the student never sees it)');
    staffLabel.prepend(staff);
    form.append(staffLabel);
  }
  const send = element('button', '', submitLabel || 'Add comment');
  send.type = 'submit';
  send.id = 'composer-submit';
  send.disabled = true;
  const status = element('p', 'status');
  status.setAttribute('role', 'status');
  form.append(send, status);
  let selection = null;
  view.listen((chosenSpan) => {
    selection = chosenSpan;
    chosen.textContent = `Selected: “${chosenSpan.quote}”`;
    send.disabled = false;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!selection) return;
    send.disabled = true;
    status.textContent = '';
    try {
      await onSubmit(selection, body.value.trim(), staff && staff.checked);
      body.value = '';
      find.value = '';
      found = -1;
      if (staff) staff.checked = false;
      selection = null;
      chosen.textContent = 'No passage selected yet.';
      status.textContent = 'Comment added.';
    } catch (error) {
      status.textContent = `Could not add the comment: ${error.message}`;
      send.disabled = false;
    }
  });
  return form;
}
