// The MICUSP TEI renderer: what the engine and the gold files read.
#include "eval/tei_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace marginalia::eval {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kPaper[] =
    "<TEI.2><teiHeader><title>ignored header</title></teiHeader><text><body>"
    "<div type=\"opener\"><head>Kings at War</head><p/></div>"
    "<div type=\"main\"><div type=\"head_1\"><head>Motives</head>"
    "<p>Herodotus calls it <q type=\"quote\">a war for glory</q> and"
    "  <q type=\"term\">hubris</q>.<ptr type=\"footnote\" target=\"fn2\"/>"
    "</p><p>A table:<gap desc=\"table\"/> follows &amp; ends.</p></div></div>"
    "<div type=\"closer\"><div type=\"bibliography\"><head>Works Cited</head>"
    "<listBibl><bibl>Herodotus. The Histories. 1998.</bibl></listBibl></div>"
    "<div type=\"footnotes\"><note type=\"footnote\" id=\"fn2\">2 See book "
    "7.</note></div></div></body></text></TEI.2>";

TEST(TeiTextTest, RendersTheBodyAsMarkdown) {
  absl::StatusOr<std::string> text = RenderTeiText(kPaper);
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text,
            "# Kings at War\n\n## Motives\n\nHerodotus calls it “a war for "
            "glory” and hubris.²\n\nA table: follows & ends.\n\n## Works "
            "Cited\n\nHerodotus. The Histories. 1998.\n\n## Notes\n\n2. See "
            "book 7.\n");
}

TEST(TeiTextTest, LeavesTheHeaderOut) {
  absl::StatusOr<std::string> text = RenderTeiText(kPaper);
  ASSERT_TRUE(text.ok());
  EXPECT_THAT(*text, Not(HasSubstr("ignored header")));
}

TEST(TeiTextTest, RejectsMalformedXml) {
  absl::StatusOr<std::string> text = RenderTeiText("<TEI.2><text><p>open");
  EXPECT_EQ(text.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(text.status().message()), HasSubstr("line 1"));
}

}  // namespace
}  // namespace marginalia::eval
