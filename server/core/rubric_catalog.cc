#include "server/core/rubric_catalog.h"

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "rubrics/rubric/rubric_loader.h"
#include "server/util/quote.h"
#include "server/util/time_util.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

namespace {

// Whether `course_id` may add a version to the rubric `current` is the
// latest version of.
absl::Status CheckOwner(const v1::RubricInfo& current,
                        absl::string_view course_id) {
  if (current.built_in()) {
    return absl::FailedPreconditionError(
        absl::StrCat("rubric ", QuotePrefix(current.id()),
                     " is built in and never changes; install yours under "
                     "another id"));
  }
  if (current.course_id().empty() && !course_id.empty()) {
    // Public anyway: naming it leaks nothing.
    return absl::FailedPreconditionError(
        absl::StrCat("rubric ", QuotePrefix(current.id()),
                     " is a site-wide rubric; install yours under another "
                     "id"));
  }
  if (current.course_id() != course_id) {
    return absl::FailedPreconditionError(
        absl::StrCat("rubric id ", QuotePrefix(current.id()),
                     " belongs to another course or to the site; install "
                     "yours under another id"));
  }
  return absl::OkStatus();
}

std::string RubricName(absl::string_view id, int version) {
  return absl::StrCat(id, "@v", version);
}

}  // namespace

std::string StoredRubricId(absl::string_view course_id, absl::string_view id) {
  if (course_id.empty()) return std::string(id);
  return absl::StrCat(course_id, "/", id);
}

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

absl::Status RubricCatalog::Missing(absl::string_view id, int version) {
  ASSIGN_OR_RETURN(std::vector<v1::RubricInfo> all, store_->ListRubrics(false));
  std::vector<std::string> ids;
  // Only the site's: a course's rubrics are its own business.
  for (const v1::RubricInfo& info : all) {
    if (info.course_id().empty()) ids.push_back(info.id());
  }
  return absl::NotFoundError(
      absl::StrCat(NoSuchRubric(id, version).message(),
                   "; installed rubrics: ", absl::StrJoin(ids, ", ")));
}

absl::StatusOr<std::shared_ptr<const rubrics::CompiledRubric>>
RubricCatalog::Get(absl::string_view id, int version) {
  if (version > 0) {
    absl::MutexLock lock(&mutex_);
    auto it = cache_.find({std::string(id), version});
    if (it != cache_.end()) return it->second;
  }
  absl::StatusOr<StoredRubric> stored = store_->GetRubric(id, version);
  if (absl::IsNotFound(stored.status())) return Missing(id, version);
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
  // The text names the rubric as its author wrote it; a course's rubric is
  // stored, pinned and reported under its course's name.
  if (compiled->id() != key.first) compiled = compiled->WithId(key.first);
  absl::MutexLock lock(&mutex_);
  return cache_.emplace(key, std::move(compiled)).first->second;
}

absl::StatusOr<std::shared_ptr<const rubrics::CompiledRubric>>
RubricCatalog::GetForCourse(absl::string_view course_id, absl::string_view id,
                            int version) {
  if (!course_id.empty() && !absl::StrContains(id, '/')) {
    std::string own = StoredRubricId(course_id, id);
    ASSIGN_OR_RETURN(int latest, store_->LatestRubricVersion(own));
    if (latest > 0) {
      absl::StatusOr<std::shared_ptr<const rubrics::CompiledRubric>> rubric =
          Get(own, version);
      if (absl::IsNotFound(rubric.status())) return Missing(id, version);
      return rubric;
    }
  }
  ASSIGN_OR_RETURN(std::shared_ptr<const rubrics::CompiledRubric> rubric,
                   Get(id, version));
  ASSIGN_OR_RETURN(StoredRubric stored,
                   store_->GetRubric(rubric->id(), rubric->version()));
  if (!stored.info.course_id().empty() &&
      stored.info.course_id() != course_id) {
    return Missing(id, version);
  }
  return rubric;
}

