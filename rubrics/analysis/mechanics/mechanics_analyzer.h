// Light mechanics: doubled punctuation, unbalanced quotation marks and
// brackets, repeated words and commonly confused words (a list kept as data
// in rubrics/data/confused_words.textproto). British and American
// spellings are both correct; spelling is not checked.
#pragma once

#include <bitset>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "marginalia/v1/rubric.pb.h"
#include "rubrics/analysis/analyzer.h"

namespace marginalia::rubrics {

class MechanicsAnalyzer : public Analyzer {
 public:
  // Compiles the confused-word list once.
  explicit MechanicsAnalyzer(const marginalia::v1::ConfusedWordList& list);

  absl::string_view name() const override { return "mechanics"; }
  void Analyze(const AnalysisInput& input,
               AnalysisResult* result) const override;

  // The built-in list (compiled into the binary). Fails only if the shipped
  // file does not parse, which the tests rule out.
  static absl::StatusOr<marginalia::v1::ConfusedWordList> BuiltInList();

 private:
  struct Confusable {
    uint64_t written = 0;
    std::string intended;
    std::string explanation;
    std::vector<uint64_t> preceded_by;
    std::vector<uint64_t> followed_by;
    std::vector<uint64_t> not_followed_by;
    std::vector<uint64_t> nearby;
    int window = 6;
  };

  void CheckPunctuation(const AnalysisInput& input,
                        AnalysisResult* result) const;
  void CheckQuotesAndBrackets(const AnalysisInput& input,
                              AnalysisResult* result) const;
  void CheckWords(const AnalysisInput& input, AnalysisResult* result) const;
  bool Applies(const Confusable& rule, const AnalysisInput& input,
               uint32_t word, IndexRange paragraph) const;

  std::vector<Confusable> confusables_;  // sorted by `written`
  // Filter on the written words' hashes: most words need no search.
  std::bitset<4096> written_filter_;
};

}  // namespace marginalia::rubrics
