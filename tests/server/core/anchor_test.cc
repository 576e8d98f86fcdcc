#include "server/core/anchor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::server {
namespace {

namespace v1 = ::marginalia::v1;
using ::testing::HasSubstr;

v1::Anchor Span(uint32_t begin, uint32_t end) {
  v1::Anchor anchor;
  anchor.mutable_span()->set_begin(begin);
  anchor.mutable_span()->set_end(end);
  return anchor;
}

// "Café au lait": the é is two bytes, at offsets 3 and 4.
constexpr char kText[] = "Caf\xC3\xA9 au lait";

TEST(AnchorTest, SpanQuotesTheTextItCovers) {
  auto resolved = ResolveAnchor(Span(0, 5), kText, {});
  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->quoted_text, "Caf\xC3\xA9");
  EXPECT_EQ(resolved->anchor.span().end(), 5u);
}

TEST(AnchorTest, SpanSplittingAUtf8CharacterIsInvalid) {
  auto resolved = ResolveAnchor(Span(0, 4), kText, {});
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(resolved.status().message(), HasSubstr("splits a UTF-8"));
  EXPECT_THAT(resolved.status().message(), HasSubstr("offset 4"));
  EXPECT_EQ(ResolveAnchor(Span(4, 6), kText, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(AnchorTest, SpanOutsideTheTextIsInvalid) {
  auto resolved = ResolveAnchor(Span(2, 100), kText, {});
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(resolved.status().message(), HasSubstr("outside the text"));
  EXPECT_THAT(resolved.status().message(), HasSubstr("13 bytes"));
}

TEST(AnchorTest, EmptySpanIsInvalid) {
  EXPECT_EQ(ResolveAnchor(Span(3, 3), kText, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(AnchorTest, ParagraphMustExistAndQuotesIt) {
  v1::FeedbackReport report;
  v1::ParagraphOutline* paragraph = report.add_paragraphs();
  paragraph->mutable_span()->set_begin(7);
  paragraph->mutable_span()->set_end(13);
  v1::Anchor anchor;
  anchor.set_paragraph(0);
  auto resolved = ResolveAnchor(anchor, kText, report);
  ASSERT_TRUE(resolved.ok());
  EXPECT_EQ(resolved->quoted_text, "u lait");
  anchor.set_paragraph(1);
  auto missing = ResolveAnchor(anchor, kText, report);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(missing.status().message(), HasSubstr("paragraph 1"));
}

TEST(AnchorTest, WholeEssayAndMissingTarget) {
  v1::Anchor whole;
  whole.set_whole(true);
  EXPECT_TRUE(ResolveAnchor(whole, kText, {}).ok());
  auto none = ResolveAnchor(v1::Anchor(), kText, {});
  EXPECT_EQ(none.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(none.status().message(), HasSubstr("anchor is required"));
}

}  // namespace
}  // namespace marginalia::server
