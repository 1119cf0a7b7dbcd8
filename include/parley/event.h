// Event: one coded CAMEO event with the evidence that produced it.
#ifndef PARLEY_EVENT_H_
#define PARLEY_EVENT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "parley/document.h"

namespace parley {

// A coded span: `code` is the CAMEO actor code ("RUSGOV"); `text` is the words that
// matched; [start, end) are byte offsets into the event's sentence. Offsets are -1 when
// the actor was not in the sentence (for example a default source).
struct ActorSpan {
  std::string code;
  std::string text;
  int32_t start = -1;
  int32_t end = -1;
};

struct VerbSpan {
  std::string text;
  int32_t start = -1;
  int32_t end = -1;
};

// How precise an event's date is: the event happened on `date` (kDay) or within the week,
// month or year that starts on `date`; kUnknown when nothing dates it.
enum class DatePrecision : uint8_t { kUnknown, kDay, kWeek, kMonth, kYear };

// Where an event's date came from: a date expression in its sentence, the article's own
// publication date, or a publication date guessed from the article's text.
enum class EventDateSource : uint8_t { kText, kPublication, kInferredPublication };

// "unknown", "day", "week", "month", "year".
std::string_view DatePrecisionName(DatePrecision precision);
// Finer periods first: day 0, week 1, month 2, year 3, unknown 4.
int DatePrecisionRank(DatePrecision precision);
// "text", "publication", "inferred-publication".
std::string_view EventDateSourceName(EventDateSource source);
// The inverses, for stored names; anything else gives kUnknown / kPublication.
DatePrecision ParseDatePrecision(std::string_view name);
EventDateSource ParseEventDateSource(std::string_view name);

struct Event {
  std::string doc_id;
  int32_t sentence_index = 0;  // 0-based index of the sentence in its document
  std::string sentence;        // the sentence text the offsets refer to
  Date date = 0;
  ActorSpan source;
  ActorSpan target;
  std::string code;        // CAMEO event code as a string ("036", "1056")
  std::string root;        // first two digits of `code`
  int32_t quad_class = 0;  // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0.0;
  VerbSpan verb;
  std::string rule;    // dictionary entry that fired, "file:line"
  std::string issues;  // optional issue codes, ";"-separated

  // How `date` was found; set by dates::DateEvents (parley/dates.h), the one resolver that
  // `code`, `explain` and the store share. See docs/dates.md.
  DatePrecision date_precision = DatePrecision::kUnknown;
  EventDateSource date_source = EventDateSource::kPublication;
  double date_confidence = 0.0;  // 0..1: how likely `date` is right at `date_precision`
  bool date_guessed = false;     // the date rests on a publication date guessed from the text
  bool future = false;           // future tense or planned ("will meet on 3 May")
  bool historical = false;       // the text dates it more than a year before publication
  Date pub_date = 0;             // the article's publication date (0 unknown)
  std::string pub_date_method = "unknown";  // metadata|header|dateline|text|inferred: ...
  double pub_date_confidence = 0.0;
};

}  // namespace parley

#endif  // PARLEY_EVENT_H_
