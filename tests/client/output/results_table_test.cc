#include "client/output/results_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::client {
namespace {

using ::testing::HasSubstr;

std::vector<CohortEssay> TwoEssays() {
  CohortEssay stored;
  stored.outcome.path = "essays/ada, lovelace.txt";
  stored.outcome.author = "ada";
  stored.outcome.state = EssayState::kStored;
  stored.outcome.submission.set_id("sub_1");
  stored.outcome.submission.set_total_score(14.5);
  stored.outcome.submission.set_max_score(20);
  stored.has_feedback = true;
  auto* report = stored.feedback.mutable_report();
  auto* c = report->add_criteria();
  c->set_id("evidence");
  c->set_score(7.5);
  report->add_findings()->set_code("citation.quote_without_page");
  report->add_findings()->set_code("citation.quote_without_page");
  report->add_findings()->set_code("structure.no_conclusion");
  CohortEssay failed;
  failed.outcome.path = "essays/bo.docx";
  failed.outcome.author = "bo";
  failed.outcome.state = EssayState::kFailed;
  failed.outcome.reason = "not a readable .docx (zip): \"Not a zip\"";
  return {stored, failed};
}

TEST(ResultsTableTest, CsvHasARowPerEssayWithCriteriaAndCodes) {
  std::string csv = ResultsCsv(TwoEssays());
  EXPECT_EQ(csv,
            "author,file,submission_id,status,total,max_score,evidence,"
            "findings,reason\n"
            "ada,\"essays/ada, lovelace.txt\",sub_1,stored,14.5,20,7.5,"
            "citation.quote_without_page structure.no_conclusion,\n"
            "bo,essays/bo.docx,,failed,,,,,\"not a readable .docx (zip): "
            "\"\"Not a zip\"\"\"\n");
}

TEST(ResultsTableTest, JsonHasTheSameFields) {
  std::string json = ResultsJson(TwoEssays());
  EXPECT_THAT(json,
              HasSubstr("{\"author\": \"ada\", \"file\": \"essays/ada, "
                        "lovelace.txt\", \"submissionId\": \"sub_1\", "
                        "\"status\": \"stored\", \"total\": 14.5, "
                        "\"maxScore\": 20, \"criteria\": {\"evidence\": "
                        "7.5}, \"findings\": "
                        "[\"citation.quote_without_page\", "
                        "\"structure.no_conclusion\"], \"reason\": \"\"}"));
  EXPECT_THAT(json, HasSubstr("\"status\": \"failed\", \"total\": null"));
  EXPECT_THAT(json, HasSubstr("(zip): \\\"Not a zip\\\"\""));
}

}  // namespace
}  // namespace marginalia::client
