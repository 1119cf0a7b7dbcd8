#include <cstdint>

#include "parley/dates.h"

namespace parley::dates {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithms).
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
  return MakeDate(y, m, d);
}

}  // namespace

Date MakeDate(int year, int month, int day) {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month))
    return 0;
  return year * 10000 + month * 100 + day;
}

bool IsValidDate(Date date) {
  return date > 0 && MakeDate(date / 10000, date / 100 % 100, date % 100) == date;
}

Date AddDays(Date date, int days) {
  if (!IsValidDate(date)) return 0;
  return CivilFromDays(DaysFromCivil(date / 10000, date / 100 % 100, date % 100) + days);
}

int DayOfWeek(Date date) {
  if (!IsValidDate(date)) return -1;
  const int64_t z = DaysFromCivil(date / 10000, date / 100 % 100, date % 100);
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

Date AddMonths(Date date, int months) {
  if (!IsValidDate(date)) return 0;
  int index = date / 10000 * 12 + (date / 100 % 100 - 1) + months;
  const int y = index / 12;
  const int m = index % 12 + 1;
  if (y < 1000 || y > 2999) return 0;
  const int d = date % 100 < DaysInMonth(y, m) ? date % 100 : DaysInMonth(y, m);
  return MakeDate(y, m, d);
}

}  // namespace parley::dates
