#include "tests/rubrics/engine/engine_test_util.h"

#include <gtest/gtest.h>

#include "rubrics/document/normalize.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_loader.h"
#include "rubrics/rubric/rubric_registry.h"

namespace marginalia::rubrics::testing {

namespace v1 = ::marginalia::v1;

v1::FeedbackReport Score(const std::string& text,
                         const std::string& rubric_id) {
  static const Engine* engine = new Engine();
  static const RubricRegistry* registry =
      new RubricRegistry(*RubricRegistry::BuiltIn());
  auto rubric = registry->Find(rubric_id);
  if (!rubric.ok()) {
    ADD_FAILURE() << rubric.status();
    return {};
  }
  auto normalised = NormalizeEssayText(text);
  if (!normalised.ok()) {
    ADD_FAILURE() << normalised.status();
    return {};
  }
  auto report = engine->Score(*normalised, **rubric);
  if (!report.ok()) {
    ADD_FAILURE() << report.status();
    return {};
  }
  return *report;
}

std::shared_ptr<const CompiledRubric> WithProbePattern(
    const std::string& regex) {
  auto registry = RubricRegistry::BuiltIn();
  if (!registry.ok()) {
    ADD_FAILURE() << registry.status();
    return nullptr;
  }
  auto base = registry->Find(kDefaultRubricId);
  if (!base.ok()) {
    ADD_FAILURE() << base.status();
    return nullptr;
  }
  v1::Rubric proto = (*base)->proto();
  v1::PatternCheck* check = proto.add_patterns();
  check->set_code(kProbeCode);
  check->set_pattern(regex);
  check->set_message("Probe.");
  RubricValidation validation = ValidateRubric(proto, "probe");
  if (!validation.ok()) {
    ADD_FAILURE() << validation.errors.front();
    return nullptr;
  }
  return validation.rubric;
}

std::vector<v1::Finding> FindingsOf(const v1::FeedbackReport& report,
                                    const std::string& code) {
  std::vector<v1::Finding> found;
  for (const v1::Finding& f : report.findings()) {
    if (f.code() == code) found.push_back(f);
  }
  return found;
}

std::map<std::string, int> CodeCounts(const v1::FeedbackReport& report) {
  std::map<std::string, int> counts;
  for (const v1::Finding& f : report.findings()) ++counts[f.code()];
  return counts;
}

double CriterionScore(const v1::FeedbackReport& report, const std::string& id) {
  for (const v1::CriterionScore& c : report.criteria()) {
    if (c.id() == id) return c.score();
  }
  ADD_FAILURE() << "no criterion " << id;
  return -1;
}

double Metric(const v1::FeedbackReport& report, const std::string& name) {
  for (const v1::Metric& m : report.metrics()) {
    if (m.name() == name) return m.value();
  }
  ADD_FAILURE() << "no metric " << name;
  return -1;
}

std::string SpanText(const std::string& text, const v1::Span& span) {
  if (span.end() > text.size() || span.begin() > span.end()) return "";
  return text.substr(span.begin(), span.end() - span.begin());
}

}  // namespace marginalia::rubrics::testing
