// The HTML pages as a reader's browser shows them: rendered by headless
// Chromium, checked on the DOM it built, with screenshots kept in
// <build>/test-artefacts/ for people to look at.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <iostream>
#include <regex>

#include "absl/strings/str_cat.h"
#include "client/output/report_html.h"
#include "tests/client/output/hand_built_feedback.h"
#include "tests/e2e/cli_harness.h"
#include "tests/testing/chromium.h"
#include "tests/testing/test_data.h"

namespace marginalia {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

int Count(const std::string& text, const std::string& needle) {
  int count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// Renders `html_path`, keeps a screenshot named `name`.png and returns the
// DOM.
std::string RenderAndKeepScreenshot(const std::string& html_path,
                                    const std::string& name) {
  absl::StatusOr<std::string> dom = testing::RenderDom(html_path);
  EXPECT_TRUE(dom.ok()) << dom.status();
  std::string png = testing::ArtefactPath(name + ".png");
  absl::Status shot = testing::Screenshot(html_path, png, 1280, 2000);
  EXPECT_TRUE(shot.ok()) << shot;
  std::cout << "screenshot: " << png << std::endl;
  return dom.ok() ? *dom : "";
}

TEST(HtmlRenderTest, HandBuiltReportShowsMarksAndMarginNotes) {
  std::string page = testing::ArtefactPath("essay-hand-built.html");
  testing::WriteFile(page, client::RenderEssayHtml(testing::HandBuiltFeedback(),
                                                   testing::HandBuiltEssay()));
  std::string dom = RenderAndKeepScreenshot(page, "essay-hand-built");
  // Each highlighted passage, nested ones split into segments.
  EXPECT_THAT(dom, HasSubstr("data-notes=\"2\">\"made up a third of all "
                             "printing\" </mark>"));
  EXPECT_THAT(dom, HasSubstr("data-notes=\"2 3\">(Edwards 1994)</mark>"));
  EXPECT_THAT(dom, HasSubstr("data-notes=\"1\">Luther\xE2\x80\x99</mark>"));
  EXPECT_THAT(dom, HasSubstr("data-notes=\"4\">Printers</mark>"));
  EXPECT_EQ(Count(dom, "<mark "), 6);
  // Their messages in the margin, linked both ways.
  EXPECT_THAT(dom,
              HasSubstr("<aside class=\"notes\"><div class=\"note "
                        "sev-error\" id=\"note-1\"><a href=\"#n1\">1</a>"));
  EXPECT_THAT(dom, HasSubstr("This quotation has no page number."));
  EXPECT_THAT(dom, HasSubstr("Add the page: (Edwards, 1994, p. 17)"));
  EXPECT_THAT(dom, HasSubstr("<b>tutor</b>: Good use of a primary source."));
  // The essay's own markup is text, not elements.
  EXPECT_THAT(dom, HasSubstr("&lt;b&gt;profited&lt;/b&gt; &amp; "));
  EXPECT_THAT(dom, Not(HasSubstr("<b>profited</b>")));
  // Scores with their rationale.
  EXPECT_THAT(dom, HasSubstr("<td>Evidence</td><td>5.5 / 10.0</td>"));
  EXPECT_THAT(dom, HasSubstr("One quotation lacks a page number."));
}

TEST(HtmlRenderTest, CohortPageShowsHistogramsAndLinksToEssayPages) {
  testing::CliHarness cli;
  std::string folder = cli.dir().File("cohort");
  mkdir(folder.c_str(), 0755);
  std::string sample = testing::SampleEssay();
  cli.EnrolStudents(
      {"student0", "student1", "student2", "student3", "student4", "student5"});
  for (int i = 0; i < 6; ++i) {
    testing::WriteFile(absl::StrCat(folder, "/student", i, ".txt"),
                       absl::StrCat(sample, "\nVariant ", i, ".\n"));
  }
  std::string pages = cli.dir().File("pages");
  testing::ProcessResult batch =
      cli.Cli(cli.BatchArguments({folder}, {"--html", pages}));
  ASSERT_EQ(batch.exit_code, 0) << batch.out << batch.err;
  std::string dom =
      RenderAndKeepScreenshot(pages + "/index.html", "cohort-page");
  EXPECT_THAT(dom, HasSubstr("<h1>Cohort: hist101</h1>"));
  EXPECT_GE(Count(dom, "<rect class=\"bar\""), 10);
  EXPECT_THAT(dom, HasSubstr("<figcaption>Essay length (words)</figcaption>"));
  std::smatch link;
  ASSERT_TRUE(std::regex_search(
      dom, link, std::regex("<a href=\"(sub_[0-9a-f]+\\.html)\">student0</a>")))
      << dom;
  std::string essay = RenderAndKeepScreenshot(
      absl::StrCat(pages, "/", link[1].str()), "cohort-essay-page");
  EXPECT_THAT(essay, HasSubstr("<a href=\"index.html\">"));
  EXPECT_THAT(essay, HasSubstr("China Under the Soviet Model"));
}

// The sample essay as the engine scores it: its findings highlighted in the
// text with their messages in the margin.
TEST(HtmlRenderTest, SampleEssayPageShowsTheEngineFindings) {
  testing::CliHarness cli;
  cli.EnrolStudents({"ada"});
  testing::ProcessResult submitted =
      cli.Cli({"submit", testing::TestDataPath("soviet-model-essay.txt"),
               "--assignment", cli.assignment(), "--author", "ada", "--format",
               "json"});
  ASSERT_EQ(submitted.exit_code, 0) << submitted.err;
  std::smatch id;
  ASSERT_TRUE(std::regex_search(submitted.out, id,
                                std::regex("\"id\": \"(sub_[0-9a-f]+)\"")));
  std::string page = testing::ArtefactPath("essay-sample.html");
  testing::ProcessResult written =
      cli.Cli({"feedback", id[1], "--format", "html", "--output", page});
  ASSERT_EQ(written.exit_code, 0) << written.err;
  std::string dom = RenderAndKeepScreenshot(page, "essay-sample");

  EXPECT_THAT(dom, HasSubstr("<h1>China Under the Soviet Model: A Clash of "
                             "Socio-Economic Conditions and Underlying "
                             "Ideology</h1>"));
  EXPECT_THAT(dom, HasSubstr("<h3 class=\"para heading\">Contextualising the "
                             "First Five Year Plan: China\xE2\x80\x99s "
                             "Conditions</h3>"));
  // Slips marked where they are, with the fix in the margin.
  EXPECT_THAT(dom, HasSubstr(">tenants</mark>"));
  EXPECT_THAT(dom, HasSubstr("<span class=\"suggestion\">\xE2\x86\x92 Write "
                             "\"tenets\".</span>"));
  EXPECT_THAT(dom, HasSubstr(">. .</mark>"));
  EXPECT_THAT(dom, HasSubstr(">(Meisner., 1986)</mark>"));
  EXPECT_EQ(Count(dom, "<span class=\"code\">citation.quote_without_page"), 3);
  EXPECT_GE(Count(dom, "<span class=\"code\">citation.nonstandard_format"), 29);
  EXPECT_THAT(dom, HasSubstr("Add the page number: (Meisner, 1986, p. __)."));
  // Every margin note has its anchor in the text (passages shared by two
  // findings share a mark), and the essay-wide finding has its own list.
  int notes = Count(dom, " id=\"note-");
  EXPECT_GE(notes, 35);
  EXPECT_EQ(Count(dom, "<a id=\"n"), notes);
  EXPECT_THAT(dom, HasSubstr("About the whole essay"));
  EXPECT_THAT(dom, HasSubstr("citation.missing_reference_list"));
  // The scores with why they were given.
  EXPECT_THAT(dom, HasSubstr("<td>Citation and referencing</td>"));
  EXPECT_THAT(dom, HasSubstr("Reached level 1 of 4 because of a missing "
                             "reference list"));
}

}  // namespace
}  // namespace marginalia
