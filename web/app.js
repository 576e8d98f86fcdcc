// The Marginalia web app: sign in with an API token (the server keeps it
// and gives the browser a session cookie), then list the signed-in
// student's submissions with their feedback. Every call goes to the
// server's JSON API (POST /api/v1/{Service}/{Method}) with the session's
// CSRF token; nothing is fetched from anywhere else.

const SESSION_PATH = '/api/session';
const API_PREFIX = '/api/v1/';
const CSRF_HEADER = 'X-CSRF-Token';

let csrfToken = '';

function $(id) {
  return document.getElementById(id);
}

// fetch() of our own API; resolves to the parsed body, or throws an Error
// with the server's message.
async function request(method, path, body) {
  const headers = {'Content-Type': 'application/json'};
  if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(answer.message || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return answer;
}

function call(method, body) {
  return request('POST', API_PREFIX + method, body || {});
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function points(value) {
  return Number(value || 0).toFixed(1).replace(/\.0$/, '');
}

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

function criteriaList(feedback) {
  const list = element('ul', 'criteria');
  const criteria = (!feedback.reportWithheld && feedback.report) ?
      feedback.report.criteria || [] : [];
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
  const when = submission.createTime ?
      new Date(submission.createTime).toLocaleString() : '';
  card.append(element('p', 'meta',
      `Assignment ${submission.assignmentId} · draft ${submission.draft}` +
      (when ? ` · handed in ${when}` : '')));
  card.append(element('p', 'score', scoreLine(feedback)));
  card.append(criteriaList(feedback));
  return card;
}

async function showSubmissions() {
  const status = $('submissions-status');
  const list = $('submission-list');
  list.replaceChildren();
  status.textContent = 'Loading…';
  const answer = await call('SubmissionService/ListSubmissions', {});
  const submissions = answer.submissions || [];
  for (const submission of submissions) {
    const feedback = await call('SubmissionService/GetFeedback',
        {submissionId: submission.id});
    list.append(submissionCard(submission, feedback));
  }
  status.textContent = submissions.length ?
      `${submissions.length} submission(s).` : 'No submissions yet.';
}

async function enter(session) {
  csrfToken = session.csrfToken;
  const user = (session.currentUser && session.currentUser.user) || {};
  $('who').textContent = `Signed in as ${user.displayName || user.id}`;
  $('who').hidden = false;
  $('sign-out').hidden = false;
  $('sign-in').hidden = true;
  $('submissions').hidden = false;
  await showSubmissions();
}

function leave() {
  csrfToken = '';
  $('who').hidden = true;
  $('sign-out').hidden = true;
  $('submissions').hidden = true;
  $('sign-in').hidden = false;
  $('token').focus();
}

async function signIn(event) {
  event.preventDefault();
  const field = $('token');
  $('sign-in-error').textContent = '';
  try {
    const session = await request('POST', SESSION_PATH,
        {token: field.value.trim()});
    field.value = '';
    await enter(session);
  } catch (error) {
    $('sign-in-error').textContent = `Could not sign in: ${error.message}`;
  }
}

async function signOut() {
  await request('DELETE', SESSION_PATH).catch(() => {});
  leave();
}

async function start() {
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  try {
    await enter(await request('GET', SESSION_PATH));
  } catch (error) {
    leave();
  }
}

start();
