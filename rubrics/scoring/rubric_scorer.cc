#include "rubrics/scoring/rubric_scorer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "rubrics/analysis/finding_catalog.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

constexpr int kMaxSpansPerCriterion = 50;
constexpr int kReasonsInRationale = 3;

// One reason a criterion lost levels.
struct Deduction {
  double levels = 0;
  std::string reason;  // "3 quotations without page numbers"
  std::string code;    // empty for metric rules
  std::vector<const v1::Finding*> findings;
};

double Round2(double value) { return std::round(value * 100) / 100; }

// "a", "a and b", "a, b and c".
std::string JoinAnd(const std::vector<std::string>& parts) {
  if (parts.size() <= 1) return parts.empty() ? "" : parts[0];
  return absl::StrCat(absl::StrJoin(parts.begin(), parts.end() - 1, ", "),
                      " and ", parts.back());
}

std::string Count(int n, absl::string_view code, absl::string_view fallback) {
  const FindingKind* kind = FindFindingKind(code);
  absl::string_view singular = kind ? kind->singular : fallback;
  absl::string_view plural = kind ? kind->plural : fallback;
  if (n == 1) {
    bool vowel =
        !singular.empty() &&
        absl::string_view("aeiou").find(singular[0]) != absl::string_view::npos;
    return absl::StrCat(vowel ? "an " : "a ", singular);
  }
  return absl::StrCat(n, " ", plural);
}

std::string FormatMetric(double value) {
  if (value >= 0 && value <= 1) return absl::StrFormat("%.0f%%", 100 * value);
  return absl::StrFormat("%.2g", value);
}

Deduction FromFindingRule(
    const v1::FindingRule& rule,
    google::protobuf::RepeatedPtrField<v1::Finding>* findings,
    const std::string& criterion_id) {
  Deduction deduction;
  // (code, count) in order of first appearance; a rule matches few codes.
  std::vector<std::pair<absl::string_view, int>> by_code;
  for (v1::Finding& f : *findings) {
    if (!CodeMatches(rule.code(), f.code())) continue;
    if (f.criterion_id().empty()) f.set_criterion_id(criterion_id);
    if (f.criterion_id() != criterion_id) continue;
    deduction.findings.push_back(&f);
    auto it = std::find_if(
        by_code.begin(), by_code.end(),
        [&f](const auto& entry) { return entry.first == f.code(); });
    if (it == by_code.end()) {
      by_code.emplace_back(f.code(), 1);
    } else {
      ++it->second;
    }
  }
  std::sort(by_code.begin(), by_code.end());
  int n = static_cast<int>(deduction.findings.size());
  int counted = std::max(0, n - rule.tolerated());
  deduction.levels = rule.per_finding() * counted;
  if (rule.max_deduction() > 0) {
    deduction.levels = std::min(deduction.levels, rule.max_deduction());
  }
  std::vector<std::string> parts;
  for (const auto& [code, count] : by_code) {
    parts.push_back(Count(count, code, code));
  }
  deduction.reason = JoinAnd(parts);
  deduction.code =
      by_code.size() == 1 ? std::string(by_code.front().first) : rule.code();
  return deduction;
}

Deduction FromMetricRule(const v1::MetricRule& rule,
                         const AnalysisResult& result) {
  Deduction deduction;
  auto it = result.metrics().find(rule.metric());
  if (it == result.metrics().end()) return deduction;
  double value = it->second;
  double fraction = (value - rule.good()) / (rule.bad() - rule.good());
  fraction = std::clamp(fraction, 0.0, 1.0);
  deduction.levels = fraction * rule.max_deduction();
  std::string label = rule.label().empty() ? rule.metric() : rule.label();
  deduction.reason = absl::StrCat(label, " at ", FormatMetric(value));
  return deduction;
}

std::string Rationale(int level, int top, const std::vector<Deduction>& lost) {
  if (lost.empty()) {
    return absl::StrCat("Reached level ", level, " of ", top,
                        ": nothing in the essay counted against this "
                        "criterion.");
  }
  std::vector<std::string> reasons;
  for (std::size_t i = 0; i < lost.size() && i < kReasonsInRationale; ++i) {
    reasons.push_back(
        absl::StrFormat("%s (-%.2g)", lost[i].reason, lost[i].levels));
  }
  std::string listed = JoinAnd(reasons);
  std::string more =
      lost.size() > kReasonsInRationale
          ? absl::StrCat(" and ", lost.size() - kReasonsInRationale,
                         " smaller issues")
          : "";
  return absl::StrCat("Reached level ", level, " of ", top, " because of ",
                      listed, more, ".");
}

}  // namespace

bool CodeMatches(absl::string_view pattern, absl::string_view code) {
  if (absl::EndsWith(pattern, ".*")) {
    return absl::StartsWith(code, pattern.substr(0, pattern.size() - 1));
  }
  return pattern == code;
}

void ScoreCriteria(const CompiledRubric& rubric, const AnalysisResult& result,
                   google::protobuf::RepeatedPtrField<v1::Finding>* findings,
                   v1::FeedbackReport* report) {
  double total = 0, max_total = 0;
  for (const v1::Criterion& criterion : rubric.proto().criteria()) {
    int top = criterion.levels_size() - 1;
    std::vector<Deduction> lost;
    for (const v1::Rule& rule : criterion.rules()) {
      Deduction d =
          rule.has_finding()
              ? FromFindingRule(rule.finding(), findings, criterion.id())
              : FromMetricRule(rule.metric(), result);
      if (d.levels > 1e-9) lost.push_back(std::move(d));
    }
    std::stable_sort(lost.begin(), lost.end(),
                     [](const Deduction& a, const Deduction& b) {
                       return a.levels > b.levels;
                     });
    double deducted = 0;
    for (const Deduction& d : lost) deducted += d.levels;
    double remaining =
        std::clamp(top - deducted, 0.0, static_cast<double>(top));
    int level = static_cast<int>(std::floor(remaining + 1e-9));
    v1::CriterionScore* score = report->add_criteria();
    score->set_id(criterion.id());
    score->set_name(criterion.name());
    score->set_max_score(criterion.max_score());
    score->set_score(Round2(criterion.max_score() * remaining / top));
    score->set_level(level);
    score->set_max_level(top);
    score->set_level_descriptor(criterion.levels(level).description());
    score->set_rationale(Rationale(level, top, lost));
    for (const Deduction& d : lost) {
      if (!d.code.empty()) score->add_finding_codes(d.code);
      for (const v1::Finding* f : d.findings) {
        if (score->spans_size() >= kMaxSpansPerCriterion) break;
        *score->add_spans() = f->span();
      }
    }
    total += score->score();
    max_total += criterion.max_score();
  }
  report->set_total_score(Round2(total));
  report->set_max_score(Round2(max_total));
}

}  // namespace marginalia::rubrics
