#include "eval/reference_strings.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "eval/corpus_text.h"
#include "rubrics/analysis/citations/citation_parser.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/analysis/citations/reference_parser.h"

namespace marginalia::eval {
namespace {

std::string Unescape(absl::string_view text) {
  return absl::StrReplaceAll(text, {{"&amp;", "&"},
                                    {"&lt;", "<"},
                                    {"&gt;", ">"},
                                    {"&quot;", "\""},
                                    {"&apos;", "'"}});
}

// Initials as the labels write them: "J.", "J.P.", "KJ", "(J.P.)".
bool IsLabelInitials(absl::string_view word) {
  std::string letters;
  for (char c : word) {
    if (absl::ascii_isalpha(static_cast<unsigned char>(c))) letters += c;
  }
  bool upper = !letters.empty() &&
               std::all_of(letters.begin(), letters.end(), [](char c) {
                 return absl::ascii_isupper(static_cast<unsigned char>(c));
               });
  return upper && (letters.size() <= 2 || absl::StrContains(word, '.'));
}

}  // namespace

std::vector<LabelledReference> ReadLabelledReferences(absl::string_view xml) {
  std::vector<LabelledReference> refs;
  std::size_t pos = 0;
  while ((pos = xml.find("<sequence>", pos)) != absl::string_view::npos) {
    std::size_t end = xml.find("</sequence>", pos);
    if (end == absl::string_view::npos) break;
    absl::string_view body = xml.substr(pos, end - pos);
    LabelledReference ref;
    std::vector<std::string> fields;
    std::size_t at = 0;
    while ((at = body.find('<', at + 1)) != absl::string_view::npos) {
      std::size_t close = body.find('>', at);
      if (close == absl::string_view::npos) break;
      std::string tag(body.substr(at + 1, close - at - 1));
      if (tag.empty() || tag[0] == '/') continue;
      std::size_t stop = body.find("</" + tag + ">", close);
      if (stop == absl::string_view::npos) break;
      std::string value = Unescape(body.substr(close + 1, stop - close - 1));
      if (tag == "author" && ref.author.empty()) ref.author = value;
      if (tag == "date" && ref.date.empty()) ref.date = value;
      fields.push_back(std::move(value));
      at = stop;
    }
    ref.text = absl::StrJoin(fields, " ");
    refs.push_back(std::move(ref));
    pos = end;
  }
  return refs;
}

std::string LabelledFirstFamily(absl::string_view author) {
  std::string a(rubrics::TrimSpace(author));
  std::size_t first_join =
      std::min({a.find(" and "), a.find(" & "), a.find(','), a.find(';')});
  std::string segment = a.substr(0, first_join);
  std::vector<absl::string_view> words, names;
  bool initials = false;
  for (absl::string_view w : rubrics::SplitWords(segment)) {
    words.push_back(w);
    if (IsLabelInitials(w)) {
      initials = true;
    } else {
      names.push_back(w);
    }
  }
  if (names.empty()) return "";
  std::string family;
  if (initials) {
    // "Heidegger M." is inverted; "Larry D. Wittie" is natural.
    family = IsLabelInitials(words.back()) ? absl::StrJoin(names, " ")
                                           : std::string(names.back());
  } else if (names.size() == 1) {
    family = std::string(names[0]);  // "Smith, John" or a single name
  } else {
    // "De Raedt, L." and "Pérez-Higueras, M." are inverted (initials or a
    // given name after the comma); "Barry Wilkinson, Digital ..." is not.
    absl::string_view rest = first_join == std::string::npos
                                 ? absl::string_view()
                                 : absl::string_view(a).substr(first_join + 1);
    rubrics::WordList after = rubrics::SplitWords(rest);
    bool inverted =
        !after.empty() && a[first_join] == ',' &&
        (IsLabelInitials(after[0]) ||
         (after.size() >= 2 && IsLabelInitials(after[1])) || after.size() == 1);
    family = inverted ? absl::StrJoin(names, " ") : std::string(names.back());
  }
  while (!family.empty() && (family.back() == '.' || family.back() == ':')) {
    family.pop_back();
  }
  return family;
}

absl::Status EvaluateReferenceStrings(absl::string_view corpora_dir,
                                      Tally* tally) {
  for (const char* file : {"core", "gold", "good", "bad", "ugly"}) {
    absl::StatusOr<std::string> xml = ReadWholeFile(
        absl::StrCat(corpora_dir, "/anystyle_refs/parser/", file, ".xml"));
    if (!xml.ok()) return xml.status();
    for (const LabelledReference& ref : ReadLabelledReferences(*xml)) {
      rubrics::ParsedReference parsed = rubrics::ParseReferenceEntry(ref.text);
      std::size_t b = 0, e = 0;
      bool dated = rubrics::FindYear(ref.date, &b, &e) && ref.date.size() < 40;
      bool year_right =
          dated && parsed.year.substr(0, 4) == ref.date.substr(b, 4);
      std::string family = LabelledFirstFamily(ref.author);
      bool authored = !family.empty() && rubrics::StartsUpper(family);
      std::string got = parsed.authors.empty() ? "" : parsed.authors[0];
      std::string folded = rubrics::FoldName(got);
      std::string expected = rubrics::FoldName(family);
      bool author_right =
          authored && (folded == expected ||
                       absl::EndsWith(folded, " " + expected));  // "van X"
      std::string what = absl::StrCat(
          file, ": ", family, " ", dated ? ref.date.substr(b, 4) : "",
          " | got '", got, "' ", parsed.year, " | ", ref.text.substr(0, 90));
      for (std::string suffix : {std::string(), absl::StrCat(".", file)}) {
        if (authored) {
          tally->Count("references.first_author" + suffix, author_right, what);
        }
        if (dated) tally->Count("references.year" + suffix, year_right, what);
        if (authored && dated) {
          tally->Count("references.first_author_year" + suffix,
                       author_right && year_right, what);
        }
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace marginalia::eval
