#include "rubrics/analysis/citations/citation_checker.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "rubrics/analysis/citations/citation_finder.h"
#include "rubrics/analysis/citations/citation_parser.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/analysis/citations/quote_attribution.h"
#include "rubrics/analysis/citations/reference_parser.h"
#include "rubrics/analysis/finding_catalog.h"
#include "rubrics/analysis/finding_codes.h"
#include "rubrics/analysis/text_queries.h"

namespace marginalia::rubrics {
namespace {

namespace v1 = ::marginalia::v1;

bool IsStandard(v1::CitationStyle style) {
  return style == v1::CITATION_STYLE_APA ||
         style == v1::CITATION_STYLE_HARVARD ||
         style == v1::CITATION_STYLE_CHICAGO ||
         style == v1::CITATION_STYLE_MLA || style == v1::CITATION_STYLE_NUMERIC;
}

// Whether a citation is acceptable in `style`.
bool Fits(const CitationRecord& c, v1::CitationStyle style) {
  return c.style == style ||
         (c.chicago_compatible && style == v1::CITATION_STYLE_CHICAGO);
}

std::string Year4(absl::string_view year) {
  return std::string(year.substr(0, std::min<std::size_t>(4, year.size())));
}

// The style most standard citations fit, and how many fit it.
std::pair<v1::CitationStyle, int> DominantStyle(
    const std::vector<CitationRecord>& citations) {
  v1::CitationStyle best = v1::CITATION_STYLE_UNSPECIFIED;
  int best_count = 0;
  for (v1::CitationStyle style :
       {v1::CITATION_STYLE_APA, v1::CITATION_STYLE_HARVARD,
        v1::CITATION_STYLE_CHICAGO, v1::CITATION_STYLE_MLA,
        v1::CITATION_STYLE_NUMERIC}) {
    int count = 0;
    for (const CitationRecord& c : citations) {
      if (c.kind != v1::CITATION_KIND_NARRATIVE && Fits(c, style)) ++count;
    }
    if (count > best_count) {
      best = style;
      best_count = count;
    }
  }
  return {best, best_count};
}

class Checker {
 public:
  Checker(const AnalysisInput& input, AnalysisResult* result)
      : input_(input), doc_(input.document), result_(result) {}

  void Run() {
    auto [dominant, dominant_count] = DominantStyle(result_->citations);
    dominant_ = dominant;
    dominant_count_ = dominant_count;
    target_ = input_.settings.required_style != v1::CITATION_STYLE_UNSPECIFIED
                  ? input_.settings.required_style
              : dominant != v1::CITATION_STYLE_UNSPECIFIED &&
                      dominant != v1::CITATION_STYLE_NUMERIC
                  ? dominant
                  : v1::CITATION_STYLE_APA;
    IndexReferences();
    MatchAndGroup();
    CheckReferenceList();
    CheckFormats();
    CheckQuotations();
    SetMetrics();
  }

