// The essay page over a hand-built report: what a reader would see.
#include "client/output/report_html.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/client/output/hand_built_feedback.h"

namespace marginalia::client {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ReportHtmlTest : public ::testing::Test {
 protected:
  std::string page_ =
      RenderEssayHtml(testing::HandBuiltFeedback(), testing::HandBuiltEssay());
};

TEST_F(ReportHtmlTest, IsSelfContained) {
  EXPECT_THAT(page_, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(page_, HasSubstr("<style>"));
  EXPECT_THAT(page_, Not(HasSubstr("<script")));
  EXPECT_THAT(page_, Not(HasSubstr("http://")));
  EXPECT_THAT(page_, Not(HasSubstr("https://")));
}

TEST_F(ReportHtmlTest, EscapesEssayAndMessages) {
  EXPECT_THAT(page_, HasSubstr("&lt;b&gt;profited&lt;/b&gt; &amp; "));
  EXPECT_THAT(page_, HasSubstr("ada &lt;lovelace&gt;"));
  EXPECT_THAT(page_, HasSubstr("Check the &lt;possessive&gt;."));
  EXPECT_THAT(page_, Not(HasSubstr("<b>profited")));
}

TEST_F(ReportHtmlTest, NestedSpansBecomeSegmentsCoveredByBothNotes) {
  // The citation lies inside the quotation's span: that segment is marked
  // with both note numbers, the rest of the quotation with one.
  EXPECT_THAT(page_, HasSubstr("data-notes=\"2\">&quot;made up a third of all "
                               "printing&quot; </mark>"));
  EXPECT_THAT(page_, HasSubstr("data-notes=\"2 3\">(Edwards 1994)</mark>"));
}

TEST_F(ReportHtmlTest, SpanInsideAMultiByteCharacterIsWidened) {
  EXPECT_THAT(page_, HasSubstr("data-notes=\"1\">Luther\xE2\x80\x99</mark>"));
}

TEST_F(ReportHtmlTest, MessagesAndSuggestionsSitInTheMargin) {
  EXPECT_THAT(page_, HasSubstr("<aside class=\"notes\"><div class=\"note "
                               "sev-error\" id=\"note-1\">"));
  EXPECT_THAT(page_, HasSubstr("This quotation has no page number."));
  EXPECT_THAT(page_, HasSubstr("Add the page: (Edwards, 1994, p. 17)"));
  EXPECT_THAT(page_, HasSubstr("<b>tutor</b>: Good use of a primary source."));
}

TEST_F(ReportHtmlTest, WholeEssayFindingsAndScoresAreListed) {
  EXPECT_THAT(page_, HasSubstr("About the whole essay"));
  EXPECT_THAT(page_, HasSubstr("The essay has no reference list."));
  EXPECT_THAT(page_, HasSubstr("<b>11.5</b> / 20.0"));
  EXPECT_THAT(page_, HasSubstr("One quotation lacks a page number."));
}

TEST_F(ReportHtmlTest, SpanAcrossParagraphsIsMarkedInBoth) {
  EXPECT_THAT(page_, HasSubstr(">readers multiplied.</mark>"));
  EXPECT_THAT(page_, HasSubstr(">Cheap print</mark>"));
}

TEST(ReportHtmlEdgeTest, OffsetsBeyondTheTextAreClamped) {
  marginalia::v1::GetFeedbackResponse feedback;
  marginalia::v1::Finding* f = feedback.mutable_report()->add_findings();
  f->set_message("past the end");
  f->mutable_span()->set_begin(5);
  f->mutable_span()->set_end(500);
  std::string page = RenderEssayHtml(feedback, "Short essay.");
  EXPECT_THAT(page, HasSubstr(">Short<a id=\"n1\"></a><mark"));
  EXPECT_THAT(page, HasSubstr("past the end"));
  EXPECT_THAT(page, HasSubstr("no criterion scores"));
}

}  // namespace
}  // namespace marginalia::client
