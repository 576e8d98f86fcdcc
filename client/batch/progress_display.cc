#include "client/batch/progress_display.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace marginalia::client {
namespace {

constexpr int kBarWidth = 28;

std::string FormatSeconds(double seconds) {
  int s = static_cast<int>(std::ceil(seconds));
  if (s < 60) return absl::StrCat(s, "s");
  return absl::StrFormat("%dm%02ds", s / 60, s % 60);
}

}  // namespace

std::string ProgressDisplay::Describe(const BatchCounts& counts,
                                      absl::Duration spent) {
  int done = counts.answered();
  double seconds = absl::ToDoubleSeconds(spent);
  double rate = seconds > 0 ? done / seconds : 0;
  std::string text =
      absl::StrFormat("%d/%d done (%d%%), %.0f essays/s", done, counts.total,
                      counts.total > 0 ? done * 100 / counts.total : 100, rate);
  if (rate > 0 && done < counts.total) {
    absl::StrAppend(&text, ", about ",
                    FormatSeconds((counts.total - done) / rate), " left");
  }
  absl::StrAppend(&text, ", ", counts.failed, " failed");
  return text;
}

void ProgressDisplay::Update(const BatchCounts& counts, absl::Time now) {
  last_counts_ = counts;
  absl::Duration interval =
      options_.terminal ? options_.redraw_interval : options_.line_interval;
  if (now - last_shown_ < interval) return;
  Draw(counts, now);
}

void ProgressDisplay::PrintLine(const std::string& line) {
  if (bar_visible_) *out_ << "\r\033[K";
  *out_ << line << "\n";
  bar_visible_ = false;
  if (options_.terminal && last_shown_ != absl::InfinitePast()) {
    Draw(last_counts_, last_shown_);
  }
  out_->flush();
}

void ProgressDisplay::Finish(const BatchCounts& counts, absl::Time now) {
  Draw(counts, now);
  if (options_.terminal) *out_ << "\n";
  bar_visible_ = false;
  out_->flush();
}

void ProgressDisplay::Draw(const BatchCounts& counts, absl::Time now) {
  last_shown_ = now;
  last_counts_ = counts;
  std::string text = Describe(counts, now - start_);
  if (!options_.terminal) {
    *out_ << "batch: " << text << "\n";
    out_->flush();
    return;
  }
  int filled = counts.total > 0 ? counts.answered() * kBarWidth / counts.total
                                : kBarWidth;
  *out_ << "\r\033[K[" << std::string(filled, '#')
        << std::string(kBarWidth - filled, '.') << "] " << text;
  out_->flush();
  bar_visible_ = true;
}

}  // namespace marginalia::client
