#include "server/core/rubric_catalog.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "rubrics/rubric/rubric_loader.h"
#include "server/util/time_util.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

absl::Status RubricCatalog::InstallBuiltIns(
    const rubrics::RubricRegistry& built_ins) {
  for (const auto& rubric : built_ins.All()) {
    v1::RubricInfo info;
    info.set_id(rubric->id());
    info.set_version(rubric->version());
    info.set_name(rubric->proto().name());
    info.set_description(rubric->proto().description());
    info.set_built_in(true);
    info.set_created_by("marginalia");
    *info.mutable_create_time() = ToTimestamp(clock_->Now());
    RETURN_IF_ERROR(
        store_->InstallBuiltInRubric(info, rubric->source()).status());
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<const rubrics::CompiledRubric>>
RubricCatalog::Get(absl::string_view id, int version) {
  if (version > 0) {
    absl::MutexLock lock(&mutex_);
    auto it = cache_.find({std::string(id), version});
    if (it != cache_.end()) return it->second;
  }
  absl::StatusOr<StoredRubric> stored = store_->GetRubric(id, version);
  if (absl::IsNotFound(stored.status())) {
    ASSIGN_OR_RETURN(std::vector<v1::RubricInfo> all,
                     store_->ListRubrics(false));
    std::vector<std::string> ids;
    for (const v1::RubricInfo& info : all) ids.push_back(info.id());
    return absl::NotFoundError(
        absl::StrCat(stored.status().message(),
                     "; installed rubrics: ", absl::StrJoin(ids, ", ")));
  }
  if (!stored.ok()) return stored.status();
  std::pair<std::string, int> key{stored->info.id(), stored->info.version()};
  {
    absl::MutexLock lock(&mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
  }
  ASSIGN_OR_RETURN(
      std::shared_ptr<const rubrics::CompiledRubric> compiled,
      rubrics::LoadRubricText(
          stored->text, absl::StrCat(key.first, "@v", key.second), key.second));
  absl::MutexLock lock(&mutex_);
  return cache_.emplace(key, std::move(compiled)).first->second;
}

absl::StatusOr<v1::RubricInfo> RubricCatalog::CreateVersion(
    absl::string_view text, absl::string_view created_by) {
  ASSIGN_OR_RETURN(std::shared_ptr<const rubrics::CompiledRubric> compiled,
                   rubrics::LoadRubricText(text, "rubric"));
  ASSIGN_OR_RETURN(int latest, store_->LatestRubricVersion(compiled->id()));
  v1::RubricInfo info;
  info.set_id(compiled->id());
  info.set_version(latest + 1);
  info.set_name(compiled->proto().name());
  info.set_description(compiled->proto().description());
  info.set_created_by(std::string(created_by));
  *info.mutable_create_time() = ToTimestamp(clock_->Now());
  RETURN_IF_ERROR(store_->CreateRubricVersion(info, text));
  return info;
}

}  // namespace marginalia::server
