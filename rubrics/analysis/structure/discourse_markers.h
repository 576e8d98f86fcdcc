// Word lists that signal the parts of an argument: comparison, transitions,
// thesis and roadmap statements, conclusions. English; matched on folded
// words, so British and American spellings are both listed where they
// differ.
#pragma once

#include <initializer_list>

#include "absl/strings/string_view.h"
#include "rubrics/analysis/structure/phrase_set.h"

namespace marginalia::rubrics {

// "in contrast", "unlike", "whereas", "both", "differ*", ...
const PhraseSet& ComparisonMarkers();
// Openings that tie a paragraph to what precedes it: "however", "this".
const PhraseSet& TransitionOpeners();
// "this essay will", "I argue", "in my opinion", ...
const PhraseSet& ThesisMarkers();
// Roadmap sequence words: "first", "then", "finally", "will also".
const PhraseSet& SequenceMarkers();
// "In conclusion", "To sum up", "Overall", ...
const PhraseSet& ConclusionOpeners();
// Summing-up language anywhere in a paragraph: "has shown", "this essay",
// "for the reasons mentioned above", "conclude".
const PhraseSet& SummaryCues();
// Words that take a stance: "should", "better", "I believe", "outweigh".
const PhraseSet& StanceCues();
// Openings of a body paragraph making a further point: "Secondly",
// "Another", "For example".
const PhraseSet& BodyOpeners();
// Openers of a last point or a counter-argument ("Finally", "However",
// "Some people argue"): in a short essay, the paragraph carries on the
// argument; a long essay may conclude with them.
const PhraseSet& CounterOpeners();

// The writer's own verdict ("I believe", "in my opinion"): a last paragraph
// that opens like a counter-point but gives it is a conclusion.
const PhraseSet& ClosingStance();

// Words that introduce an example: a body paragraph's, seldom an opening's.
const PhraseSet& ExampleMarkers();

// Openers that presuppose an earlier point ("Secondly", "Furthermore"): a
// paragraph that starts so cannot open an essay.
const PhraseSet& ContinuationOpeners();

// Whether a heading contains one of `stems`, ignoring case
// ("Contextualising the Plan" contains "context").
bool HeadingHas(absl::string_view heading,
                std::initializer_list<absl::string_view> stems);

}  // namespace marginalia::rubrics
