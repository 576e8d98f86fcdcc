// The API's anchors are UTF-8 byte offsets into the stored text; the page
// works in JavaScript string indexes (UTF-16 code units). TextIndex maps
// one to the other for one text.

function utf8Length(codePoint) {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

export class TextIndex {
  constructor(text) {
    this.text = text;
    // bytes[i]: the byte offset of string index i; the second unit of a
    // surrogate pair maps to its character's start.
    const bytes = new Array(text.length + 1);
    let offset = 0;
    for (let i = 0; i < text.length;) {
      const codePoint = text.codePointAt(i);
      const units = codePoint > 0xffff ? 2 : 1;
      bytes[i] = offset;
      if (units === 2) bytes[i + 1] = offset;
      offset += utf8Length(codePoint);
      i += units;
    }
    bytes[text.length] = offset;
    this.bytes = bytes;
  }

  get byteLength() {
    return this.bytes[this.bytes.length - 1];
  }

  // String index -> byte offset.
  toByte(index) {
    return this.bytes[Math.max(0, Math.min(index, this.text.length))];
  }

  // Byte offset -> the first string index at or after it.
  toIndex(byte) {
    let low = 0;
    let high = this.bytes.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.bytes[middle] < byte) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}
