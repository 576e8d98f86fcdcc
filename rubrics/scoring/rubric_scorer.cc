#include "rubrics/scoring/rubric_scorer.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "rubrics/analysis/finding_catalog.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

constexpr int kMaxSpansPerCriterion = 50;
constexpr int kReasonsInRationale = 3;

// One reason a criterion lost levels. The words for it are written only
// for the few deductions a rationale names (see AppendReason).
struct Deduction {
  double levels = 0;
  // A finding rule: its findings, and how many of each code (sorted by
  // code).
  const v1::FindingRule* finding_rule = nullptr;
  absl::InlinedVector<const v1::Finding*, 16> findings;
  absl::InlinedVector<std::pair<absl::string_view, int>, 2> by_code;
  // A metric rule and the value it measured.
  const v1::MetricRule* metric_rule = nullptr;
  double value = 0;

  // The code a finding rule reports: the one code it matched, or its own
  // pattern ("mechanics.*"); empty for metric rules.
  absl::string_view code() const {
    if (finding_rule == nullptr) return "";
    return by_code.size() == 1 ? by_code.front().first
                               : absl::string_view(finding_rule->code());
  }
};

double Round2(double value) { return std::round(value * 100) / 100; }

// The separator before the `i`-th of `n` items of "a, b and c".
absl::string_view ListSeparator(std::size_t i, std::size_t n) {
  if (i == 0) return "";
  return i + 1 == n ? " and " : ", ";
}

// "a quotation without a page number", "3 quotations without page numbers".
void AppendCount(int n, absl::string_view code, std::string* out) {
  const FindingKind* kind = FindFindingKind(code);
  absl::string_view singular = kind ? kind->singular : code;
  absl::string_view plural = kind ? kind->plural : code;
  if (n == 1) {
    bool vowel =
        !singular.empty() &&
        absl::string_view("aeiou").find(singular[0]) != absl::string_view::npos;
    absl::StrAppend(out, vowel ? "an " : "a ", singular);
    return;
  }
  absl::StrAppend(out, n, " ", plural);
}

// A share as a percentage ("40%"); any other value as a number with at most
// two decimals ("3", "0.43", "12.5"): "comparison markers per 100 words at
// 43%" would misreport a rate of 0.43.
void AppendMetric(absl::string_view metric, double value, std::string* out) {
  const MetricKind* kind = FindMetricKind(metric);
  if (kind != nullptr && kind->unit == MetricUnit::kShare) {
    absl::StrAppendFormat(out, "%.0f%%", 100 * value);
    return;
  }
  std::string number = absl::StrFormat("%.2f", value);
  // "3.00" -> "3", "0.40" -> "0.4".
  while (number.back() == '0') number.pop_back();
  if (number.back() == '.') number.pop_back();
  if (number == "-0") number = "0";
  absl::StrAppend(out, number);
}

// "3 quotations without page numbers", "in-text citations at 40%".
void AppendReason(const Deduction& d, std::string* out) {
  if (d.finding_rule != nullptr) {
    for (std::size_t i = 0; i < d.by_code.size(); ++i) {
      absl::StrAppend(out, ListSeparator(i, d.by_code.size()));
      AppendCount(d.by_code[i].second, d.by_code[i].first, out);
    }
    return;
  }
  const v1::MetricRule& rule = *d.metric_rule;
  absl::StrAppend(out, rule.label().empty() ? rule.metric() : rule.label(),
                  " at ");
  AppendMetric(rule.metric(), d.value, out);
}

Deduction FromFindingRule(
    const v1::FindingRule& rule,
    google::protobuf::RepeatedPtrField<v1::Finding>* findings,
    const std::string& criterion_id) {
  Deduction deduction;
  deduction.finding_rule = &rule;
  // CodeMatches, with the pattern looked at once rather than per finding.
  absl::string_view pattern = rule.code();
  bool prefix = absl::EndsWith(pattern, ".*");
  if (prefix) pattern.remove_suffix(1);
  for (v1::Finding& f : *findings) {
    if (prefix ? !absl::StartsWith(f.code(), pattern) : f.code() != pattern) {
      continue;
    }
    if (f.criterion_id().empty()) f.set_criterion_id(criterion_id);
    if (f.criterion_id() != criterion_id) continue;
    deduction.findings.push_back(&f);
    auto it = std::find_if(
        deduction.by_code.begin(), deduction.by_code.end(),
        [&f](const auto& entry) { return entry.first == f.code(); });
    if (it == deduction.by_code.end()) {
      deduction.by_code.emplace_back(f.code(), 1);
    } else {
      ++it->second;
    }
  }
  std::sort(deduction.by_code.begin(), deduction.by_code.end());
  int n = static_cast<int>(deduction.findings.size());
  int counted = std::max(0, n - rule.tolerated());
  deduction.levels = rule.per_finding() * counted;
  if (rule.max_deduction() > 0) {
    deduction.levels = std::min(deduction.levels, rule.max_deduction());
  }
  return deduction;
}

Deduction FromMetricRule(const v1::MetricRule& rule,
                         const AnalysisResult& result) {
  Deduction deduction;
  deduction.metric_rule = &rule;
  const double* value = result.FindMetric(rule.metric());
  if (value == nullptr) return deduction;
  double fraction = (*value - rule.good()) / (rule.bad() - rule.good());
  fraction = std::clamp(fraction, 0.0, 1.0);
  deduction.levels = fraction * rule.max_deduction();
  deduction.value = *value;
  return deduction;
}

// `lost` is in order of decreasing deduction.
std::string Rationale(int level, int top,
                      const std::vector<const Deduction*>& lost) {
  if (lost.empty()) {
    return absl::StrCat("Reached level ", level, " of ", top,
                        ": nothing in the essay counted against this "
                        "criterion.");
  }
  std::string out =
      absl::StrCat("Reached level ", level, " of ", top, " because of ");
  std::size_t named = std::min<std::size_t>(lost.size(), kReasonsInRationale);
  for (std::size_t i = 0; i < named; ++i) {
    absl::StrAppend(&out, ListSeparator(i, named));
    AppendReason(*lost[i], &out);
    absl::StrAppendFormat(&out, " (-%.2g)", lost[i]->levels);
  }
  if (lost.size() > kReasonsInRationale) {
    absl::StrAppend(&out, " and ", lost.size() - kReasonsInRationale,
                    " smaller issues");
  }
  out.push_back('.');
  return out;
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
    std::vector<Deduction> deductions;
    deductions.reserve(criterion.rules_size());
    for (const v1::Rule& rule : criterion.rules()) {
      Deduction d =
          rule.has_finding()
              ? FromFindingRule(rule.finding(), findings, criterion.id())
              : FromMetricRule(rule.metric(), result);
      if (d.levels > 1e-9) deductions.push_back(std::move(d));
    }
    // Largest first; sorting pointers moves no deduction.
    std::vector<const Deduction*> lost;
    lost.reserve(deductions.size());
    for (const Deduction& d : deductions) lost.push_back(&d);
    std::stable_sort(lost.begin(), lost.end(),
                     [](const Deduction* a, const Deduction* b) {
                       return a->levels > b->levels;
                     });
    double deducted = 0;
    for (const Deduction* d : lost) deducted += d->levels;
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
    for (const Deduction* d : lost) {
      if (!d->code().empty()) score->add_finding_codes(std::string(d->code()));
      for (const v1::Finding* f : d->findings) {
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
