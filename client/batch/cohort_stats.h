// Statistics over the reports of a cohort: distributions of the total and
// of each criterion, histograms, the findings most essays share, and
// outliers. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "marginalia/v1/report.pb.h"

namespace marginalia::client {

struct Distribution {
  int count = 0;
  double mean = 0;
  double median = 0;
  // Population standard deviation.
  double stdev = 0;
  double min = 0;
  double max = 0;
};

// Equal-width bins over [low, high]; the last bin includes `high`.
struct Histogram {
  double low = 0;
  double high = 0;
  std::vector<int> bins;
};

struct CriterionStats {
  std::string id;
  std::string name;
  double max_score = 0;
  std::vector<double> scores;
  Distribution distribution;
};

// A finding code and how many essays have it at least once.
struct FindingFrequency {
  std::string code;
  int essays = 0;
  int occurrences = 0;
  // What the code means, in the plural ("quotations without page
  // numbers"); for a code the engine's catalogue does not know (a rubric's
  // own pattern), the message of its first occurrence.
  std::string description;
};

// An essay whose total is far from the cohort's (|z| >= 2).
struct Outlier {
  std::size_t essay = 0;  // index into the reports given
  double total = 0;
  double z = 0;
};

struct CohortStats {
  int essays = 0;
  double max_total = 0;
  std::vector<double> totals;
  Distribution total;
  // Essay length in words.
  std::vector<double> word_counts;
  Distribution words;
  // In the order criteria first appear.
  std::vector<CriterionStats> criteria;
  // Most essays first, then by code.
  std::vector<FindingFrequency> findings;
  // Furthest from the mean first.
  std::vector<Outlier> outliers;
};

Distribution Describe(std::vector<double> values);
Histogram MakeHistogram(const std::vector<double>& values, double low,
                        double high, int bins);
CohortStats ComputeCohortStats(
    const std::vector<const marginalia::v1::FeedbackReport*>& reports);

}  // namespace marginalia::client
