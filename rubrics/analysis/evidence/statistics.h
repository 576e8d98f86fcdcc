// Finds figures that need a source: percentages, large numbers, amounts of
// money and measured quantities (not years, ordinals or "5-year").
#pragma once

#include <vector>

#include "rubrics/analysis/lexicon.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

// A figure: the words it spans ("97", "%" is not a word; "1.5 million").
struct Statistic {
  TextSpan span;
  uint32_t paragraph = 0;
  int sentence = -1;
};

std::vector<Statistic> FindStatistics(const Document& document,
                                      const Lexicon& lexicon);

}  // namespace marginalia::rubrics
