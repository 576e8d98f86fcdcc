// Splits an essay into blocks: title, headings, prose paragraphs and list
// items. Handles blank-line separated paragraphs, one-paragraph-per-line text,
// hard-wrapped lines, Markdown headings, lists and block quotes, and YAML
// front matter.
#pragma once

#include <vector>

#include "absl/strings/string_view.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

// One block as found by the splitter; inline structure comes later.
struct Block {
  TextSpan span;
  BlockKind kind = BlockKind::kProse;
  uint8_t heading_level = 0;
  bool block_quote = false;
  // Lines joined into this block (1 for a single line).
  uint32_t lines = 1;
  // Blank lines between the previous block and this one: a wider gap than
  // usual often marks a new section.
  uint32_t blank_lines_before = 0;
};

// The blocks of a text, in order, and where its front matter is.
struct BlockLayout {
  std::vector<Block> blocks;
  // Index of the title block, or -1.
  int title = -1;
  TextSpan front_matter;
};

// Finds the blocks of `text`. Never fails: any byte string has a layout.
BlockLayout SplitBlocks(absl::string_view text);

// True when a single line reads like a heading rather than a sentence: short,
// not ending like a sentence, starting with a capital or a digit.
// `max_words` bounds its length.
bool LooksLikeHeading(absl::string_view line, int max_words,
                      bool allow_question);

}  // namespace marginalia::rubrics
