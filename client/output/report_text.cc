#include "client/output/report_text.h"

#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "client/batch/identical_texts.h"
#include "marginalia/v1/common.pb.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

std::string RoleName(v1::SectionRole role) {
  std::string name = v1::SectionRole_Name(role);
  constexpr absl::string_view kPrefix = "SECTION_ROLE_";
  return name.size() > kPrefix.size() ? name.substr(kPrefix.size()) : name;
}

std::string KindName(v1::ParagraphKind kind) {
  std::string name = v1::ParagraphKind_Name(kind);
  constexpr absl::string_view kPrefix = "PARAGRAPH_KIND_";
  return name.size() > kPrefix.size() ? name.substr(kPrefix.size()) : name;
}

std::string SeverityName(v1::Severity severity) {
  switch (severity) {
    case v1::SEVERITY_ERROR:
      return "error";
    case v1::SEVERITY_WARNING:
      return "warning";
    default:
      return "note";
  }
}

void PrintCriteria(const v1::FeedbackReport& report, std::ostream& out) {
  if (report.criteria().empty()) return;
  out << absl::StrFormat("\nScore: %.1f / %.1f\n", report.total_score(),
                         report.max_score());
  for (const v1::CriterionScore& c : report.criteria()) {
    out << absl::StrFormat("  %-28s %5.1f / %-5.1f level %d of %d", c.name(),
                           c.score(), c.max_score(), c.level(), c.max_level());
    out << "\n      " << c.rationale() << "\n";
  }
}

// Findings that say the same thing (same code, message and suggestion) are
// printed once, with where else they occur, so thirteen identical citation
// slips read as one point rather than thirteen.
void PrintFindings(const v1::FeedbackReport& report, absl::string_view text,
                   std::ostream& out) {
  if (report.findings().empty()) return;
  std::vector<std::vector<const v1::Finding*>> groups;
  std::map<std::string, std::size_t> group_of;
  for (const v1::Finding& f : report.findings()) {
    std::string key =
        absl::StrCat(f.code(), "\n", f.message(), "\n", f.suggestion());
    auto [it, inserted] = group_of.emplace(key, groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(&f);
  }
  out << "\nFindings (" << report.findings_size() << ")\n";
  for (const auto& group : groups) {
    const v1::Finding& f = *group.front();
    std::string where = f.paragraph() >= 0
                            ? absl::StrFormat("para %d", f.paragraph())
                            : std::string("essay");
    if (group.size() > 1) {
      std::vector<std::string> places;
      for (const v1::Finding* other : group) {
        places.push_back(absl::StrCat(other->paragraph()));
      }
      where = absl::StrCat(group.size(), " times, paras ",
                           absl::StrJoin(places, ","));
    }
    out << absl::StrFormat("  %-7s %-36s %s\n", SeverityName(f.severity()),
                           f.code(), where);
    out << "          " << f.message() << "\n";
    if (!text.empty() && f.span().end() > f.span().begin()) {
      out << "          \"" << Excerpt(text, f.span(), 90) << "\"\n";
    }
    if (!f.suggestion().empty()) {
      out << "          -> " << f.suggestion() << "\n";
    }
  }
}

void PrintOutline(const v1::FeedbackReport& report, std::ostream& out) {
  out << "\nOutline\n";
  if (!report.title().empty()) out << "  Title: " << report.title() << "\n";
  for (const v1::Section& s : report.sections()) {
    out << absl::StrFormat("  %-13s paragraphs %d-%d  %s\n", RoleName(s.role()),
                           s.first_paragraph(), s.last_paragraph(),
                           s.heading().empty() ? "(no heading)" : s.heading());
  }
  if (!report.sections().empty()) return;
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    out << absl::StrFormat("  [%2d] %-9s %4d words %3d sentences\n", p.index(),
                           KindName(p.kind()), p.words(), p.sentences());
  }
}

void PrintSources(const v1::FeedbackReport& report, std::ostream& out) {
  if (report.sources().empty()) return;
  out << "\nSources (" << report.sources_size() << ", "
      << report.citations_size() << " citations)\n";
  for (const v1::Source& s : report.sources()) {
    std::string authors;
    for (const std::string& a : s.authors()) {
      authors += (authors.empty() ? "" : ", ") + a;
    }
    out << absl::StrFormat("  %-32s %-6s cited %2d times (%2.0f%%)%s\n",
                           authors, s.year(), s.citation_count(),
                           100 * s.citation_share(),
                           s.in_reference_list() ? "" : "  not in references");
  }
}

void PrintStats(const v1::FeedbackReport& report, std::ostream& out) {
  const v1::TextStats& s = report.stats();
  out << absl::StrFormat(
      "\nStatistics: %d words, %d sentences, %d paragraphs, %d headings; "
      "%.1f words per sentence; reading grade %.1f\n",
      s.words(), s.sentences(), s.paragraphs(), s.headings(),
      s.mean_sentence_words(), s.readability_grade());
}

}  // namespace