 private:
  // Resolves each citation to a reference entry (when there is a list) and
  // to a source; unresolved author-date citations share a source per
  // (first author, year).
  void MatchAndGroup() {
    std::map<std::string, int> source_by_key;
    std::vector<int> source_of_reference(result_->references.size(), -1);
    for (std::size_t i = 0; i < result_->citations.size(); ++i) {
      CitationRecord& c = result_->citations[i];
      int reference = MatchReference(c);
      std::string key;
      if (int listed = EntryWithTitleOf(reference); listed >= 0) {
        // A note naming the work by its title alone: the entry listing it.
        ++result_->references[reference].cited;
        reference = listed;
        key = absl::StrCat("ref#", reference);
      } else if (reference >= 0 && result_->references[reference].note) {
        // A footnote: its note names the work (Ibid. the one before), and
        // the source is that work's bibliography entry when there is one.
        ++result_->references[reference].cited;
        reference = WorkOfNote(reference, &key);
      } else if (reference >= 0) {
        key = absl::StrCat("ref#", reference);
      } else if (!c.numbers.empty()) {
        key = absl::StrCat("number#", c.numbers[0]);
      } else if (!c.label.empty()) {
        key = absl::StrCat("label#", c.label);
      } else if (!c.authors.empty()) {
        key = absl::StrCat(FoldName(c.authors[0]), "#", Year4(c.year));
      } else {
        continue;
      }
      auto [it, inserted] = source_by_key.try_emplace(
          key, static_cast<int>(result_->sources.size()));
      if (inserted) {
        SourceRecord source;
        source.reference = reference;
        if (reference >= 0) {
          const ReferenceRecord& r = result_->references[reference];
          source.authors = r.authors.empty() ? c.authors : r.authors;
          source.year = r.year.empty() ? c.year : r.year;
          source.title = r.title;
          source_of_reference[reference] = it->second;
        } else {
          source.authors = c.authors;
          source.year = c.year;
          if (c.authors.empty() && !c.numbers.empty()) {
            source.authors.push_back(absl::StrCat("[", c.numbers[0], "]"));
          } else if (c.authors.empty() && !c.label.empty()) {
            source.authors.push_back(absl::StrCat("[^", c.label, "]"));
          }
        }
        result_->sources.push_back(std::move(source));
      }
      c.source = it->second;
      SourceRecord& source = result_->sources[c.source];
      if (source.year.empty() && reference >= 0) {
        source.year = result_->references[reference].year;
      }
      ++source.citations;
      source.citation_indices.push_back(static_cast<int>(i));
      if (reference >= 0) ++result_->references[reference].cited;
    }
    // Uncited references are sources too, after the cited ones (notes only
    // point to works).
    for (std::size_t r = 0; r < result_->references.size(); ++r) {
      if (source_of_reference[r] >= 0 || result_->references[r].note) continue;
      const ReferenceRecord& ref = result_->references[r];
      SourceRecord source;
      source.authors = ref.authors;
      source.year = ref.year;
      source.title = ref.title;
      source.reference = static_cast<int>(r);
      result_->sources.push_back(std::move(source));
    }
    for (SourceRecord& source : result_->sources) {
      source.key = MakeKey(source.authors, source.year);
    }
  }

  // Reference entries and notes by number, first author and year, so that
  // matching a citation costs a lookup rather than a pass over the list
  // (an essay may have thousands of both). Lists keep the list's order.
  void IndexReferences() {
    const auto& refs = result_->references;
    family_.resize(refs.size());
    note_work_.resize(refs.size());
    for (std::size_t r = 0; r < refs.size(); ++r) {
      const ReferenceRecord& ref = refs[r];
      int index = static_cast<int>(r);
      if (!ref.authors.empty()) family_[r] = FoldName(ref.authors[0]);
      // "Ibid." is the work of the note before.
      note_work_[r] = ref.note && ref.ibid && r > 0 && refs[r - 1].note
                          ? note_work_[r - 1]
                          : index;
      if (ref.number > 0) {
        (ref.note ? note_by_number_ : entry_by_number_)
            .try_emplace(ref.number, index);
      }
      if (!ref.label.empty()) entry_by_label_.try_emplace(ref.label, index);
      if (ref.note) continue;
      if (!ref.authors.empty() && ref.title.size() >= kMinTitleKey) {
        entry_by_title_.try_emplace(TitleKey(ref.title), index);
      }
      if (!family_[r].empty()) entries_by_family_[family_[r]].push_back(index);
      entries_by_year_[Year4(ref.year)].push_back(index);
    }
  }

  // Titles compare by their first letters, folded: a note's "Traditions
  // and Trajectories in the Historiography" and the entry's full title.
  static constexpr std::size_t kMinTitleKey = 16;
  static std::string TitleKey(absl::string_view title) {
    std::string key;
    for (char ch : title) {
      if (absl::ascii_isalnum(static_cast<unsigned char>(ch))) {
        key.push_back(absl::ascii_tolower(static_cast<unsigned char>(ch)));
      }
      if (key.size() == kMinTitleKey) break;
    }
    return key;
  }

