#include "server/core/graded_drafts.h"

namespace marginalia::server {

DraftChoice ChooseDraft(const std::vector<DraftGrading>& drafts,
                        bool include_unreleased) {
  DraftChoice choice;
  if (drafts.empty()) return choice;
  for (auto it = drafts.rbegin(); it != drafts.rend(); ++it) {
    bool counts =
        include_unreleased ? it->graded || it->released : it->released;
    if (counts) {
      choice.exported = it->submission;
      break;
    }
  }
  if (choice.exported == nullptr && include_unreleased) {
    choice.exported = drafts.back().submission;
  }
  if (choice.exported != nullptr &&
      choice.exported != drafts.back().submission) {
    choice.newer = drafts.back().submission;
  }
  return choice;
}

}  // namespace marginalia::server
