#include "rubrics/engine/report_builder.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

v1::ParagraphKind ToProto(BlockKind kind) {
  switch (kind) {
    case BlockKind::kTitle:
      return v1::PARAGRAPH_KIND_TITLE;
    case BlockKind::kHeading:
      return v1::PARAGRAPH_KIND_HEADING;
    case BlockKind::kProse:
      return v1::PARAGRAPH_KIND_PROSE;
    case BlockKind::kListItem:
      return v1::PARAGRAPH_KIND_LIST_ITEM;
  }
  return v1::PARAGRAPH_KIND_UNSPECIFIED;
}

v1::TextStats BuildStats(const Document& document,
                         const AnalysisResult& result) {
  const TextStatistics& s = document.stats();
  v1::TextStats stats;
  stats.set_characters(static_cast<int32_t>(s.characters));
  stats.set_bytes(static_cast<int32_t>(s.bytes));
  stats.set_words(static_cast<int32_t>(s.words));
  stats.set_sentences(static_cast<int32_t>(s.sentences));
  stats.set_paragraphs(static_cast<int32_t>(s.paragraphs));
  stats.set_headings(static_cast<int32_t>(s.headings));
  stats.set_mean_sentence_words(s.mean_sentence_words);
  stats.set_mean_paragraph_words(s.mean_paragraph_words);
  stats.set_readability_grade(s.readability_grade);
  stats.set_quotations(static_cast<int32_t>(document.quotations().size()));
  stats.set_parentheticals(
      static_cast<int32_t>(document.parentheticals().size()));
  stats.set_citations(static_cast<int32_t>(result.citations.size()));
  int cited = 0;
  for (const SourceRecord& source : result.sources) {
    if (source.citations > 0 || source.reference >= 0) ++cited;
  }
  stats.set_sources(cited);
  return stats;
}

void AddOutline(const Document& document, const AnalysisResult& result,
                v1::FeedbackReport* report) {
  const auto& paragraphs = document.paragraphs();
  if (document.title_paragraph() >= 0) {
    report->set_title(std::string(
        document.Slice(paragraphs[document.title_paragraph()].span)));
  }
  std::vector<int> citations(paragraphs.size(), 0);
  for (const CitationRecord& c : result.citations) {
    if (c.paragraph >= 0) ++citations[c.paragraph];
  }
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    v1::ParagraphOutline* outline = report->add_paragraphs();
    outline->set_index(static_cast<int32_t>(i));
    outline->set_kind(ToProto(p.kind));
    if (i < result.roles.size()) {
      outline->set_role(result.roles[i].role);
      outline->set_confidence(result.roles[i].confidence);
    }
    *outline->mutable_span() = ToProto(p.span);
    outline->set_sentences(static_cast<int32_t>(p.sentences.size()));
    outline->set_words(static_cast<int32_t>(p.words.size()));
    outline->set_citations(citations[i]);
    outline->set_quotations(static_cast<int32_t>(p.quotations.size()));
  }
  if (result.thesis_sentence >= 0) {
    *report->mutable_thesis() =
        ToProto(document.sentences()[result.thesis_sentence].span);
  }
  if (result.roadmap_sentence >= 0) {
    *report->mutable_roadmap() =
        ToProto(document.sentences()[result.roadmap_sentence].span);
  }
  for (const SectionRecord& s : result.sections) {
    v1::Section* section = report->add_sections();
    section->set_role(s.role);
    if (s.heading >= 0) {
      section->set_heading(
          std::string(document.Slice(paragraphs[s.heading].span)));
      *section->mutable_heading_span() = ToProto(paragraphs[s.heading].span);
    }
    section->set_first_paragraph(s.first);
    section->set_last_paragraph(s.last);
    section->set_confidence(s.confidence);
  }
}

void AddCitations(const Document& document, const AnalysisResult& result,
                  v1::FeedbackReport* report) {
  int total = 0;
  for (const SourceRecord& s : result.sources) total += s.citations;
  for (const CitationRecord& c : result.citations) {
    v1::Citation* citation = report->add_citations();
    *citation->mutable_span() = ToProto(c.span);
    citation->set_text(std::string(document.Slice(c.span)));
    citation->set_kind(c.kind);
    citation->set_style(c.style);
    for (const std::string& author : c.authors) citation->add_authors(author);
    citation->set_et_al(c.et_al);
    citation->set_year(c.year);
    citation->set_locator(c.locator);
    citation->set_source(c.source);
    citation->set_paragraph(c.paragraph);
    for (int n : c.numbers) citation->add_numbers(n);
    citation->set_corrected(c.corrected);
  }
  for (const SourceRecord& s : result.sources) {
    v1::Source* source = report->add_sources();
    source->set_key(s.key);
    for (const std::string& author : s.authors) source->add_authors(author);
    source->set_year(s.year);
    source->set_title(s.title);
    source->set_citation_count(s.citations);
    source->set_citation_share(
        total == 0 ? 0 : static_cast<double>(s.citations) / total);
    source->set_in_reference_list(s.reference >= 0);
    if (s.reference >= 0) {
      const ReferenceRecord& ref = result.references[s.reference];
      *source->mutable_reference_span() = ToProto(ref.span);
      source->set_reference_style(ref.style);
    }
  }
}

void AddMetrics(const Document& document, const AnalysisResult& result,
                v1::FeedbackReport* report) {
  const TextStatistics& s = document.stats();
  std::map<absl::string_view, double> metrics = result.metrics();
  metrics["text.words"] = s.words;
  metrics["text.mean_sentence_words"] = s.mean_sentence_words;
  metrics["text.readability_grade"] = s.readability_grade;
  for (const auto& [name, value] : metrics) {
    v1::Metric* metric = report->add_metrics();
    metric->set_name(std::string(name));
    metric->set_value(value);
  }
}

}  // namespace

v1::Span ToProto(TextSpan span) {
  v1::Span proto;
  proto.set_begin(span.begin);
  proto.set_end(span.end);
  return proto;
}

void SortFindings(std::vector<v1::Finding>* findings) {
  std::stable_sort(findings->begin(), findings->end(),
                   [](const v1::Finding& a, const v1::Finding& b) {
                     bool a_whole = a.paragraph() < 0;
                     bool b_whole = b.paragraph() < 0;
                     if (a_whole != b_whole) return a_whole;
                     if (a.span().begin() != b.span().begin()) {
                       return a.span().begin() < b.span().begin();
                     }
                     if (a.span().end() != b.span().end()) {
                       return a.span().end() < b.span().end();
                     }
                     return a.code() < b.code();
                   });
}

void FillReport(const Document& document, AnalysisResult& result,
                v1::FeedbackReport* report) {
  *report->mutable_stats() = BuildStats(document, result);
  AddMetrics(document, result, report);
  AddOutline(document, result, report);
  AddCitations(document, result, report);
  for (v1::Finding& finding : result.mutable_findings()) {
    *report->add_findings() = std::move(finding);
  }
  for (const auto& [code, count] : result.dropped()) {
    report->add_notes(absl::StrCat(
        "Only the first ", AnalysisResult::kMaxFindingsPerCode, " ", code,
        " findings are listed; ", count, " more were found."));
  }
  if (document.stats().paragraphs == 0) {
    report->add_notes(
        "The text has no prose paragraphs, so there was "
        "nothing to analyse.");
  }
}

}  // namespace marginalia::rubrics
