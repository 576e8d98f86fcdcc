#include "server/core/submission_sets.h"

#include "common/status_macros.h"

namespace marginalia::server {

namespace v1 = ::marginalia::v1;

absl::StatusOr<std::vector<v1::Submission>> AllSubmissions(
    Store& store, absl::string_view assignment_id) {
  std::vector<v1::Submission> all;
  PageRequest page{1000, ""};
  do {
    ASSIGN_OR_RETURN(
        SubmissionPage result,
        store.ListSubmissions(SubmissionFilter{std::string(assignment_id), ""},
                              page));
    for (v1::Submission& s : result.submissions) all.push_back(std::move(s));
    page.page_token = result.next_page_token;
  } while (!page.page_token.empty());
  return all;
}

std::vector<v1::Submission> LatestDrafts(
    const std::vector<v1::Submission>& all) {
  std::vector<v1::Submission> latest;
  std::map<std::string, std::size_t> index;
  for (const v1::Submission& s : all) {
    auto [it, inserted] = index.emplace(s.author(), latest.size());
    if (inserted) {
      latest.push_back(s);
    } else if (s.draft() > latest[it->second].draft()) {
      latest[it->second] = s;
    }
  }
  return latest;
}

}  // namespace marginalia::server
