// Periods, actor codes and dyads as users type them.
#include <fmt/format.h>

#include <cctype>
#include <charconv>

#include "parley/dates.h"
#include "parley/query.h"

namespace parley::query {
namespace {

int Year(Date d) { return d / 10000; }
int Month(Date d) { return d / 100 % 100; }

}  // namespace

Status ParseInterval(std::string_view name, Interval* interval) {
  if (name == "day") {
    *interval = Interval::kDay;
  } else if (name == "week") {
    *interval = Interval::kWeek;
  } else if (name == "month") {
    *interval = Interval::kMonth;
  } else if (name == "year") {
    *interval = Interval::kYear;
  } else {
    return Status::InvalidArgument(
        fmt::format("interval '{}' is not one of day, week, month, year", name));
  }
  return Status::OK();
}

std::string_view IntervalName(Interval interval) {
  switch (interval) {
    case Interval::kDay:
      return "day";
    case Interval::kWeek:
      return "week";
    case Interval::kMonth:
      return "month";
    case Interval::kYear:
      return "year";
  }
  return "month";
}

Date PeriodStart(Date date, Interval interval) {
  if (date <= 0) return 0;
  switch (interval) {
    case Interval::kDay:
      return date;
    case Interval::kWeek:
      return dates::AddDays(date, -dates::DayOfWeek(date));  // back to Monday
    case Interval::kMonth:
      return date / 100 * 100 + 1;
    case Interval::kYear:
      return date / 10000 * 10000 + 101;
  }
  return date;
}

Date NextPeriod(Date start, Interval interval) {
  switch (interval) {
    case Interval::kDay:
      return dates::AddDays(start, 1);
    case Interval::kWeek:
      return dates::AddDays(start, 7);
    case Interval::kMonth:
      return Month(start) == 12 ? (Year(start) + 1) * 10000 + 101 : start + 100;
    case Interval::kYear:
      return start + 10000;
  }
  return start;
}

Date PeriodEnd(Date start, Interval interval) {
  Date next = NextPeriod(start, interval);
  return dates::AddDays(next, -1);
}

std::string PeriodLabel(Date start, Interval interval) {
  if (start <= 0) return "undated";
  switch (interval) {
    case Interval::kDay:
    case Interval::kWeek:
      return FormatDate(start);
    case Interval::kMonth:
      return fmt::format("{:04d}-{:02d}", Year(start), Month(start));
    case Interval::kYear:
      return fmt::format("{:04d}", Year(start));
  }
  return FormatDate(start);
}

Status NormalizeActorCode(std::string_view text, std::string* code) {
  code->clear();
  if (text.empty() || text.size() > 12)
    return Status::InvalidArgument(
        fmt::format("actor code '{}' must be 1 to 12 letters, digits or '-'", text));
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (!std::isalnum(u) && c != '-')
      return Status::InvalidArgument(
          fmt::format("actor code '{}' must be 1 to 12 letters, digits or '-'", text));
    code->push_back(static_cast<char>(std::toupper(u)));
  }
  return Status::OK();
}

Status ParseDateParam(std::string_view text, std::string_view what, Date* date) {
  *date = 0;
  if (text.empty()) return Status::OK();
  Date d = text.size() == 10 || text.size() == 8 ? ParseDate(text) : 0;
  if (!dates::IsValidDate(d))
    return Status::InvalidArgument(fmt::format("{} '{}' is not a date (YYYY-MM-DD)", what, text));
  *date = d;
  return Status::OK();
}

Status ParseConfidenceParam(std::string_view text, std::string_view what, double* confidence) {
  *confidence = 0;
  if (text.empty()) return Status::OK();
  double value = -1;
  const char* begin = text.data();
  const char* end = begin + text.size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || !(value >= 0 && value <= 1))
    return Status::InvalidArgument(
        fmt::format("{} '{}' is not a confidence from 0 to 1", what, text));
  *confidence = value;
  return Status::OK();
}

Status ParseDyad(std::string_view text, std::string* a, std::string* b) {
  // Codes may themselves contain '-' ("---GOV"), so split at the dash that leaves two
  // valid codes (the first such dash: "---GOV-KOR" splits after GOV).
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] != '-') continue;
    if (NormalizeActorCode(text.substr(0, i), a).ok() &&
        NormalizeActorCode(text.substr(i + 1), b).ok() &&
        a->find_first_not_of('-') != std::string::npos &&
        b->find_first_not_of('-') != std::string::npos)
      return Status::OK();
  }
  return Status::InvalidArgument(
      fmt::format("dyad '{}' must be two actor codes joined by '-', e.g. RUS-KOR", text));
}

}  // namespace parley::query