  // For reference `r` (a note or entry) that names no author, only a title:
  // the author's entry listing that title, or -1.
  int EntryWithTitleOf(int r) const {
    if (r < 0) return -1;
    const ReferenceRecord& ref = result_->references[r];
    if (!ref.authors.empty() || ref.title.size() < kMinTitleKey) return -1;
    auto it = entry_by_title_.find(TitleKey(ref.title));
    return it == entry_by_title_.end() || it->second == r ? -1 : it->second;
  }

  // The work note `note` cites (following "Ibid." back to the note it
  // repeats) as a reference index: the bibliography entry of its first
  // author when the essay has one, else the first note that named the work.
  // Sets `key` to the source key: notes naming the same author share one.
  int WorkOfNote(int note, std::string* key) {
    int work = note_work_[note];
    const std::string& family = family_[work];
    if (family.empty()) {
      *key = absl::StrCat("ref#", work);
      return work;
    }
    if (auto it = entries_by_family_.find(family);
        it != entries_by_family_.end()) {
      *key = absl::StrCat("ref#", it->second.front());
      return it->second.front();
    }
    *key = absl::StrCat("note#", family);
    return work;
  }

  // The citation's year, or, for one written without (MLA's "(Szatmary,
  // 259)"), its source's: a form in another style needs one.
  absl::string_view YearOf(const CitationRecord& c) const {
    if (!c.year.empty() || c.source < 0) return c.year;
    return result_->sources[c.source].year;
  }

  // The reference entry (or, for a footnote, the note) a citation points
  // to, or -1. Records near misses (same author, other year; same year,
  // misspelt name) for the checks.
  int MatchReference(const CitationRecord& c) {
    if (!c.numbers.empty()) {
      // A note of that number first, else a numbered reference entry.
      for (const auto* by_number : {&note_by_number_, &entry_by_number_}) {
        if (auto it = by_number->find(c.numbers[0]); it != by_number->end()) {
          return it->second;
        }
      }
      return -1;
    }
    if (!c.label.empty()) {
      auto it = entry_by_label_.find(c.label);
      return it == entry_by_label_.end() ? -1 : it->second;
    }
    if (c.authors.empty()) return -1;
    std::string family = FoldName(c.authors[0]);
    std::string year = Year4(c.year);
    int same_author = -1;
    if (auto it = entries_by_family_.find(family);
        it != entries_by_family_.end()) {
      for (int r : it->second) {
        // MLA citations carry no year; "2018a" matches "2018a" or "2018".
        if (year.empty() || Year4(result_->references[r].year) == year) {
          return r;
        }
        same_author = r;
      }
    }
    if (same_author >= 0) {
      year_mismatches_.emplace(family + "#" + year, same_author);
      return -1;
    }
    if (auto it = entries_by_year_.find(year); it != entries_by_year_.end()) {
      for (int r : it->second) {
        if (!family_[r].empty() && IsNearMissName(family_[r], family)) {
          name_mismatches_.emplace(family + "#" + year, r);
          return -1;
        }
      }
    }
    return -1;
  }

  static std::string MakeKey(const std::vector<std::string>& authors,
                             absl::string_view year) {
    std::string key = authors.empty() ? "anonymous" : FoldName(authors[0]);
    for (char& ch : key) {
      if (ch == ' ') ch = '-';
    }
    if (authors.size() == 2) absl::StrAppend(&key, "-", FoldName(authors[1]));
    if (authors.size() > 2) absl::StrAppend(&key, "-et-al");
    absl::StrAppend(&key, "-", year.empty() ? "nd" : year);
    return key;
  }

  // Adds the spans of `source`'s citations, from the `skip_first`-th on,
  // to the finding just added.
  void AddCitationSpans(const SourceRecord& source, std::size_t skip_first) {
    for (std::size_t k = skip_first; k < source.citation_indices.size(); ++k) {
      AddRelated(result_->citations[source.citation_indices[k]].span);
    }
  }

  void AddRelated(TextSpan span) {
    v1::Span* related = result_->last_finding().add_related_spans();
    related->set_begin(span.begin);
    related->set_end(span.end);
  }

