#include "dates/resolve.h"

#include <cctype>

#include "dates/scanner.h"
#include "parley/dates.h"

namespace parley::dates {
namespace {

// The most recent (month, day) at or before `pub`; the next one at or after it when
// `forward`.
Date MonthDayNear(int month, int day, Date pub, bool forward) {
  const int y = pub / 10000;
  const int md = month * 100 + day;
  const int pub_md = pub % 10000;
  if (forward) return MakeDate(md >= pub_md ? y : y + 1, month, day);
  return MakeDate(md <= pub_md ? y : y - 1, month, day);
}

}  // namespace

Date ResolveMention(const Mention& m, Date pub, bool sentence_future, DateGranularity* g) {
  const int y = pub / 10000;
  const int month = pub / 100 % 100;
  const bool forward =
      m.direction > 0 || (m.direction == 0 && (sentence_future || m.future_context));
  switch (m.kind) {
    case MentionKind::kFullDate:
      *g = DateGranularity::kDay;
      return MakeDate(m.year, m.month, m.day);
    case MentionKind::kMonthDay:
      *g = DateGranularity::kDay;
      return MonthDayNear(m.month, m.day, pub, forward);
    case MentionKind::kMonthYear:
      *g = DateGranularity::kMonth;
      return MakeDate(m.year, m.month, 1);
    case MentionKind::kMonth: {
      *g = DateGranularity::kMonth;
      if (m.direction < 0) return MakeDate(m.month < month ? y : y - 1, m.month, 1);
      if (m.direction > 0) return MakeDate(m.month > month ? y : y + 1, m.month, 1);
      if (forward) return MakeDate(m.month >= month ? y : y + 1, m.month, 1);
      return MakeDate(m.month <= month ? y : y - 1, m.month, 1);
    }
    case MentionKind::kYear:
      *g = DateGranularity::kYear;
      if (!m.after_preposition) return 0;  // a bare "2022" may be a count
      return MakeDate(m.year, 1, 1);
    case MentionKind::kDayOffset:
      *g = DateGranularity::kDay;
      return AddDays(pub, m.offset);
    case MentionKind::kWeekday: {
      *g = DateGranularity::kDay;
      const int dow = DayOfWeek(pub);
      if (forward) {
        int ahead = (m.weekday - dow + 7) % 7;
        if (ahead == 0 && m.direction > 0) ahead = 7;
        return AddDays(pub, ahead);
      }
      int back = (dow - m.weekday + 7) % 7;
      if (back == 0 && m.direction < 0) back = 7;
      return AddDays(pub, -back);
    }
    case MentionKind::kWeekend: {
      *g = DateGranularity::kDay;
      const int dow = DayOfWeek(pub);
      constexpr int kSaturday = 5;
      if (forward) return AddDays(pub, (kSaturday - dow + 7) % 7);
      int back = (dow - kSaturday + 7) % 7;
      if (back == 0 && m.direction < 0) back = 7;
      return AddDays(pub, -back);
    }
    case MentionKind::kWeekOffset:
      *g = DateGranularity::kWeek;
      return AddDays(pub, 7 * m.offset);
    case MentionKind::kMonthOffset:
      *g = DateGranularity::kMonth;
      if (m.offset < -1) return AddMonths(pub, m.offset);  // "three months ago"
      return AddMonths(MakeDate(y, month, 1), m.offset);
    case MentionKind::kYearOffset:
      *g = DateGranularity::kYear;
      if (m.offset < -1) return AddMonths(pub, 12 * m.offset);  // "two years ago"
      return MakeDate(y + m.offset, 1, 1);
  }
  return 0;
}

// The word before `end` in `text` (ASCII letters only, upper-cased into `word`).
std::string_view WordBefore(std::string_view text, size_t end, char (&word)[16]) {
  while (end > 0 && !std::isalpha(static_cast<unsigned char>(text[end - 1]))) --end;
  size_t begin = end;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
  size_t n = std::min<size_t>(end - begin, sizeof word);
  for (size_t i = 0; i < n; ++i)
    word[i] = std::toupper(static_cast<unsigned char>(text[begin + i]));
  return std::string_view(word, n);
}

// "the agreement of November 13, 2013", "relations since 1992", "their establishment in
// 1990": the date belongs to a noun or a span, not to what the sentence reports.
bool DatesSomethingElse(std::string_view sentence, size_t mention_start) {
  char w1[16], w2[16];
  std::string_view before = WordBefore(sentence, mention_start, w1);
  if (before == "OF" || before == "SINCE") return true;
  if (before == "LATE" || before == "EARLY" || before == "MID") {
    // "since late last year": the span's start.
    const size_t at = sentence.rfind(
        before.size() == 3 ? "mid" : (before == "LATE" ? "late" : "early"), mention_start);
    char w3[16];
    if (at != std::string_view::npos && WordBefore(sentence, at, w3) == "SINCE") return true;
  }
  if (before != "IN") return false;
  const size_t in_at = sentence.rfind(std::string_view("in"), mention_start);
  if (in_at == std::string_view::npos) return false;
  std::string_view noun = WordBefore(sentence, in_at, w2);
  static constexpr std::string_view kFounding[] = {"ESTABLISHMENT", "ESTABLISHED", "FOUNDED",
                                                   "LAUNCHED",      "BORN",        "CREATED",
                                                   "FOUNDING",      "BUILT"};
  for (std::string_view f : kFounding) {
    if (noun == f) return true;
  }
  return false;
}

Date ResolveEventDate(std::string_view sentence, Date publication, DateGranularity* granularity) {
  DateGranularity unused;
  DateGranularity* g = granularity ? granularity : &unused;
  *g = DateGranularity::kPublication;
  // A day the calendar lacks (20230230) is no publication date: never pass it on.
  if (!IsValidDate(publication)) return 0;
  PublicationDate pub;
  pub.date = publication;
  pub.confidence = 1.0;
  pub.method = "metadata";
  pub.precision = DatePrecision::kDay;
  // The verb is unknown here: the sentence's own tense decides (ResolveEventDate above).
  const EventDate d = ResolveEventDate(sentence, -1, -1, pub);
  if (d.source != EventDateSource::kText || d.date == 0) return publication;
  switch (d.precision) {
    case DatePrecision::kDay:
      *g = DateGranularity::kDay;
      break;
    case DatePrecision::kWeek:
      *g = DateGranularity::kWeek;
      break;
    case DatePrecision::kMonth:
      *g = DateGranularity::kMonth;
      break;
    case DatePrecision::kYear:
      *g = DateGranularity::kYear;
      break;
    case DatePrecision::kUnknown:
      return publication;
  }
  return d.date;
}

}  // namespace parley::dates
