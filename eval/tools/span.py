#!/usr/bin/env python3
"""Turns quoted text into a GoldSpan with byte offsets, for annotators.

  eval/tools/span.py TEXT_FILE "exact quote" [N]

TEXT_FILE is the text the engine sees (`marginalia-eval --text PATH >
TEXT_FILE`). Prints `{ begin: B end: E text: "..." }` for the N-th
occurrence (1 by default) and, on stderr, how many occurrences there are.
Exits 1 when the quote is not in the text.
"""
import sys


def escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def main() -> int:
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    data = open(sys.argv[1], "rb").read()
    quote = sys.argv[2].encode("utf-8")
    nth = int(sys.argv[3]) if len(sys.argv) == 4 else 1
    starts, at = [], data.find(quote)
    while at >= 0:
        starts.append(at)
        at = data.find(quote, at + 1)
    if len(starts) < nth:
        print(f"not found ({len(starts)} occurrences)", file=sys.stderr)
        return 1
    begin = starts[nth - 1]
    end = begin + len(quote)
    print(f'{{ begin: {begin} end: {end} text: "{escape(sys.argv[2])}" }}')
    print(f"{len(starts)} occurrence(s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
