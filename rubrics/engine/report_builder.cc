#include "rubrics/engine/report_builder.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/analysis/finding_catalog.h"

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

void FillStats(const Document& document, const AnalysisResult& result,
               v1::TextStats* out) {
  const TextStatistics& s = document.stats();
  v1::TextStats& stats = *out;
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
  report->mutable_paragraphs()->Reserve(static_cast<int>(paragraphs.size()));
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    v1::ParagraphOutline* outline = report->add_paragraphs();
    outline->set_index(static_cast<int32_t>(i));
    outline->set_kind(ToProto(p.kind));
    if (i < result.roles.size()) {
      outline->set_role(result.roles[i].role);
      outline->set_confidence(result.roles[i].confidence);
    }
    SetSpan(p.span, outline->mutable_span());
    outline->set_sentences(static_cast<int32_t>(p.sentences.size()));
    outline->set_words(static_cast<int32_t>(p.words.size()));
    outline->set_citations(citations[i]);
    outline->set_quotations(static_cast<int32_t>(p.quotations.size()));
  }
  if (result.thesis_sentence >= 0) {
    SetSpan(document.sentences()[result.thesis_sentence].span,
            report->mutable_thesis());
  }
  if (result.roadmap_sentence >= 0) {
    SetSpan(document.sentences()[result.roadmap_sentence].span,
            report->mutable_roadmap());
  }
  for (const SectionRecord& s : result.sections) {
    v1::Section* section = report->add_sections();
    section->set_role(s.role);
    if (s.heading >= 0) {
      section->set_heading(
          std::string(document.Slice(paragraphs[s.heading].span)));
      SetSpan(paragraphs[s.heading].span, section->mutable_heading_span());
    }
    section->set_first_paragraph(s.first);
    section->set_last_paragraph(s.last);
    section->set_confidence(s.confidence);
  }
}

// Strings move from the result into the report (FillReport is its last
// reader), and empty ones are left unset: proto3 strings have no presence,
// so the message is the same, without an allocation per empty field.
void AddCitations(const Document& document, AnalysisResult& result,
                  v1::FeedbackReport* report) {
  int total = 0;
  for (const SourceRecord& s : result.sources) total += s.citations;
  report->mutable_citations()->Reserve(
      static_cast<int>(result.citations.size()));
  for (CitationRecord& c : result.citations) {
    v1::Citation* citation = report->add_citations();
    SetSpan(c.span, citation->mutable_span());
    citation->set_text(std::string(document.Slice(c.span)));
    citation->set_kind(c.kind);
    citation->set_style(c.style);
    for (std::string& author : c.authors) {
      citation->add_authors(std::move(author));
    }
    citation->set_et_al(c.et_al);
    if (!c.year.empty()) citation->set_year(std::move(c.year));
    if (!c.locator.empty()) citation->set_locator(std::move(c.locator));
    citation->set_source(c.source);
    citation->set_paragraph(c.paragraph);
    for (int n : c.numbers) citation->add_numbers(n);
    if (!c.corrected.empty()) citation->set_corrected(std::move(c.corrected));
  }
  report->mutable_sources()->Reserve(static_cast<int>(result.sources.size()));
  for (SourceRecord& s : result.sources) {
    v1::Source* source = report->add_sources();
    if (!s.key.empty()) source->set_key(std::move(s.key));
    // A name we could not read is left out rather than printed garbled.
    if (!s.authors.empty() && LooksLikeAuthorName(s.authors[0])) {
      for (std::string& author : s.authors) {
        source->add_authors(std::move(author));
      }
    }
    if (!s.year.empty()) source->set_year(std::move(s.year));
    if (!s.title.empty()) source->set_title(std::move(s.title));
    source->set_citation_count(s.citations);
    source->set_citation_share(
        total == 0 ? 0 : static_cast<double>(s.citations) / total);
    source->set_in_reference_list(s.reference >= 0);
    if (s.reference >= 0) {
      const ReferenceRecord& ref = result.references[s.reference];
      SetSpan(ref.span, source->mutable_reference_span());
      source->set_reference_style(ref.style);
    }
  }
}

// The analysers' metrics and the text statistics, merged in name order
// (the statistics win a tie).
void AddMetrics(const Document& document, const AnalysisResult& result,
                v1::FeedbackReport* report) {
  const TextStatistics& s = document.stats();
  // Sorted by name.
  const std::pair<absl::string_view, double> text_metrics[] = {
      {"text.mean_sentence_words", s.mean_sentence_words},
      {"text.readability_grade", s.readability_grade},
      {"text.words", s.words},
  };
  const auto& metrics = result.metrics();
  report->mutable_metrics()->Reserve(static_cast<int>(metrics.size() + 3));
  auto add = [report](absl::string_view name, double value) {
    v1::Metric* metric = report->add_metrics();
    metric->set_name(std::string(name));
    metric->set_value(value);
  };
  auto it = metrics.begin();
  for (const auto& [name, value] : text_metrics) {
    for (; it != metrics.end() && it->first < name; ++it) {
      add(it->first, it->second);
    }
    if (it != metrics.end() && it->first == name) ++it;
    add(name, value);
  }
  for (; it != metrics.end(); ++it) add(it->first, it->second);
}

}  // namespace

v1::Span ToProto(TextSpan span) {
  v1::Span proto;
  SetSpan(span, &proto);
  return proto;
}

void SetSpan(TextSpan span, v1::Span* proto) {
  proto->set_begin(span.begin);
  proto->set_end(span.end);
}

void SortFindings(google::protobuf::RepeatedPtrField<v1::Finding>* findings) {
  // Sorting the pointers moves no message.
  std::stable_sort(findings->pointer_begin(), findings->pointer_end(),
                   [](const v1::Finding* a, const v1::Finding* b) {
                     bool a_whole = a->paragraph() < 0;
                     bool b_whole = b->paragraph() < 0;
                     if (a_whole != b_whole) return a_whole;
                     if (a->span().begin() != b->span().begin()) {
                       return a->span().begin() < b->span().begin();
                     }
                     if (a->span().end() != b->span().end()) {
                       return a->span().end() < b->span().end();
                     }
                     return a->code() < b->code();
                   });
}

void DropUnsureFindings(
    google::protobuf::RepeatedPtrField<v1::Finding>* findings) {
  int kept = 0;
  for (int i = 0; i < findings->size(); ++i) {
    if (findings->Get(i).confidence() < kMinConfidenceToRaise) continue;
    findings->SwapElements(i, kept++);
  }
  findings->DeleteSubrange(kept, findings->size() - kept);
}

void FillReport(const Document& document, AnalysisResult& result,
                v1::FeedbackReport* report) {
  FillStats(document, result, report->mutable_stats());
  AddMetrics(document, result, report);
  AddOutline(document, result, report);
  AddCitations(document, result, report);
  report->mutable_findings()->Swap(result.mutable_findings());
  for (const auto& [code, count] : result.dropped()) {
    report->add_notes(absl::StrCat(
        "Only the first ", AnalysisResult::kMaxFindingsPerCode, " ", code,
        " findings are listed; ", count, " more were found."));
  }
  for (const std::string& question : result.questions()) {
    report->add_notes(question);
  }
  if (document.stats().paragraphs == 0) {
    report->add_notes(
        "The text has no prose paragraphs, so there was "
        "nothing to analyse.");
  }
}

}  // namespace marginalia::rubrics
