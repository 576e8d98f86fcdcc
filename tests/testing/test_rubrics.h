// A small valid rubric for tests: one criterion ("writing") that counts
// mechanics findings. Its mechanics rule is on line 9.
#pragma once

namespace marginalia::testing {

inline constexpr char kShortRubric[] = R"pb(id: "short-essay"
name: "Short essay"
criteria {
  id: "writing"
  name: "Writing"
  max_score: 10
  levels { level: 0 description: "Many slips." }
  levels { level: 1 description: "Clean." }
  rules { finding { code: "mechanics.*" per_finding: 0.5 } }
}
)pb";

}  // namespace marginalia::testing