  // The folded words of the reference entries, built on first use.
  void IndexWords() {
    if (words_indexed_) return;
    words_indexed_ = true;
    for (int r : result_->reference_paragraphs) {
      IndexRange words = doc_.paragraphs()[r].words;
      for (uint32_t w = words.begin; w < words.end; ++w) {
        const Word& word = doc_.words()[w];
        if (!word.numeric)
          reference_words_.insert(FoldName(doc_.Slice(word.span)));
      }
    }
  }

  bool InReferenceWords(const CitationRecord& c) {
    if (c.authors.empty()) return false;
    IndexWords();
    for (absl::string_view part : SplitWords(c.authors[0])) {
      if (reference_words_.contains(FoldName(part))) return true;
    }
    return false;
  }

  // A word of the reference entries within two edits of the cited first
  // author's name (same first letter, names of 5+ letters), or "".
  std::string NearMissInReferences(const CitationRecord& c) {
    if (c.authors.empty()) return "";
    std::string cited = FoldName(c.authors[0]);
    if (cited.size() < 5 || InReferenceWords(c)) return "";
    for (const ReferenceRecord& ref : result_->references) {
      for (const std::string& author : ref.authors) {
        // A bounded number of comparisons per essay keeps this linear.
        if (++near_miss_comparisons_ > kMaxNearMissComparisons) return "";
        std::string listed = FoldName(author);
        if (listed.size() >= 5 && listed[0] == cited[0] &&
            EditDistance(listed, cited) <= 2) {
          return author;
        }
      }
    }
    return "";
  }

  void CheckReferenceList() {
    const auto& citations = result_->citations;
    if (citations.empty()) return;
    if (!result_->has_reference_list()) {
      if (!input_.settings.reference_list_required) return;
      std::vector<std::string> labels;
      labels.reserve(result_->sources.size());
      for (const SourceRecord& source : result_->sources) {
        labels.push_back(SourceLabel(source.authors, source.year));
      }
      uint32_t end = doc_.paragraphs().back().span.end;
      std::size_t count = result_->sources.size();
      result_->AddFinding(
          FindingCodes::kCitationMissingReferenceList, TextSpan{end, end}, -1,
          absl::StrCat("The essay cites ", count,
                       count == 1 ? " source" : " sources",
                       " but has no reference list, so a reader cannot find "
                       "them."),
          absl::StrCat("Add a \"References\" section after the conclusion "
                       "with a full entry for each: ",
                       absl::StrJoin(labels, "; "), "."));
      // The first citation of each source.
      for (const SourceRecord& source : result_->sources) {
        if (!source.citation_indices.empty()) {
          AddRelated(result_->citations[source.citation_indices[0]].span);
        }
      }
      return;
    }
    for (const SourceRecord& source : result_->sources) {
      if (source.reference >= 0 || source.citations == 0) continue;
      const CitationRecord& first =
          result_->citations[source.citation_indices[0]];
      std::string label = SourceLabel(source.authors, source.year);
      std::string key =
          FoldName(first.authors.empty() ? "" : first.authors[0]) + "#" +
          Year4(first.year);
      if (auto it = year_mismatches_.find(key); it != year_mismatches_.end()) {
        const ReferenceRecord& ref = result_->references[it->second];
        result_->AddFinding(
            FindingCodes::kCitationYearMismatch, first.span, first.paragraph,
            absl::StrCat(first.authors[0], " is cited with the year ",
                         first.year, ", but the reference list gives ",
                         ref.year.empty() ? "no year" : ref.year, "."),
            absl::StrCat("Make the citation and the reference agree: ",
                         FormatCitation(first.authors, first.et_al, ref.year,
                                        first.locator, target_),
                         ", or correct the reference's year."));
      } else if (auto nit = name_mismatches_.find(key);
                 nit != name_mismatches_.end()) {
        const ReferenceRecord& ref = result_->references[nit->second];
        result_->AddFinding(
            FindingCodes::kCitationNameMismatch, first.span, first.paragraph,
            absl::StrCat("The citation spells the author \"", first.authors[0],
                         "\", but the reference list has \"", ref.authors[0],
                         "\"."),
            absl::StrCat("Use one spelling: ",
                         FormatCitation(ref.authors, first.et_al, first.year,
                                        first.locator, target_),
                         "."));
      } else if (std::string near = NearMissInReferences(first);
                 !near.empty()) {
        result_->AddFinding(
            FindingCodes::kCitationNameMismatch, first.span, first.paragraph,
            absl::StrCat("The citation spells the author \"", first.authors[0],
                         "\", but the reference list has \"", near, "\"."),
            absl::StrCat("Use one spelling: ", near, "."));
        result_->SetLastConfidence(0.75);
      } else {
        result_->AddFinding(
            FindingCodes::kCitationMissingReferenceEntry, first.span,
            first.paragraph,
            absl::StrCat(label, " is cited ", source.citations,
                         source.citations == 1 ? " time" : " times",
                         " but has no entry in the reference list."),
            absl::StrCat("Add a reference entry for ", label,
                         " or correct the citation."));
        if (result_->last_finding().confidence() < kMinConfidenceToRaise) {
          result_->AddQuestion(absl::StrCat(
              "We could not match ", doc_.Slice(first.span),
              " to an entry of the reference list; check that the work it "
              "cites is listed."));
        }
      }
      AddCitationSpans(source, 1);
    }
    // A bibliography may list works consulted but not cited; a reference
    // list ("References", "Works Cited") lists exactly the works cited.
    if (result_->reference_heading >= 0 &&
        !IsCitedWorksHeading(
            doc_.Slice(doc_.paragraphs()[result_->reference_heading].span))) {
      return;
    }
    // Entries already reported as a mismatch are not "uncited" too.
    std::vector<bool> near_miss(result_->references.size(), false);
    for (const auto* mismatches : {&year_mismatches_, &name_mismatches_}) {
      for (const auto& [key, index] : *mismatches) near_miss[index] = true;
    }
    for (std::size_t r = 0; r < result_->references.size(); ++r) {
      const ReferenceRecord& ref = result_->references[r];
      if (ref.cited > 0 || ref.note || near_miss[r]) continue;
      // A Markdown note or link definition is cited by its label.
      if (absl::StartsWith(doc_.Slice(ref.span), "[")) continue;
      std::string label = SourceLabel(ref.authors, ref.year);
      result_->AddFinding(
          FindingCodes::kCitationUncitedReference, ref.span, ref.paragraph,
          absl::StrCat(label, " is in the reference list but never cited."),
          "Cite it where the essay uses it, or remove it from the references.");
    }
  }

