#include "eval/tei_text.h"

#include <expat.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace marginalia::eval {
namespace {

// Superscript digits, so that the engine reads footnote pointers as markers.
std::string Superscript(absl::string_view digits) {
  static const char* const kDigits[] = {"⁰", "¹", "²", "³", "⁴",
                                        "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : digits) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      out += kDigits[c - '0'];
    }
  }
  return out;
}

std::string DigitsOf(absl::string_view s) {
  std::string out;
  for (char c : s) {
    if (absl::ascii_isdigit(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

const char* Attribute(const XML_Char** attrs, const char* name) {
  for (int i = 0; attrs[i] != nullptr; i += 2) {
    if (std::strcmp(attrs[i], name) == 0) return attrs[i + 1];
  }
  return "";
}

bool IsQuoteLike(absl::string_view type) {
  return type == "quote" || type == "soCalled" || type == "title" ||
         type == "qutoe" || type == "quuote";
}

// Collects blocks (headings, paragraphs, notes) while expat walks the tree.
class Renderer {
 public:
  void Start(absl::string_view tag, const XML_Char** attrs) {
    if (tag == "text") in_text_ = true;
    if (!in_text_) return;
    if (tag == "div") {
      absl::string_view type = Attribute(attrs, "type");
      div_types_.emplace_back(type);
      return;
    }
    if (tag == "note") {
      FlushBlock();
      in_note_ = true;
      note_number_ = DigitsOf(Attribute(attrs, "id"));
      return;
    }
    if (tag == "head" || tag == "p" || tag == "item" || tag == "bibl") {
      if (!in_note_) FlushBlock();
      if (tag == "bibl" && !in_note_) in_bibliography_ = true;
      if (tag == "head" && !in_note_) in_head_ = true;
      return;
    }
    if (tag == "q" || tag == "i") {
      bool quoted = tag == "q" && (IsQuoteLike(Attribute(attrs, "type")) ||
                                   *Attribute(attrs, "rend") != '\0');
      quote_stack_.push_back(quoted);
      if (quoted) Append("“");
      return;
    }
    if (tag == "ptr" &&
        absl::string_view(Attribute(attrs, "type")) == "footnote") {
      std::string marker = Superscript(DigitsOf(Attribute(attrs, "target")));
      // A marker sits against the word before it.
      while (!block_.empty() && block_.back() == ' ') block_.pop_back();
      block_ += marker;
      pending_space_ = false;
    }
  }

  void End(absl::string_view tag) {
    if (!in_text_) return;
    if (tag == "text") {
      FlushBlock();
      in_text_ = false;
    } else if (tag == "div") {
      if (!div_types_.empty()) div_types_.pop_back();
    } else if (tag == "note") {
      FlushNote();
      in_note_ = false;
    } else if (tag == "q" || tag == "i") {
      if (!quote_stack_.empty()) {
        if (quote_stack_.back()) {
          while (!block_.empty() && block_.back() == ' ') block_.pop_back();
          block_ += "”";
        }
        quote_stack_.pop_back();
      }
    } else if (!in_note_ && (tag == "head" || tag == "p" || tag == "item" ||
                             tag == "bibl")) {
      FlushBlock();
      in_head_ = false;
    }
  }

  void Text(absl::string_view text) {
    if (!in_text_) return;
    for (char c : text) {
      if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
        pending_space_ = true;
      } else {
        AppendChar(c);
      }
    }
  }

  std::string Finish() {
    FlushBlock();
    std::string out;
    for (const std::string& block : blocks_)
      absl::StrAppend(&out, block, "\n\n");
    if (!notes_.empty()) {
      absl::StrAppend(&out, "## Notes\n\n");
      for (const std::string& note : notes_)
        absl::StrAppend(&out, note, "\n\n");
    }
    while (absl::EndsWith(out, "\n\n")) out.pop_back();
    return out;
  }

 private:
  void Append(absl::string_view s) {
    for (char c : s) AppendChar(c);
  }
  void AppendChar(char c) {
    if (pending_space_ && !block_.empty() && block_.back() != ' ' &&
        !absl::EndsWith(block_, "“")) {
      block_ += ' ';
    }
    pending_space_ = false;
    block_ += c;
  }
  bool InDiv(absl::string_view type) const {
    for (const std::string& t : div_types_) {
      if (absl::StrContains(absl::AsciiStrToLower(t), type)) {
        return true;
      }
    }
    return false;
  }
  void FlushBlock() {
    if (in_note_) return;
    std::string text(absl::StripAsciiWhitespace(block_));
    block_.clear();
    pending_space_ = false;
    if (text.empty()) return;
    if (in_head_) {
      const char* level = InDiv("opener") && !seen_title_ ? "# " : "## ";
      if (InDiv("opener")) seen_title_ = true;
      text = absl::StrCat(level, text);
    }
    if (in_head_ && InDiv("bibliography")) seen_bibliography_heading_ = true;
    if (!in_head_ && in_bibliography_ && !seen_bibliography_heading_) {
      blocks_.push_back("## Bibliography");
      seen_bibliography_heading_ = true;
    }
    in_bibliography_ = false;
    blocks_.push_back(std::move(text));
  }
  void FlushNote() {
    std::string text(absl::StripAsciiWhitespace(block_));
    block_.clear();
    pending_space_ = false;
    // MICUSP notes begin with their number; write it as "N." once.
    if (!note_number_.empty() && absl::StartsWith(text, note_number_)) {
      text = std::string(absl::StripLeadingAsciiWhitespace(
          absl::string_view(text).substr(note_number_.size())));
      if (!text.empty() && (text[0] == '.' || text[0] == ')')) {
        text = std::string(absl::StripLeadingAsciiWhitespace(
            absl::string_view(text).substr(1)));
      }
    }
    if (text.empty()) return;
    notes_.push_back(absl::StrCat(note_number_.empty() ? "" : note_number_,
                                  note_number_.empty() ? "" : ". ", text));
  }

  bool in_text_ = false;
  bool in_note_ = false;
  bool in_head_ = false;
  bool in_bibliography_ = false;
  bool seen_title_ = false;
  bool seen_bibliography_heading_ = false;
  bool pending_space_ = false;
  std::string note_number_;
  std::string block_;
  std::vector<std::string> div_types_;
  std::vector<bool> quote_stack_;
  std::vector<std::string> blocks_;
  std::vector<std::string> notes_;
};

void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char** attrs) {
  static_cast<Renderer*>(data)->Start(name, attrs);
}
void XMLCALL OnEnd(void* data, const XML_Char* name) {
  static_cast<Renderer*>(data)->End(name);
}
void XMLCALL OnText(void* data, const XML_Char* text, int length) {
  static_cast<Renderer*>(data)->Text(absl::string_view(text, length));
}

}  // namespace

absl::StatusOr<std::string> RenderTeiText(absl::string_view xml) {
  std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(
      XML_ParserCreate("UTF-8"), XML_ParserFree);
  Renderer renderer;
  XML_SetUserData(parser.get(), &renderer);
  XML_SetElementHandler(parser.get(), OnStart, OnEnd);
  XML_SetCharacterDataHandler(parser.get(), OnText);
  if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()),
                XML_TRUE) != XML_STATUS_OK) {
    return absl::InvalidArgumentError(
        absl::StrCat("TEI document is not well-formed XML at line ",
                     XML_GetCurrentLineNumber(parser.get()), ": ",
                     XML_ErrorString(XML_GetErrorCode(parser.get()))));
  }
  return renderer.Finish();
}

}  // namespace marginalia::eval
