// Fills the parts of a FeedbackReport that come straight from the document
// model: statistics, title, paragraph outline and headed sections.
#pragma once

#include "marginalia/v1/report.pb.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

marginalia::v1::TextStats BuildStats(const Document& document);

// One ParagraphOutline per block, with kind, span and counts. Roles are left
// unspecified; the structure analyser sets them.
void AddParagraphOutline(const Document& document,
                         marginalia::v1::FeedbackReport* report);

marginalia::v1::Span ToProto(TextSpan span);

}  // namespace marginalia::rubrics
