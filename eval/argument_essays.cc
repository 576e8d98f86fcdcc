#include "eval/argument_essays.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "eval/corpus_text.h"

namespace marginalia::eval {
namespace {

namespace v1 = ::marginalia::v1;

// Byte spans of the MajorClaims in a brat .ann file (the texts are ASCII).
std::vector<std::pair<int, int>> MajorClaims(absl::string_view ann) {
  std::vector<std::pair<int, int>> claims;
  for (absl::string_view line : absl::StrSplit(ann, '\n')) {
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    if (fields.size() < 2) continue;
    std::vector<absl::string_view> label = absl::StrSplit(fields[1], ' ');
    int begin = 0, end = 0;
    if (label.size() == 3 && label[0] == "MajorClaim" &&
        absl::SimpleAtoi(label[1], &begin) &&
        absl::SimpleAtoi(label[2], &end)) {
      claims.emplace_back(begin, end);
    }
  }
  return claims;
}

// [begin, end) of each non-empty line: the essays put a title on the first
// line and one paragraph on each line after it.
std::vector<std::pair<int, int>> Lines(absl::string_view text) {
  std::vector<std::pair<int, int>> lines;
  int begin = 0;
  for (int i = 0; i <= static_cast<int>(text.size()); ++i) {
    if (i == static_cast<int>(text.size()) || text[i] == '\n') {
      if (i > begin) lines.emplace_back(begin, i);
      begin = i + 1;
    }
  }
  return lines;
}

bool HasThesis(const v1::FeedbackReport& report) {
  return report.thesis().end() > report.thesis().begin();
}

bool HasConclusion(const v1::FeedbackReport& report) {
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    if (p.role() == v1::SECTION_ROLE_CONCLUSION) return true;
  }
  return false;
}

void CountVariant(absl::string_view variant, absl::string_view name,
                  const v1::FeedbackReport& report, bool thesis,
                  bool conclusion, Tally* tally) {
  bool found_thesis = HasThesis(report),
       found_conclusion = HasConclusion(report);
  for (std::string metric :
       {std::string("aae.thesis.present_absent"),
        absl::StrCat("aae.thesis.present_absent.", variant)}) {
    tally->Count(
        metric, found_thesis == thesis,
        absl::StrCat(name, " ", variant,
                     found_thesis ? " thesis found" : " thesis missed"));
  }
  for (std::string metric :
       {std::string("aae.conclusion.present_absent"),
        absl::StrCat("aae.conclusion.present_absent.", variant)}) {
    tally->Count(metric, found_conclusion == conclusion,
                 absl::StrCat(name, " ", variant,
                              found_conclusion ? " conclusion found"
                                               : " conclusion missed"));
  }
}

}  // namespace

absl::Status EvaluateArgumentEssays(absl::string_view corpora_dir,
                                    const rubrics::Engine& engine,
                                    const rubrics::CompiledRubric& rubric,
                                    Tally* tally) {
  for (int i = 1; i <= 402; ++i) {
    std::string name = absl::StrFormat("essay%03d", i);
    std::string stem = absl::StrCat(
        corpora_dir, "/aae2_argument_annotated_essays/brat-project-final/",
        name);
    absl::StatusOr<std::string> text = ReadWholeFile(stem + ".txt");
    absl::StatusOr<std::string> ann = ReadWholeFile(stem + ".ann");
    if (!text.ok()) return text.status();
    if (!ann.ok()) return ann.status();
    std::vector<std::pair<int, int>> lines = Lines(*text);
    if (lines.size() < 4) continue;  // title, introduction, body, conclusion
    const std::pair<int, int> intro = lines[1], last = lines.back();

    absl::StatusOr<v1::FeedbackReport> whole = engine.Score(*text, rubric);
    if (!whole.ok()) return whole.status();
    CountVariant("whole", name, *whole, true, true, tally);
    bool located = false;
    for (const auto& [b, e] : MajorClaims(*ann)) {
      located |= b < intro.second &&
                 static_cast<int>(whole->thesis().begin()) < e &&
                 b < static_cast<int>(whole->thesis().end());
    }
    tally->Count("aae.thesis.located", located,
                 absl::StrCat(name, " thesis not on the major claim"));

    std::string no_intro = absl::StrCat(text->substr(0, intro.first),
                                        text->substr(lines[2].first));
    absl::StatusOr<v1::FeedbackReport> report = engine.Score(no_intro, rubric);
    if (!report.ok()) return report.status();
    CountVariant("no_intro", name, *report, false, true, tally);

    std::string no_conclusion = text->substr(0, last.first);
    report = engine.Score(no_conclusion, rubric);
    if (!report.ok()) return report.status();
    CountVariant("no_conclusion", name, *report, true, false, tally);
  }
  return absl::OkStatus();
}

}  // namespace marginalia::eval
