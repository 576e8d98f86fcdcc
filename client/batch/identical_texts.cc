#include "client/batch/identical_texts.h"

#include <map>
#include <set>

namespace marginalia::client {

namespace v1 = ::marginalia::v1;

std::vector<IdenticalText> FindIdenticalTexts(
    const std::vector<v1::Submission>& submissions) {
  std::map<std::string, std::size_t> group_of;  // sha -> position in `all`
  std::vector<IdenticalText> all;
  std::vector<std::set<std::string>> authors;
  for (std::size_t i = 0; i < submissions.size(); ++i) {
    const v1::Submission& s = submissions[i];
    if (s.content_sha256().empty()) continue;
    auto [it, added] = group_of.emplace(s.content_sha256(), all.size());
    if (added) {
      all.push_back(IdenticalText{s.content_sha256(), {}, {}});
      authors.emplace_back();
    }
    all[it->second].indices.push_back(i);
    authors[it->second].insert(s.author());
  }
  std::vector<IdenticalText> shared;
  for (std::size_t g = 0; g < all.size(); ++g) {
    if (authors[g].size() < 2) continue;
    all[g].authors.assign(authors[g].begin(), authors[g].end());
    shared.push_back(std::move(all[g]));
  }
  return shared;
}

std::vector<std::vector<std::string>> OthersWithSameText(
    const std::vector<v1::Submission>& submissions) {
  std::vector<std::vector<std::string>> others(submissions.size());
  for (const IdenticalText& text : FindIdenticalTexts(submissions)) {
    for (std::size_t i : text.indices) {
      for (const std::string& author : text.authors) {
        if (author != submissions[i].author()) others[i].push_back(author);
      }
    }
  }
  return others;
}

}  // namespace marginalia::client
