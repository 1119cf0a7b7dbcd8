// Internal: turning one scanned date mention into a date relative to publication.
#ifndef PARLEY_DATES_RESOLVE_H_
#define PARLEY_DATES_RESOLVE_H_

#include <cstddef>
#include <string_view>

#include "dates/scanner.h"
#include "parley/dates.h"

namespace parley::dates {

// The date `m` denotes for an article published on `pub` (a valid date), or 0 when it
// denotes none (a bare year that may be a count). `sentence_future` says the sentence has a
// future cue, which sends undirected weekdays, months and month-days forward. Sets `*g`.
Date ResolveMention(const Mention& m, Date pub, bool sentence_future, DateGranularity* g);

// True when the mention starting at `mention_start` dates a noun or a span rather than
// what the sentence reports: "the agreement of November 13, 2013", "unbroken since 1992",
// "established in 1990".
bool DatesSomethingElse(std::string_view sentence, size_t mention_start);

// The word before byte `end` of `text` (ASCII letters only), upper-cased into `word`.
std::string_view WordBefore(std::string_view text, size_t end, char (&word)[16]);

}  // namespace parley::dates

#endif  // PARLEY_DATES_RESOLVE_H_
