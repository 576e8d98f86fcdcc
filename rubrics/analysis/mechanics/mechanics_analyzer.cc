#include "rubrics/analysis/mechanics/mechanics_analyzer.h"

#include <google/protobuf/text_format.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "builtin_data.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/analysis/finding_codes.h"
#include "rubrics/analysis/text_queries.h"
#include "rubrics/document/byte_scan.h"
#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

std::vector<uint64_t> FoldAll(
    const google::protobuf::RepeatedPtrField<std::string>& words) {
  std::vector<uint64_t> folded;
  for (const std::string& word : words) folded.push_back(Lexicon::Fold(word));
  std::sort(folded.begin(), folded.end());
  return folded;
}

bool Contains(const std::vector<uint64_t>& sorted, uint64_t value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

bool IsProse(const Paragraph& p) {
  return p.kind == BlockKind::kProse || p.kind == BlockKind::kListItem;
}

absl::string_view MarkName(char c) {
  switch (c) {
    case '.':
      return "full stop";
    case ',':
      return "comma";
    case ';':
      return "semicolon";
    case ':':
      return "colon";
    case '!':
      return "exclamation mark";
    default:
      return "question mark";
  }
}

}  // namespace

absl::StatusOr<v1::ConfusedWordList> MechanicsAnalyzer::BuiltInList() {
  for (const embedded::EmbeddedFile& file : embedded::BuiltinDataFiles()) {
    if (absl::string_view(file.name) != "confused_words.textproto") continue;
    v1::ConfusedWordList list;
    if (!google::protobuf::TextFormat::ParseFromString(
            std::string(file.data, file.size), &list)) {
      return absl::InternalError(
          "rubrics/data/confused_words.textproto does not parse");
    }
    return list;
  }
  return absl::InternalError("confused_words.textproto is not built in");
}

MechanicsAnalyzer::MechanicsAnalyzer(const v1::ConfusedWordList& list) {
  for (const v1::ConfusedWord& entry : list.entries()) {
    Confusable rule;
    rule.written = Lexicon::Fold(entry.written());
    rule.intended = entry.intended();
    rule.explanation = entry.explanation();
    rule.preceded_by = FoldAll(entry.preceded_by());
    rule.followed_by = FoldAll(entry.followed_by());
    rule.not_followed_by = FoldAll(entry.not_followed_by());
    rule.nearby = FoldAll(entry.nearby());
    rule.window = entry.window() > 0 ? entry.window() : 6;
    confusables_.push_back(std::move(rule));
  }
  for (const Confusable& rule : confusables_) {
    written_filter_.set(rule.written & 4095);
  }
  std::stable_sort(confusables_.begin(), confusables_.end(),
                   [](const Confusable& a, const Confusable& b) {
                     return a.written < b.written;
                   });
}

void MechanicsAnalyzer::Analyze(const AnalysisInput& input,
                                AnalysisResult* result) const {
  CheckPunctuation(input, result);
  CheckQuotesAndBrackets(input, result);
  CheckWords(input, result);
  int issues = 0;
  for (const v1::Finding& f : result->findings()) {
    if (f.code().rfind("mechanics.", 0) == 0) ++issues;
  }
  double words = std::max<double>(1, input.document.stats().words);
  result->SetMetric("mechanics.issues_per_1000_words", 1000.0 * issues / words);
}

