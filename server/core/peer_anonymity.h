// Keeps peer review anonymous in the essay text itself: a Markdown essay's
// front matter may name its author ("author: Ada Lovelace"), which the
// reviewer must not read. Pure; thread-safe.
#pragma once

#include <string>

namespace marginalia::server {

// `text` with the values of the author, authors, name, student, student_id
// and email fields of its YAML front matter (a first line "---" up to the
// next "---" or "..." line) replaced by spaces, including indented
// continuation lines such as list items. Every other byte is kept, so byte
// offsets (comment anchors, finding spans) stay valid. Text without front
// matter is returned unchanged.
std::string BlankFrontMatterIdentity(std::string text);

}  // namespace marginalia::server
