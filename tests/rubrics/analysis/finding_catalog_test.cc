// Finding codes and metric names are an API documented in
// rubrics/README.md; every one the engine knows must be documented there.
#include "rubrics/analysis/finding_catalog.h"

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tests/testing/test_data.h"

namespace marginalia::rubrics {
namespace {

std::string Readme() {
  auto text = marginalia::testing::ReadFile(
      absl::StrCat(MARGINALIA_SOURCE_DIR, "/rubrics/README.md"));
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "";
}

TEST(FindingCatalogTest, EveryCodeIsDocumentedWithItsSeverity) {
  std::string readme = Readme();
  for (const FindingKind& kind : FindingKinds()) {
    EXPECT_TRUE(absl::StrContains(readme, absl::StrCat("`", kind.code, "`")))
        << kind.code << " is not in rubrics/README.md";
    EXPECT_FALSE(kind.singular.empty());
    EXPECT_EQ(FindFindingKind(kind.code), &kind);
  }
  EXPECT_EQ(FindFindingKind("citation.no_such_code"), nullptr);
}

TEST(FindingCatalogTest, EveryMetricIsDocumented) {
  std::string readme = Readme();
  for (const MetricKind& kind : MetricKinds()) {
    std::string name(kind.name);
    std::string leaf = name.substr(name.find('.') + 1);
    EXPECT_TRUE(absl::StrContains(readme, name) ||
                absl::StrContains(readme, absl::StrCat("`", leaf, "`")))
        << kind.name << " is not in rubrics/README.md";
  }
}

}  // namespace
}  // namespace marginalia::rubrics
