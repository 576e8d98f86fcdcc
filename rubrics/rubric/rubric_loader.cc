#include "rubrics/rubric/rubric_loader.h"

#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/text_format.h>

#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "rubrics/document/unicode.h"
#include "rubrics/rubric/rubric_checks.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;
using google::protobuf::TextFormat;

// Collects the parser's syntax errors as "file:line: message".
class SyntaxErrors : public google::protobuf::io::ErrorCollector {
 public:
  SyntaxErrors(absl::string_view file, std::vector<std::string>* errors)
      : file_(file), errors_(errors) {}

  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    errors_->push_back(
        absl::StrCat(file_, ":", line + 1, ":", column + 1, ": ", message));
  }

 private:
  std::string file_;
  std::vector<std::string>* errors_;
};

}  // namespace

double CompiledRubric::MaxScore() const {
  double total = 0;
  for (const v1::Criterion& criterion : rubric_.criteria()) {
    total += criterion.max_score();
  }
  return total;
}

RubricValidation ValidateRubricText(absl::string_view text,
                                    absl::string_view file_name, int version) {
  RubricValidation result;
  std::size_t bad_byte = 0;
  if (!IsValidUtf8(text, &bad_byte)) {
    result.errors.push_back(
        absl::StrCat(file_name, ": not valid UTF-8 (ill-formed byte at offset ",
                     bad_byte, ")"));
    return result;
  }
  v1::Rubric rubric;
  TextFormat::ParseInfoTree tree;
  SyntaxErrors collector(file_name, &result.errors);
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&collector);
  parser.WriteLocationsTo(&tree);
  if (!parser.ParseFromString(std::string(text), &rubric)) {
    if (result.errors.empty()) {
      result.errors.push_back(absl::StrCat(file_name, ": could not parse"));
    }
    return result;
  }
  if (version > 0) rubric.set_version(version);
  return CheckRubric(std::move(rubric), file_name, &tree, text);
}

RubricValidation ValidateRubric(const v1::Rubric& rubric,
                                absl::string_view name) {
  return CheckRubric(rubric, name, nullptr, "");
}

absl::StatusOr<std::shared_ptr<const CompiledRubric>> LoadRubricText(
    absl::string_view text, absl::string_view file_name, int version) {
  RubricValidation validation = ValidateRubricText(text, file_name, version);
  if (!validation.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid rubric:\n", absl::StrJoin(validation.errors, "\n")));
  }
  return validation.rubric;
}

absl::StatusOr<std::shared_ptr<const CompiledRubric>> LoadRubricFile(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read rubric file ", path));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return LoadRubricText(buffer.str(), path);
}

std::string RubricToText(const v1::Rubric& rubric) {
  std::string text;
  TextFormat::Printer printer;
  printer.SetUseUtf8StringEscaping(true);
  printer.PrintToString(rubric, &text);
  return text;
}

}  // namespace marginalia::rubrics
