// Shows how a batch is going: on a terminal a bar redrawn in place (done of
// total, rate, time left, failures so far); elsewhere a plain line every few
// seconds. Lines about single essays (failures, --verbose) are printed
// above the bar. Time is passed in, so the display is deterministic.
// Not thread-safe: the caller serialises calls.
#pragma once

#include <ostream>
#include <string>

#include "absl/time/time.h"
#include "client/batch/batch_runner.h"

namespace marginalia::client {

struct ProgressOptions {
  // Redraw the bar in place (a terminal) or print plain lines.
  bool terminal = false;
  // At most one redraw per this on a terminal.
  absl::Duration redraw_interval = absl::Milliseconds(100);
  // A plain line at most this often elsewhere.
  absl::Duration line_interval = absl::Seconds(2);
};

class ProgressDisplay {
 public:
  ProgressDisplay(std::ostream* out, ProgressOptions options, absl::Time start)
      : out_(out), options_(options), start_(start) {}

  // New totals; redraws or prints a line when it is time to.
  void Update(const BatchCounts& counts, absl::Time now);
  // Prints `line` (an essay's outcome) without garbling the bar.
  void PrintLine(const std::string& line);
  // The last state, always shown, and the bar ended with a newline.
  void Finish(const BatchCounts& counts, absl::Time now);

  // "120/300 done (40%), 850 essays/s, about 3s left, 2 failed".
  static std::string Describe(const BatchCounts& counts, absl::Duration spent);

 private:
  void Draw(const BatchCounts& counts, absl::Time now);

  std::ostream* out_;
  ProgressOptions options_;
  absl::Time start_;
  absl::Time last_shown_ = absl::InfinitePast();
  BatchCounts last_counts_;
  bool bar_visible_ = false;
};

}  // namespace marginalia::client
