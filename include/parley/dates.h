// Dates in news text: guessing an article's publication date when its metadata has none,
// and resolving relative expressions ("yesterday", "on Monday", "last month", "in March")
// in an event's sentence against the publication date.
//
// English only. Both functions are pure, stateless and thread-safe; they scan the text
// once with a hand-written lexer (no regular expressions) and allocate nothing per token.
#ifndef PARLEY_DATES_H_
#define PARLEY_DATES_H_

#include <string>
#include <string_view>

#include "parley/document.h"

namespace parley::dates {

// Calendar helpers on packed YYYYMMDD dates (proleptic Gregorian). All return 0 for an
// invalid input date.
bool IsValidDate(Date date);
Date MakeDate(int year, int month, int day);  // 0 when the day does not exist
Date AddDays(Date date, int days);
// Monday = 0 ... Sunday = 6; -1 for an invalid date.
int DayOfWeek(Date date);
// The same day `months` months later (negative: earlier), clamped to the month's last day.
Date AddMonths(Date date, int months);

// A publication date guess. date == 0 when nothing in the document points to a date.
struct DateGuess {
  Date date = 0;
  // 1.0 metadata; 0.9-0.95 header/dateline; 0.45-0.55 a full date in the text; 0.15 a
  // month; 0.05-0.2 only a year; 0 nothing. Calibrated on the Guardian sample with its
  // dates hidden (docs/dates.md): text-only guesses are lower bounds more than estimates.
  double confidence = 0;
  // Why, for people: "metadata", "newest date in text: 2023-02-10 (\"February 10, 2023\")".
  std::string reason;
};

// Returns the document's own date when it has one (doc.date != 0; confidence from
// doc.date_source). Otherwise infers it from the title and text: the newest explicit date
// that is not in a future context ("will", "next", "scheduled") is a lower bound and usually
// within days of publication; month and year mentions with "this year", "last year",
// "last month", "earlier this month" narrow the month and year. Guesses that rest only on
// a month or a year get low confidence and the middle of the span.
DateGuess InferPublicationDate(const Document& doc);

// How precise a resolved event date is.
enum class DateGranularity : uint8_t { kDay, kWeek, kMonth, kYear, kPublication };

// The date `sentence` puts its event on, given the article's publication date:
//   explicit dates ("February 10, 2023", "10 Feb 2023", "2023-02-10", "Feb. 10");
//   "today", "tonight", "yesterday", "the day before yesterday", "tomorrow";
//   weekdays ("on Monday": the most recent Monday at or before publication; "last Monday":
//   strictly before; with a future cue such as "will" or "next Monday": the next one);
//   "N days/weeks/months/years ago"; "last week" (publication - 7); "last weekend";
//   "earlier this month", "this month" (first of the month); "last month" (first of the
//   previous month); "in March" / "last March" (the most recent March not after publication;
//   "next March" or a future cue: the next one); "in March 2022"; "this year", "last year",
//   "in 2022" (first of January).
// Month-, week- and year-level results are the first day of the span. When the sentence
// has several expressions the most precise wins (then the first). Returns `publication`
// (granularity kPublication) when nothing applies, and 0 when publication is 0 or not a
// calendar date (20230230). Every date returned is 0 or calendar-valid. `granularity` may
// be null.
Date ResolveEventDate(std::string_view sentence, Date publication,
                      DateGranularity* granularity = nullptr);

}  // namespace parley::dates

#endif  // PARLEY_DATES_H_
