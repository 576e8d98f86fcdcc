// Which of a student's drafts the gradebook carries. Grades belong to
// drafts: a tutor grades one draft (a criterion override or a final grade)
// and releases it; a draft handed in later does not replace it in the
// export until a tutor grades that one too. Pure; thread-safe.
//
//   export                     carries
//   released only (default)    the latest released draft; none if no draft
//                              is released (an empty grade)
//   include_unreleased         the latest graded or released draft; else
//                              the latest draft (the engine's grade)
//
// Either way a student whose latest draft is newer than the one carried is
// reported, so that the tutor sees the draft still waiting for a grade.
#pragma once

#include <vector>

#include "marginalia/v1/submission.pb.h"

namespace marginalia::server {

// One draft and what the tutor did with it.
struct DraftGrading {
  const marginalia::v1::Submission* submission = nullptr;
  // A criterion override or a final grade was set on it.
  bool graded = false;
  bool released = false;
};

struct DraftChoice {
  // The draft the export carries; null when none may be.
  const marginalia::v1::Submission* exported = nullptr;
  // The student's latest draft, when it is newer than `exported` (and
  // `exported` is set); else null.
  const marginalia::v1::Submission* newer = nullptr;
};

// `drafts`: one student's drafts, oldest first.
DraftChoice ChooseDraft(const std::vector<DraftGrading>& drafts,
                        bool include_unreleased);

}  // namespace marginalia::server
