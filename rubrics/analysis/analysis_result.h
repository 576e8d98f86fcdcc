// Accumulates what the analysers find about one document, in the order they
// run: findings, metrics, citations and sources, the outline. Single-use and
// single-threaded (one per scored essay).
#pragma once

#include <google/protobuf/repeated_ptr_field.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "marginalia/v1/report.pb.h"
#include "rubrics/analysis/analysis_types.h"
#include "rubrics/analysis/finding_codes.h"

namespace marginalia::rubrics {

class AnalysisResult {
 public:
  // At most this many findings of one code are kept; the rest are counted
  // and reported in a note, so pathological input cannot flood a report.
  static constexpr int kMaxFindingsPerCode = 200;

  // Records a finding of a built-in code, with the catalogue's severity
  // and base confidence.
  void AddFinding(FindingCode code, TextSpan span, int paragraph,
                  std::string message, std::string suggestion);
  // Records a finding of one of the rubric's own pattern checks, whose code
  // and severity are the rubric's; its confidence is 1 (a literal match).
  void AddRubricFinding(absl::string_view code, TextSpan span, int paragraph,
                        std::string message, std::string suggestion,
                        marginalia::v1::Severity severity);
  // The finding just added, to attach related spans. After a finding was
  // dropped by the cap, a scratch finding that is thrown away.
  marginalia::v1::Finding& last_finding() {
    return last_dropped_ ? scratch_ : *findings_.Mutable(findings_.size() - 1);
  }
  // Sets the confidence of the finding just added (see Finding.confidence).
  void SetLastConfidence(double confidence) {
    last_finding().set_confidence(confidence);
  }
  // A question for the reader where the engine is unsure and stays silent
  // ("We could not read the citation after this quotation; ..."). Each
  // distinct question is kept once, in the order first asked.
  void AddQuestion(std::string question);
  const std::vector<std::string>& questions() const { return questions_; }

  // Codes whose findings were capped, with how many were dropped.
  const std::map<std::string, int>& dropped() const { return dropped_; }

  // `name` must outlive the result: a string literal, as every analyser
  // passes.
  void SetMetric(absl::string_view name, double value);
  double Metric(absl::string_view name, double fallback = 0) const;
  // The metric's value, or null when no analyser set it.
  const double* FindMetric(absl::string_view name) const;

  // A repeated field rather than a vector: the engine sorts and filters
  // the findings by pointer and hands them to the report with a swap.
  const google::protobuf::RepeatedPtrField<marginalia::v1::Finding>& findings()
      const {
    return findings_;
  }
  google::protobuf::RepeatedPtrField<marginalia::v1::Finding>*
  mutable_findings() {
    return &findings_;
  }
  // Sorted by name. A sorted vector rather than a map: a few dozen
  // metrics, set once each, without a node allocation apiece.
  const std::vector<std::pair<absl::string_view, double>>& metrics() const {
    return metrics_;
  }

  // Shared between analysers.
  std::vector<CitationRecord> citations;
  std::vector<ReferenceRecord> references;
  std::vector<SourceRecord> sources;
  // The heading of the reference list, or -1; its entries' paragraphs,
  // which include those of a Notes section (under `notes_heading`, or -1).
  int reference_heading = -1;
  int notes_heading = -1;
  std::vector<int> reference_paragraphs;
  bool has_reference_list() const { return !reference_paragraphs.empty(); }

  // One role per document paragraph, and the sections they form.
  std::vector<ParagraphRole> roles;
  std::vector<SectionRecord> sections;
  // Sentence indices of the thesis and roadmap, or -1.
  int thesis_sentence = -1;
  int roadmap_sentence = -1;

 private:
  void Add(absl::string_view code, TextSpan span, int paragraph,
           std::string message, std::string suggestion,
           marginalia::v1::Severity severity, double confidence);

  google::protobuf::RepeatedPtrField<marginalia::v1::Finding> findings_;
  std::vector<std::pair<absl::string_view, double>> metrics_;
  std::map<std::string, int, std::less<>> per_code_;
  std::map<std::string, int> dropped_;
  marginalia::v1::Finding scratch_;
  std::vector<std::string> questions_;
  bool last_dropped_ = false;
};

}  // namespace marginalia::rubrics
