// Rubrics known to the engine by id and version, starting with the ones that
// ship with Marginalia (rubrics/definitions, compiled into the binary).
// Thread-compatible: build it, then share it read-only.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "rubrics/rubric/compiled_rubric.h"

namespace marginalia::rubrics {

// The rubric used when none is named.
inline constexpr absl::string_view kDefaultRubricId = "history-essay";

class RubricRegistry {
 public:
  // The built-in rubrics. Fails only if a shipped rubric does not validate,
  // which the test suite rules out.
  static absl::StatusOr<RubricRegistry> BuiltIn();

  // Adds or replaces the rubric with the same id and version.
  void Add(std::shared_ptr<const CompiledRubric> rubric);

  // The given version of `id`, or its latest when `version` is 0.
  // NOT_FOUND naming the installed ids when there is no such rubric.
  absl::StatusOr<std::shared_ptr<const CompiledRubric>> Find(
      absl::string_view id, int version = 0) const;

  // Every rubric, sorted by id then version.
  std::vector<std::shared_ptr<const CompiledRubric>> All() const;

 private:
  std::map<std::pair<std::string, int>, std::shared_ptr<const CompiledRubric>>
      rubrics_;
};

}  // namespace marginalia::rubrics
