// Turns the document model and the analysers' result into the report
// message: statistics, metrics, outline, citations, sources and findings.
#pragma once

#include <google/protobuf/repeated_ptr_field.h>

#include "marginalia/v1/report.pb.h"
#include "rubrics/analysis/analysis_result.h"
#include "rubrics/document/document.h"

namespace marginalia::rubrics {

marginalia::v1::Span ToProto(TextSpan span);
void SetSpan(TextSpan span, marginalia::v1::Span* proto);

// Orders findings for reading: whole-essay findings first, then by position,
// then by code, so the same essay always lists them the same way.
void SortFindings(
    google::protobuf::RepeatedPtrField<marginalia::v1::Finding>* findings);

// Removes the findings less sure than kMinConfidenceToRaise, keeping the
// order of the rest: a finding we are not sure of does more harm than one we
// omit. Runs before scoring, so the rubric never deducts for them.
void DropUnsureFindings(
    google::protobuf::RepeatedPtrField<marginalia::v1::Finding>* findings);

// Everything but the criteria: stats, metrics, title, sections, paragraphs,
// citations, sources, findings (moved out of `result`) and notes.
void FillReport(const Document& document, AnalysisResult& result,
                marginalia::v1::FeedbackReport* report);

}  // namespace marginalia::rubrics
