#include "tests/rubrics/engine/adversarial_inputs.h"

#include <string>

namespace marginalia::rubrics::testing {

namespace {

// `piece` repeated until the text holds at least `bytes` bytes.
std::string Repeat(const std::string& piece, std::size_t bytes) {
  std::string text;
  text.reserve(bytes + piece.size());
  while (text.size() < bytes) text += piece;
  return text;
}

std::string DeepBrackets(std::size_t bytes) {
  return std::string(bytes / 2, '(') + "word" + std::string(bytes / 2, ')');
}

std::string NestedWords(std::size_t bytes) {
  return Repeat("(a [b ", bytes / 2) + Repeat("] c) ", bytes / 2);
}

std::string ManyCitations(std::size_t bytes) {
  std::string text = "Introduction. This essay argues a thesis.\n\n";
  int i = 0;
  while (text.size() < bytes) {
    text += "It grew (Author" + std::to_string(i % 5000) + ", " +
            std::to_string(1900 + i % 120) + ", p. 4) and [" +
            std::to_string(i % 300 + 1) + "] so. ";
    if (++i % 20 == 0) text += "\n\n";
  }
  text += "\n\nReferences\n\n";
  for (int r = 0; r < 200; ++r) {
    text += "Author" + std::to_string(r) + ", A. (" +
            std::to_string(1900 + r % 120) + "). A title. Publisher.\n\n";
  }
  return text;
}

std::string ManyQuotes(std::size_t bytes) {
  return Repeat("\u201cA\u201d \"b\" \u2018c\u2019 'd' \" \u201c ", bytes);
}

}  // namespace

std::vector<AdversarialInput> AdversarialInputs() {
  const std::string kWords =
      "The treaty failed because the states would not pay for it. ";
  return {
      {"deep_brackets", DeepBrackets, {}},
      {"nested_brackets_with_words", NestedWords, {}},
      {"open_brackets", [](std::size_t n) { return std::string(n, '('); }, {}},
      {"many_paragraphs",
       [](std::size_t n) { return Repeat("A short paragraph here.\n\n", n); },
       {}},
      {"many_one_word_paragraphs",
       [](std::size_t n) { return Repeat("Word\n\n", n); },
       {}},
      {"empty_paragraphs",
       [](std::size_t n) { return "Title\n\n" + Repeat(" \n\n", n); },
       {}},
      {"empty_list_items",
       [](std::size_t n) { return Repeat("-\n\n", n); },
       {}},
      {"empty_headings", [](std::size_t n) { return Repeat("#\n\n", n); }, {}},
      {"heading_lines",
       [](std::size_t n) { return Repeat("Heading\nA line.\n\n", n); },
       {}},
      {"many_sentences", [](std::size_t n) { return Repeat("Yes. ", n); }, {}},
      {"one_long_paragraph",
       [=](std::size_t n) { return Repeat(kWords, n); },
       {}},
      {"many_citations", ManyCitations, {}},
      {"numeric_citations",
       [](std::size_t n) {
         return Repeat("Claim [1], [2-4] and (5).[^6] ", n);
       },
       {}},
      {"long_word", [](std::size_t n) { return std::string(n, 'a'); }, {}},
      {"long_words",
       [](std::size_t n) { return Repeat(std::string(10000, 'b') + " ", n); },
       {}},
      {"many_quotation_marks", ManyQuotes, {}},
      {"periods", [](std::size_t n) { return std::string(n, '.'); }, {}},
      {"pattern_word_boundary",
       [=](std::size_t n) { return Repeat(kWords, n); },
       {"\\b"}},
      {"pattern_word_boundary_many_paragraphs",
       [](std::size_t n) { return Repeat("Two words.\n\n", n); },
       {"\\b"}},
      {"pattern_word_boundary_far_apart",
       [](std::size_t n) { return "a" + std::string(n, '-') + "b"; },
       {"\\b"}},
      {"pattern_empty_matches",
       [=](std::size_t n) { return Repeat(kWords, n); },
       {"x*", "(?:)", "\\B", "^", "$"}},
      {"pattern_everywhere",
       [=](std::size_t n) { return Repeat(kWords, n); },
       {"[a-z]+", ".", "(?i)the\\b.*?it"}},
  };
}

}  // namespace marginalia::rubrics::testing
