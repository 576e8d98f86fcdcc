// A rubric validated and prepared for scoring. Immutable and thread-safe:
// compile once, share as std::shared_ptr<const CompiledRubric>, score many
// essays with it.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "marginalia/v1/rubric.pb.h"
#include "re2/re2.h"

namespace marginalia::rubrics {

// A tutor's RE2 check, compiled.
struct CompiledPattern {
  marginalia::v1::PatternCheck check;
  // Shared, so that a renamed copy of a rubric (WithId) needs no recompiling.
  std::shared_ptr<const RE2> regex;
};

class CompiledRubric {
 public:
  CompiledRubric(marginalia::v1::Rubric rubric,
                 std::vector<CompiledPattern> patterns, std::string source)
      : rubric_(std::move(rubric)),
        patterns_(std::move(patterns)),
        source_(std::move(source)) {}

  const marginalia::v1::Rubric& proto() const { return rubric_; }
  const std::string& id() const { return rubric_.id(); }
  int version() const { return rubric_.version(); }
  const std::vector<CompiledPattern>& patterns() const { return patterns_; }
  // The text-format source the rubric was loaded from, comments and all
  // (printed from the message when it was built from one).
  const std::string& source() const { return source_; }

  // Sum of the criteria's max_score.
  double MaxScore() const;

  // The same rubric named `id` (a course's rubric is stored under its
  // course's name, "hist/short-essay"), sharing the compiled patterns.
  std::shared_ptr<const CompiledRubric> WithId(std::string id) const {
    marginalia::v1::Rubric renamed = rubric_;
    renamed.set_id(std::move(id));
    return std::make_shared<const CompiledRubric>(std::move(renamed), patterns_,
                                                  source_);
  }

 private:
  marginalia::v1::Rubric rubric_;
  std::vector<CompiledPattern> patterns_;
  std::string source_;
};

}  // namespace marginalia::rubrics
