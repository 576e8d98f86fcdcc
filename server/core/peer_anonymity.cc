#include "server/core/peer_anonymity.h"

#include <cstddef>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace marginalia::server {
namespace {

// Front matter keys that identify a person.
bool IsIdentityKey(absl::string_view key) {
  std::string lower = absl::AsciiStrToLower(absl::StripAsciiWhitespace(key));
  for (absl::string_view name :
       {"author", "authors", "name", "student", "student_id", "email"}) {
    if (lower == name) return true;
  }
  return false;
}

void Blank(std::string& text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    if (text[i] != '\n') text[i] = ' ';
  }
}

}  // namespace

std::string BlankFrontMatterIdentity(std::string text) {
  if (text.rfind("---\n", 0) != 0) return text;
  bool blanking = false;  // inside an identity field's continuation lines
  std::size_t line = 4;
  while (line < text.size()) {
    std::size_t end = text.find('\n', line);
    if (end == std::string::npos) end = text.size();
    absl::string_view content(text.data() + line, end - line);
    if (content == "---" || content == "...") break;
    bool indented =
        !content.empty() &&
        (content[0] == ' ' || content[0] == '\t' || content[0] == '-');
    if (blanking && indented) {
      Blank(text, line, end);
    } else {
      blanking = false;
      std::size_t colon = content.find(':');
      if (!indented && colon != absl::string_view::npos &&
          IsIdentityKey(content.substr(0, colon))) {
        Blank(text, line + colon + 1, end);
        blanking = true;
      }
    }
    line = end + 1;
  }
  return text;
}

}  // namespace marginalia::server
