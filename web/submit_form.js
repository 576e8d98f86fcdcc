// A student's assignments with their due times, and handing in an essay:
// pasted, or read from a .txt or .md file in the browser. The text goes to
// CreateSubmission as UTF-8 (a bytes field: base64 in JSON).
import {call, requestId} from './api.js';
import {element, field, statusLine, when} from './dom.js';

function base64Utf8(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function handInForm(assignment) {
  const form = element('form', 'hand-in');
  form.dataset.assignment = assignment.id;
  const text = element('textarea');
  text.rows = 6;
  text.required = true;
  const file = element('input');
  file.type = 'file';
  file.accept = '.txt,.md,text/plain,text/markdown';
  let fileName = '';
  file.addEventListener('change', async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    fileName = chosen.name;
    text.value = await chosen.text();
  });
  const send = element('button', '', 'Hand in');
  send.type = 'submit';
  const status = statusLine();
  form.append(
      field('Paste your essay', text, `essay-${assignment.id}`).wrap,
      field('or read it from a .txt or .md file', file,
          `file-${assignment.id}`).wrap,
      send, status);
  const key = requestId();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    send.disabled = true;
    status.textContent = 'Handing in…';
    try {
      const answer = await call('SubmissionService/CreateSubmission', {
        assignmentId: assignment.id, text: base64Utf8(text.value),
        fileName, requestId: `${key}-${text.value.length}`,
      });
      location.hash = `#/submission/${answer.submission.id}`;
    } catch (error) {
      status.textContent = `Could not hand in: ${error.message}`;
      send.disabled = false;
    }
  });
  return form;
}

export async function assignmentsSection(courseIds) {
  const section = element('section');
  section.id = 'assignments';
  section.setAttribute('aria-labelledby', 'assignments-heading');
  const heading = element('h2', '', 'Your assignments');
  heading.id = 'assignments-heading';
  section.append(heading);
  for (const courseId of courseIds) {
    const assignments = (await call('AdminService/ListAssignments',
        {courseId})).assignments || [];
    for (const assignment of assignments) {
      const box = element('details', 'assignment-box');
      box.append(element('summary', '', [
        element('strong', '', assignment.title || assignment.id),
        assignment.dueTime ? ` · due ${when(assignment.dueTime)}` :
            ' · no due time',
      ]), handInForm(assignment));
      section.append(box);
    }
  }
  return section;
}
