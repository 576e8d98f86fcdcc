// Small DOM helpers shared by the pages.

export function $(id) {
  return document.getElementById(id);
}

// element('p', 'meta', 'text') or element('div', 'x', [child, 'text']).
export function element(tag, className, content) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (Array.isArray(content)) {
    node.append(...content.filter((c) => c !== null && c !== undefined));
  } else if (content !== undefined && content !== null) {
    node.textContent = String(content);
  }
  return node;
}

export function button(text, onClick, className) {
  const node = element('button', className, text);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

export function link(text, href) {
  const node = element('a', '', text);
  node.href = href;
  return node;
}

export function points(value) {
  return Number(value || 0).toFixed(1).replace(/\.0$/, '');
}

// A labelled form field: returns {wrap, input}.
export function field(labelText, input, id) {
  input.id = id;
  const label = element('label', '', labelText);
  label.htmlFor = id;
  return {wrap: element('div', 'field', [label, input]), input};
}

// Severity as icon and words, never colour alone.
const SEVERITIES = {
  SEVERITY_ERROR: {icon: '✖', word: 'Error', css: 'error'},
  SEVERITY_WARNING: {icon: '⚠', word: 'Warning', css: 'warning'},
  SEVERITY_INFO: {icon: 'ℹ', word: 'Note', css: 'info'},
};

export function severity(name) {
  return SEVERITIES[name] || SEVERITIES.SEVERITY_INFO;
}

// A status line that screen readers announce.
export function statusLine(className) {
  const node = element('p', className || 'status');
  node.setAttribute('role', 'status');
  return node;
}

export function when(timestamp) {
  return timestamp ? new Date(timestamp).toLocaleString() : '';
}

// A table in a box that scrolls sideways on a narrow screen; the box can
// take the keyboard's focus so that it can be scrolled without a mouse.
export function scrollingTable(table, label) {
  const box = element('div', 'table-wrap', [table]);
  box.tabIndex = 0;
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', label);
  return box;
}
