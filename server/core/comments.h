// Comments on essays: anchored, threaded, resolvable, and shown to the
// author only when meant for them and released. Thread-safe.
#pragma once

#include "absl/status/statusor.h"
#include "marginalia/v1/review.pb.h"
#include "server/auth/caller.h"
#include "server/storage/store.h"
#include "server/util/clock.h"
#include "server/util/id_generator.h"

namespace marginalia::server {

// Builds, stores, lists and resolves comments. Thread-safe.
class Comments {
 public:
  // Every pointer must outlive this.
  Comments(Store* store, Clock* clock, IdGenerator* ids)
      : store_(store), clock_(clock), ids_(ids) {}

  // Builds a comment from `request` for `access.caller`: a reply takes its
  // parent's submission and anchor; otherwise the anchor is checked against
  // the text (see anchor.h). Not stored. INVALID_ARGUMENT for an empty body
  // or a bad anchor.
  absl::StatusOr<marginalia::v1::Comment> Build(
      const Access& access,
      const marginalia::v1::CreateCommentRequest& request);

  // Builds and stores. A request_id the caller already used on the same
  // submission returns that comment, or ALREADY_EXISTS for another request
  // (idempotency.h); anyone else's key is another comment.
  absl::StatusOr<marginalia::v1::Comment> Create(
      const Access& access,
      const marginalia::v1::CreateCommentRequest& request);

  // Staff see every comment; the author only student-visible ones, and
  // none before release.
  absl::StatusOr<marginalia::v1::ListCommentsResponse> List(
      const Access& access, const marginalia::v1::ListCommentsRequest& request);

  absl::StatusOr<marginalia::v1::Comment> SetResolved(absl::string_view id,
                                                      bool resolved);

 private:
  Store* store_;
  Clock* clock_;
  IdGenerator* ids_;
};

}  // namespace marginalia::server
