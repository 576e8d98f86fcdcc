// The reference parser on anystyle's hand-labelled reference strings
// (../shared/corpora/anystyle_refs/parser/gold.xml, BSD-2): real entries in
// every style, none written for Marginalia. Each entry is rebuilt from its
// labelled fields, parsed, and compared with its labels.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "rubrics/analysis/citations/citation_parser.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/analysis/citations/reference_parser.h"
#include "tests/testing/test_data.h"

namespace marginalia::rubrics {
namespace {

struct LabelledReference {
  std::string text;    // the fields joined in order
  std::string author;  // the <author> field
  std::string date;    // the <date> field
};

std::string Unescape(std::string text) {
  absl::StrReplaceAll({{"&amp;", "&"},
                       {"&lt;", "<"},
                       {"&gt;", ">"},
                       {"&quot;", "\""},
                       {"&apos;", "'"}},
                      &text);
  return text;
}

std::vector<LabelledReference> ReadGold(const std::string& xml) {
  std::vector<LabelledReference> refs;
  std::size_t pos = 0;
  while ((pos = xml.find("<sequence>", pos)) != std::string::npos) {
    std::size_t end = xml.find("</sequence>", pos);
    std::string body = xml.substr(pos, end - pos);
    LabelledReference ref;
    std::vector<std::string> fields;
    std::size_t at = 0;
    while ((at = body.find('<', at + 1)) != std::string::npos) {
      std::size_t close = body.find('>', at);
      std::string tag = body.substr(at + 1, close - at - 1);
      if (tag.empty() || tag[0] == '/') continue;
      std::size_t stop = body.find("</" + tag + ">", close);
      if (stop == std::string::npos) break;
      std::string value = Unescape(body.substr(close + 1, stop - close - 1));
      fields.push_back(value);
      if (tag == "author" && ref.author.empty()) ref.author = value;
      if (tag == "date" && ref.date.empty()) ref.date = value;
      at = stop;
    }
    ref.text = absl::StrJoin(fields, " ");
    refs.push_back(ref);
    pos = end;
  }
  return refs;
}

// Initials as the labels write them: "J.", "J.P.", "KJ", "(J.P.)".
bool IsLabelInitials(absl::string_view word) {
  std::string letters;
  for (char c : word) {
    if (absl::ascii_isalpha(c)) letters.push_back(c);
  }
  bool upper = !letters.empty() &&
               std::all_of(letters.begin(), letters.end(), absl::ascii_isupper);
  return upper && (letters.size() <= 2 || absl::StrContains(word, '.'));
}

// The first author's family name by the labels: the first author's words
// without initials; of several words, the first when the list is inverted
// ("Family, G.") and the last when it is natural ("Given Family").
std::string ExpectedFamily(const std::string& author) {
  std::string a = std::string(TrimSpace(author));
  std::size_t comma = a.find(',');
  std::size_t first_join = std::min({a.find(" and "), a.find(" & "), comma});
  std::vector<absl::string_view> words;
  std::string first_author = a.substr(0, first_join);
  for (absl::string_view w : SplitWords(first_author)) {
    if (!IsLabelInitials(w)) words.push_back(w);
  }
  if (words.empty()) return "";
  bool inverted = comma != std::string::npos && comma == first_join &&
                  !IsLabelInitials(SplitWords(a)[0]);
  std::string family(inverted ? words.front() : words.back());
  while (!family.empty() && (family.back() == '.' || family.back() == ':')) {
    family.pop_back();
  }
  return family;
}

TEST(AnystyleReferencesTest, ReadsYearsAndFirstAuthors) {
  auto xml = testing::ReadFile(
      testing::SharedPath("corpora/anystyle_refs/parser/gold.xml"));
  ASSERT_TRUE(xml.ok()) << xml.status();
  std::vector<LabelledReference> refs = ReadGold(*xml);
  ASSERT_GT(refs.size(), 1500u);
  int dated = 0, years_right = 0, authored = 0, authors_right = 0;
  std::vector<std::string> misses;
  for (const LabelledReference& ref : refs) {
    ParsedReference parsed = ParseReferenceEntry(ref.text);
    std::size_t b = 0, e = 0;
    if (FindYear(ref.date, &b, &e) && ref.date.size() < 40) {
      ++dated;
      std::string expected = ref.date.substr(b, 4);
      if (parsed.year.substr(0, 4) == expected) ++years_right;
    }
    std::string family = ExpectedFamily(ref.author);
    if (!ref.author.empty() && !family.empty() && StartsUpper(family)) {
      ++authored;
      std::string got = parsed.authors.empty() ? "" : parsed.authors[0];
      std::string folded = FoldName(got);
      std::string expected = FoldName(family);
      if (folded == expected ||
          absl::EndsWith(folded, " " + expected)) {  // "van Hessem"
        ++authors_right;
      } else if (misses.size() < 15) {
        misses.push_back(family + " | got '" + got + "' | " +
                         ref.text.substr(0, 90));
      }
    }
  }
  double year_accuracy = static_cast<double>(years_right) / dated;
  double author_accuracy = static_cast<double>(authors_right) / authored;
  std::printf("years: %d/%d (%.1f%%), first authors: %d/%d (%.1f%%)\n",
              years_right, dated, 100 * year_accuracy, authors_right, authored,
              100 * author_accuracy);
  for (const std::string& miss : misses)
    std::printf("  miss: %s\n", miss.c_str());
  EXPECT_GE(year_accuracy, 0.95);
  EXPECT_GE(author_accuracy, 0.9);
}

}  // namespace
}  // namespace marginalia::rubrics
