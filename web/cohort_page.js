// The cohort of one assignment, for its staff: how the essays spread over
// each criterion's levels, the findings met most often, and every essay
// (each student's latest draft) in a table that sorts by any column, with
// identical texts flagged.
import {call} from './api.js';
import {element, link, points, scrollingTable} from './dom.js';

function latestDrafts(submissions) {
  const latest = new Map();
  for (const s of submissions) {
    const known = latest.get(s.author);
    if (!known || known.draft < s.draft) latest.set(s.author, s);
  }
  return [...latest.values()];
}

function distribution(criteria, reports) {
  const top = Math.max(1, ...criteria.flatMap((c) =>
    (c.levels || []).map((l) => l.level || 0)));
  const table = element('table', 'spread');
  table.append(element('caption', '',
      'Essays at each level, per criterion'));
  const head = element('tr', '', [element('th', '', 'Criterion')]);
  for (let level = 0; level <= top; level++) {
    head.append(element('th', 'num', `Level ${level}`));
  }
  for (const th of head.children) th.scope = 'col';
  table.append(element('thead', '', [head]));
  const body = element('tbody');
  for (const c of criteria) {
    const counts = new Array(top + 1).fill(0);
    for (const report of reports) {
      const scored = (report.criteria || []).find((x) => x.id === c.id);
      if (scored) counts[Math.min(top, scored.level || 0)]++;
    }
    const name = element('th', '', c.name);
    name.scope = 'row';
    const row = element('tr', '', [name]);
    for (const count of counts) {
      const bar = element('span', 'level-bar');
      bar.style.width = `${reports.length ? 4 * count / reports.length : 0}rem`;
      row.append(element('td', 'num', [bar, ` ${count}`]));
    }
    body.append(row);
  }
  table.append(body);
  return scrollingTable(table, 'Essays at each level');
}

function frequentFindings(reports) {
  const byCode = new Map();
  for (const report of reports) {
    const seen = new Set();
    for (const f of report.findings || []) {
      const entry = byCode.get(f.code) || {code: f.code, essays: 0, times: 0,
        example: f.message};
      entry.times++;
      if (!seen.has(f.code)) entry.essays++;
      seen.add(f.code);
      byCode.set(f.code, entry);
    }
  }
  const top = [...byCode.values()].sort((a, b) => b.essays - a.essays ||
      b.times - a.times).slice(0, 10);
  if (!top.length) return element('p', 'meta', 'No findings.');
  const list = element('ol', 'findings-top', top.map((f) =>
    element('li', '', [
      element('strong', '', f.code),
      ` · in ${f.essays} of ${reports.length} essays, ${f.times} times · `,
      element('span', 'meta', `e.g. ${f.example}`),
    ])));
  list.id = 'frequent-findings';
  return list;
}

// The essays' table; a column header's button sorts by it.
function essaysTable(rows, criteria) {
  const columns = [
    {name: 'Student', value: (r) => r.s.author, text: (r) => r.s.author},
    {name: 'Draft', value: (r) => r.s.draft, num: true},
    {name: 'Engine total', value: (r) => r.s.totalScore || 0, num: true,
      text: (r) => points(r.s.totalScore)},
    ...criteria.map((c) => ({
      name: c.name, num: true,
      value: (r) => r.scores.get(c.id) || 0,
      text: (r) => points(r.scores.get(c.id)),
    })),
    {name: 'Findings', value: (r) => r.findings, num: true},
    {name: 'Identical text', value: (r) => r.twins, text: (r) => r.twins ?
        `⚠ same as ${r.twins}` : '—'},
  ];
  const table = element('table', 'essays');
  table.id = 'cohort-essays';
  table.append(element('caption', '',
      'Every student\'s latest draft (sort by a column)'));
  const head = element('tr');
  const body = element('tbody');
  let sortBy = 0;
  let ascending = true;
  function draw() {
    const column = columns[sortBy];
    const sorted = [...rows].sort((a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      const order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    body.replaceChildren(...sorted.map((r) => {
      const row = element('tr');
      row.dataset.submission = r.s.id;
      columns.forEach((c, k) => {
        const text = c.text ? c.text(r) : String(c.value(r));
        const cell = element(k ? 'td' : 'th', c.num ? 'num' : '',
            k ? text : [link(text, `#/submission/${r.s.id}`)]);
        if (!k) cell.scope = 'row';
        row.append(cell);
      });
      return row;
    }));
    [...head.children].forEach((th, k) => {
      th.setAttribute('aria-sort', k !== sortBy ? 'none' :
          ascending ? 'ascending' : 'descending');
    });
  }
  columns.forEach((c, k) => {
    const sort = element('button', 'sort', c.name);
    sort.type = 'button';
    sort.addEventListener('click', () => {
      ascending = sortBy === k ? !ascending : true;
      sortBy = k;
      draw();
    });
    const th = element('th', c.num ? 'num' : '', [sort]);
    th.scope = 'col';
    head.append(th);
  });
  table.append(element('thead', '', [head]), body);
  draw();
  return scrollingTable(table, 'Every student\'s latest draft');
}

export async function cohortPage(root, assignmentId) {
  const assignment = (await call('AdminService/GetAssignment',
      {id: assignmentId})).assignment;
  const [listed, rubricAnswer] = await Promise.all([
    call('SubmissionService/ListSubmissions', {assignmentId, pageSize: 1000}),
    call('RubricService/GetRubric',
        {id: assignment.rubricId, version: assignment.rubricVersion}),
  ]);
  const criteria = (rubricAnswer.rubric || {}).criteria || [];
  const essays = latestDrafts(listed.submissions || []);
  const reports = await Promise.all(essays.map((s) =>
    call('SubmissionService/GetFeedback', {submissionId: s.id})
        .then((f) => f.report || {})));
  const byText = new Map();
  for (const s of essays) {
    byText.set(s.contentSha256, [...(byText.get(s.contentSha256) || []),
      s.author]);
  }
  const rows = essays.map((s, k) => ({
    s,
    scores: new Map((reports[k].criteria || []).map((c) => [c.id, c.score])),
    findings: (reports[k].findings || []).length,
    twins: byText.get(s.contentSha256).filter((a) => a !== s.author)
        .join(', '),
  }));
  const title = assignment.title || assignment.id;
  document.title = `Cohort: ${title} · Marginalia`;
  const heading = element('h2', '', `Cohort: ${title}`);
  heading.tabIndex = -1;
  root.replaceChildren(heading,
      element('p', 'meta', `${essays.length} students' latest drafts.`),
      element('h3', '', 'Spread per criterion'), distribution(criteria, reports),
      element('h3', '', 'Most frequent findings'), frequentFindings(reports),
      element('h3', '', 'Essays'), essaysTable(rows, criteria));
  heading.focus();
}
