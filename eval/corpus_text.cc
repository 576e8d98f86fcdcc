#include "eval/corpus_text.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "eval/tei_text.h"
#include "rubrics/document/normalize.h"

namespace marginalia::eval {

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

absl::StatusOr<std::string> LoadEssayText(absl::string_view corpora_dir,
                                          absl::string_view path) {
  absl::StatusOr<std::string> raw =
      ReadWholeFile(absl::StrCat(corpora_dir, "/", path));
  if (!raw.ok()) return raw.status();
  if (absl::EndsWith(path, ".xml")) {
    raw = RenderTeiText(*raw);
    if (!raw.ok()) return raw.status();
  }
  return rubrics::NormalizeEssayText(*raw);
}

}  // namespace marginalia::eval
