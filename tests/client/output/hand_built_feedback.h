// A feedback response built by hand over a short essay, with findings that
// nest, overlap, cross a paragraph break and touch multi-byte characters,
// for testing the renderers without depending on the engine's analysers.
#pragma once

#include <string>

#include "marginalia/v1/submission.pb.h"

namespace marginalia::testing {

// The essay the hand-built report points into.
inline const std::string& HandBuiltEssay() {
  static const std::string* text = new std::string(
      "Printing and the Reformation\n\n"
      "Luther\xE2\x80\x99s tracts \"made up a third of all printing\" "
      "(Edwards 1994). Printers <b>profited</b> & readers multiplied.\n\n"
      "Cheap print reached small towns.\n");
  return *text;
}

// The byte span of the first occurrence of `needle` in HandBuiltEssay().
inline marginalia::v1::Span SpanOf(const std::string& needle) {
  marginalia::v1::Span span;
  std::size_t at = HandBuiltEssay().find(needle);
  span.set_begin(static_cast<uint32_t>(at));
  span.set_end(static_cast<uint32_t>(at + needle.size()));
  return span;
}

inline marginalia::v1::GetFeedbackResponse HandBuiltFeedback() {
  namespace v1 = ::marginalia::v1;
  v1::GetFeedbackResponse feedback;
  v1::Submission* s = feedback.mutable_submission();
  s->set_id("sub_handbuilt");
  s->set_author("ada <lovelace>");
  s->set_file_name("ada.txt");
  s->set_draft(1);
  v1::FeedbackReport* r = feedback.mutable_report();
  r->set_title("Printing and the Reformation");
  r->set_rubric_name("History essay");
  r->set_total_score(11.5);
  r->set_max_score(20);
  v1::CriterionScore* c = r->add_criteria();
  c->set_id("evidence");
  c->set_name("Evidence");
  c->set_score(5.5);
  c->set_max_score(10);
  c->set_level_descriptor("Some claims are supported");
  c->set_rationale("One quotation lacks a page number.");
  v1::Finding* quote = r->add_findings();
  quote->set_code("citation.quote_without_page");
  quote->set_severity(v1::SEVERITY_WARNING);
  quote->set_message("This quotation has no page number.");
  quote->set_suggestion("Add the page: (Edwards, 1994, p. 17)");
  *quote->mutable_span() =
      SpanOf("\"made up a third of all printing\" (Edwards 1994)");
  v1::Finding* style = r->add_findings();
  style->set_code("citation.nonstandard_style");
  style->set_severity(v1::SEVERITY_INFO);
  style->set_message("Write the citation as (Edwards, 1994).");
  *style->mutable_span() = SpanOf("(Edwards 1994)");
  v1::Finding* apostrophe = r->add_findings();
  apostrophe->set_code("style.possessive");
  apostrophe->set_severity(v1::SEVERITY_ERROR);
  apostrophe->set_message("Check the <possessive>.");
  // Starts inside the multi-byte apostrophe: must not split it.
  v1::Span inside = SpanOf("Luther\xE2\x80\x99s");
  inside.set_end(inside.end() - 2);
  *apostrophe->mutable_span() = inside;
  v1::Finding* whole = r->add_findings();
  whole->set_code("structure.no_references");
  whole->set_severity(v1::SEVERITY_WARNING);
  whole->set_message("The essay has no reference list.");
  whole->set_paragraph(-1);
  v1::Finding* across = r->add_findings();
  across->set_code("flow.abrupt_transition");
  across->set_severity(v1::SEVERITY_INFO);
  across->set_message("The move to the next paragraph is abrupt.");
  v1::Span span = SpanOf("readers multiplied.");
  span.set_end(SpanOf("Cheap print").end());
  *across->mutable_span() = span;
  v1::Comment* comment = feedback.add_comments();
  comment->set_author("tutor");
  comment->set_body("Good use of a primary source.");
  *comment->mutable_anchor()->mutable_span() = SpanOf("Printers");
  feedback.set_released(true);
  return feedback;
}

}  // namespace marginalia::testing
