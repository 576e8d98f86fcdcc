// Renders a MICUSP TEI paper as the Markdown a student would have submitted,
// so that the engine can read it and gold offsets can point into it.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace marginalia::eval {

// Renders the <text> of a TEI document: the opener's heading as "# title",
// other headings as "## heading", paragraphs and list items separated by
// blank lines, <q> quotations and so-called words in curly quotes, footnote
// pointers as superscript numbers, the footnotes under "## Notes" as "N.
// text", and bibliography entries one per paragraph under their heading.
// Omitted figures, tables and formulas (<gap/>) leave nothing. White space
// runs collapse to one space. Deterministic; linear in the input.
// Returns INVALID_ARGUMENT when the XML is not well formed.
absl::StatusOr<std::string> RenderTeiText(absl::string_view xml);

}  // namespace marginalia::eval