void MechanicsAnalyzer::CheckPunctuation(const AnalysisInput& input,
                                         AnalysisResult* result) const {
  const Document& doc = input.document;
  absl::string_view text = doc.text();
  const auto& paragraphs = doc.paragraphs();
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    if (!IsProse(p) || (i < result->roles.size() &&
                        result->roles[i].role == v1::SECTION_ROLE_REFERENCES)) {
      continue;
    }
    for (uint32_t at = p.span.begin; at < p.span.end; ++at) {
      at = static_cast<uint32_t>(
          FindByte<false, '.', ',', ';', ':', '!', '?'>(text, at, p.span.end));
      if (at == p.span.end) break;
      char c = text[at];
      // The next mark, allowing spaces between: ". ." as well as "..".
      uint32_t next = at + 1;
      while (next < p.span.end && text[next] == ' ') ++next;
      if (next >= p.span.end || text[next] != c) continue;
      // "...": an ellipsis, not a doubled full stop.
      uint32_t run_end = next;
      while (run_end < p.span.end && text[run_end] == c) ++run_end;
      bool ellipsis = c == '.' && next == at + 1 &&
                      (run_end - at >= 3 || (at > 0 && text[at - 1] == '.'));
      if (ellipsis || (c == '?' || c == '!') ||
          InsideCitation(result->citations, at)) {
        at = run_end - 1;
        continue;
      }
      absl::string_view name = MarkName(c);
      result->AddFinding(FindingCodes::kMechanicsRepeatedPunctuation,
                         TextSpan{at, next + 1}, static_cast<int>(i),
                         absl::StrCat("Two ", name, "s in a row."),
                         absl::StrCat("Delete the extra ", name, "."));
      at = run_end - 1;
    }
  }
}

void MechanicsAnalyzer::CheckQuotesAndBrackets(const AnalysisInput& input,
                                               AnalysisResult* result) const {
  const Document& doc = input.document;
  absl::string_view text = doc.text();
  for (const Quotation& q : doc.quotations()) {
    if (!q.closed) {
      result->AddFinding(
          FindingCodes::kMechanicsUnbalancedQuotes,
          TextSpan{q.span.begin, q.inner.begin}, static_cast<int>(q.paragraph),
          "This quotation mark opens a quotation that is never closed.",
          "Add the closing quotation mark where the quoted words end.");
      // A lone single mark is as often an apostrophe or a transliteration
      // ('Abd, ‘aṣabiyyah) as an unclosed quotation.
      if (q.open == QuoteMark::kStraightSingle ||
          q.open == QuoteMark::kCurlySingleOpen) {
        result->SetLastConfidence(0.5);
      }
    } else if (q.mismatched) {
      std::string opened(doc.Slice(TextSpan{q.span.begin, q.inner.begin}));
      std::string closed(doc.Slice(TextSpan{q.inner.end, q.span.end}));
      bool curly = opened == "\xE2\x80\x9C";
      result->AddFinding(
          FindingCodes::kMechanicsUnbalancedQuotes,
          TextSpan{q.inner.end, q.span.end}, static_cast<int>(q.paragraph),
          absl::StrCat("This quotation opens with ", opened,
                       " but closes with ", closed, "."),
          absl::StrCat("Close it with ", curly ? "\xE2\x80\x9D" : "\"", "."));
    }
  }
  for (const Parenthetical& b : doc.parentheticals()) {
    if (b.closed) continue;
    result->AddFinding(
        FindingCodes::kMechanicsUnbalancedBrackets,
        TextSpan{b.span.begin, b.span.begin + 1}, static_cast<int>(b.paragraph),
        absl::StrCat("This \"", std::string(1, b.open), "\" is never closed."),
        absl::StrCat("Add the closing \"", b.open == '(' ? ")" : "]",
                     "\" or remove this one."));
  }
  for (const StrayBracket& stray : doc.stray_brackets()) {
    // "1)", "a)", "ii)" number list items; ":)" is a face.
    uint32_t start = stray.offset;
    while (start > 0 && absl::ascii_isalnum(text[start - 1])) --start;
    bool enumerator = stray.offset - start >= 1 && stray.offset - start <= 3 &&
                      (start == 0 || text[start - 1] == ' ' ||
                       text[start - 1] == '\n' || text[start - 1] == '(');
    bool face = stray.offset > 0 && (text[stray.offset - 1] == ':' ||
                                     text[stray.offset - 1] == ';');
    if (enumerator || face) continue;
    result->AddFinding(
        FindingCodes::kMechanicsUnbalancedBrackets,
        TextSpan{stray.offset, stray.offset + 1},
        static_cast<int>(stray.paragraph),
        absl::StrCat("This \"", std::string(1, stray.bracket),
                     "\" closes a bracket that was never opened."),
        "Add the opening bracket or remove this one.");
  }
}

