// The essay as stored, with highlighted passages and their notes in the
// margin beside each paragraph (below it on a phone). The reader selects
// words with the mouse or the keyboard; the view reports the selection as
// UTF-8 byte offsets of the stored text, which is what the API's anchors
// are.
import {element} from './dom.js';
import {TextIndex} from './utf8.js';

const WHITESPACE = /\s/;

// The view whose essay reports selections (one page shows one essay).
let selecting = null;
document.addEventListener('selectionchange', () => {
  if (selecting) selecting.selectionChanged();
});

export class EssayView {
  // text: the stored text. paragraphSpans: the engine's paragraph byte spans
  // (FeedbackReport.paragraphs), for comments anchored to a paragraph.
  constructor(text, paragraphSpans) {
    this.text = text;
    this.index = new TextIndex(text);
    this.paragraphSpans = paragraphSpans || [];
    this.paragraphs = [];
    let start = 0;
    for (const line of text.split('\n')) {
      if (line.trim()) {
        this.paragraphs.push({start, end: start + line.length});
      }
      start += line.length + 1;
    }
    this.root = element('div', 'essay');
    this.onSelect = null;
  }

  // Calls `callback({begin, end, quote})` (bytes) when the reader selects
  // words in the essay.
  listen(callback) {
    this.onSelect = callback;
    selecting = this;
  }

  // The paragraph (index into this.paragraphs) holding string index i.
  paragraphAt(i) {
    for (let p = 0; p < this.paragraphs.length; p++) {
      if (i < this.paragraphs[p].end) return p;
    }
    return this.paragraphs.length - 1;
  }

  // annotations: [{begin, end} in bytes, or {paragraph} (engine index), or
  // {whole: true}; kind 'comment' | 'finding'; ref (shown number); classes
  // (of the highlight); id (comment id); note (element for the margin)}.
  render(annotations) {
    const placed = annotations.map((a) => this.place(a));
    const general = placed.filter((a) => a.row < 0);
    const children = [];
    if (general.length) {
      children.push(element('div', 'notes general', [
        element('h3', '', 'On the whole essay'),
        ...general.map((a) => a.note),
      ]));
    }
    this.paragraphs.forEach((paragraph, p) => {
      const para = element('p', 'para');
      para.dataset.start = String(paragraph.start);
      para.append(...this.segments(paragraph, placed));
      const notes = placed.filter((a) => a.row === p).map((a) => a.note);
      const margin = element('div', 'notes', notes);
      if (notes.length) {
        margin.setAttribute('role', 'group');
        margin.setAttribute('aria-label', `Notes on paragraph ${p + 1}`);
      }
      children.push(element('div', 'row', [para, margin]));
    });
    this.root.replaceChildren(...children);
    return this.root;
  }

  // Adds string indexes (b, e) and the margin row to an annotation.
  place(annotation) {
    const a = {...annotation, b: 0, e: 0, row: -1};
    if (annotation.begin !== undefined && annotation.end !== undefined) {
      a.b = this.index.toIndex(Number(annotation.begin));
      a.e = this.index.toIndex(Number(annotation.end));
      a.row = this.paragraphAt(a.b);
    } else if (annotation.paragraph !== undefined) {
      const span = this.paragraphSpans[annotation.paragraph];
      a.row = span ? this.paragraphAt(this.index.toIndex(span.begin || 0)) :
          Math.min(annotation.paragraph, this.paragraphs.length - 1);
    }
    return a;
  }

  // The paragraph's text as text nodes and <mark>s, one per run of text
  // covered by the same annotations.
  segments(paragraph, annotations) {
    const inside = annotations.filter((a) => a.e > a.b &&
        a.b < paragraph.end && a.e > paragraph.start);
    const cuts = new Set([paragraph.start, paragraph.end]);
    for (const a of inside) {
      cuts.add(Math.max(a.b, paragraph.start));
      cuts.add(Math.min(a.e, paragraph.end));
    }
    const points = [...cuts].sort((x, y) => x - y);
    const nodes = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const [x, y] = [points[k], points[k + 1]];
      const words = this.text.slice(x, y);
      const covering = inside.filter((a) => a.b <= x && a.e >= y);
      if (!covering.length) {
        nodes.push(document.createTextNode(words));
        continue;
      }
      const mark = element('mark', 'hl', words);
      for (const a of covering) mark.classList.add(...(a.classes || []));
      const comments = covering.filter((a) => a.id).map((a) => a.id);
      if (comments.length) mark.dataset.comments = comments.join(' ');
      const ending = covering.filter((a) => a.e === y).map((a) => a.ref);
      if (ending.length) mark.dataset.refs = ending.join(',');
      nodes.push(mark);
    }
    return nodes;
  }

  // String index of a selection boundary, or null outside the essay.
  boundary(node, offset, isEnd) {
    const host = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
    const para = host && host.closest ? host.closest('.para') : null;
    if (para && this.root.contains(para)) {
      const range = document.createRange();
      range.selectNodeContents(para);
      range.setEnd(node, offset);
      return Number(para.dataset.start) + range.toString().length;
    }
    // Between paragraphs (e.g. a triple click): the nearest paragraph edge.
    const point = document.createRange();
    point.setStart(node, offset);
    const paras = [...this.root.querySelectorAll('.para')];
    if (isEnd) {
      const before = paras.filter((p) => point.comparePoint(p, 0) < 0);
      const last = before[before.length - 1];
      return last ? Number(last.dataset.start) + last.textContent.length : null;
    }
    const after = paras.find((p) => point.comparePoint(p, 0) >= 0);
    return after ? Number(after.dataset.start) : null;
  }

  // Keyboard users' way to select: the next occurrence of `words` after
  // string index `from` (typographic quotes match straight ones), reported
  // like a selection; returns the string index found, or -1.
  find(words, from) {
    const fold = (text) => text.replace(/[‘’]/g, '\'').replace(/[“”]/g, '"');
    const needle = fold(words.trim());
    if (!needle || !this.onSelect) return -1;
    const haystack = fold(this.text);
    let at = haystack.indexOf(needle, from);
    if (at < 0 && from > 0) at = haystack.indexOf(needle);
    if (at < 0) return -1;
    const end = at + needle.length;
    const row = this.root.querySelectorAll('.para')[this.paragraphAt(at)];
    if (row) row.scrollIntoView({block: 'center'});
    this.onSelect({
      begin: this.index.toByte(at),
      end: this.index.toByte(end),
      quote: this.text.slice(at, end),
    });
    return at;
  }

  selectionChanged() {
    if (!this.onSelect || !this.root.isConnected) return;
    const selection = document.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (!this.root.contains(range.commonAncestorContainer)) return;
    let b = this.boundary(range.startContainer, range.startOffset, false);
    let e = this.boundary(range.endContainer, range.endOffset, true);
    if (b === null || e === null) return;
    while (b < e && WHITESPACE.test(this.text[b])) b++;
    while (e > b && WHITESPACE.test(this.text[e - 1])) e--;
    if (e <= b) return;
    this.onSelect({
      begin: this.index.toByte(b),
      end: this.index.toByte(e),
      quote: this.text.slice(b, e),
    });
  }
}
