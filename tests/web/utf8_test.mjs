// The web app's byte offsets: TextIndex (web/utf8.js) must agree with a
// real UTF-8 encoder at every string index, for 1-, 2-, 3- and 4-byte
// characters, and round-trip byte offsets to string indexes; an index in
// the middle of a surrogate pair maps to its character's start.
// Run: node tests/web/utf8_test.mjs (ctest: web.utf8_offsets).
import assert from 'node:assert/strict';
import {TextIndex} from '../../web/utf8.js';

const encoder = new TextEncoder();
const texts = ['', 'plain ASCII', 'China’s “revisionist” degeneracy',
  'é\u0301 ß ∑ 😀 end', '😀😀', 'a\nb\n\nc’'];
for (const text of texts) {
  const index = new TextIndex(text);
  assert.equal(index.byteLength, encoder.encode(text).length, text);
  for (let i = 0; i <= text.length; i++) {
    const code = text.charCodeAt(i - 1);
    const inPair = i > 0 && i < text.length && code >= 0xd800 &&
        code <= 0xdbff;
    const start = inPair ? i - 1 : i;
    const bytes = encoder.encode(text.slice(0, start)).length;
    assert.equal(index.toByte(i), bytes, `${text} @${i}`);
    assert.equal(index.toIndex(bytes), start, `${text} byte ${bytes}`);
  }
}
// Out of range indexes clamp to the text.
const index = new TextIndex('’x');
assert.equal(index.toByte(-1), 0);
assert.equal(index.toByte(99), 4);
assert.equal(index.toIndex(99), 2);
console.log('utf8 offsets ok');
