// Document: one news article (or one validation record) as read from any input format.
#ifndef PARLEY_DOCUMENT_H_
#define PARLEY_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace parley {

// A calendar date packed as YYYYMMDD (20230210). 0 means "unknown".
using Date = int32_t;

// Formats a Date as "YYYY-MM-DD", or "" when the date is unknown.
std::string FormatDate(Date date);

// Parses "YYYY-MM-DD", "YYYYMMDD", "YYMMDD" (TABARI: 00-29 -> 20xx, else 19xx) or an ISO
// timestamp whose first ten characters are a date. Returns 0 when `text` is not a date,
// including a day the calendar does not have (2023-02-30, 2019-02-29, 2023-04-31): callers
// report it and keep the record undated rather than shift it.
Date ParseDate(std::string_view text);

// Where a document's date came from; recorded so users can judge it.
enum class DateSource : uint8_t { kUnknown, kMetadata, kHeader, kDateline, kText };

struct Document {
  std::string id;  // record id, or the file name for one-article files
  Date date = 0;   // publication date
  DateSource date_source = DateSource::kUnknown;
  std::string text;          // article body, UTF-8 (validated and normalised by the reader)
  std::string title;         // optional
  std::string url;           // optional
  std::string source;        // optional publisher ("Guardian", "RIA Novosti")
  std::string place;         // optional dateline place ("SEOUL")
  std::string origin;        // file the record came from, for messages
  uint64_t origin_line = 0;  // 1-based line (or record number) in `origin`, 0 if whole file

  // Validation records only: the events the record is expected to produce, as written
  // by the suite ("ARN GON 064"), and options that apply to this record alone.
  std::vector<std::string> expected_events;

  // Fields added by the io readers (src/io); empty unless the format carries them.
  // TABARI records: the text of the record's /* ... */ comment blocks, one line per line,
  // with TABARI's leading "\n" display markers removed. The suite writes the expected
  // events ("{ ARN / GON / 064 }") and per-record options ("{ OPTION: ... }") there.
  std::string notes;
  // PETRARCH records: the `category` attribute ("DEMO", "COMPOUND").
  std::string category;
  // PETRARCH records: <Config option="x" value="y"> settings that appear before this
  // record (since the previous one), as "x=y" in file order; they apply from here on.
  std::vector<std::string> options;
  // PETRARCH records: <EventCoding noevents="True"> -- the record must code nothing.
  bool expect_no_events = false;
  // PETRARCH records: <EventCoding error="dateline"> -- the error the record must raise.
  std::string expected_error;
};

}  // namespace parley

#endif  // PARLEY_DOCUMENT_H_
