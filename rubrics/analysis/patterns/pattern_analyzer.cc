#include "rubrics/analysis/patterns/pattern_analyzer.h"

#include "rubrics/document/unicode.h"

namespace marginalia::rubrics {

namespace v1 = ::marginalia::v1;

// At most this many findings per pattern, so a pattern that matches
// everywhere cannot flood the report.
constexpr int kMaxMatchesPerPattern = 100;

absl::string_view PatternAnalyzerName() { return "rubric.patterns"; }

namespace {

void AddMatch(const CompiledPattern& pattern, uint32_t begin, uint32_t end,
              int paragraph, AnalysisResult* result) {
  result->AddRubricFinding(pattern.check.code(), TextSpan{begin, end},
                           paragraph, pattern.check.message(),
                           pattern.check.suggestion(),
                           pattern.check.severity() == v1::SEVERITY_UNSPECIFIED
                               ? v1::SEVERITY_WARNING
                               : pattern.check.severity());
  result->last_finding().set_criterion_id(pattern.check.criterion_id());
}

}  // namespace

void RunPatternChecks(const AnalysisInput& input, const CompiledRubric& rubric,
                      AnalysisResult* result) {
  const Document& doc = input.document;
  for (const CompiledPattern& pattern : rubric.patterns()) {
    int matches = 0;
    for (std::size_t i = 0; i < doc.paragraphs().size(); ++i) {
      const Paragraph& p = doc.paragraphs()[i];
      if (input.guard->Check(PatternAnalyzerName())) return;
      if (p.kind != BlockKind::kProse && p.kind != BlockKind::kListItem)
        continue;
      absl::string_view text = doc.Slice(p.span);
      re2::StringPiece whole(text.data(), text.size());
      re2::StringPiece match;
      // Each search starts where the last match ended, within the whole
      // paragraph (so that \b and ^ see the text before it). An empty match
      // is stepped over by one character from where it matched, never from
      // where the search began: restarting there made a pattern such as
      // \b quadratic in the distance between its matches.
      std::size_t from = 0;
      while (matches < kMaxMatchesPerPattern && from <= text.size() &&
             pattern.regex->Match(whole, from, whole.size(), RE2::UNANCHORED,
                                  &match, 1)) {
        if (input.guard->Poll(PatternAnalyzerName())) return;
        std::size_t at = static_cast<std::size_t>(match.data() - text.data());
        if (match.empty()) {
          if (at >= text.size()) break;
          from = at;
          NextCodePoint(text, &from);
          continue;
        }
        AddMatch(pattern, p.span.begin + static_cast<uint32_t>(at),
                 p.span.begin + static_cast<uint32_t>(at + match.size()),
                 static_cast<int>(i), result);
        ++matches;
        from = at + match.size();
      }
    }
  }
}

}  // namespace marginalia::rubrics