absl::StatusOr<std::shared_ptr<const rubrics::CompiledRubric>>
RubricCatalog::GetForReader(VisibilityPolicy& reader, absl::string_view id,
                            int version) {
  ASSIGN_OR_RETURN(std::shared_ptr<const rubrics::CompiledRubric> rubric,
                   Get(id, version));
  ASSIGN_OR_RETURN(StoredRubric stored,
                   store_->GetRubric(rubric->id(), rubric->version()));
  ASSIGN_OR_RETURN(bool may, reader.MayRead(stored.info));
  if (!may) return Missing(id, version);
  return rubric;
}

absl::StatusOr<std::vector<v1::RubricInfo>> RubricCatalog::List(
    VisibilityPolicy& reader, bool all_versions) {
  ASSIGN_OR_RETURN(std::vector<v1::RubricInfo> all,
                   store_->ListRubrics(all_versions));
  std::vector<v1::RubricInfo> visible;
  for (v1::RubricInfo& info : all) {
    ASSIGN_OR_RETURN(bool may, reader.MayRead(info));
    if (may) visible.push_back(std::move(info));
  }
  return visible;
}

absl::StatusOr<v1::GetRubricResponse> RubricCatalog::Read(
    VisibilityPolicy& reader, absl::string_view id, int version) {
  ASSIGN_OR_RETURN(StoredRubric stored, store_->GetRubric(id, version));
  ASSIGN_OR_RETURN(bool may, reader.MayRead(stored.info));
  if (!may) return NoSuchRubric(id, version);
  ASSIGN_OR_RETURN(std::shared_ptr<const rubrics::CompiledRubric> compiled,
                   Get(stored.info.id(), stored.info.version()));
  v1::GetRubricResponse response;
  *response.mutable_info() = std::move(stored.info);
  *response.mutable_rubric() = compiled->proto();
  response.set_text(std::move(stored.text));
  return response;
}

absl::StatusOr<v1::CreateRubricVersionResponse> RubricCatalog::CreateVersion(
    absl::string_view text, absl::string_view created_by,
    absl::string_view course_id) {
  ASSIGN_OR_RETURN(std::shared_ptr<const rubrics::CompiledRubric> compiled,
                   rubrics::LoadRubricText(text, "rubric"));
  std::string id = StoredRubricId(course_id, compiled->id());
  if (id != compiled->id()) {
    // A course's bare ids never shadow a site rubric's, so that a bare id
    // in a course means one rubric. Course rubrics stored under a bare id
    // (before courses had their own names) are not the site's: they are
    // neither refused nor named here.
    ASSIGN_OR_RETURN(int site, store_->LatestRubricVersion(compiled->id()));
    if (site > 0) {
      ASSIGN_OR_RETURN(StoredRubric bare,
                       store_->GetRubric(compiled->id(), site));
      if (bare.info.course_id().empty()) {
        RETURN_IF_ERROR(CheckOwner(bare.info, course_id));
      }
    }
  }
  ASSIGN_OR_RETURN(int latest, store_->LatestRubricVersion(id));
  v1::CreateRubricVersionResponse response;
  if (latest > 0) {
    ASSIGN_OR_RETURN(StoredRubric current, store_->GetRubric(id, latest));
    RETURN_IF_ERROR(CheckOwner(current.info, course_id));
    if (current.text == text) {
      *response.mutable_info() = std::move(current.info);
      return response;
    }
  }
  v1::RubricInfo& info = *response.mutable_info();
  info.set_id(id);
  info.set_version(latest + 1);
  info.set_name(compiled->proto().name());
  info.set_description(compiled->proto().description());
  info.set_created_by(std::string(created_by));
  info.set_course_id(std::string(course_id));
  *info.mutable_create_time() = ToTimestamp(clock_->Now());
  v1::AuditEvent event;
  *event.mutable_time() = info.create_time();
  event.set_actor(std::string(created_by));
  event.set_action("rubric_install");
  if (latest > 0) event.set_old_value(RubricName(info.id(), latest));
  event.set_new_value(RubricName(info.id(), info.version()));
  event.set_reason(course_id.empty() ? std::string("site-wide")
                                     : absl::StrCat("course ", course_id));
  RETURN_IF_ERROR(store_->CreateRubricVersion(info, text, event));
  response.set_created(true);
  return response;
}

}  // namespace marginalia::server
