#include "eval/tally.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace marginalia::eval {

void Tally::Count(absl::string_view metric, bool right,
                  absl::string_view what) {
  Ratio& ratio = ratios_[std::string(metric)];
  ++ratio.total;
  if (right) {
    ++ratio.right;
  } else {
    misses_[std::string(metric)].emplace_back(what);
  }
}

const std::vector<std::string>& Tally::Misses(absl::string_view metric) const {
  static const std::vector<std::string> kNone;
  auto it = misses_.find(std::string(metric));
  return it == misses_.end() ? kNone : it->second;
}

double Tally::Value(absl::string_view metric) const {
  auto it = ratios_.find(std::string(metric));
  return it == ratios_.end() ? -1 : it->second.Value();
}

std::string FormatTally(const Tally& tally, bool show_misses, int max_misses) {
  std::string out;
  for (const auto& [metric, ratio] : tally.ratios()) {
    absl::StrAppendFormat(&out, "%-58s %6d / %-6d %6.1f%%\n", metric,
                          ratio.right, ratio.total, 100 * ratio.Value());
    if (!show_misses) continue;
    const std::vector<std::string>& misses = tally.Misses(metric);
    for (int i = 0; i < static_cast<int>(misses.size()) && i < max_misses;
         ++i) {
      absl::StrAppend(&out, "    miss: ", misses[i], "\n");
    }
    if (static_cast<int>(misses.size()) > max_misses) {
      absl::StrAppend(&out, "    ... and ", misses.size() - max_misses,
                      " more\n");
    }
  }
  return out;
}

namespace {

std::string Opening(absl::string_view text, const marginalia::v1::Span& span,
                    std::size_t length) {
  std::string s(text.substr(
      span.begin(), std::min<std::size_t>(span.end() - span.begin(), length)));
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

}  // namespace

std::string FormatOutline(absl::string_view text,
                          const marginalia::v1::FeedbackReport& report) {
  std::string out;
  for (const marginalia::v1::ParagraphOutline& p : report.paragraphs()) {
    absl::StrAppendFormat(&out, "%3d %-24s %-25s %.2f  %s\n", p.index(),
                          marginalia::v1::ParagraphKind_Name(p.kind()),
                          marginalia::v1::SectionRole_Name(p.role()),
                          p.confidence(), Opening(text, p.span(), 70));
  }
  absl::StrAppend(&out, "thesis: ", Opening(text, report.thesis(), 200),
                  "\nroadmap: ", Opening(text, report.roadmap(), 200), "\n");
  for (const marginalia::v1::Finding& f : report.findings()) {
    absl::StrAppendFormat(&out, "finding %s #%d (%.2f): %s\n", f.code(),
                          f.paragraph(), f.confidence(), f.message());
  }
  for (const std::string& note : report.notes()) {
    absl::StrAppend(&out, "note: ", note, "\n");
  }
  return out;
}

}  // namespace marginalia::eval