std::string Excerpt(absl::string_view text, const v1::Span& span,
                    std::size_t max_chars) {
  if (span.begin() >= text.size() || span.end() <= span.begin()) return "";
  absl::string_view slice =
      text.substr(span.begin(), std::min<std::size_t>(span.end(), text.size()) -
                                    span.begin());
  std::string out;
  std::size_t chars = 0;
  bool space = false;
  for (std::size_t i = 0; i < slice.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(slice[i]);
    if (c == '\n' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char) {
      if (chars + (space ? 1 : 0) >= max_chars) {
        out += "...";
        return out;
      }
      if (space && !out.empty()) {
        out.push_back(' ');
        ++chars;
      }
      space = false;
      ++chars;
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

void PrintReport(const v1::FeedbackReport& report, absl::string_view text,
                 std::ostream& out) {
  out << (report.title().empty() ? "(untitled essay)" : report.title()) << "\n";
  out << "Rubric: " << report.rubric_name() << " (" << report.rubric_id()
      << " v" << report.rubric_version() << "), engine "
      << report.engine_version() << "\n";
  PrintCriteria(report, out);
  PrintFindings(report, text, out);
  PrintOutline(report, out);
  PrintSources(report, out);
  PrintStats(report, out);
  for (const std::string& note : report.notes())
    out << "Note: " << note << "\n";
}

std::string LatenessLabel(const v1::Submission& submission) {
  if (!submission.has_late_by()) return "";
  int64_t minutes = submission.late_by().seconds() / 60;
  int64_t days = minutes / (24 * 60);
  int64_t hours = minutes / 60 % 24;
  minutes %= 60;
  std::vector<std::string> parts;
  if (days > 0) parts.push_back(absl::StrCat(days, "d"));
  if (hours > 0) parts.push_back(absl::StrCat(hours, "h"));
  // Minutes only matter within the first day.
  if (minutes > 0 && days == 0) parts.push_back(absl::StrCat(minutes, "m"));
  if (parts.empty()) return "late by under a minute";
  return absl::StrCat("late by ", absl::StrJoin(parts, " "));
}

namespace {

std::string ScoreCell(const v1::Submission& s) {
  if (s.score_withheld()) return "withheld";
  return absl::StrFormat("%.1f/%.1f", s.total_score(), s.max_score());
}

}  // namespace

void PrintSubmissionTable(const std::vector<v1::Submission>& submissions,
                          std::ostream& out) {
  out << absl::StrFormat("%-22s %-14s %-16s %5s %13s  %s\n", "ID", "ASSIGNMENT",
                         "AUTHOR", "DRAFT", "SCORE", "TITLE");
  std::vector<std::vector<std::string>> twins = OthersWithSameText(submissions);
  for (std::size_t i = 0; i < submissions.size(); ++i) {
    const v1::Submission& s = submissions[i];
    std::string notes;
    std::string late = LatenessLabel(s);
    if (!late.empty()) absl::StrAppend(&notes, "  (", late, ")");
    if (!twins[i].empty()) {
      absl::StrAppend(
          &notes, "  (identical text: ", absl::StrJoin(twins[i], ", "), ")");
    }
    out << absl::StrFormat("%-22s %-14s %-16s %5d %13s  %s%s\n", s.id(),
                           s.assignment_id(), s.author(), s.draft(),
                           ScoreCell(s), s.title(), notes);
  }
  std::vector<IdenticalText> shared = FindIdenticalTexts(submissions);
  if (shared.empty()) return;
  std::size_t students = 0;
  for (const IdenticalText& text : shared) students += text.authors.size();
  out << absl::StrFormat(
      "\n%d %s shared by %d students: identical texts, each stored.\n",
      shared.size(), shared.size() == 1 ? "text is" : "texts are", students);
}

void PrintSubmission(const v1::Submission& s, bool created, std::ostream& out) {
  out << (created ? "Stored" : "Already stored (same request id)")
      << " submission " << s.id() << "\n";
  std::string late = LatenessLabel(s);
  out << "  assignment " << s.assignment_id() << ", author " << s.author()
      << ", draft " << s.draft() << (late.empty() ? "" : ", ") << late << "\n";
  out << "  " << s.text_bytes() << " bytes, sha256 " << s.content_sha256()
      << "\n";
  if (s.score_withheld()) {
    out << absl::StrFormat(
        "  score withheld until your tutor releases feedback (rubric %s "
        "v%d)\n",
        s.rubric_id(), s.rubric_version());
    return;
  }
  out << absl::StrFormat("  score %.1f / %.1f (rubric %s v%d)\n",
                         s.total_score(), s.max_score(), s.rubric_id(),
                         s.rubric_version());
}

}  // namespace marginalia::client
