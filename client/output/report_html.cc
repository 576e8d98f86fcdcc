#include "client/output/report_html.h"

#include <algorithm>
#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "client/output/html_escape.h"
#include "client/output/report_text.h"
#include "client/output/review_html.h"
#include "client/output/span_segments.h"

namespace marginalia::client {
namespace {

namespace v1 = ::marginalia::v1;

constexpr absl::string_view kStyle = R"css(
body{font-family:Georgia,"DejaVu Serif",serif;margin:0 auto;max-width:1180px;
padding:1.5rem;color:#1d1d1f;background:#fff;line-height:1.55}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:1.6rem}
.meta{color:#555;font-family:sans-serif;font-size:.9rem}
table{border-collapse:collapse;font-family:sans-serif;font-size:.9rem}
th,td{border-bottom:1px solid #ddd;padding:.35rem .6rem;text-align:left;
vertical-align:top}
.row{display:grid;grid-template-columns:minmax(0,64ch) minmax(0,1fr);
gap:1.5rem;align-items:start}
.para{margin:0 0 1rem 0}.para.heading{font-weight:bold;font-size:1.1rem}
.notes{font-family:sans-serif;font-size:.8rem;border-left:2px solid #eee;
padding-left:.7rem}
.note{margin:0 0 .6rem 0}.note .code{color:#555;font-family:monospace}
.note .suggestion{display:block;color:#2d5b2d}
mark{background:#fff1a8;padding:0 1px}mark.sev-error{background:#ffc9c9}
mark.sev-info{background:#d7ecff}mark.deep{outline:1px solid #c59b00}
mark.comment{background:#e3dcff}
sup.ref{font-family:sans-serif;font-size:.7rem}
.note.sev-error{border-left:3px solid #d33;padding-left:.4rem}
.note.sev-warning{border-left:3px solid #d9a400;padding-left:.4rem}
.note.sev-info{border-left:3px solid #4a90d9;padding-left:.4rem}
.note.comment{border-left:3px solid #7a5cd6;padding-left:.4rem}
.empty{color:#777;font-style:italic}
svg text{font-family:sans-serif;font-size:11px}
h3.para{font-size:1.1rem;margin:0 0 1rem 0}
.wide{overflow-x:auto;max-width:100%}
.severity,.staff{font-weight:bold}.staff{color:#8a1c1c}
.reply{margin:.3rem 0 0 .8rem;padding-left:.5rem;border-left:2px solid #ccc}
.held{color:#8a1c1c;font-family:sans-serif}tr.reason td{color:#444;
font-style:italic}
@media (max-width:700px){.row{grid-template-columns:minmax(0,1fr)}}
)css";

// The severity in an icon and a word, so that it never rests on colour.
std::string SeverityLabel(v1::Severity severity) {
  switch (severity) {
    case v1::SEVERITY_ERROR:
      return "&#10006; Error";
    case v1::SEVERITY_INFO:
      return "&#8505; Note";
    default:
      return "&#9888; Warning";
  }
}

std::string SeverityClass(v1::Severity severity) {
  switch (severity) {
    case v1::SEVERITY_ERROR:
      return "sev-error";
    case v1::SEVERITY_INFO:
      return "sev-info";
    default:
      return "sev-warning";
  }
}

// Something highlighted in the essay with a note in the margin: a finding or
// an anchored comment. `number` is what the reader sees.
struct Note {
  int number = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string css;   // severity class, or "comment"
  std::string html;  // the note's content
};

std::string FindingNoteHtml(const v1::Finding& finding) {
  std::string html = absl::StrCat(
      "<span class=\"severity\">", SeverityLabel(finding.severity()),
      "</span> <span class=\"code\">", HtmlEscape(finding.code()), "</span> ",
      "<span class=\"message\">", HtmlEscape(finding.message()), "</span>");
  if (!finding.suggestion().empty()) {
    absl::StrAppend(&html, "<span class=\"suggestion\">&rarr; ",
                    HtmlEscape(finding.suggestion()), "</span>");
  }
  return html;
}

using Replies = std::multimap<std::string, const v1::Comment*>;

// A comment with its replies threaded under it; staff-only ones say so.
std::string CommentNoteHtml(const v1::Comment& comment,
                            const Replies& replies) {
  const std::string& who = comment.author_label().empty()
                               ? comment.author()
                               : comment.author_label();
  std::string html;
  if (comment.visibility() == v1::COMMENT_VISIBILITY_STAFF) {
    absl::StrAppend(&html, "<span class=\"staff\">&#9873; Staff only</span> ");
  }
  absl::StrAppend(&html, "<b>", HtmlEscape(who),
                  "</b>: ", HtmlEscape(comment.body()));
  if (comment.resolved()) absl::StrAppend(&html, " <i>(resolved)</i>");
  auto [first, last] = replies.equal_range(comment.id());
  for (auto it = first; it != last; ++it) {
    absl::StrAppend(&html, "<div class=\"reply\">&#8627; ",
                    CommentNoteHtml(*it->second, replies), "</div>");
  }
  return html;
}

// Anchored findings and comments, numbered in text order; the rest go to
// `general` as ready HTML list items.
std::vector<Note> CollectNotes(const v1::GetFeedbackResponse& feedback,
                               std::vector<std::string>* general) {
  std::vector<Note> notes;
  for (const v1::Finding& f : feedback.report().findings()) {
    if (f.span().end() <= f.span().begin()) {
      general->push_back(absl::StrCat("<li class=\"note ",
                                      SeverityClass(f.severity()), "\">",
                                      FindingNoteHtml(f), "</li>"));
      continue;
    }
    notes.push_back({0, f.span().begin(), f.span().end(),
                     SeverityClass(f.severity()), FindingNoteHtml(f)});
  }
  Replies replies;
  for (const v1::Comment& c : feedback.comments()) {
    if (!c.parent_id().empty()) replies.emplace(c.parent_id(), &c);
  }
  for (const v1::Comment& c : feedback.comments()) {
    // A reply sits under its parent (CommentNoteHtml).
    if (!c.parent_id().empty()) continue;
    if (!c.anchor().has_span() ||
        c.anchor().span().end() <= c.anchor().span().begin()) {
      general->push_back(absl::StrCat("<li class=\"note comment\">",
                                      CommentNoteHtml(c, replies), "</li>"));
      continue;
    }
    notes.push_back({0, c.anchor().span().begin(), c.anchor().span().end(),
                     "comment", CommentNoteHtml(c, replies)});
  }
  std::stable_sort(
      notes.begin(), notes.end(),
      [](const Note& a, const Note& b) { return a.begin < b.begin; });
  for (std::size_t i = 0; i < notes.size(); ++i) {
    notes[i].number = static_cast<int>(i) + 1;
  }
  return notes;
}

// Byte ranges of the essay's paragraphs: runs of text between blank lines.
std::vector<std::pair<std::size_t, std::size_t>> Blocks(
    absl::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> blocks;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && text[at] == '\n') ++at;
    if (at >= text.size()) break;
    std::size_t end = text.find("\n\n", at);
    if (end == absl::string_view::npos) end = text.size();
    std::size_t trimmed = end;
    while (trimmed > at && text[trimmed - 1] == '\n') --trimmed;
    blocks.emplace_back(at, trimmed);
    at = end;
  }
  return blocks;
}

void AppendEscapedText(absl::string_view text, std::string* out) {
  std::size_t at = 0;
  for (std::size_t newline;
       (newline = text.find('\n', at)) != absl::string_view::npos;
       at = newline + 1) {
    absl::StrAppend(out, HtmlEscape(text.substr(at, newline - at)), "<br>");
  }
  absl::StrAppend(out, HtmlEscape(text.substr(at)));
}

// One segment of a paragraph: plain text, or a <mark> naming its notes.
// `anchored` records which notes already have their anchor.
void AppendSegment(absl::string_view text, const Segment& segment,
                   const std::vector<Note>& notes, std::vector<bool>* anchored,
                   std::string* out) {
  absl::string_view piece =
      text.substr(segment.begin, segment.end - segment.begin);
  if (segment.marks.empty()) return AppendEscapedText(piece, out);
  std::vector<std::string> numbers;
  std::string css = notes[segment.marks.back()].css;
  for (int mark : segment.marks) {
    const Note& note = notes[mark];
    // The note's first segment carries its anchor.
    if (!(*anchored)[mark]) {
      (*anchored)[mark] = true;
      absl::StrAppend(out, "<a id=\"n", note.number, "\"></a>");
    }
    numbers.push_back(absl::StrCat(note.number));
    if (note.css == "sev-error") css = note.css;
  }
  absl::StrAppend(out, "<mark class=\"", css,
                  segment.marks.size() > 1 ? " deep" : "", "\" data-notes=\"",
                  absl::StrJoin(numbers, " "), "\">");
  AppendEscapedText(piece, out);
  absl::StrAppend(out, "</mark>");
  for (int mark : segment.marks) {
    const Note& note = notes[mark];
    if (note.end <= segment.end) {
      absl::StrAppend(out, "<sup class=\"ref\"><a href=\"#note-", note.number,
                      "\">", note.number, "</a></sup>");
    }
  }
}

bool IsHeadingBlock(const v1::FeedbackReport& report, std::size_t begin) {
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    if (p.span().begin() == begin) {
      return p.kind() == v1::PARAGRAPH_KIND_TITLE ||
             p.kind() == v1::PARAGRAPH_KIND_HEADING;
    }
  }
  return false;
}

// The margin notes of each block: a note sits beside the block its passage
// starts in (or the next block, when it starts between two).
std::vector<std::vector<const Note*>> NotesByBlock(
    const std::vector<std::pair<std::size_t, std::size_t>>& blocks,
    const std::vector<Note>& notes) {
  std::vector<std::vector<const Note*>> by_block(blocks.size());
  if (blocks.empty()) return by_block;
  for (const Note& note : notes) {
    std::size_t block = 0;
    while (block + 1 < blocks.size() && blocks[block].second <= note.begin) {
      ++block;
    }
    by_block[block].push_back(&note);
  }
  return by_block;
}

std::string EssayBody(const v1::GetFeedbackResponse& feedback,
                      absl::string_view text, const std::vector<Note>& notes) {
  std::vector<MarkRange> ranges;
  for (std::size_t i = 0; i < notes.size(); ++i) {
    ranges.push_back({notes[i].begin, notes[i].end, static_cast<int>(i)});
  }
  std::vector<std::pair<std::size_t, std::size_t>> blocks = Blocks(text);
  std::vector<std::vector<const Note*>> margin = NotesByBlock(blocks, notes);
  std::vector<bool> anchored(notes.size(), false);
  std::string html = "<main class=\"essay\">\n";
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    auto [begin, end] = blocks[b];
    // Headings are headings, for screen readers and outlines alike.
    const char* element =
        IsHeadingBlock(feedback.report(), begin) ? "h3" : "div";
    absl::StrAppend(&html, "<div class=\"row\"><", element, " class=\"para",
                    element[0] == 'h' ? " heading" : "", "\">");
    for (const Segment& segment : SplitIntoSegments(text, begin, end, ranges)) {
      AppendSegment(text, segment, notes, &anchored, &html);
    }
    absl::StrAppend(&html, "</", element, "><aside class=\"notes\">");
    for (const Note* note : margin[b]) {
      absl::StrAppend(&html, "<div class=\"note ", note->css, "\" id=\"note-",
                      note->number, "\"><a href=\"#n", note->number, "\">",
                      note->number, "</a> ", note->html, "</div>");
    }
    absl::StrAppend(&html, "</aside></div>\n");
  }
  absl::StrAppend(&html, "</main>\n");
  return html;
}

// The engine's scores; its total only when no grade replaces it.
std::string ScoresSection(const v1::GetFeedbackResponse& feedback) {
  const v1::FeedbackReport& report = feedback.report();
  bool graded = HasGradeScores(feedback);
  std::string html =
      absl::StrCat("<section class=\"scores\"><h2>",
                   graded ? "The engine's scores" : "Scores", "</h2>\n");
  if (report.criteria().empty()) {
    absl::StrAppend(&html,
                    "<p class=\"empty\">This report has no criterion scores "
                    "(the rubric engine reported statistics and the outline "
                    "only).</p>");
  } else {
    if (!graded) {
      absl::StrAppend(
          &html,
          absl::StrFormat("<p class=\"total\">Total: <b>%.1f</b> / %.1f</p>",
                          report.total_score(), report.max_score()));
    }
    absl::StrAppend(&html,
                    "<div class=\"wide\"><table><tr><th>Criterion</th>"
                    "<th>Score</th><th>Level</th><th>Why</th></tr>\n");
    for (const v1::CriterionScore& c : report.criteria()) {
      absl::StrAppend(
          &html, "<tr><td>", HtmlEscape(c.name().empty() ? c.id() : c.name()),
          "</td><td>", absl::StrFormat("%.1f / %.1f", c.score(), c.max_score()),
          "</td><td>", HtmlEscape(c.level_descriptor()), "</td><td>",
          HtmlEscape(c.rationale()), "</td></tr>\n");
    }
    absl::StrAppend(&html, "</table></div>");
  }
  const v1::TextStats& s = report.stats();
  absl::StrAppend(
      &html, absl::StrFormat("<p class=\"meta\">%d words, %d sentences, %d "
                             "paragraphs, %d findings</p></section>\n",
                             s.words(), s.sentences(), s.paragraphs(),
                             report.findings_size()));
  return html;
}

std::string Header(const v1::GetFeedbackResponse& feedback,
                   const EssayPageOptions& options) {
  const v1::Submission& s = feedback.submission();
  std::string title = feedback.report().title().empty()
                          ? (s.title().empty() ? s.file_name() : s.title())
                          : feedback.report().title();
  std::string html = "<header>";
  if (!options.back_link.empty()) {
    absl::StrAppend(&html, "<p class=\"meta\"><a href=\"",
                    HtmlEscape(options.back_link), "\">&larr; Cohort</a></p>");
  }
  absl::StrAppend(
      &html, "<h1>", HtmlEscape(title.empty() ? "(untitled essay)" : title),
      "</h1><p class=\"meta\">", HtmlEscape(s.author()), " &middot; ",
      HtmlEscape(s.file_name()), " &middot; submission ", HtmlEscape(s.id()),
      " &middot; draft ", s.draft(),
      s.has_late_by() ? absl::StrCat(" &middot; ", LatenessLabel(s)) : "",
      " &middot; rubric ", HtmlEscape(feedback.report().rubric_name()), "</p>");
  if (!feedback.comments().empty() && !feedback.released()) {
    absl::StrAppend(&html,
                    "<p class=\"meta\">Tutor comments below are not "
                    "yet released to the student.</p>");
  }
  absl::StrAppend(&html, "</header>\n");
  return html;
}

}  // namespace

absl::string_view PageStyle() { return kStyle; }

std::string RenderEssayHtml(const v1::GetFeedbackResponse& feedback,
                            absl::string_view text,
                            const EssayPageOptions& options) {
  std::vector<std::string> general;
  std::vector<Note> notes = CollectNotes(feedback, &general);
  std::string html = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width\"><title>",
      HtmlEscape(feedback.submission().author()), " - ",
      HtmlEscape(feedback.report().title()), "</title><style>", kStyle,
      "</style></head>\n<body>\n", Header(feedback, options),
      ReviewSectionsHtml(feedback), ScoresSection(feedback));
  if (!general.empty()) {
    absl::StrAppend(&html,
                    "<section class=\"general\"><h2>About the whole "
                    "essay</h2><ul>",
                    absl::StrJoin(general, "\n"), "</ul></section>\n");
  }
  absl::StrAppend(&html, "<h2>The essay</h2>\n",
                  EssayBody(feedback, text, notes), "</body></html>\n");
  return html;
}

}  // namespace marginalia::client