  void CheckFormats() {
    auto& citations = result_->citations;
    bool required =
        input_.settings.required_style != v1::CITATION_STYLE_UNSPECIFIED;
    int standard = 0;
    std::set<v1::CitationStyle> styles;
    int with_and = 0, with_ampersand = 0;
    for (const CitationRecord& c : citations) {
      if (c.kind == v1::CITATION_KIND_PARENTHETICAL && IsStandard(c.style)) {
        ++standard;
        styles.insert(c.chicago_compatible &&
                              dominant_ == v1::CITATION_STYLE_CHICAGO
                          ? v1::CITATION_STYLE_CHICAGO
                          : c.style);
      }
      if (c.kind == v1::CITATION_KIND_PARENTHETICAL && c.authors.size() >= 2) {
        with_and += c.uses_and ? 1 : 0;
        with_ampersand += c.uses_ampersand ? 1 : 0;
      }
    }
    for (CitationRecord& c : citations) {
      absl::string_view written = doc_.Slice(c.span);
      if (c.style == v1::CITATION_STYLE_NONSTANDARD) {
        c.corrected =
            FormatCitation(c.authors, c.et_al, YearOf(c), c.locator, target_);
        result_->AddFinding(FindingCodes::kCitationNonstandardFormat, c.span,
                            c.paragraph,
                            absl::StrCat("\"", written, "\" ", c.format_problem,
                                         ", which no citation style does."),
                            absl::StrCat("Write ", c.corrected, " (",
                                         StyleName(target_), ")."));
        continue;
      }
      if (c.kind != v1::CITATION_KIND_PARENTHETICAL || !IsStandard(c.style)) {
        continue;
      }
      if (required && !Fits(c, input_.settings.required_style)) {
        c.corrected =
            FormatCitation(c.authors, c.et_al, YearOf(c), c.locator, target_);
        result_->AddFinding(
            FindingCodes::kCitationWrongStyle, c.span, c.paragraph,
            absl::StrCat("\"", written, "\" is in ", StyleName(c.style),
                         " style; this assignment asks for ",
                         StyleName(target_), "."),
            absl::StrCat("Write ", c.corrected, "."));
      } else if (!required && styles.size() >= 2 && !Fits(c, dominant_)) {
        c.corrected =
            FormatCitation(c.authors, c.et_al, YearOf(c), c.locator, dominant_);
        result_->AddFinding(
            FindingCodes::kCitationInconsistentStyle, c.span, c.paragraph,
            absl::StrCat("\"", written, "\" is in ", StyleName(c.style),
                         " style, but most citations (", dominant_count_,
                         " of ", standard, ") are ", StyleName(dominant_), "."),
            absl::StrCat("Use one style throughout: ", c.corrected, "."));
      } else if (c.irregular_page) {
        c.corrected =
            FormatCitation(c.authors, c.et_al, c.year, c.locator, c.style);
        result_->AddFinding(FindingCodes::kCitationPageFormat, c.span,
                            c.paragraph,
                            absl::StrCat("The page in \"", written,
                                         "\" is not written the standard way."),
                            absl::StrCat("Write ", c.corrected, "."));
      }
      CheckEtAl(c, written);
      bool minority_and = with_ampersand > with_and && c.uses_and;
      bool minority_ampersand = with_and > with_ampersand && c.uses_ampersand;
      bool apa_and =
          (target_ == v1::CITATION_STYLE_APA && required) && c.uses_and;
      // "Department of Health and Human Services" is one body's name.
      bool corporate = std::any_of(
          c.authors.begin(), c.authors.end(), [](const std::string& a) {
            return SplitWords(a).size() >= 3 || absl::StrContains(a, " of ");
          });
      if (!corporate && (minority_and || minority_ampersand || apa_and)) {
        result_->AddFinding(
            FindingCodes::kCitationAmpersandMix, c.span, c.paragraph,
            absl::StrCat("\"", written, "\" joins the authors with \"",
                         c.uses_and ? "and" : "&", "\", unlike ",
                         apa_and ? "APA, which uses \"&\" in brackets"
                                 : "the essay's other citations",
                         "."),
            absl::StrCat(
                "Write ",
                FormatCitation(c.authors, c.et_al, c.year, c.locator, c.style),
                "."));
      }
    }
  }

