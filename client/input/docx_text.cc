#include "client/input/docx_text.h"

#include <expat.h>
#include <zip.h>

#include <cstring>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace marginalia::client {
namespace {

// Larger than any essay's XML; guards against zip bombs.
constexpr zip_uint64_t kMaxDocumentXmlBytes = 64 << 20;
constexpr char kDocumentXml[] = "word/document.xml";
// Expat reports namespaced names as "URI NAME" (separator ' ').
constexpr absl::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main ";

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
struct ParserFreer {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

std::string ZipErrorText(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

using ZipArchive = std::unique_ptr<zip_t, ZipCloser>;

absl::StatusOr<ZipArchive> OpenPath(const std::string& path) {
  int code = 0;
  ZipArchive archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (archive == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a readable .docx (zip): ", ZipErrorText(code)));
  }
  return archive;
}

absl::StatusOr<ZipArchive> OpenBytes(absl::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  // The source reads `bytes` in place (freep 0) and is owned by the archive
  // once opened.
  zip_source_t* source =
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source == nullptr
                       ? nullptr
                       : zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return absl::InvalidArgumentError(
        absl::StrCat("not a readable .docx (zip): ", text));
  }
  zip_error_fini(&error);
  return ZipArchive(archive);
}

absl::StatusOr<std::string> ReadDocumentXml(ZipArchive archive) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive.get(), kDocumentXml, 0, &stat) != 0) {
    return absl::InvalidArgumentError(
        "not a Word document: the .docx has no word/document.xml");
  }
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > kMaxDocumentXmlBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "word/document.xml is ", stat.size,
        " bytes unpacked, over the limit of ", kMaxDocumentXmlBytes));
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> file(
      zip_fopen(archive.get(), kDocumentXml, 0));
  if (file == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot open word/document.xml (encrypted?): ",
                     zip_error_strerror(zip_get_error(archive.get()))));
  }
  std::string xml;
  char buffer[1 << 16];
  zip_int64_t n = 0;
  while ((n = zip_fread(file.get(), buffer, sizeof buffer)) > 0) {
    xml.append(buffer, static_cast<std::size_t>(n));
    if (xml.size() > kMaxDocumentXmlBytes) {
      return absl::InvalidArgumentError("word/document.xml is too large");
    }
  }
  if (n < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("damaged .docx: ", zip_file_strerror(file.get())));
  }
  return xml;
}

// Collects paragraphs while Expat walks document.xml.
class BodyCollector {
 public:
  static void XMLCALL Start(void* self, const XML_Char* name,
                            const XML_Char**) {
    static_cast<BodyCollector*>(self)->OnStart(WordName(name));
  }
  static void XMLCALL End(void* self, const XML_Char* name) {
    static_cast<BodyCollector*>(self)->OnEnd(WordName(name));
  }
  static void XMLCALL Text(void* self, const XML_Char* text, int length) {
    auto* collector = static_cast<BodyCollector*>(self);
    if (collector->in_text_ > 0) collector->paragraph_.append(text, length);
  }

  std::string TakeText() { return std::move(text_); }

 private:
  // The local name of an element of the WordprocessingML namespace, or
  // empty for any other element.
  static absl::string_view WordName(const XML_Char* name) {
    absl::string_view full(name);
    if (full.substr(0, kWordNamespace.size()) != kWordNamespace) return {};
    return full.substr(kWordNamespace.size());
  }

  void OnStart(absl::string_view name) {
    if (name == "t") ++in_text_;
    if (name == "tab") paragraph_ += '\t';
    if (name == "br" || name == "cr") paragraph_ += '\n';
  }

  void OnEnd(absl::string_view name) {
    if (name == "t" && in_text_ > 0) --in_text_;
    if (name != "p") return;
    if (paragraph_.find_first_not_of(" \t\n") != std::string::npos) {
      if (!text_.empty()) text_ += "\n\n";
      text_ += paragraph_;
    }
    paragraph_.clear();
  }

  int in_text_ = 0;
  std::string paragraph_;
  std::string text_;
};

absl::StatusOr<std::string> ParseBody(const std::string& xml) {
  std::unique_ptr<XML_ParserStruct, ParserFreer> parser(
      XML_ParserCreateNS(nullptr, ' '));
  if (parser == nullptr) return absl::ResourceExhaustedError("out of memory");
  BodyCollector collector;
  XML_SetUserData(parser.get(), &collector);
  XML_SetElementHandler(parser.get(), &BodyCollector::Start,
                        &BodyCollector::End);
  XML_SetCharacterDataHandler(parser.get(), &BodyCollector::Text);
  if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()),
                XML_TRUE) != XML_STATUS_OK) {
    return absl::InvalidArgumentError(
        absl::StrCat("damaged .docx: word/document.xml line ",
                     XML_GetCurrentLineNumber(parser.get()), ": ",
                     XML_ErrorString(XML_GetErrorCode(parser.get()))));
  }
  return collector.TakeText();
}

}  // namespace

absl::StatusOr<std::string> ReadDocxText(const std::string& path) {
  absl::StatusOr<ZipArchive> archive = OpenPath(path);
  if (!archive.ok()) return archive.status();
  absl::StatusOr<std::string> xml = ReadDocumentXml(*std::move(archive));
  if (!xml.ok()) return xml.status();
  return ParseBody(*xml);
}

absl::StatusOr<std::string> ReadDocxBytes(absl::string_view bytes) {
  absl::StatusOr<ZipArchive> archive = OpenBytes(bytes);
  if (!archive.ok()) return archive.status();
  absl::StatusOr<std::string> xml = ReadDocumentXml(*std::move(archive));
  if (!xml.ok()) return xml.status();
  return ParseBody(*xml);
}

}  // namespace marginalia::client
