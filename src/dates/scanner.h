// Finds date expressions in English text with a hand-written lexer: one pass over the
// bytes, keyword lookup by binary search in a static table, pattern matching over a small
// token array. Shared by publication-date inference and event-date resolution.
#ifndef PARLEY_DATES_SCANNER_H_
#define PARLEY_DATES_SCANNER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace parley::dates {

enum class MentionKind : uint8_t {
  kFullDate,     // year, month, day
  kMonthDay,     // month, day; no year
  kMonthYear,    // year, month
  kMonth,        // month only ("in March")
  kYear,         // year only
  kDayOffset,    // offset days from publication: yesterday -1, today 0, "3 days ago" -3
  kWeekday,      // weekday 0 (Monday) .. 6
  kWeekend,      // "the weekend"
  kWeekOffset,   // "last week" -1, "this week" 0, "2 weeks ago" -2
  kMonthOffset,  // "last month" -1, "earlier this month" 0
  kYearOffset,   // "last year" -1, "this year" 0
};

// -1 "last"/"previous"/"past", +1 "next"/"coming", 0 none.
struct Mention {
  MentionKind kind = MentionKind::kYear;
  int8_t direction = 0;
  bool future_context = false;     // a future cue (will, next, scheduled...) shortly before
  bool after_preposition = false;  // years and months: "in"/"during"/"early"/"since"... before
  int year = 0;
  int month = 0;
  int day = 0;
  int offset = 0;      // for k*Offset kinds
  int weekday = 0;     // for kWeekday
  uint32_t start = 0;  // byte range in the scanned text
  uint32_t end = 0;
};

// Appends the date expressions of `text` to `out` in text order. `sentence_future` (may be
// null) is set when the text contains a future cue anywhere. Thread-safe; reuses a
// thread-local token buffer so steady-state calls allocate only when `out` grows.
void ScanDates(std::string_view text, std::vector<Mention>* out, bool* sentence_future);

}  // namespace parley::dates

#endif  // PARLEY_DATES_SCANNER_H_
