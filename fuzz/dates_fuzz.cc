// Fuzz target: the date scanner, the event-date resolver and publication-date inference
// on arbitrary text. Every mention lies inside the text, and every date returned is 0 or
// a day the calendar has (never 20230230), whatever the publication date.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "dates/scanner.h"
#include "parley/dates.h"
#include "parley/document.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckDate(parley::Date d) { Check(d == 0 || parley::dates::IsValidDate(d)); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<dates::Mention> mentions;
  bool future = false;
  dates::ScanDates(text, &mentions, &future);
  uint32_t previous_start = 0;
  for (const dates::Mention& m : mentions) {
    Check(m.start <= m.end && m.end <= text.size());
    Check(m.start >= previous_start);  // text order
    previous_start = m.start;
  }
  // Ordinary days, month and year ends, a leap day, and days that do not exist.
  for (Date publication :
       {20230210, 20240229, 20231231, 20230101, 19991231, 0, 20230230, 20190229, 99999999, -5}) {
    dates::DateGranularity granularity;
    const Date d = dates::ResolveEventDate(text, publication, &granularity);
    CheckDate(d);
    if (granularity == dates::DateGranularity::kPublication)
      Check(d == (dates::IsValidDate(publication) ? publication : 0));
  }
  // The event resolver, with the verb at a few places (and unknown): dates are calendar
  // days at the start of their period, and only future events come after publication.
  for (int32_t verb : {-1, 0, static_cast<int32_t>(size / 2), static_cast<int32_t>(size)}) {
    for (Date day : {20230210, 20240229, 0, 20230230}) {
      PublicationDate pub;
      pub.date = day;
      pub.confidence = 0.5;
      pub.method = "inferred: fuzz";
      pub.precision = day ? DatePrecision::kDay : DatePrecision::kUnknown;
      const dates::EventDate d = dates::ResolveEventDate(text, verb, verb + 3, pub);
      CheckDate(d.date);
      Check(d.confidence >= 0 && d.confidence <= 1);
      Check(d.date != 0 || d.precision == DatePrecision::kUnknown);
      if (dates::IsValidDate(day) && !d.future) Check(d.date <= day);
      if (d.precision == DatePrecision::kMonth) Check(d.date % 100 == 1);
      if (d.precision == DatePrecision::kYear) Check(d.date % 10000 == 101);
      if (d.historical && d.date != 0) Check(d.date < day);
    }
  }
  Document doc;
  doc.text.assign(text);
  const dates::DateGuess guess = dates::InferPublicationDate(doc);
  CheckDate(guess.date);
  Check(guess.confidence >= 0 && guess.confidence <= 1);
  Check(guess.date != 0 || guess.confidence == 0);
  CheckDate(ParseDate(text));
  return 0;
}