  void CheckEtAl(const CitationRecord& c, absl::string_view written) {
    int listed = -1;
    if (c.source >= 0 && result_->sources[c.source].reference >= 0) {
      listed = static_cast<int>(
          result_->references[result_->sources[c.source].reference]
              .authors.size());
    }
    if (c.et_al && listed >= 1 && listed <= 2) {
      const auto& authors =
          result_->references[result_->sources[c.source].reference].authors;
      result_->AddFinding(
          FindingCodes::kCitationEtAl, c.span, c.paragraph,
          absl::StrCat("\"", written, "\" uses \"et al.\", but the source has ",
                       listed == 1 ? "one author." : "only two authors."),
          absl::StrCat(
              "Name ", listed == 1 ? "the author" : "both authors", ": ",
              FormatCitation(authors, false, c.year, c.locator, c.style), "."));
    } else if (!c.et_al && c.authors.size() >= 3 &&
               c.style == v1::CITATION_STYLE_APA) {
      result_->AddFinding(
          FindingCodes::kCitationEtAl, c.span, c.paragraph,
          absl::StrCat("\"", written,
                       "\" lists three or more authors; APA shortens them "
                       "with \"et al.\"."),
          absl::StrCat(
              "Write ",
              FormatCitation(c.authors, true, c.year, c.locator, c.style),
              "."));
    }
  }