bool MechanicsAnalyzer::Applies(const Confusable& rule,
                                const AnalysisInput& input, uint32_t word,
                                IndexRange paragraph) const {
  const Lexicon& lexicon = input.lexicon;
  if (!rule.preceded_by.empty() &&
      (word == paragraph.begin ||
       !Contains(rule.preceded_by, lexicon.folded(word - 1)))) {
    return false;
  }
  // A capital inside a sentence makes the cue a name or a month ("In May
  // of 1970"), not the word the rule expects.
  if (!rule.preceded_by.empty()) {
    const Document& doc = input.document;
    const Word& before = doc.words()[word - 1];
    int sentence = SentenceAt(doc, before.span.begin);
    bool opens_sentence =
        sentence >= 0 && doc.sentences()[sentence].words.begin == word - 1;
    if (before.capitalised && !opens_sentence) return false;
  }
  if (!rule.followed_by.empty() &&
      (word + 1 >= paragraph.end ||
       !Contains(rule.followed_by, lexicon.folded(word + 1)))) {
    return false;
  }
  if (word + 1 < paragraph.end &&
      Contains(rule.not_followed_by, lexicon.folded(word + 1))) {
    return false;
  }
  if (!rule.nearby.empty()) {
    uint32_t from = word >= paragraph.begin + rule.window ? word - rule.window
                                                          : paragraph.begin;
    uint32_t to = std::min<uint32_t>(paragraph.end, word + rule.window + 1);
    bool near = false;
    for (uint32_t w = from; w < to && !near; ++w) {
      near = w != word && Contains(rule.nearby, lexicon.folded(w));
    }
    if (!near) return false;
  }
  return true;
}

void MechanicsAnalyzer::CheckWords(const AnalysisInput& input,
                                   AnalysisResult* result) const {
  const Document& doc = input.document;
  const Lexicon& lexicon = input.lexicon;
  absl::string_view text = doc.text();
  const auto& words = doc.words();
  const auto& paragraphs = doc.paragraphs();
  uint64_t had = Lexicon::Fold("had");
  uint64_t that = Lexicon::Fold("that");
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    if (!IsProse(p) || (i < result->roles.size() &&
                        result->roles[i].role == v1::SECTION_ROLE_REFERENCES)) {
      continue;
    }
    for (uint32_t w = p.words.begin; w < p.words.end; ++w) {
      // Repeated word: the same word twice with only spaces between.
      if (w + 1 < p.words.end && !words[w].numeric &&
          lexicon.folded(w) == lexicon.folded(w + 1) &&
          lexicon.folded(w) != had && lexicon.folded(w) != that &&
          TrimSpace(text.substr(words[w].span.end,
                                words[w + 1].span.begin - words[w].span.end))
              .empty()) {
        std::string word(doc.Slice(words[w].span));
        result->AddFinding(
            FindingCodes::kMechanicsRepeatedWord,
            TextSpan{words[w].span.begin, words[w + 1].span.end},
            static_cast<int>(i),
            absl::StrCat("\"", word, "\" appears twice in a row."),
            absl::StrCat("Delete one \"", word, "\"."));
      }
      if (!written_filter_.test(lexicon.folded(w) & 4095)) continue;
      auto it = std::lower_bound(confusables_.begin(), confusables_.end(),
                                 lexicon.folded(w),
                                 [](const Confusable& rule, uint64_t folded) {
                                   return rule.written < folded;
                                 });
      for (; it != confusables_.end() && it->written == lexicon.folded(w);
           ++it) {
        if (!Applies(*it, input, w, p.words)) continue;
        std::string written(doc.Slice(words[w].span));
        result->AddFinding(
            FindingCodes::kMechanicsConfusedWord, words[w].span,
            static_cast<int>(i),
            absl::StrCat("\"", written, "\" looks like a slip for \"",
                         it->intended, "\": ", it->explanation, "."),
            absl::StrCat("Write \"", it->intended, "\"."));
        break;
      }
    }
  }
}

}  // namespace marginalia::rubrics
