#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

#include "parley/dates.h"
#include "parley/document.h"

namespace parley {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Calendar-valid dates only: 2023-02-30 or 2019-02-29 are 0, never shifted to a real day.
Date Pack(int y, int m, int d) { return dates::MakeDate(y, m, d); }

}  // namespace

std::string FormatDate(Date date) {
  if (date <= 0) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
  return buf;
}

Date ParseDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && AllDigits(text.substr(0, 4)) &&
      AllDigits(text.substr(5, 2)) && AllDigits(text.substr(8, 2))) {
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return 0;
    return Pack(ToInt(text.substr(0, 4)), ToInt(text.substr(5, 2)), ToInt(text.substr(8, 2)));
  }
  if (!AllDigits(text)) return 0;
  if (text.size() == 8)
    return Pack(ToInt(text.substr(0, 4)), ToInt(text.substr(4, 2)), ToInt(text.substr(6, 2)));
  if (text.size() == 6) {
    int yy = ToInt(text.substr(0, 2));
    return Pack(yy < 30 ? 2000 + yy : 1900 + yy, ToInt(text.substr(2, 2)),
                ToInt(text.substr(4, 2)));
  }
  return 0;
}

}  // namespace parley
