#include "client/input/docx_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zip.h>

#include "client/input/essay_file.h"
#include "tests/testing/temp_dir.h"
#include "tests/testing/test_data.h"

namespace marginalia::client {
namespace {

using ::testing::HasSubstr;

// Writes a zip at `path` holding `entries` (name, contents).
void WriteZip(const std::string& path,
              const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  ASSERT_NE(archive, nullptr);
  for (const auto& [name, contents] : entries) {
    zip_source_t* source =
        zip_source_buffer(archive, contents.data(), contents.size(), 0);
    ASSERT_GE(zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE), 0);
  }
  ASSERT_EQ(zip_close(archive), 0);
}

TEST(DocxTextTest, ParagraphsHeadingsTabsBreaksWithoutDeletedText) {
  absl::StatusOr<std::string> text =
      ReadEssayFile(testing::TestDataPath("printing-press.docx"));
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text,
            "The Printing Press and the Reformation\n\n"
            "When Luther posted his theses in 1517, printers in Wittenberg "
            "could already turn a pamphlet around in days. This essay argues "
            "that the press did not cause the Reformation but decided how "
            "fast it spread.\n\n"
            "Printers and pamphlets\n\n"
            "Between 1518 and 1525 Luther\xE2\x80\x99s tracts made up a third "
            "of all German printing (Edwards, 1994, p. 17).\n\n"
            "Cheap print\treached towns;\nsermons followed.");
}

TEST(DocxTextTest, BytesInMemoryReadLikeTheFile) {
  std::string path = testing::TestDataPath("printing-press.docx");
  absl::StatusOr<std::string> bytes = testing::ReadFile(path);
  ASSERT_TRUE(bytes.ok());
  absl::StatusOr<std::string> from_bytes = ReadDocxBytes(*bytes);
  absl::StatusOr<std::string> from_file = ReadDocxText(path);
  ASSERT_TRUE(from_bytes.ok()) << from_bytes.status();
  ASSERT_TRUE(from_file.ok());
  EXPECT_EQ(*from_bytes, *from_file);
  EXPECT_THAT(ReadDocxBytes("not a zip").status().message(),
              HasSubstr("not a readable .docx"));
}

TEST(DocxTextTest, NotAZipIsReported) {
  testing::TempDir dir;
  testing::WriteFile(dir.File("a.docx"), "plain text, not a zip");
  absl::StatusOr<std::string> text = ReadDocxText(dir.File("a.docx"));
  EXPECT_EQ(text.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(text.status().message(), HasSubstr("not a readable .docx"));
}

TEST(DocxTextTest, ZipWithoutDocumentIsReported) {
  testing::TempDir dir;
  WriteZip(dir.File("a.docx"), {{"hello.txt", "hi"}});
  EXPECT_THAT(ReadDocxText(dir.File("a.docx")).status().message(),
              HasSubstr("no word/document.xml"));
}

TEST(DocxTextTest, MalformedXmlIsReportedWithItsLine) {
  testing::TempDir dir;
  WriteZip(dir.File("a.docx"),
           {{"word/document.xml", "<document>\n<body><p></body>"}});
  absl::StatusOr<std::string> text = ReadDocxText(dir.File("a.docx"));
  EXPECT_THAT(text.status().message(), HasSubstr("damaged .docx"));
  EXPECT_THAT(text.status().message(), HasSubstr("line 2"));
}

}  // namespace
}  // namespace marginalia::client
