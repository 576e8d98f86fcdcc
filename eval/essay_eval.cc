#include "eval/essay_eval.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "rubrics/analysis/citations/name_utils.h"
#include "rubrics/scoring/rubric_scorer.h"

namespace marginalia::eval {
namespace {

namespace v1 = ::marginalia::v1;

// Findings about the essay as a whole: the engine anchors them somewhere,
// but only whether they are raised can be right or wrong.
bool IsEssayLevel(absl::string_view code) {
  static const auto* const kCodes = new absl::flat_hash_set<std::string>{
      "structure.no_thesis",
      "structure.no_roadmap",
      "structure.no_conclusion",
      "structure.no_introduction",
      "structure.no_context",
      "structure.no_comparison",
      "structure.no_title",
      "structure.conclusion_unrelated",
      "structure.weak_transitions",
      "citation.missing_reference_list",
      "citation.inconsistent_style",
      "citation.wrong_style",
      "citation.ampersand_mix",
      "evidence.few_sources",
      "evidence.quote_heavy",
      "evidence.source_overreliance",
      "structure.order",
  };
  return kCodes->contains(std::string(code));
}

bool Overlaps(int b1, int e1, int b2, int e2) {
  return b1 < e2 && b2 < e1 && b1 < e1 && b2 < e2;
}
bool Overlaps(const v1::Span& a, const GoldSpan& b) {
  return Overlaps(static_cast<int>(a.begin()), static_cast<int>(a.end()),
                  b.begin(), b.end());
}

std::string Snippet(absl::string_view text, int begin, int end) {
  if (begin < 0 || begin >= static_cast<int>(text.size())) return "";
  std::string s(text.substr(begin, std::min(end - begin, 60)));
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return absl::StrCat("\"", s, "\"");
}

// The engine paragraph holding byte `offset`, or -1.
int ParagraphAt(const v1::FeedbackReport& report, int offset) {
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    if (static_cast<int>(p.span().begin()) <= offset &&
        offset < static_cast<int>(p.span().end())) {
      return p.index();
    }
  }
  return -1;
}

std::string Key(absl::string_view code, int paragraph) {
  if (IsEssayLevel(code)) return absl::StrCat(code, "#essay");
  if (paragraph < 0) return absl::StrCat(code, "#any");
  return absl::StrCat(code, "#", paragraph);
}

std::string KeyOf(const v1::FeedbackReport& report, const GoldFinding& f) {
  return Key(f.code(), f.has_at() ? ParagraphAt(report, f.at().begin()) : -1);
}

// "error", "warning", "info": the enum's name without its prefix.
std::string SeverityName(v1::Severity severity) {
  return absl::AsciiStrToLower(
      absl::StripPrefix(v1::Severity_Name(severity), "SEVERITY_"));
}

// The findings the gold implies, keyed like the engine's.
// Whether a criterion of `rubric` counts findings of `code`: the engine
// leaves out the others.
bool RubricCounts(const v1::Rubric& rubric, absl::string_view code) {
  for (const v1::Criterion& criterion : rubric.criteria()) {
    for (const v1::Rule& rule : criterion.rules()) {
      if (rule.has_finding() &&
          rubrics::CodeMatches(rule.finding().code(), code)) {
        return true;
      }
    }
  }
  return false;
}

std::map<std::string, std::string> ExpectedFindings(
    const EssayGold& gold, const v1::Rubric& rubric,
    const v1::FeedbackReport& report) {
  std::map<std::string, std::string> expected;
  auto add = [&](absl::string_view code, int offset, absl::string_view why) {
    if (!RubricCounts(rubric, code)) return;
    expected.emplace(Key(code, offset < 0 ? -1 : ParagraphAt(report, offset)),
                     std::string(why));
  };
  for (const GoldQuotation& q : gold.quotations()) {
    if (!q.cited()) {
      add("citation.quote_without_citation", q.span().begin(),
          "quotation without attribution");
    }
  }
  bool notes_style = gold.style() == "chicago-notes";
  if (!notes_style) {
    std::set<std::string> authors_missing;
    absl::flat_hash_set<std::string> cited_keys;
    for (const GoldCitation& c : gold.citations()) {
      cited_keys.insert(c.source());
      if (!c.source().empty() || c.author().empty()) continue;
      if (gold.references().empty()) continue;
      if (authors_missing.insert(rubrics::FoldName(c.author())).second) {
        add("citation.missing_reference_entry", c.span().begin(),
            absl::StrCat(c.author(), " is not in the references"));
      }
    }
    bool any_authored = false;
    for (const GoldCitation& c : gold.citations()) {
      any_authored |= !c.author().empty();
    }
    if (gold.references().empty() && any_authored) {
      add("citation.missing_reference_list", -1, "no reference list");
    }
    for (const GoldReference& r : gold.references()) {
      if (!cited_keys.contains(r.key())) {
        add("citation.uncited_reference", r.span().begin(),
            absl::StrCat(r.key(), " is never cited"));
      }
    }
  }
  if (!gold.structure_unmeasurable()) {
    if (!gold.thesis_present()) add("structure.no_thesis", -1, "no thesis");
    if (!gold.roadmap_present()) add("structure.no_roadmap", -1, "no roadmap");
    if (!gold.conclusion_present()) {
      add("structure.no_conclusion", -1, "no conclusion");
    }
  }
  for (const GoldFinding& f : gold.expected_findings()) {
    if (RubricCounts(rubric, f.code())) {
      expected.emplace(KeyOf(report, f), f.why());
    }
  }
  for (const GoldFinding& f : gold.forbidden_findings()) {
    expected.erase(KeyOf(report, f));
  }
  return expected;
}

void EvaluateFindings(absl::string_view name, const EssayGold& gold,
                      absl::string_view text, const v1::Rubric& rubric,
                      const v1::FeedbackReport& report, Tally* tally) {
  std::map<std::string, std::string> expected =
      ExpectedFindings(gold, rubric, report);
  std::set<std::string> raised;
  for (const v1::Finding& f : report.findings()) {
    std::string key = Key(f.code(), f.paragraph());
    if (!raised.insert(key).second) continue;
    bool right =
        expected.count(key) > 0 || expected.count(Key(f.code(), -1)) > 0;
    std::string what = absl::StrCat(
        name, " ", key, " ", Snippet(text, f.span().begin(), f.span().end()),
        " ", f.message());
    tally->Count("findings.precision", right, what);
    tally->Count(
        absl::StrCat("findings.precision.", SeverityName(f.severity())), right,
        what);
    tally->Count(absl::StrCat("precision:", f.code()), right, what);
  }
  for (const auto& [key, why] : expected) {
    std::string code = key.substr(0, key.find('#'));
    bool found = raised.count(key) > 0;
    if (!found && absl::EndsWith(key, "#any")) {
      for (const std::string& r : raised) {
        found |= absl::StartsWith(r, code + "#");
      }
    }
    std::string what = absl::StrCat(name, " ", key, " (", why, ")");
    tally->Count("findings.recall", found, what);
    tally->Count(absl::StrCat("recall:", code), found, what);
  }
}

bool SameFoldedName(absl::string_view a, absl::string_view b) {
  std::string fa = rubrics::FoldName(a), fb = rubrics::FoldName(b);
  return !fa.empty() && (fa == fb || absl::EndsWith(fa, " " + fb) ||
                         absl::EndsWith(fb, " " + fa));
}

// `engine` names the author `gold` records. A gold name written whole with
// a comma ("Britannica, The Editors of Encyclopaedia", "United States
// Department of Health and Human Services, Office of ...") is inverted or
// hierarchical: its part before the comma names the author too.
bool SameName(absl::string_view engine, absl::string_view gold) {
  if (SameFoldedName(engine, gold)) return true;
  std::size_t comma = gold.find(',');
  return comma != absl::string_view::npos &&
         SameFoldedName(engine, gold.substr(0, comma));
}

bool SameYear(absl::string_view gold, absl::string_view engine) {
  if (gold.empty() || gold == "n.d.") {
    return engine.empty() || engine == "n.d.";
  }
  return engine.substr(0, 4) == gold.substr(0, 4);
}

const GoldReference* GoldReferenceAt(const EssayGold& gold,
                                     const v1::Span& span) {
  for (const GoldReference& r : gold.references()) {
    if (r.has_span() && Overlaps(span, r.span())) return &r;
  }
  return nullptr;
}

void EvaluateCitations(absl::string_view name, const EssayGold& gold,
                       absl::string_view text, const v1::FeedbackReport& report,
                       Tally* tally) {
  std::vector<int> paired(report.citations_size(), -1);
  for (int g = 0; g < gold.citations_size(); ++g) {
    const GoldCitation& gc = gold.citations(g);
    int match = -1;
    for (int e = 0; e < report.citations_size() && match < 0; ++e) {
      if (paired[e] < 0 && Overlaps(report.citations(e).span(), gc.span())) {
        match = e;
      }
    }
    // A note citing three works is one marker the gold may record three
    // times, at one span: each is found by the one citation there.
    for (int e = 0; e < report.citations_size() && match < 0; ++e) {
      if (paired[e] >= 0 &&
          gold.citations(paired[e]).span().begin() == gc.span().begin() &&
          gold.citations(paired[e]).span().end() == gc.span().end()) {
        match = e;
      }
    }
    if (match >= 0 && paired[match] < 0) paired[match] = g;
    tally->Count(
        "citations.recall", match >= 0,
        absl::StrCat(name, " missed ",
                     Snippet(text, gc.span().begin(), gc.span().end())));
    if (match < 0) continue;
    const v1::Citation& ec = report.citations(match);
    const v1::Source* source =
        ec.source() >= 0 && ec.source() < report.sources_size()
            ? &report.sources(ec.source())
            : nullptr;
    bool listed = source != nullptr && source->in_reference_list();
    std::string cited = Snippet(text, gc.span().begin(), gc.span().end());
    if (!gc.source().empty()) {
      tally->Count("citations.attributed", listed,
                   absl::StrCat(name, " ", cited, " given no listed source"));
      // Silence about a source is not a wrong source: a citation the
      // engine ties to no entry is counted above, not here.
      if (!listed) continue;
    }
    bool resolved;
    if (gc.source().empty()) {
      resolved = !listed;
    } else {
      const GoldReference* ref =
          GoldReferenceAt(gold, source->reference_span());
      resolved = ref != nullptr && ref->key() == gc.source();
    }
    tally->Count("citations.resolved", resolved,
                 absl::StrCat(name, " ",
                              Snippet(text, gc.span().begin(), gc.span().end()),
                              " should cite '", gc.source(), "'"));
  }
  for (int e = 0; e < report.citations_size(); ++e) {
    const v1::Citation& ec = report.citations(e);
    tally->Count(
        "citations.precision", paired[e] >= 0,
        absl::StrCat(name, " not a citation: ",
                     Snippet(text, ec.span().begin(), ec.span().end())));
  }
}

void EvaluateSources(absl::string_view name, const EssayGold& gold,
                     const v1::FeedbackReport& report, Tally* tally) {
  for (const GoldReference& r : gold.references()) {
    const v1::Source* read = nullptr;
    for (const v1::Source& s : report.sources()) {
      if (s.in_reference_list() && Overlaps(s.reference_span(), r.span())) {
        read = &s;
        break;
      }
    }
    bool right =
        read != nullptr &&
        (r.authors().empty()
             ? read->authors().empty() || SameName(read->authors(0), r.title())
             : !read->authors().empty() &&
                   SameName(read->authors(0), r.authors(0))) &&
        SameYear(r.year(), read->year());
    tally->Count(
        "references.read", right,
        absl::StrCat(
            name, " ", r.key(), " read as ",
            read == nullptr
                ? std::string("nothing")
                : absl::StrCat(read->authors().empty() ? "" : read->authors(0),
                               " ", read->year())));
  }
  // Every source the report names must be a work the essay draws on, named
  // by its author as the essay names it.
  for (int i = 0; i < report.sources_size(); ++i) {
    const v1::Source& s = report.sources(i);
    tally->Count("sources.with_name", !s.authors().empty(),
                 absl::StrCat(name, " source without a name ", s.key()));
    if (s.authors().empty()) continue;  // unnamed: nothing to get wrong
    std::string first = s.authors(0);
    bool right = false;
    const GoldReference* ref = s.in_reference_list()
                                   ? GoldReferenceAt(gold, s.reference_span())
                                   : nullptr;
    if (ref != nullptr) {
      right = ref->authors().empty() || SameName(first, ref->authors(0));
    } else {
      // Not an entry the gold lists (a note, a short form, an unlisted
      // work): right when it names an author the essay cites or lists.
      for (const GoldCitation& c : gold.citations()) {
        right |= SameName(first, c.author());
      }
      for (const GoldReference& r : gold.references()) {
        right |= !r.authors().empty() && SameName(first, r.authors(0));
      }
    }
    tally->Count("sources.named", right,
                 absl::StrCat(name, " source '", first, "' ", s.year()));
  }
}

bool RoleMatches(v1::SectionRole engine, const GoldParagraph& p) {
  Role as_gold = ROLE_UNSPECIFIED;
  switch (engine) {
    case v1::SECTION_ROLE_INTRODUCTION:
      as_gold = ROLE_INTRODUCTION;
      break;
    case v1::SECTION_ROLE_CONTEXT:
      as_gold = ROLE_CONTEXT;
      break;
    case v1::SECTION_ROLE_BODY:
      as_gold = ROLE_BODY;
      break;
    case v1::SECTION_ROLE_COMPARISON:
      as_gold = ROLE_COMPARISON;
      break;
    case v1::SECTION_ROLE_CONCLUSION:
      as_gold = ROLE_CONCLUSION;
      break;
    default:
      break;
  }
  for (int role : p.roles()) {
    if (role == as_gold) return true;
  }
  return false;
}

void EvaluateOutline(absl::string_view name, const EssayGold& gold,
                     const v1::FeedbackReport& report, Tally* tally) {
  for (const GoldParagraph& p : gold.paragraphs()) {
    int index = ParagraphAt(report, p.at().begin());
    v1::SectionRole role = index >= 0 ? report.paragraphs(index).role()
                                      : v1::SECTION_ROLE_UNSPECIFIED;
    std::string gold_roles;
    for (int r : p.roles()) {
      absl::StrAppend(&gold_roles, gold_roles.empty() ? "" : "|",
                      Role_Name(static_cast<Role>(r)));
    }
    tally->Count(
        "roles.accuracy", RoleMatches(role, p),
        absl::StrCat(name, " ", Snippet(p.at().text(), 0, 40), " read as ",
                     v1::SectionRole_Name(role), ", not ", gold_roles));
  }
  if (gold.structure_unmeasurable()) return;
  bool thesis = report.thesis().end() > report.thesis().begin();
  tally->Count("thesis.present_absent", thesis == gold.thesis_present(),
               absl::StrCat(name, thesis ? " thesis found" : " thesis missed"));
  if (thesis && gold.thesis_present() && gold.thesis_present()) {
    tally->Count("thesis.located", Overlaps(report.thesis(), gold.thesis()),
                 absl::StrCat(name, " thesis placed elsewhere"));
  }
  bool roadmap = report.roadmap().end() > report.roadmap().begin();
  tally->Count(
      "roadmap.present_absent", roadmap == gold.roadmap_present(),
      absl::StrCat(name, roadmap ? " roadmap found" : " roadmap missed"));
  bool conclusion = false;
  for (const v1::ParagraphOutline& p : report.paragraphs()) {
    conclusion |= p.role() == v1::SECTION_ROLE_CONCLUSION;
  }
  tally->Count("conclusion.present_absent",
               conclusion == gold.conclusion_present(),
               absl::StrCat(name, conclusion ? " conclusion found"
                                             : " conclusion missed"));
}

absl::Status CheckSpan(const GoldSpan& span, absl::string_view text,
                       absl::string_view what) {
  if (span.begin() < 0 || span.end() < span.begin() ||
      span.end() > static_cast<int>(text.size())) {
    return absl::InvalidArgumentError(absl::StrCat(what, " [", span.begin(),
                                                   ", ", span.end(),
                                                   ") lies outside the essay"));
  }
  if (!span.text().empty() &&
      text.substr(span.begin(), span.end() - span.begin()) != span.text()) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " [", span.begin(), ", ", span.end(), ") covers ",
                     Snippet(text, span.begin(), span.end()),
                     ", not the gold's ", Snippet(span.text(), 0, 60)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckGoldSpans(const EssayGold& gold, absl::string_view text) {
  std::vector<std::pair<const GoldSpan*, std::string>> spans;
  for (const GoldCitation& c : gold.citations())
    spans.push_back({&c.span(), "citation"});
  for (const GoldReference& r : gold.references()) {
    if (r.has_span()) spans.push_back({&r.span(), "reference " + r.key()});
  }
  for (const GoldQuotation& q : gold.quotations())
    spans.push_back({&q.span(), "quotation"});
  for (const GoldParagraph& p : gold.paragraphs())
    spans.push_back({&p.at(), "paragraph"});
  if (gold.thesis_present()) spans.push_back({&gold.thesis(), "thesis"});
  for (const GoldFinding& f : gold.expected_findings()) {
    if (f.has_at()) spans.push_back({&f.at(), "finding " + f.code()});
  }
  for (const GoldFinding& f : gold.forbidden_findings()) {
    if (f.has_at()) spans.push_back({&f.at(), "finding " + f.code()});
  }
  for (const auto& [span, what] : spans) {
    absl::Status status = CheckSpan(*span, text, what);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

void EvaluateEssay(absl::string_view name, const EssayGold& gold,
                   absl::string_view text, const v1::Rubric& rubric,
                   const v1::FeedbackReport& report, Tally* tally) {
  EvaluateFindings(name, gold, text, rubric, report, tally);
  EvaluateCitations(name, gold, text, report, tally);
  EvaluateSources(name, gold, report, tally);
  EvaluateOutline(name, gold, report, tally);
}

}  // namespace marginalia::eval
