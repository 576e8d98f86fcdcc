#include "server/storage/sqlite/sqlite_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/util/time_util.h"
#include "tests/testing/temp_dir.h"

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;

NewSubmission MakeSubmission(const std::string& id, const std::string& author,
                             const std::string& text,
                             const std::string& request_id = "") {
  NewSubmission s;
  s.submission.set_id(id);
  s.submission.set_assignment_id("hist101");
  s.submission.set_author(author);
  s.submission.set_request_id(request_id);
  s.submission.set_text(text);
  s.submission.set_content_sha256("sha-" + text);
  s.submission.set_rubric_id("history-essay");
  s.submission.set_rubric_version(1);
  *s.submission.mutable_create_time() = ToTimestamp(absl::FromUnixSeconds(1e9));
  s.report.set_rubric_id("history-essay");
  s.report.set_title("Title of " + id);
  s.report.add_notes("note");
  return s;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(dir_.File("test.db"));
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteStoreTest, StoresAndReadsBackASubmissionAndItsReport) {
  auto created =
      store_->CreateSubmission(MakeSubmission("sub_1", "ada", "Essay text"));
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_TRUE(created->created);
  EXPECT_EQ(created->submission.draft(), 1);
  EXPECT_TRUE(created->submission.text().empty());

  auto read = store_->GetSubmission("sub_1", /*with_text=*/true);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->text(), "Essay text");
  EXPECT_EQ(read->text_bytes(), 10);
  EXPECT_EQ(read->author(), "ada");
  EXPECT_EQ(read->create_time().seconds(), 1000000000);
  auto report = store_->GetReport("sub_1");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->title(), "Title of sub_1");
}

TEST_F(SqliteStoreTest, UnknownIdIsNotFound) {
  auto read = store_->GetSubmission("sub_missing", false);
  EXPECT_EQ(read.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(read.status().message(), HasSubstr("sub_missing"));
  EXPECT_EQ(store_->GetReport("sub_missing").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(SqliteStoreTest, SameRequestIdStoresOnce) {
  ASSERT_TRUE(
      store_->CreateSubmission(MakeSubmission("sub_1", "ada", "Text", "req-1"))
          .ok());
  auto again =
      store_->CreateSubmission(MakeSubmission("sub_2", "ada", "Text", "req-1"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->submission.id(), "sub_1");
  auto page = store_->ListSubmissions({}, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->submissions.size(), 1u);
}

TEST_F(SqliteStoreTest, RequestIdReusedForOtherTextIsRefused) {
  ASSERT_TRUE(
      store_->CreateSubmission(MakeSubmission("sub_1", "ada", "Text", "req-1"))
          .ok());
  auto other = store_->CreateSubmission(
      MakeSubmission("sub_2", "ada", "Other", "req-1"));
  EXPECT_EQ(other.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(other.status().message(), HasSubstr("req-1"));
}

TEST_F(SqliteStoreTest, DraftsCountPerAuthorAndAssignment) {
  ASSERT_TRUE(
      store_->CreateSubmission(MakeSubmission("a1", "ada", "one")).ok());
  ASSERT_TRUE(
      store_->CreateSubmission(MakeSubmission("b1", "bob", "one")).ok());
  auto second = store_->CreateSubmission(MakeSubmission("a2", "ada", "two"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->submission.draft(), 2);
}

TEST_F(SqliteStoreTest, ListsInPagesWithFilters) {
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(store_
                    ->CreateSubmission(MakeSubmission(
                        "s" + std::to_string(i), i % 2 ? "bob" : "ada",
                        "text " + std::to_string(i)))
                    .ok());
  }
  std::vector<std::string> ids;
  PageRequest page{3, ""};
  do {
    auto result = store_->ListSubmissions({"hist101", "ada"}, page);
    ASSERT_TRUE(result.ok());
    EXPECT_LE(result->submissions.size(), 3u);
    for (const auto& s : result->submissions) ids.push_back(s.id());
    page.page_token = result->next_page_token;
  } while (!page.page_token.empty());
  EXPECT_THAT(ids, ::testing::ElementsAre("s0", "s2", "s4", "s6"));
}

TEST_F(SqliteStoreTest, BadPageTokenIsInvalidArgument) {
  auto result = store_->ListSubmissions({}, {10, "not-a-token"});
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("page_token"));
  EXPECT_EQ(store_->ListSubmissions({}, {-1, ""}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(SqliteStoreTest, DataSurvivesReopening) {
  ASSERT_TRUE(
      store_->CreateSubmission(MakeSubmission("sub_1", "ada", "Kept")).ok());
  store_.reset();
  auto reopened = SqliteStore::Open(dir_.File("test.db"));
  ASSERT_TRUE(reopened.ok());
  auto read = (*reopened)->GetSubmission("sub_1", true);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->text(), "Kept");
}

TEST_F(SqliteStoreTest, RubricVersions) {
  v1::RubricInfo info;
  info.set_id("essay");
  info.set_version(1);
  info.set_name("Essay");
  info.set_built_in(true);
  auto inserted = store_->InstallBuiltInRubric(info, "id: \"essay\"");
  ASSERT_TRUE(inserted.ok());
  EXPECT_TRUE(*inserted);
  EXPECT_FALSE(*store_->InstallBuiltInRubric(info, "changed"));
  info.set_version(2);
  info.set_built_in(false);
  ASSERT_TRUE(store_->CreateRubricVersion(info, "v2 text", {}).ok());
  EXPECT_EQ(store_->CreateRubricVersion(info, "again", {}).code(),
            absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(*store_->LatestRubricVersion("essay"), 2);
  EXPECT_EQ(store_->GetRubric("essay", 0)->text, "v2 text");
  EXPECT_EQ(store_->GetRubric("essay", 1)->text, "id: \"essay\"");
  EXPECT_EQ(store_->ListRubrics(false)->size(), 1u);
  EXPECT_EQ(store_->ListRubrics(true)->size(), 2u);
  EXPECT_EQ(store_->GetRubric("nope", 0).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace marginalia::server
