// The Marginalia web app: sign in with an API token (the server keeps it
// and gives the browser a session cookie), then the page for the address's
// hash: #/ (what to do), #/submission/ID (an essay and its feedback),
// #/review/TASK (a peer review), #/cohort/ASSIGNMENT (staff's overview).
import {session} from './api.js';
import {cohortPage} from './cohort_page.js';
import {$, element} from './dom.js';
import {homePage} from './home.js';
import {reviewPage} from './review_page.js';
import {submissionPage} from './submission_page.js';

let me = null;

async function route() {
  if (!me) return;
  const view = $('view');
  const [, kind, id] = (location.hash || '#/').split('/');
  $('home-link').hidden = !kind;
  view.setAttribute('aria-busy', 'true');
  try {
    if (kind === 'submission' && id) {
      await submissionPage(view, decodeURIComponent(id), me);
    } else if (kind === 'review' && id) {
      await reviewPage(view, decodeURIComponent(id));
    } else if (kind === 'cohort' && id) {
      await cohortPage(view, decodeURIComponent(id));
    } else {
      await homePage(view, me);
    }
  } catch (error) {
    const message = element('p', 'error', `Could not load: ${error.message}`);
    message.setAttribute('role', 'alert');
    view.replaceChildren(message);
  } finally {
    view.removeAttribute('aria-busy');
  }
}

async function enter(answer) {
  me = answer.currentUser || {};
  const user = me.user || {};
  $('who').textContent = `Signed in as ${user.displayName || user.id}`;
  $('who').hidden = false;
  $('sign-out').hidden = false;
  $('sign-in').hidden = true;
  $('view').hidden = false;
  await route();
}

function leave() {
  me = null;
  $('who').hidden = true;
  $('sign-out').hidden = true;
  $('home-link').hidden = true;
  $('view').hidden = true;
  $('view').replaceChildren();
  $('sign-in').hidden = false;
  $('token').focus();
}

async function signIn(event) {
  event.preventDefault();
  const field = $('token');
  $('sign-in-error').textContent = '';
  try {
    const answer = await session.signIn(field.value.trim());
    field.value = '';
    await enter(answer);
  } catch (error) {
    $('sign-in-error').textContent = `Could not sign in: ${error.message}`;
  }
}

async function signOut() {
  await session.signOut();
  if (location.hash) history.replaceState(null, '', location.pathname);
  leave();
}

async function start() {
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', route);
  try {
    await enter(await session.current());
  } catch (error) {
    leave();
  }
}

start();
