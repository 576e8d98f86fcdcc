// The engine on real essays it was not written around (../shared/corpora):
// a history course's essays with author-page citations and bibliographies.
// The Argument Annotated Essays and anystyle's reference strings are
// measured by the evaluation (eval/, ctest -R eval_gate).
// Thresholds sit below what the engine measured (noted beside each), so a
// regression fails while the figures stay honest.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "rubrics/document/normalize.h"
#include "rubrics/engine/engine.h"
#include "rubrics/rubric/rubric_registry.h"
#include "tests/testing/test_data.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

double MetricOf(const v1::FeedbackReport& report, absl::string_view name) {
  for (const v1::Metric& m : report.metrics()) {
    if (m.name() == name) return m.value();
  }
  return -1;
}

class CorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    engine_ = new Engine();
    registry_ = new RubricRegistry(*RubricRegistry::BuiltIn());
  }
  v1::FeedbackReport Score(const std::string& raw, absl::string_view rubric) {
    absl::StatusOr<std::string> text = NormalizeEssayText(raw);
    EXPECT_TRUE(text.ok());
    text_ = text.ok() ? *text : "";
    return *engine_->Score(text_, **registry_->Find(rubric));
  }
  static Engine* engine_;
  static RubricRegistry* registry_;
  std::string text_;
};
Engine* CorpusTest::engine_ = nullptr;
RubricRegistry* CorpusTest::registry_ = nullptr;

TEST_F(CorpusTest, HistoryCourseEssaysCitationsMeetTheirBibliographies) {
  int essays = 0, lists = 0, citations = 0, resolved = 0, false_missing = 0;
  std::filesystem::path root =
      marginalia::testing::SharedPath("corpora/metahistory_essays/essays");
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    auto raw = marginalia::testing::ReadFile(path.string());
    ASSERT_TRUE(raw.ok());
    v1::FeedbackReport report = Score(*raw, "history-essay");
    ++essays;
    bool has_list = MetricOf(report, "citation.has_reference_list") == 1;
    lists += has_list ? 1 : 0;
    for (const v1::Citation& c : report.citations()) {
      ++citations;
      if (c.source() >= 0 && report.sources(c.source()).in_reference_list()) {
        ++resolved;
      }
    }
    for (const v1::Finding& f : report.findings()) {
      if (f.code() == "citation.missing_reference_list" && has_list) {
        ++false_missing;
      }
    }
  }
  std::printf(
      "history essays: %d, reference lists %d, citations %d, "
      "resolved to an entry %d\n",
      essays, lists, citations, resolved);
  ASSERT_EQ(essays, 62);
  EXPECT_GE(lists, 50);       // measured 56 of 62
  EXPECT_GE(citations, 700);  // measured 730
  // Measured 82% (600); 72% before notes sections were read as such.
  EXPECT_GE(resolved * 100, citations * 78);
  EXPECT_EQ(false_missing, 0);
}

// An essay footnoted in Chicago style ([1] markers, a FOOTNOTES section of
// full, short and author-date notes): each marker resolves to its note,
// and the notes name a handful of works, not one source per marker.
TEST_F(CorpusTest, FootnotedHistoryEssayResolvesMarkersToItsNotes) {
  auto raw = marginalia::testing::ReadFile(marginalia::testing::SharedPath(
      "corpora/metahistory_essays/essays/archive/marxism.md"));
  ASSERT_TRUE(raw.ok()) << raw.status();
  v1::FeedbackReport report = Score(*raw, "history-essay");
  int footnotes = 0;
  for (const v1::Citation& c : report.citations()) {
    ++footnotes;
    ASSERT_GE(c.source(), 0) << c.text();
    EXPECT_TRUE(report.sources(c.source()).in_reference_list()) << c.text();
  }
  EXPECT_GE(footnotes, 40);  // measured 42
  // Measured 15 works (Marx and Engels, Popkin, Lenin, Thompson, ...).
  EXPECT_LE(report.sources_size(), 18);
  EXPECT_GE(report.sources_size(), 10);
  for (const v1::Finding& f : report.findings()) {
    EXPECT_NE(f.code(), "citation.missing_reference_list");
    EXPECT_NE(f.code(), "citation.missing_reference_entry") << f.message();
  }
}

}  // namespace
}  // namespace marginalia::rubrics
