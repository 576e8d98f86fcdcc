// Counts of right and wrong answers per metric, with the cases behind each
// miss, for the evaluation runner. Not thread-safe: one per run.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "marginalia/v1/report.pb.h"

namespace marginalia::eval {

class Tally {
 public:
  struct Ratio {
    int right = 0;
    int total = 0;
    double Value() const { return total == 0 ? 1.0 : double(right) / total; }
  };

  // Records one answer for `metric`; a wrong one keeps `what` (the essay
  // and the case) for the report of misses.
  void Count(absl::string_view metric, bool right, absl::string_view what);

  const std::map<std::string, Ratio>& ratios() const { return ratios_; }
  // The misses of `metric`, in the order they were counted.
  const std::vector<std::string>& Misses(absl::string_view metric) const;
  // The figure of `metric`, or -1 when nothing was counted.
  double Value(absl::string_view metric) const;

 private:
  std::map<std::string, Ratio> ratios_;
  std::map<std::string, std::vector<std::string>> misses_;
};

// Prints the table: one line per metric with right/total and the
// percentage, and with `show_misses` the cases behind every miss (at most
// `max_misses` per metric).
std::string FormatTally(const Tally& tally, bool show_misses, int max_misses);

// The engine's outline of an essay, a line per paragraph (index, role,
// confidence, opening words), then the thesis, roadmap, findings and notes:
// for a developer reading why the evaluation disagrees with the gold.
std::string FormatOutline(absl::string_view text,
                          const marginalia::v1::FeedbackReport& report);

}  // namespace marginalia::eval
