#include "rubrics/analysis/structure/outline_analyzer.h"

#include <algorithm>
#include <map>

#include "absl/strings/match.h"
#include "rubrics/analysis/structure/discourse_markers.h"
#include "rubrics/analysis/structure/similarity.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

// A section of body prose under one heading (or under none).
struct BodySection {
  int heading = -1;
  std::vector<int> paragraphs;
};

// An introduction's closing sentence this long or longer may state its
// claim without a stance word.
constexpr uint32_t kMinClosingClaimWords = 8;
// An unheaded essay of at most this many prose paragraphs is read as a
// short (five-paragraph) essay.
constexpr std::size_t kMaxShortEssayParagraphs = 7;

class OutlineBuilder {
 public:
  OutlineBuilder(const AnalysisInput& input, AnalysisResult* result)
      : input_(input), doc_(input.document), result_(result) {}

  void Run() {
    const auto& paragraphs = doc_.paragraphs();
    result_->roles.assign(paragraphs.size(), ParagraphRole());
    std::vector<bool> reference(paragraphs.size(), false);
    for (int r : result_->reference_paragraphs) reference[r] = true;
    for (int heading : {result_->reference_heading, result_->notes_heading}) {
      if (heading >= 0) reference[heading] = true;
    }
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
      if (reference[i]) {
        Set(i, v1::SECTION_ROLE_REFERENCES, 0.9);
      } else if (paragraphs[i].kind == BlockKind::kTitle) {
        Set(i, v1::SECTION_ROLE_TITLE, 1.0);
      } else if (paragraphs[i].kind == BlockKind::kHeading) {
        headings_.push_back(static_cast<int>(i));
      } else if (paragraphs[i].block_quote) {
        block_quotes_.push_back(static_cast<int>(i));
      } else {
        prose_.push_back(static_cast<int>(i));
      }
    }
    if (prose_.empty()) return;
    FindIntroduction();
    FindConclusion();
    AssignBody();
    FindThesisAndRoadmap();
    // A block quotation belongs to the part of the essay that quotes it.
    for (int q : block_quotes_) {
      if (q > 0) result_->roles[q] = result_->roles[q - 1];
    }
    BuildSections();
  }

 private:
  void Set(std::size_t paragraph, v1::SectionRole role, double confidence) {
    result_->roles[paragraph] = ParagraphRole{role, confidence};
  }
  v1::SectionRole Role(int paragraph) const {
    return result_->roles[paragraph].role;
  }
  absl::string_view Text(int paragraph) const {
    return doc_.Slice(doc_.paragraphs()[paragraph].span);
  }
  IndexRange Words(int paragraph) const {
    return doc_.paragraphs()[paragraph].words;
  }
  // Prose paragraphs in (after, before), exclusive.
  std::vector<int> ProseBetween(int after, int before) const {
    std::vector<int> out;
    for (int p : prose_) {
      if (p > after && p < before) out.push_back(p);
    }
    return out;
  }
  int NextHeading(int after) const {
    for (int h : headings_) {
      if (h > after) return h;
    }
    return static_cast<int>(doc_.paragraphs().size());
  }
  bool HasThesisMarker(int paragraph) const {
    return input_.markers->Count(ThesisMarkers(), Words(paragraph)) > 0;
  }

  void FindIntroduction() {
    int first_heading = headings_.empty()
                            ? static_cast<int>(doc_.paragraphs().size())
                            : headings_[0];
    if (!headings_.empty() && HeadingHas(Text(headings_[0]), {"introduc"})) {
      intro_ = ProseBetween(headings_[0], NextHeading(headings_[0]));
      Set(headings_[0], v1::SECTION_ROLE_INTRODUCTION, 0.95);
    } else {
      std::vector<int> before = ProseBetween(-1, first_heading);
      if (!headings_.empty() && !before.empty() && before.size() <= 3) {
        intro_ = before;
      } else if (headings_.empty() &&
                 input_.markers->StartsWith(ContinuationOpeners(),
                                            Words(prose_[0]))) {
        // "Secondly, ..." carries on an argument begun elsewhere: the
        // essay has lost its introduction.
        return;
      } else {
        intro_.push_back(prose_[0]);
        if (prose_.size() >= 5 && !HasThesisMarker(prose_[0]) &&
            HasThesisMarker(prose_[1]) && prose_[1] < first_heading) {
          intro_.push_back(prose_[1]);
        }
      }
    }
    double confidence = headings_.empty() ? 0.7 : 0.9;
    for (int p : intro_) Set(p, v1::SECTION_ROLE_INTRODUCTION, confidence);
  }

  bool IsIntro(int p) const {
    return std::binary_search(intro_.begin(), intro_.end(), p);
  }

  void FindConclusion() {
    for (int h : headings_) {
      if (HeadingHas(Text(h), {"conclu", "summary", "final thought", "closing",
                               "concluding"})) {
        conclusion_ = ProseBetween(h, NextHeading(h));
        Set(h, v1::SECTION_ROLE_CONCLUSION, 0.95);
        MarkConclusion(0.95);
        return;
      }
    }
    std::vector<int> candidates;
    for (int p : prose_) {
      if (!IsIntro(p)) candidates.push_back(p);
    }
    if (candidates.empty()) return;
    // The last heading over the prose: an "Appendix" heading after the
    // last paragraph heads back matter, not the essay's closing section.
    int last_heading = -1;
    for (int h : headings_) {
      if (h < candidates.back()) last_heading = h;
    }
    // A wider gap than the essay's usual one, after the last heading. Only
    // where the essay spaces its paragraphs consistently (most of them
    // after the usual gap) does a wider one mark a break.
    std::map<int, int> gaps;
    for (int p : prose_) ++gaps[doc_.paragraphs()[p].blank_lines_before];
    auto [usual, usual_count] = *std::max_element(
        gaps.begin(), gaps.end(),
        [](const auto& a, const auto& b) { return a.second < b.second; });
    constexpr double kMinConsistentShare = 0.6;
    bool consistent = usual_count >= kMinConsistentShare * prose_.size();
    std::size_t window =
        consistent ? std::min<std::size_t>(4, candidates.size() - 1) : 0;
    for (std::size_t k = candidates.size() - window; k < candidates.size();
         ++k) {
      int p = candidates[k];
      if (p > last_heading && k > 0 &&
          doc_.paragraphs()[p].blank_lines_before > usual) {
        conclusion_.assign(candidates.begin() + k, candidates.end());
        MarkConclusion(0.8);
        return;
      }
    }
    // A paragraph near the end that opens like a conclusion.
    std::size_t look = std::min<std::size_t>(3, candidates.size());
    for (std::size_t k = candidates.size() - look; k < candidates.size(); ++k) {
      int p = candidates[k];
      if (p > last_heading &&
          input_.markers->StartsWith(ConclusionOpeners(), Words(p))) {
        conclusion_.assign(candidates.begin() + k, candidates.end());
        MarkConclusion(0.85);
        return;
      }
    }
    // The last paragraph concludes when it sums up or
    // returns to the introduction's terms more than any body paragraph
    // does, and does not open like one more body point ("Secondly").
    if (prose_.size() >= 3 && candidates.back() > last_heading) {
      int last = candidates.back();
      TermVector intro_terms;
      for (int p : intro_)
        intro_terms.Add(TermVector(input_.lexicon, Words(p)));
      // Without an opening paragraph, the title states what the essay
      // answers, and a conclusion returns to it.
      int title = doc_.title_paragraph();
      if ((intro_.empty() || !ReadsAsOpening(intro_.front())) && title >= 0) {
        intro_terms.Add(TermVector(input_.lexicon, Words(title)));
      }
      double overlap =
          intro_terms.CoveredBy(TermVector(input_.lexicon, Words(last)));
      double highest_other = 0;
      for (std::size_t k = 0; k + 1 < candidates.size(); ++k) {
        highest_other =
            std::max(highest_other, intro_terms.CoveredBy(TermVector(
                                        input_.lexicon, Words(candidates[k]))));
      }
      bool sums_up = input_.markers->Count(SummaryCues(), Words(last)) > 0;
      bool short_essay = IsShortUnheaded();
      bool more_body =
          input_.markers->StartsWith(BodyOpeners(), Words(last)) ||
          (short_essay &&
           input_.markers->StartsWith(CounterOpeners(), Words(last)) &&
           input_.markers->Count(ClosingStance(), Words(last)) == 0);
      bool restates = overlap >= 0.2 && overlap >= 0.9 * highest_other;
      // A short essay must show that its last paragraph concludes; a long
      // one ends on its conclusion unless that paragraph plainly carries on.
      bool lenient = !short_essay;
      if (!more_body && (sums_up || restates || lenient)) {
        conclusion_.push_back(last);
        MarkConclusion(sums_up ? 0.75 : restates ? 0.6 : 0.5);
      }
    }
  }

  // A five-paragraph essay: unheaded, at most seven paragraphs of prose.
  bool IsShortUnheaded() const {
    return headings_.empty() && prose_.size() <= kMaxShortEssayParagraphs;
  }

  void MarkConclusion(double confidence) {
    for (int p : conclusion_) Set(p, v1::SECTION_ROLE_CONCLUSION, confidence);
  }

  bool IsConclusion(int p) const {
    return std::binary_search(conclusion_.begin(), conclusion_.end(), p);
  }

  std::vector<BodySection> BodySections() const {
    std::vector<BodySection> sections;
    BodySection current;
    for (std::size_t i = 0; i < doc_.paragraphs().size(); ++i) {
      int p = static_cast<int>(i);
      if (std::binary_search(headings_.begin(), headings_.end(), p)) {
        if (!current.paragraphs.empty() || current.heading >= 0) {
          sections.push_back(current);
        }
        current = BodySection{p, {}};
      } else if (Role(p) == v1::SECTION_ROLE_UNSPECIFIED &&
                 std::binary_search(prose_.begin(), prose_.end(), p)) {
        current.paragraphs.push_back(p);
      }
    }
    if (!current.paragraphs.empty()) sections.push_back(current);
    sections.erase(std::remove_if(sections.begin(), sections.end(),
                                  [&](const BodySection& s) {
                                    return s.paragraphs.empty() ||
                                           (s.heading >= 0 &&
                                            Role(s.heading) !=
                                                v1::SECTION_ROLE_UNSPECIFIED);
                                  }),
                   sections.end());
    return sections;
  }

  double Density(const std::vector<int>& paragraphs) const {
    int markers = 0, words = 0;
    for (int p : paragraphs) {
      markers += input_.markers->Count(ComparisonMarkers(), Words(p));
      words += static_cast<int>(Words(p).size());
    }
    return words == 0 ? 0 : 100.0 * markers / words;
  }

  void AssignBody() {
    std::vector<BodySection> sections = BodySections();
    if (sections.empty()) return;
    std::vector<v1::SectionRole> roles(sections.size(), v1::SECTION_ROLE_BODY);
    std::vector<double> confidence(sections.size(), 0.7);
    bool headed = !headings_.empty();
    if (headed) {
      int context = -1, comparison = -1;
      for (std::size_t s = 0; s < sections.size(); ++s) {
        if (sections[s].heading < 0) continue;
        absl::string_view heading = Text(sections[s].heading);
        if (context < 0 &&
            HeadingHas(heading, {"context", "background", "setting", "origin",
                                 "overview"})) {
          context = static_cast<int>(s);
        }
      }
      // The comparison is the section whose heading says it compares (of
      // several, the one densest in comparison markers). Markers alone do
      // not make one: read against essays annotated by hand, most sections
      // and paragraphs dense in "however" and "both" argue a point rather
      // than set two subjects side by side, and the density is scored as a
      // metric of its own.
      double best = -1;
      for (std::size_t s = 0; s < sections.size(); ++s) {
        if (static_cast<int>(s) == context || sections[s].heading < 0 ||
            !HeadingHas(Text(sections[s].heading),
                        {"compar", "contrast", "versus", " vs", "differ",
                         "similar", "parallel", "clash", "conflict", "tension",
                         "divergen", "converg"})) {
          continue;
        }
        double density = Density(sections[s].paragraphs);
        if (density > best) {
          best = density;
          comparison = static_cast<int>(s);
        }
      }
      if (context >= 0) {
        roles[context] = v1::SECTION_ROLE_CONTEXT;
        confidence[context] = 0.9;
      }
      if (comparison >= 0) {
        roles[comparison] = v1::SECTION_ROLE_COMPARISON;
        confidence[comparison] = best >= 0.5 ? 0.85 : 0.7;
      }
      for (std::size_t s = 0; s < sections.size(); ++s) {
        if (sections[s].heading >= 0) {
          Set(sections[s].heading, roles[s], confidence[s]);
        }
        for (int p : sections[s].paragraphs) Set(p, roles[s], confidence[s]);
      }
      return;
    }
    // No headings: body paragraphs, whatever their markers (see above).
    for (const BodySection& section : sections) {
      for (int p : section.paragraphs) Set(p, v1::SECTION_ROLE_BODY, 0.6);
    }
  }

  // In a short unheaded essay an opening paragraph sets out rather than
  // argues: no longer than a typical body paragraph, and without the
  // examples a body point gives. Longer essays open in any way.
  bool ReadsAsOpening(int paragraph) const {
    std::vector<uint32_t> lengths;
    for (int p : prose_) {
      if (!IsIntro(p)) lengths.push_back(Words(p).size());
    }
    if (lengths.empty()) return true;
    std::nth_element(lengths.begin(), lengths.begin() + lengths.size() / 2,
                     lengths.end());
    uint32_t median = lengths[lengths.size() / 2];
    bool short_essay = IsShortUnheaded();
    return !short_essay ||
           (5 * Words(paragraph).size() <= 6 * median &&
            input_.markers->Count(ExampleMarkers(), Words(paragraph)) == 0);
  }

  void FindThesisAndRoadmap() {
    FindRoadmap();
    if (result_->thesis_sentence >= 0 || intro_.empty()) return;
    // Without an explicit marker, essays put the thesis at the end of the
    // introduction: its last sentence that takes a stance.
    const Paragraph& last = doc_.paragraphs()[intro_.back()];
    // A paragraph that argues a point is a body paragraph standing first,
    // not an introduction with a thesis.
    if (!ReadsAsOpening(intro_.back())) return;
    for (uint32_t s = last.sentences.end; s > last.sentences.begin; --s) {
      IndexRange words = doc_.sentences()[s - 1].words;
      if (input_.markers->Count(StanceCues(), words) > 0) {
        result_->thesis_sentence = static_cast<int>(s - 1);
        return;
      }
      if (last.sentences.end - s >= 1) break;  // only the last two
    }
    // Failing a stance word, an introduction's closing statement is its
    // claim when the paragraph builds up to it: several sentences, the last
    // a declarative one of some length.
    if (last.sentences.size() >= 2) {
      const Sentence& closing = doc_.sentences()[last.sentences.end - 1];
      absl::string_view text = doc_.Slice(closing.span);
      while (!text.empty() && (text.back() == ' ' || text.back() == '"' ||
                               text.back() == '\'')) {
        text.remove_suffix(1);
      }
      if (closing.words.size() >= kMinClosingClaimWords &&
          !absl::EndsWith(text, "?") && !absl::EndsWith(text, "?”") &&
          !absl::EndsWith(text, ":")) {
        result_->thesis_sentence = static_cast<int>(last.sentences.end - 1);
      }
    }
  }

  void FindRoadmap() {
    int purpose_sentences = 0;
    for (int p : intro_) {
      const Paragraph& paragraph = doc_.paragraphs()[p];
      for (uint32_t s = paragraph.sentences.begin; s < paragraph.sentences.end;
           ++s) {
        IndexRange words = doc_.sentences()[s].words;
        bool thesis = input_.markers->Count(ThesisMarkers(), words) > 0;
        int sequence = input_.markers->Count(SequenceMarkers(), words);
        if (thesis && result_->thesis_sentence < 0) {
          result_->thesis_sentence = static_cast<int>(s);
        }
        if (thesis || sequence > 0) ++purpose_sentences;
        if (result_->roadmap_sentence < 0 &&
            (sequence >= 2 || (sequence >= 1 && purpose_sentences >= 2))) {
          result_->roadmap_sentence = static_cast<int>(s);
        }
      }
    }
  }

  void BuildSections() {
    const auto& roles = result_->roles;
    for (std::size_t i = 0; i < roles.size(); ++i) {
      v1::SectionRole role = roles[i].role;
      if (role == v1::SECTION_ROLE_UNSPECIFIED) continue;
      bool is_heading = doc_.paragraphs()[i].kind == BlockKind::kHeading;
      SectionRecord* last =
          result_->sections.empty() ? nullptr : &result_->sections.back();
      // A new section starts at a heading or when the role changes.
      if (last != nullptr && last->role == role && !is_heading) {
        last->last = static_cast<int>(i);
        last->confidence = std::min(last->confidence, roles[i].confidence);
        continue;
      }
      SectionRecord section;
      section.role = role;
      section.heading = is_heading ? static_cast<int>(i) : -1;
      section.first = section.last = static_cast<int>(i);
      section.confidence = roles[i].confidence;
      result_->sections.push_back(section);
    }
  }

  const AnalysisInput& input_;
  const Document& doc_;
  AnalysisResult* result_;
  std::vector<int> headings_;
  std::vector<int> prose_;
  std::vector<int> intro_;
  std::vector<int> block_quotes_;
  std::vector<int> conclusion_;
};

}  // namespace

double ComparisonDensity(const AnalysisInput& input, IndexRange range) {
  if (range.empty()) return 0;
  int markers = input.markers->Count(ComparisonMarkers(), range);
  return 100.0 * markers / range.size();
}

void OutlineAnalyzer::Analyze(const AnalysisInput& input,
                              AnalysisResult* result) const {
  OutlineBuilder(input, result).Run();
}

}  // namespace marginalia::rubrics
