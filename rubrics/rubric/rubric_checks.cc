#include "rubrics/rubric/rubric_checks.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "re2/re2.h"
#include "rubrics/analysis/finding_catalog.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using google::protobuf::Message;
using google::protobuf::TextFormat;

// RE2 of this vintage takes its own StringPiece, not absl::string_view.
re2::StringPiece Piece(absl::string_view text) {
  return re2::StringPiece(text.data(), text.size());
}

const RE2& IdPattern() {
  static const RE2* pattern = new RE2("[a-z0-9][a-z0-9-]*");
  return *pattern;
}

const RE2& CodePattern() {
  static const RE2* pattern = new RE2("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
  return *pattern;
}

constexpr absl::string_view kBuiltInNamespaces[] = {"citation.", "evidence.",
                                                    "structure.", "mechanics."};

// Walks a rubric and its parse tree together, recording errors with lines.
class Checker {
 public:
  Checker(absl::string_view file, std::vector<std::string>* errors)
      : file_(file), errors_(errors) {}

  void Check(const v1::Rubric& rubric, const TextFormat::ParseInfoTree* tree) {
    for (const v1::PatternCheck& check : rubric.patterns()) {
      pattern_codes_.insert(check.code());
    }
    if (!RE2::FullMatch(rubric.id(), IdPattern())) {
      Error(tree, rubric, "id",
            absl::StrCat("rubric id '", rubric.id(),
                         "' must be lower-case letters, digits and hyphens"));
    }
    if (rubric.version() < 0) {
      Error(tree, rubric, "version", "version must be 1 or more");
    }
    if (rubric.name().empty()) Error(tree, rubric, "id", "name is missing");
    if (rubric.criteria().empty()) {
      Error(tree, rubric, "id", "a rubric needs at least one criterion");
    }
    std::set<std::string> ids;
    for (int i = 0; i < rubric.criteria_size(); ++i) {
      const v1::Criterion& criterion = rubric.criteria(i);
      const TextFormat::ParseInfoTree* sub =
          Nested(tree, rubric, "criteria", i);
      if (!ids.insert(criterion.id()).second) {
        Error(
            sub, criterion, "id",
            absl::StrCat("criterion id '", criterion.id(), "' is used twice"));
      }
      CheckCriterion(criterion, sub);
    }
    for (int i = 0; i < rubric.patterns_size(); ++i) {
      CheckPattern(rubric.patterns(i), ids,
                   Nested(tree, rubric, "patterns", i));
    }
    CheckAnalysis(rubric.analysis(), Nested(tree, rubric, "analysis", -1));
  }

 private:
  void CheckCriterion(const v1::Criterion& criterion,
                      const TextFormat::ParseInfoTree* tree) {
    if (!RE2::FullMatch(criterion.id(), IdPattern())) {
      Error(tree, criterion, "id",
            absl::StrCat("criterion id '", criterion.id(),
                         "' must be lower-case letters, digits and hyphens"));
    }
    if (criterion.name().empty()) {
      Error(tree, criterion, "id",
            absl::StrCat("criterion '", criterion.id(), "' has no name"));
    }
    if (!(criterion.max_score() > 0)) {
      Error(tree, criterion, "max_score",
            absl::StrCat("criterion '", criterion.id(),
                         "': max_score must be greater than 0"));
    }
    if (criterion.levels_size() < 2) {
      Error(tree, criterion, "id",
            absl::StrCat("criterion '", criterion.id(),
                         "' needs at least two levels"));
    }
    for (int i = 0; i < criterion.levels_size(); ++i) {
      const v1::Level& level = criterion.levels(i);
      const TextFormat::ParseInfoTree* sub =
          Nested(tree, criterion, "levels", i);
      if (level.level() != i) {
        Error(sub, level, "level",
              absl::StrCat("criterion '", criterion.id(), "': level ", i,
                           " is numbered ", level.level(),
                           "; list levels from 0 upwards"));
      }
      if (level.description().empty()) {
        Error(sub, level, "level",
              absl::StrCat("criterion '", criterion.id(), "': level ", i,
                           " has no descriptor"));
      }
    }
    for (int i = 0; i < criterion.rules_size(); ++i) {
      CheckRule(criterion, criterion.rules(i),
                Nested(tree, criterion, "rules", i));
    }
  }

  void CheckRule(const v1::Criterion& criterion, const v1::Rule& rule,
                 const TextFormat::ParseInfoTree* tree) {
    if (rule.has_finding()) {
      const v1::FindingRule& finding = rule.finding();
      const TextFormat::ParseInfoTree* sub = Nested(tree, rule, "finding", -1);
      absl::string_view code = finding.code();
      bool prefix = absl::ConsumeSuffix(&code, ".*");
      if (!(prefix ? RE2::FullMatch(Piece(code), "[a-z][a-z0-9_]*") ||
                         IsValidFindingCode(code)
                   : IsValidFindingCode(code))) {
        Error(sub, finding, "code",
              absl::StrCat(
                  "criterion '", criterion.id(), "': '", finding.code(),
                  "' is not a finding code (e.g. "
                  "\"citation.quote_without_page\" or \"mechanics.*\")"));
      }
      if (!KnownCode(finding.code())) {
        Error(sub, finding, "code",
              absl::StrCat("criterion '", criterion.id(),
                           "': no analyser "
                           "produces '",
                           finding.code(),
                           "' (see rubrics/README.md for the codes)"));
      }
      if (finding.per_finding() < 0 || finding.max_deduction() < 0 ||
          finding.tolerated() < 0) {
        Error(sub, finding, "per_finding",
              absl::StrCat("criterion '", criterion.id(),
                           "': deductions and tolerated counts cannot be "
                           "negative"));
      }
    } else if (rule.has_metric()) {
      const v1::MetricRule& metric = rule.metric();
      const TextFormat::ParseInfoTree* sub = Nested(tree, rule, "metric", -1);
      if (FindMetricKind(metric.metric()) == nullptr) {
        Error(
            sub, metric, "metric",
            absl::StrCat("criterion '", criterion.id(), "': '", metric.metric(),
                         "' is not a metric the engine measures (see "
                         "rubrics/README.md)"));
      }
      if (metric.good() == metric.bad()) {
        Error(sub, metric, "good",
              absl::StrCat("criterion '", criterion.id(), "': metric '",
                           metric.metric(), "' needs good and bad to differ"));
      }
      if (metric.max_deduction() < 0) {
        Error(sub, metric, "max_deduction",
              absl::StrCat("criterion '", criterion.id(),
                           "': max_deduction cannot be negative"));
      }
    } else {
      Error(tree, rule, "finding",
            absl::StrCat("criterion '", criterion.id(),
                         "': a rule needs `finding` or `metric`"));
    }
  }

  void CheckPattern(const v1::PatternCheck& check,
                    const std::set<std::string>& criteria,
                    const TextFormat::ParseInfoTree* tree) {
    if (!IsValidFindingCode(check.code())) {
      Error(tree, check, "code",
            absl::StrCat("pattern code '", check.code(),
                         "' must be a dotted code such as style.contraction"));
    }
    for (absl::string_view reserved : kBuiltInNamespaces) {
      if (absl::StartsWith(check.code(), reserved)) {
        Error(tree, check, "code",
              absl::StrCat("pattern code '", check.code(),
                           "' uses the built-in namespace '", reserved,
                           "'; choose another, e.g. style."));
      }
    }
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!check.case_insensitive());
    RE2 regex(check.pattern(), options);
    if (check.pattern().empty()) {
      Error(tree, check, "pattern",
            absl::StrCat("pattern '", check.code(), "' is empty"));
    } else if (!regex.ok()) {
      Error(tree, check, "pattern",
            absl::StrCat("pattern '", check.code(),
                         "' is not valid RE2: ", regex.error()));
    }
    if (check.message().empty()) {
      Error(tree, check, "code",
            absl::StrCat("pattern '", check.code(), "' has no message"));
    }
    if (!check.criterion_id().empty() &&
        !criteria.count(check.criterion_id())) {
      Error(tree, check, "criterion_id",
            absl::StrCat("pattern '", check.code(), "' names criterion '",
                         check.criterion_id(), "', which the rubric lacks"));
    }
  }

  void CheckAnalysis(const v1::AnalysisOptions& analysis,
                     const TextFormat::ParseInfoTree* tree) {
    if (analysis.max_paragraph_words() < 0 || analysis.min_sources() < 0) {
      Error(tree, analysis, "max_paragraph_words",
            "analysis thresholds cannot be negative");
    }
    for (auto [value, field] :
         {std::pair{analysis.max_source_share(), "max_source_share"},
          std::pair{analysis.max_quoted_share(), "max_quoted_share"}}) {
      if (value < 0 || value > 1) {
        Error(tree, analysis, field,
              absl::StrCat("analysis.", field, " must be between 0 and 1"));
      }
    }
  }

  const TextFormat::ParseInfoTree* Nested(const TextFormat::ParseInfoTree* tree,
                                          const Message& message,
                                          const char* field, int index) {
    if (tree == nullptr) return nullptr;
    const auto* descriptor = message.GetDescriptor()->FindFieldByName(field);
    if (descriptor == nullptr) return nullptr;
    return tree->GetTreeForNested(descriptor, index);
  }

  void Error(const TextFormat::ParseInfoTree* tree, const Message& message,
             const char* field, std::string what) {
    int line = -1;
    if (tree != nullptr) {
      const auto* descriptor = message.GetDescriptor()->FindFieldByName(field);
      if (descriptor != nullptr) {
        line = tree->GetLocation(descriptor, descriptor->is_repeated() ? 0 : -1)
                   .line;
      }
    }
    errors_->push_back(line >= 0
                           ? absl::StrCat(file_, ":", line + 1, ": ", what)
                           : absl::StrCat(file_, ": ", what));
  }

  // A code some analyser or one of the rubric's patterns produces; a prefix
  // ("mechanics.*") must cover at least one.
  bool KnownCode(absl::string_view code) const {
    absl::string_view prefix = code;
    if (absl::ConsumeSuffix(&prefix, "*")) {
      for (const FindingKind& kind : FindingKinds()) {
        if (absl::StartsWith(kind.code, prefix)) return true;
      }
      for (const std::string& own : pattern_codes_) {
        if (absl::StartsWith(own, prefix)) return true;
      }
      return false;
    }
    return FindFindingKind(code) != nullptr ||
           pattern_codes_.count(std::string(code)) > 0;
  }

  std::string file_;
  std::vector<std::string>* errors_;
  std::set<std::string> pattern_codes_;
};

}  // namespace

bool IsValidFindingCode(absl::string_view code) {
  return RE2::FullMatch(Piece(code), CodePattern());
}

RubricValidation CheckRubric(v1::Rubric rubric, absl::string_view file_name,
                             const TextFormat::ParseInfoTree* tree,
                             absl::string_view source) {
  RubricValidation result;
  Checker(file_name, &result.errors).Check(rubric, tree);
  if (!result.ok()) return result;
  if (rubric.version() == 0) rubric.set_version(1);
  std::vector<CompiledPattern> patterns;
  for (const v1::PatternCheck& check : rubric.patterns()) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(!check.case_insensitive());
    patterns.push_back(
        {check, std::make_unique<const RE2>(check.pattern(), options)});
  }
  std::string text =
      source.empty() ? RubricToText(rubric) : std::string(source);
  result.rubric = std::make_shared<const CompiledRubric>(
      std::move(rubric), std::move(patterns), std::move(text));
  return result;
}

}  // namespace marginalia::rubrics
