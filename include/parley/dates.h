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
#include <vector>

#include "parley/document.h"
#include "parley/event.h"

namespace parley {

// A document's publication date and how it was found. `method` is one of "metadata",
// "header", "dateline", "text" (reader-supplied dates) or "inferred: <why>" (guessed from
// the text), or "unknown" (date 0, confidence 0). `precision` says what the date pins
// down: a guess that rests on a month is month-precise (date the 15th), on a year only
// year-precise.
struct PublicationDate {
  Date date = 0;
  double confidence = 0.0;
  std::string method = "unknown";
  DatePrecision precision = DatePrecision::kUnknown;
};

}  // namespace parley

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
  // What the guess pins down: kDay for a reader date or a full date in the text, kMonth
  // for a month, kYear for a year; kUnknown with date 0.
  DatePrecision precision = DatePrecision::kUnknown;
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

// The document's date from the reader (metadata, header, dateline: method names which) or
// else InferPublicationDate's guess (method "inferred: <reason>"), or "unknown".
PublicationDate FindPublicationDate(const Document& doc);

// An event's date and how it was found (the fields of Event with the same names).
struct EventDate {
  Date date = 0;  // first day of the period; 0 unknown
  DatePrecision precision = DatePrecision::kUnknown;
  EventDateSource source = EventDateSource::kPublication;
  double confidence = 0.0;
  bool guessed = false;
  bool future = false;
  bool historical = false;
};

// The one event-date resolver. Dates the event whose verb spans [verb_start, verb_end) of
// `sentence` (-1: unknown; then the sentence's own tense is read) in an article published
// on `pub`:
//  - tense: an event is future when a future or planning cue governs its verb ("will
//    meet", "is scheduled to visit", "plans to"), or when its verb is not past and the
//    sentence names a later time ("talks next week"). A noun "will" ("breaking their
//    will") is no cue. A past or perfect event never gets a date after `pub`: a later date
//    in its sentence is about something else and is skipped.
//  - a date expression counts only outside quotes when the verb is outside them (and
//    inside when it is inside), and not across a semicolon; "of"/"since"/"founded in"
//    dates are skipped. The most precise expression wins, then the one nearest the verb.
//  - dates are the start of their period (month: the 1st, year: 1 January, week: its
//    Monday) with the precision saying so; with no expression the event takes the
//    publication date at its precision (source publication or inferred-publication).
//  - historical: the period ends more than a year before `pub` ("in 2015" in a 2018
//    article), or "before 1939" (then the date is unknown: only a bound).
//  - confidence: 0.9 for a full date in the text, 0.85 month-year or year, 0.85 x the
//    publication confidence for relative expressions, 0.7 x it for the publication date
//    (0.4 x it for a past event other than reported speech: often background).
// Pure and thread-safe; allocates nothing per call in steady state.
EventDate ResolveEventDate(std::string_view sentence, int32_t verb_start, int32_t verb_end,
                           const PublicationDate& pub);

// Sets the date fields of every event (date, date_precision, date_source, date_confidence,
// date_guessed, future, historical, pub_date, pub_date_method, pub_date_confidence) with
// ResolveEventDate. `code`, `explain` and the store all date events through this.
void DateEvents(const PublicationDate& pub, std::vector<Event>* events);
// As above with FindPublicationDate(doc).
void DateEvents(const Document& doc, std::vector<Event>* events);

}  // namespace parley::dates

#endif  // PARLEY_DATES_H_
