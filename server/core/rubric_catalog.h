// The rubrics a server knows: the built-ins (installed into the store at
// start-up) and every version tutors have added. Each version is compiled
// once and cached. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "marginalia/v1/rubric_service.pb.h"
#include "rubrics/rubric/compiled_rubric.h"
#include "rubrics/rubric/rubric_registry.h"
#include "server/core/visibility.h"
#include "server/storage/store.h"
#include "server/util/clock.h"

namespace marginalia::server {

// The id a rubric is stored under. A course's rubric is "<course>/<id>", so
// that each course names its rubrics on its own and installing one never
// tells a tutor what another course holds; a site rubric (built in, or
// installed by an administrator) keeps its bare id. Neither course nor
// rubric ids contain '/', so the two never collide.
std::string StoredRubricId(absl::string_view course_id, absl::string_view id);

class RubricCatalog {
 public:
  // `store` and `clock` must outlive the catalog.
  RubricCatalog(Store* store, Clock* clock) : store_(store), clock_(clock) {}

  // Installs the shipped rubrics that the store does not have yet.
  absl::Status InstallBuiltIns(const rubrics::RubricRegistry& built_ins);

  // A rubric version (the latest when `version` is 0). NOT_FOUND naming the
  // installed rubrics when there is none.
  absl::StatusOr<std::shared_ptr<const rubrics::CompiledRubric>> Get(
      absl::string_view id, int version = 0);

  // Get for an assignment of `course_id`. A bare id names the course's own
  // rubric when the course has one by that id, else the site's; NOT_FOUND,
  // with the message for a missing rubric, when the rubric belongs to
  // another course.
  absl::StatusOr<std::shared_ptr<const rubrics::CompiledRubric>> GetForCourse(
      absl::string_view course_id, absl::string_view id, int version = 0);

  // Get for `reader` (scoring a text with it): NOT_FOUND, with the message
  // for a missing rubric, when `reader` may not see it.
  absl::StatusOr<std::shared_ptr<const rubrics::CompiledRubric>> GetForReader(
      VisibilityPolicy& reader, absl::string_view id, int version = 0);

  // The rubrics `reader` may see (VisibilityPolicy::MayRead), sorted by id
  // then version; every version when `all_versions`, else each one's latest.
  absl::StatusOr<std::vector<marginalia::v1::RubricInfo>> List(
      VisibilityPolicy& reader, bool all_versions);

  // A rubric version (the latest when `version` is 0) with its text and
  // definition. NOT_FOUND (NoSuchRubric) when it is missing or `reader` may
  // not see it, the same message for both.
  absl::StatusOr<marginalia::v1::GetRubricResponse> Read(
      VisibilityPolicy& reader, absl::string_view id, int version);

  // Validates `text` and installs it as the next version of its rubric,
  // owned by `course_id` (empty: site-wide) and stored under
  // StoredRubricId, and appends a "rubric_install" audit event.
  // FAILED_PRECONDITION for a built-in rubric (they never change) and, for
  // a site-wide install, for an id a course held before course rubrics had
  // their own names. Text identical to the
  // latest version's installs nothing: that version comes back with
  // created = false. INVALID_ARGUMENT listing every "file:line: problem"
  // when the text is invalid.
  absl::StatusOr<marginalia::v1::CreateRubricVersionResponse> CreateVersion(
      absl::string_view text, absl::string_view created_by,
      absl::string_view course_id);

 private:
  // NOT_FOUND for a rubric missing (or hidden), naming the site's rubrics.
  absl::Status Missing(absl::string_view id, int version);

  Store* store_;
  Clock* clock_;
  absl::Mutex mutex_;
  std::map<std::pair<std::string, int>,
           std::shared_ptr<const rubrics::CompiledRubric>>
      cache_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace marginalia::server