  // The citation that attributes a quotation: the first after it in its
  // sentence, else the last before it (a narrative citation).
  const CitationRecord* CitationFor(const Quotation& q) const {
    int sentence = SentenceAt(doc_, q.span.end > 0 ? q.span.end - 1 : 0);
    if (sentence < 0) return nullptr;
    auto [first, last] = CitationsInSentence(result_->citations, sentence);
    const CitationRecord* before = nullptr;
    for (std::size_t i = first; i < last; ++i) {
      const CitationRecord& c = result_->citations[i];
      if (c.span.begin >= q.span.end) return &c;
      if (c.span.end <= q.span.begin) before = &c;
    }
    return before;
  }

  // The reference entry a citation resolved to, or null.
  const ReferenceRecord* ReferenceOf(const CitationRecord& c) const {
    if (c.source < 0) return nullptr;
    int r = result_->sources[c.source].reference;
    return r >= 0 ? &result_->references[r] : nullptr;
  }

  // A web page or other source without page numbers: a quotation from it
  // cannot give a page.
  static bool IsPagelessSource(absl::string_view entry) {
    std::string lower = absl::AsciiStrToLower(entry);
    for (absl::string_view cue :
         {"http", "www.", ".com", ".org", ".gov", "retrieved", "accessed",
          "[online]", "web."}) {
      if (absl::StrContains(lower, cue)) return true;
    }
    return false;
  }

  void CheckQuotations() {
    const auto& paragraphs = doc_.paragraphs();
    QuoteAttribution attribution(doc_, *result_);
    std::vector<const Quotation*> unattributed;
    int evidence = 0;
    for (const Quotation& q : doc_.quotations()) {
      if (!IsEvidenceQuotation(doc_, q)) continue;
      const Paragraph& p = paragraphs[q.paragraph];
      if (p.kind != BlockKind::kProse && p.kind != BlockKind::kListItem)
        continue;
      if (std::binary_search(result_->reference_paragraphs.begin(),
                             result_->reference_paragraphs.end(),
                             static_cast<int>(q.paragraph))) {
        continue;
      }
      ++evidence;
      const CitationRecord* c = CitationFor(q);
      if (c == nullptr) {
        // A phrase of a few words is more often an idiom, a term or a
        // slogan than a quotation that needs a source.
        if (WordsWithin(doc_, q.inner) >= kMinAccusedQuoteWords &&
            !attribution.LooksAttributed(q)) {
          unattributed.push_back(&q);
        }
        continue;
      }
      if (!c->locator.empty() || !c->numbers.empty()) continue;
      const ReferenceRecord* ref = ReferenceOf(*c);
      if (ref != nullptr && IsPagelessSource(doc_.Slice(ref->span))) continue;
      std::string with_page =
          FormatCitation(c->authors, c->et_al, c->year, "", target_, true);
      result_->AddFinding(
          FindingCodes::kCitationQuoteWithoutPage, q.span,
          static_cast<int>(q.paragraph),
          absl::StrCat("This quotation is cited to ",
                       SourceLabel(c->authors, c->year),
                       " without the page it comes from."),
          absl::StrCat("Add the page number: ", with_page, "."));
      v1::Span citation;
      citation.set_begin(c->span.begin);
      citation.set_end(c->span.end);
      *result_->last_finding().add_related_spans() = citation;
      // Without a year the citation is MLA or names a web page, which
      // often has no pages to give.
      if ((ref == nullptr && result_->has_reference_list()) ||
          c->year.empty()) {
        result_->SetLastConfidence(0.5);
      }
    }
    ReportUnattributed(unattributed, evidence, attribution);
  }

