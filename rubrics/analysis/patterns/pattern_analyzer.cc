#include "rubrics/analysis/patterns/pattern_analyzer.h"

namespace marginalia::rubrics {

namespace v1 = ::marginalia::v1;

// At most this many findings per pattern, so a pattern that matches
// everywhere cannot flood the report.
constexpr int kMaxMatchesPerPattern = 100;

absl::string_view PatternAnalyzerName() { return "rubric.patterns"; }

void RunPatternChecks(const AnalysisInput& input, const CompiledRubric& rubric,
                      AnalysisResult* result) {
  const Document& doc = input.document;
  for (const CompiledPattern& pattern : rubric.patterns()) {
    int matches = 0;
    for (std::size_t i = 0; i < doc.paragraphs().size(); ++i) {
      const Paragraph& p = doc.paragraphs()[i];
      if (p.kind != BlockKind::kProse && p.kind != BlockKind::kListItem)
        continue;
      absl::string_view text = doc.Slice(p.span);
      re2::StringPiece input_piece(text.data(), text.size());
      re2::StringPiece match;
      while (matches < kMaxMatchesPerPattern &&
             pattern.regex->Match(input_piece, 0, input_piece.size(),
                                  RE2::UNANCHORED, &match, 1)) {
        if (match.empty()) {  // an empty match would loop forever
          if (input_piece.empty()) break;
          input_piece.remove_prefix(1);
          continue;
        }
        uint32_t begin =
            p.span.begin + static_cast<uint32_t>(match.data() - text.data());
        result->AddRubricFinding(
            pattern.check.code(),
            TextSpan{begin, begin + static_cast<uint32_t>(match.size())},
            static_cast<int>(i), pattern.check.message(),
            pattern.check.suggestion(),
            pattern.check.severity() == v1::SEVERITY_UNSPECIFIED
                ? v1::SEVERITY_WARNING
                : pattern.check.severity());
        result->last_finding().set_criterion_id(pattern.check.criterion_id());
        ++matches;
        input_piece.remove_prefix(static_cast<std::size_t>(
            match.data() + match.size() - input_piece.data()));
      }
    }
  }
}

}  // namespace marginalia::rubrics
