#!/usr/bin/env python3
"""Writes N distinct essay variants for the batch benchmark.

Each variant takes a source essay (the sample and the Markdown history
essays of ../shared/corpora), keeps its first paragraph (the title), and
reorders the rest of its paragraphs and a pair of sentences with a seeded
random generator, so the output is the same on every run.

    make_essay_variants.py OUT_DIR COUNT SOURCE...
"""
import hashlib
import pathlib
import random
import re
import sys


def variant(text, rng):
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    head, body = paragraphs[:1], paragraphs[1:]
    rng.shuffle(body)
    if body:
        k = rng.randrange(len(body))
        sentences = re.split(r"(?<=[.!?])\s+", body[k])
        if len(sentences) > 1:
            i, j = rng.sample(range(len(sentences)), 2)
            sentences[i], sentences[j] = sentences[j], sentences[i]
            body[k] = " ".join(sentences)
    return "\n\n".join(head + body) + "\n"


def main():
    out, count, sources = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    texts = [pathlib.Path(s).read_text(encoding="utf-8") for s in sources]
    texts = [t for t in texts if len(t.split()) >= 300]
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261129)
    seen = set()
    written = 0
    while written < count:
        text = variant(texts[written % len(texts)], rng)
        digest = hashlib.sha256(text.encode()).digest()
        if digest in seen:
            continue
        seen.add(digest)
        (out / f"student{written:05d}.txt").write_text(text, encoding="utf-8")
        written += 1
    total = sum(len(t.encode()) for t in texts)
    print(f"{count} essays from {len(texts)} sources "
          f"(mean source size {total // len(texts)} bytes)")


if __name__ == "__main__":
    main()