  // An essay whose citations went unread, or most of whose quotations seem
  // unattributed, more likely cites in a form the finder does not read than
  // quotes without sources: then the engine asks instead of accusing.
  void ReportUnattributed(const std::vector<const Quotation*>& quotes,
                          int evidence, const QuoteAttribution& attribution) {
    if (quotes.empty()) return;
    bool marks = result_->has_reference_list() ||
                 attribution.HasUnreadCitationMarks(*result_);
    // No citation and nothing that looks like one: the essay truly cites
    // nothing, and saying so is sure.
    bool cites_nothing = result_->citations.empty() && !marks;
    bool unread = result_->citations.empty() && marks;
    bool most =
        quotes.size() >= 3 && 2 * static_cast<int>(quotes.size()) > evidence;
    for (const Quotation* q : quotes) {
      result_->AddFinding(FindingCodes::kCitationQuoteWithoutCitation, q->span,
                          static_cast<int>(q->paragraph),
                          "This quotation is not attributed to any source.",
                          absl::StrCat("Add a citation right after it, e.g. ",
                                       FormatCitation({"Author"}, false, "Year",
                                                      "", target_, true),
                                       "."));
      if (cites_nothing) result_->SetLastConfidence(0.85);
    }
    if (!cites_nothing && (unread || most)) {
      result_->AddQuestion(absl::StrCat(
          "We could not find the source of ", quotes.size(), " of the ",
          evidence,
          " quotations. If they are cited in a form we do not read, check "
          "that each names its author and page; if not, add citations."));
    }
  }

  void SetMetrics() {
    int parenthetical = 0, standard = 0, resolved = 0;
    for (const CitationRecord& c : result_->citations) {
      if (c.kind == v1::CITATION_KIND_PARENTHETICAL) {
        ++parenthetical;
        if (c.style != v1::CITATION_STYLE_NONSTANDARD) ++standard;
      }
      if (c.source >= 0 && result_->sources[c.source].reference >= 0)
        ++resolved;
    }
    double count = static_cast<double>(result_->citations.size());
    result_->SetMetric("citation.count", count);
    result_->SetMetric("citation.standard_ratio",
                       parenthetical == 0
                           ? 1.0
                           : static_cast<double>(standard) / parenthetical);
    result_->SetMetric("citation.has_reference_list",
                       result_->has_reference_list() ? 1 : 0);
    result_->SetMetric("citation.resolved_ratio",
                       !result_->has_reference_list() || count == 0
                           ? (count == 0 ? 1 : 0)
                           : resolved / count);
  }

  const AnalysisInput& input_;
  const Document& doc_;
  AnalysisResult* result_;
  v1::CitationStyle dominant_ = v1::CITATION_STYLE_UNSPECIFIED;
  int dominant_count_ = 0;
  v1::CitationStyle target_ = v1::CITATION_STYLE_APA;
  // (folded author # year) of an unresolved citation -> the reference it
  // nearly matches.
  std::map<std::string, int> year_mismatches_;
  std::map<std::string, int> name_mismatches_;
  // Built by IndexReferences(), per reference: the folded family name of
  // its first author ("" for none) and, for a note, the note whose work it
  // cites.
  std::vector<std::string> family_;
  std::vector<int> note_work_;
  absl::flat_hash_map<int, int> note_by_number_;
  absl::flat_hash_map<int, int> entry_by_number_;
  absl::flat_hash_map<std::string, int> entry_by_label_;
  absl::flat_hash_map<std::string, int> entry_by_title_;
  absl::flat_hash_map<std::string, std::vector<int>> entries_by_family_;
  absl::flat_hash_map<std::string, std::vector<int>> entries_by_year_;
  static constexpr int kMaxNearMissComparisons = 20000;
  static constexpr int kMinAccusedQuoteWords = 7;
  int near_miss_comparisons_ = 0;
  bool words_indexed_ = false;
  absl::flat_hash_set<std::string> reference_words_;
};

}  // namespace

std::string SourceLabel(const std::vector<std::string>& authors,
                        absl::string_view year) {
  std::string names;
  if (authors.empty()) {
    names = "An unnamed source";
  } else if (authors.size() == 1) {
    names = authors[0];
  } else if (authors.size() == 2) {
    names = absl::StrCat(authors[0], " and ", authors[1]);
  } else {
    names = absl::StrCat(authors[0], " et al.");
  }
  if (year.empty()) return names;
  return absl::StrCat(names, " (", year, ")");
}

void CitationChecker::Analyze(const AnalysisInput& input,
                              AnalysisResult* result) const {
  Checker(input, result).Run();
}

}  // namespace marginalia::rubrics
