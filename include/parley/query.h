// Queries behind the analyst workbench: dyad time series, event lists, top actors, actor
// look-up and coding explanations. The CLI (`parley dyad|events|top|explain`) and the HTTP
// server (`parley serve`) both call these functions, so each query has one implementation
// and the terminal, the API and the page always show the same numbers.
#ifndef PARLEY_QUERY_H_
#define PARLEY_QUERY_H_

#include <string>
#include <string_view>
#include <vector>

#include "parley/coder.h"
#include "parley/document.h"
#include "parley/event.h"

namespace parley::query {

// ---- Explain: why the coder produced (or did not produce) events for some text.

// One actor or agent the coder recognised in a sentence.
struct ExplainedActor {
  std::string text;  // words as they appear in the sentence
  std::string code;  // CAMEO actor code ("RUSGOV"); agent-composed codes included
  std::string rule;  // dictionary entry, "file:line" ("pronoun" for coreference)
};

// One verb pattern the coder tried for a verb.
struct ExplainedPattern {
  std::string rule;     // "file:line"
  std::string pattern;  // the dictionary line itself, when the file is readable
  bool matched = false;
};

struct ExplainedVerb {
  std::string text;
  std::string rule;
};

struct ExplainedSentence {
  std::string text;
  std::vector<std::string> tokens;  // normalised token forms, as the dictionaries see them
  std::vector<ExplainedActor> actors;
  std::vector<ExplainedVerb> verbs;
  std::vector<ExplainedPattern> patterns;  // every verb pattern tried, in order
  std::vector<Event> events;
  SentenceOutcome outcome = SentenceOutcome::kNoEvent;
  // Empty when events were coded; otherwise a sentence saying why none was.
  std::string why_not;
};

struct Explanation {
  std::vector<ExplainedSentence> sentences;
};

// Codes `text` (one or more sentences; cleaned like an article body) dated `date` (0 =
// unknown) with `coder` and records every decision. Never fails: text that yields no
// sentence gives an empty explanation.
Explanation Explain(const Coder& coder, std::string_view text, Date date);

// "coded", "no event", "discarded", "complex" or "too short".
std::string_view OutcomeName(SentenceOutcome outcome);

// The explanation as a JSON document (the /api/explain response body).
std::string ExplanationToJson(const Explanation& explanation);

// The explanation as indented text for a terminal; `ansi` colours the spans.
std::string ExplanationToText(const Explanation& explanation, bool ansi);

// ---- Terminal helpers.

// `event.sentence` with the source, target and verb spans marked: ANSI colours when
// `ansi` (source green, target magenta, verb underlined), else [actor] and {verb}.
// Spans that are unknown, out of range or overlapping are left unmarked.
std::string HighlightSentence(const Event& event, bool ansi);

// "2023-02-10  RUS -> KOR  036 Express intent to meet or negotiate  (Q1, +4.0)".
std::string EventLine(const Event& event);

}  // namespace parley::query

#endif  // PARLEY_QUERY_H_
