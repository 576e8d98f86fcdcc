// The peers' reviews of one submission: each reviewer's level and comment
// per criterion. The author sees them anonymised ("Reviewer 1") once
// released; staff see who wrote them.
import {call} from './api.js';
import {element} from './dom.js';

function levelText(criterion, level) {
  const found = criterion ?
      (criterion.levels || []).find((l) => (l.level || 0) === level) : null;
  return found ? `level ${level}, ${found.label}` : `level ${level}`;
}

export async function peerReviews(submissionId, rubric, staff) {
  const box = element('section', 'panel peer-reviews');
  box.setAttribute('aria-labelledby', 'peer-heading');
  const heading = element('h2', '', 'Peer reviews');
  heading.id = 'peer-heading';
  box.append(heading);
  let answer;
  try {
    answer = await call('ReviewService/ListReviews', {submissionId});
  } catch (error) {
    box.append(element('p', 'meta', `Not available: ${error.message}`));
    return box;
  }
  const reviews = answer.reviews || [];
  if (!reviews.length) {
    box.append(element('p', 'meta', answer.withheldReviews ?
        `${answer.withheldReviews} review(s), shown once your tutor ` +
        'releases your feedback.' : 'No peer reviews yet.'));
    return box;
  }
  for (const review of reviews) {
    const who = review.reviewerLabel || 'Reviewer';
    const card = element('article', 'review');
    card.append(element('h3', '', staff && review.reviewer ?
        `${who} (${review.reviewer})` : who));
    const list = element('ul', 'criteria');
    for (const score of review.scores || []) {
      const criterion = (rubric.criteria || [])
          .find((c) => c.id === score.criterionId);
      const item = element('li', '', [
        element('strong', '', criterion ? criterion.name : score.criterionId),
        `: ${levelText(criterion, score.level || 0)}`,
      ]);
      if (score.comment) item.append(` — ${score.comment}`);
      list.append(item);
    }
    card.append(list);
    if (review.overallComment) {
      card.append(element('p', '', `Overall: ${review.overallComment}`));
    }
    box.append(card);
  }
  return box;
}
