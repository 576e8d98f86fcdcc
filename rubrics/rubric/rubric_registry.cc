#include "rubrics/rubric/rubric_registry.h"

#include <iterator>
#include <limits>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "builtin_rubrics.h"
#include "rubrics/rubric/rubric_loader.h"

namespace marginalia::rubrics {

absl::StatusOr<RubricRegistry> RubricRegistry::BuiltIn() {
  RubricRegistry registry;
  for (const embedded::EmbeddedFile& file : embedded::BuiltinRubricFiles()) {
    auto rubric =
        LoadRubricText(absl::string_view(file.data, file.size),
                       absl::StrCat("rubrics/definitions/", file.name));
    if (!rubric.ok()) return rubric.status();
    registry.Add(*std::move(rubric));
  }
  return registry;
}

void RubricRegistry::Add(std::shared_ptr<const CompiledRubric> rubric) {
  rubrics_[{rubric->id(), rubric->version()}] = std::move(rubric);
}

absl::StatusOr<std::shared_ptr<const CompiledRubric>> RubricRegistry::Find(
    absl::string_view id, int version) const {
  std::string key(id);
  if (version > 0) {
    auto it = rubrics_.find({key, version});
    if (it != rubrics_.end()) return it->second;
  } else {
    auto it = rubrics_.upper_bound({key, std::numeric_limits<int>::max()});
    if (it != rubrics_.begin() && std::prev(it)->first.first == key) {
      return std::prev(it)->second;
    }
  }
  std::vector<std::string> ids;
  for (const auto& [k, rubric] : rubrics_) {
    if (ids.empty() || ids.back() != k.first) ids.push_back(k.first);
  }
  return absl::NotFoundError(
      absl::StrCat("no rubric '", id, "'",
                   version > 0 ? absl::StrCat(" version ", version) : "",
                   "; installed: ", absl::StrJoin(ids, ", ")));
}

std::vector<std::shared_ptr<const CompiledRubric>> RubricRegistry::All() const {
  std::vector<std::shared_ptr<const CompiledRubric>> all;
  all.reserve(rubrics_.size());
  for (const auto& [key, rubric] : rubrics_) all.push_back(rubric);
  return all;
}

}  // namespace marginalia::rubrics
