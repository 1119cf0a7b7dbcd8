// Internal: turning one scanned date mention into a date relative to publication.
#ifndef PARLEY_DATES_RESOLVE_H_
#define PARLEY_DATES_RESOLVE_H_

#include "dates/scanner.h"
#include "parley/dates.h"

namespace parley::dates {

// The date `m` denotes for an article published on `pub` (a valid date), or 0 when it
// denotes none (a bare year that may be a count). `sentence_future` says the sentence has a
// future cue, which sends undirected weekdays, months and month-days forward. Sets `*g`.
Date ResolveMention(const Mention& m, Date pub, bool sentence_future, DateGranularity* g);

}  // namespace parley::dates

#endif  // PARLEY_DATES_RESOLVE_H_
