// Periods, actor codes and dyads as users type them.
#include <fmt/format.h>

#include <cctype>

#include "parley/query.h"

namespace parley::query {
namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
  return y * 10000 + m * 100 + d;
}

int Year(Date d) { return d / 10000; }
int Month(Date d) { return d / 100 % 100; }
int Day(Date d) { return d % 100; }

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
    case Interval::kWeek: {
      int64_t days = DaysFromCivil(Year(date), Month(date), Day(date));
      int64_t monday_based = ((days + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
      return CivilFromDays(days - monday_based);
    }
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
      return CivilFromDays(DaysFromCivil(Year(start), Month(start), Day(start)) + 1);
    case Interval::kWeek:
      return CivilFromDays(DaysFromCivil(Year(start), Month(start), Day(start)) + 7);
    case Interval::kMonth:
      return Month(start) == 12 ? (Year(start) + 1) * 10000 + 101 : start + 100;
    case Interval::kYear:
      return start + 10000;
  }
  return start;
}

Date PeriodEnd(Date start, Interval interval) {
  Date next = NextPeriod(start, interval);
  return CivilFromDays(DaysFromCivil(Year(next), Month(next), Day(next)) - 1);
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
  int month = d / 100 % 100, day = d % 100;
  bool valid = d > 0 && month >= 1 && month <= 12 && day >= 1 &&
               CivilFromDays(DaysFromCivil(d / 10000, month, day)) == d;
  if (!valid)
    return Status::InvalidArgument(fmt::format("{} '{}' is not a date (YYYY-MM-DD)", what, text));
  *date = d;
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
