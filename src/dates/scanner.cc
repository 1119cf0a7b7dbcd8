#include "dates/scanner.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <utility>

namespace parley::dates {
namespace {

// Keyword ids. Months are 1..12 and weekdays 20..26 so that their values carry meaning.
enum Kw : uint8_t {
  kNone = 0,
  kWeekdayBase = 20,  // Monday; Sunday = 26
  kYesterday = 30,
  kToday,
  kTonight,
  kTomorrow,
  kLast,
  kThis,
  kNext,
  kPast,
  kPrevious,
  kComing,
  kEarlier,
  kLater,
  kWeek,
  kWeekendWord,
  kMonthWord,
  kYearWord,
  kAgo,
  kDayWord,
  kDays,
  kWeeks,
  kMonths,
  kYears,
  kIn,
  kOn,
  kThe,
  kBefore,
  kSince,
  kDuring,
  kOf,
  kEarly,
  kMid,
  kLate,
  kBy,
  kUntil,
  kFrom,
  kAt,
  kWill,
  kShall,
  kWould,
  kScheduled,
  kUpcoming,
  kExpect,
  kExpects,
  kMorning,
  kAfternoon,
  kEvening,
  kA,
  kAn,
  kNumberWordBase = 100,  // "one" = 101 ... "twelve" = 112
};

struct Keyword {
  std::string_view word;
  uint8_t id;
};

const std::vector<Keyword>& Keywords() {
  static const std::vector<Keyword>* table = [] {
    auto* t = new std::vector<Keyword>{
        {"january", 1},
        {"jan", 1},
        {"february", 2},
        {"feb", 2},
        {"march", 3},
        {"mar", 3},
        {"april", 4},
        {"apr", 4},
        {"may", 5},
        {"june", 6},
        {"jun", 6},
        {"july", 7},
        {"jul", 7},
        {"august", 8},
        {"aug", 8},
        {"september", 9},
        {"sep", 9},
        {"sept", 9},
        {"october", 10},
        {"oct", 10},
        {"november", 11},
        {"nov", 11},
        {"december", 12},
        {"dec", 12},
        {"monday", kWeekdayBase + 0},
        {"tuesday", kWeekdayBase + 1},
        {"wednesday", kWeekdayBase + 2},
        {"thursday", kWeekdayBase + 3},
        {"friday", kWeekdayBase + 4},
        {"saturday", kWeekdayBase + 5},
        {"sunday", kWeekdayBase + 6},
        {"yesterday", kYesterday},
        {"today", kToday},
        {"tonight", kTonight},
        {"tomorrow", kTomorrow},
        {"last", kLast},
        {"this", kThis},
        {"next", kNext},
        {"past", kPast},
        {"previous", kPrevious},
        {"coming", kComing},
        {"earlier", kEarlier},
        {"later", kLater},
        {"week", kWeek},
        {"weekend", kWeekendWord},
        {"month", kMonthWord},
        {"year", kYearWord},
        {"ago", kAgo},
        {"day", kDayWord},
        {"days", kDays},
        {"weeks", kWeeks},
        {"months", kMonths},
        {"years", kYears},
        {"in", kIn},
        {"on", kOn},
        {"the", kThe},
        {"before", kBefore},
        {"since", kSince},
        {"during", kDuring},
        {"of", kOf},
        {"early", kEarly},
        {"mid", kMid},
        {"late", kLate},
        {"by", kBy},
        {"until", kUntil},
        {"from", kFrom},
        {"at", kAt},
        {"will", kWill},
        {"shall", kShall},
        {"would", kWould},
        {"scheduled", kScheduled},
        {"upcoming", kUpcoming},
        {"expect", kExpect},
        {"expects", kExpects},
        {"morning", kMorning},
        {"afternoon", kAfternoon},
        {"evening", kEvening},
        {"a", kA},
        {"an", kAn},
        {"one", kNumberWordBase + 1},
        {"two", kNumberWordBase + 2},
        {"three", kNumberWordBase + 3},
        {"four", kNumberWordBase + 4},
        {"five", kNumberWordBase + 5},
        {"six", kNumberWordBase + 6},
        {"seven", kNumberWordBase + 7},
        {"eight", kNumberWordBase + 8},
        {"nine", kNumberWordBase + 9},
        {"ten", kNumberWordBase + 10},
        {"eleven", kNumberWordBase + 11},
        {"twelve", kNumberWordBase + 12},
    };
    std::sort(t->begin(), t->end(),
              [](const Keyword& a, const Keyword& b) { return a.word < b.word; });
    return t;
  }();
  return *table;
}

uint8_t LookupKeyword(std::string_view word) {
  char lower[12];
  if (word.size() > sizeof lower) return kNone;
  for (size_t i = 0; i < word.size(); ++i)
    lower[i] = static_cast<char>(word[i] >= 'A' && word[i] <= 'Z' ? word[i] + 32 : word[i]);
  const std::string_view key(lower, word.size());
  const auto& table = Keywords();
  auto it = std::lower_bound(table.begin(), table.end(), key,
                             [](const Keyword& k, std::string_view w) { return k.word < w; });
  return it != table.end() && it->word == key ? it->id : uint8_t{kNone};
}

enum class TokType : uint8_t { kWord, kNumber, kPunct };

struct Tok {
  uint32_t start = 0;
  uint32_t end = 0;
  TokType type = TokType::kPunct;
  uint8_t kw = kNone;
  bool capitalized = false;
  bool ordinal = false;  // "10th"
  char punct = 0;
  uint8_t digits = 0;
  int32_t number = -1;
};

bool IsAsciiLetter(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

void Lex(std::string_view text, std::vector<Tok>* toks) {
  toks->clear();
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    Tok t;
    t.start = static_cast<uint32_t>(i);
    if (IsAsciiLetter(c)) {
      size_t j = i;
      while (j < n && IsAsciiLetter(static_cast<unsigned char>(text[j]))) ++j;
      t.type = TokType::kWord;
      t.kw = LookupKeyword(text.substr(i, j - i));
      t.capitalized = c >= 'A' && c <= 'Z';
      i = j;
    } else if (IsDigit(c)) {
      size_t j = i;
      int64_t value = 0;
      while (j < n && IsDigit(static_cast<unsigned char>(text[j]))) {
        if (value < 100000000) value = value * 10 + (text[j] - '0');
        ++j;
      }
      t.type = TokType::kNumber;
      t.digits = static_cast<uint8_t>(std::min<size_t>(j - i, 255));
      t.number = static_cast<int32_t>(value);
      // Ordinal suffix glued to the number: 10th, 1st, 22nd, 3rd.
      if (j + 2 <= n && IsAsciiLetter(static_cast<unsigned char>(text[j])) &&
          IsAsciiLetter(static_cast<unsigned char>(text[j + 1])) &&
          (j + 2 == n || !IsAsciiLetter(static_cast<unsigned char>(text[j + 2])))) {
        const char a = static_cast<char>(text[j] | 32), b = static_cast<char>(text[j + 1] | 32);
        if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
            (a == 't' && b == 'h')) {
          t.ordinal = true;
          j += 2;
        }
      }
      i = j;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    } else if (c >= 0x80) {
      // A UTF-8 sequence: en/em dashes (E2 80 93/94) act as '-', anything else as '~'.
      size_t j = i + 1;
      while (j < n && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
      const bool dash = j - i == 3 && c == 0xE2 &&
                        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                        (static_cast<unsigned char>(text[i + 2]) == 0x93 ||
                         static_cast<unsigned char>(text[i + 2]) == 0x94);
      t.punct = dash ? '-' : '~';
      i = j;
    } else {
      t.punct = static_cast<char>(c);
      ++i;
    }
    t.end = static_cast<uint32_t>(i);
    toks->push_back(t);
  }
}

bool IsFutureCue(uint8_t kw) {
  return kw == kWill || kw == kShall || kw == kScheduled || kw == kUpcoming || kw == kExpect ||
         kw == kExpects;
}

bool IsSentenceEnd(const Tok& t) {
  return t.type == TokType::kPunct && (t.punct == '.' || t.punct == '?' || t.punct == '!');
}

class Matcher {
 public:
  Matcher(const std::vector<Tok>& toks, std::vector<Mention>* out) : t_(toks), out_(out) {}

  void Run() {
    size_t i = 0;
    while (i < t_.size()) {
      const size_t next = MatchAt(i);
      i = next > i ? next : i + 1;
    }
  }

 private:
  const Tok* At(size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
  uint8_t KwAt(size_t i) const { return i < t_.size() ? t_[i].kw : uint8_t{kNone}; }
  uint8_t PrevKw(size_t i) const { return i > 0 ? t_[i - 1].kw : uint8_t{kNone}; }
  bool IsPunctAt(size_t i, char p) const {
    return i < t_.size() && t_[i].type == TokType::kPunct && t_[i].punct == p;
  }
  bool Adjacent(size_t a, size_t b) const { return b < t_.size() && t_[a].end == t_[b].start; }
  bool IsYear(size_t i) const {
    const Tok* t = At(i);
    return t && t->type == TokType::kNumber && t->digits == 4 && !t->ordinal && t->number >= 1900 &&
           t->number <= 2100;
  }
  bool IsDay(size_t i) const {
    const Tok* t = At(i);
    return t && t->type == TokType::kNumber && t->digits <= 2 && t->number >= 1 && t->number <= 31;
  }
  static bool IsPreposition(uint8_t kw) {
    return kw == kIn || kw == kDuring || kw == kSince || kw == kEarly || kw == kMid ||
           kw == kLate || kw == kOf || kw == kBy || kw == kUntil || kw == kFrom || kw == kBefore ||
           kw == kOn;
  }
  // A capitalised month name. "May" is also a name and a verb: it needs a number after it
  // or a preposition/modifier before it.
  bool IsMonth(size_t i) const {
    const Tok* t = At(i);
    if (!t || t->type != TokType::kWord || t->kw < 1 || t->kw > 12 || !t->capitalized) return false;
    const Tok* next = At(i + 1);
    // An abbreviation ("Jan", "Mar", "Dec") is also a name ("Jan Lukas"): it needs a
    // number or a full stop after it.
    if (t->end - t->start <= 4 && t->kw != 5 && t->kw != 6 && t->kw != 7)
      return next &&
             (next->type == TokType::kNumber ||
              (next->type == TokType::kPunct && next->punct == '.' && next->start == t->end));
    if (t->kw != 5) return true;
    if (next && next->type == TokType::kNumber) return true;
    const uint8_t prev = PrevKw(i);
    return IsPreposition(prev) || prev == kLast || prev == kNext || prev == kThis;
  }
  int8_t DirectionBefore(size_t i) const {
    const uint8_t prev = PrevKw(i);
    if (prev == kLast || prev == kPast || prev == kPrevious) return -1;
    if (prev == kNext || prev == kComing) return 1;
    return 0;
  }
  bool FutureBefore(size_t i) const {
    for (size_t back = 1; back <= 8 && back <= i; ++back) {
      const Tok& t = t_[i - back];
      if (IsSentenceEnd(t)) return false;
      if (IsFutureCue(t.kw) || t.kw == kWould) return true;
    }
    return false;
  }

  void Emit(Mention m, size_t first, size_t last) {
    m.start = t_[first].start;
    m.end = t_[last].end;
    m.future_context = m.future_context || FutureBefore(first);
    out_->push_back(m);
  }

  // Returns the index after the matched expression, or i when nothing matched.
  size_t MatchAt(size_t i) {
    const Tok& t = t_[i];
    if (t.type == TokType::kNumber) return MatchNumberFirst(i);
    if (t.type != TokType::kWord || t.kw == kNone) return i;
    if (IsMonth(i)) return MatchMonthFirst(i);
    if (t.kw >= kWeekdayBase && t.kw < kWeekdayBase + 7) {
      Mention m;
      m.kind = MentionKind::kWeekday;
      m.weekday = t.kw - kWeekdayBase;
      m.direction = DirectionBefore(i);
      Emit(m, i, i);
      return i + 1;
    }
    switch (t.kw) {
      case kYesterday: {
        Mention m;
        m.kind = MentionKind::kDayOffset;
        // "the day before yesterday"
        m.offset = i >= 2 && t_[i - 1].kw == kBefore && t_[i - 2].kw == kDayWord ? -2 : -1;
        Emit(m, i, i);
        return i + 1;
      }
      case kToday:
      case kTonight:
      case kTomorrow: {
        Mention m;
        m.kind = MentionKind::kDayOffset;
        m.offset = t.kw == kTomorrow ? 1 : 0;
        m.future_context = t.kw == kTomorrow;
        Emit(m, i, i);
        return i + 1;
      }
      case kEarlier:
      case kLater:
        // "earlier this month": the span is the current one.
        if (KwAt(i + 1) == kThis) return MatchModifiedUnit(i + 1, i, 0);
        return i;
      case kLast:
      case kThis:
      case kNext:
      case kPast:
      case kPrevious:
      case kComing:
        return MatchModifiedUnit(i, i, 0);
      case kThe:
        // "the weekend", "the previous week"
        if (KwAt(i + 1) == kWeekendWord) {
          Mention m;
          m.kind = MentionKind::kWeekend;
          Emit(m, i, i + 1);
          return i + 2;
        }
        return i;
      case kA:
      case kAn:
        return MatchAgo(i, 1);
      default:
        if (t.kw > kNumberWordBase && t.kw <= kNumberWordBase + 12)
          return MatchAgo(i, t.kw - kNumberWordBase);
        return i;
    }
  }

  // t_[i] is last/this/next/...; `first` is where the expression starts.
  size_t MatchModifiedUnit(size_t i, size_t first, int) {
    int8_t direction = 0;
    switch (t_[i].kw) {
      case kLast:
      case kPast:
      case kPrevious:
        direction = -1;
        break;
      case kNext:
      case kComing:
        direction = 1;
        break;
      default:
        direction = 0;
    }
    const uint8_t unit = KwAt(i + 1);
    Mention m;
    m.offset = direction;
    m.direction = direction;
    m.future_context = direction > 0;
    switch (unit) {
      case kWeek:
        m.kind = MentionKind::kWeekOffset;
        break;
      case kMonthWord:
        m.kind = MentionKind::kMonthOffset;
        break;
      case kYearWord:
        m.kind = MentionKind::kYearOffset;
        break;
      case kWeekendWord:
        m.kind = MentionKind::kWeekend;
        break;
      case kMorning:
      case kAfternoon:
      case kEvening:
        if (direction != 0) return i;  // "next morning" is relative to the story, not to us
        m.kind = MentionKind::kDayOffset;
        m.offset = 0;
        break;
      default:
        return i;  // "last Monday", "next March" are matched at the weekday or month
    }
    Emit(m, first, i + 1);
    return i + 2;
  }

  // t_[i] is "a", "an", a number word or a number; `count` its value.
  size_t MatchAgo(size_t i, int count) {
    const uint8_t unit = KwAt(i + 1);
    if (KwAt(i + 2) != kAgo) return i;
    Mention m;
    m.offset = -count;
    switch (unit) {
      case kDayWord:
      case kDays:
        m.kind = MentionKind::kDayOffset;
        break;
      case kWeek:
      case kWeeks:
        m.kind = MentionKind::kWeekOffset;
        break;
      case kMonthWord:
      case kMonths:
        m.kind = MentionKind::kMonthOffset;
        break;
      case kYearWord:
      case kYears:
        m.kind = MentionKind::kYearOffset;
        break;
      default:
        return i;
    }
    Emit(m, i, i + 2);
    return i + 3;
  }

  size_t MatchNumberFirst(size_t i) {
    // ISO 2023-02-10 (also 2023/02/10), all glued together.
    if (IsYear(i) && (IsPunctAt(i + 1, '-') || IsPunctAt(i + 1, '/')) && Adjacent(i, i + 1) &&
        Adjacent(i + 1, i + 2) && At(i + 2)->type == TokType::kNumber && At(i + 2)->digits <= 2 &&
        IsPunctAt(i + 3, t_[i + 1].punct) && Adjacent(i + 2, i + 3) && Adjacent(i + 3, i + 4) &&
        At(i + 4)->type == TokType::kNumber && At(i + 4)->digits <= 2) {
      Mention m;
      m.kind = MentionKind::kFullDate;
      m.year = t_[i].number;
      m.month = t_[i + 2].number;
      m.day = t_[i + 4].number;
      if (m.month >= 1 && m.month <= 12 && m.day >= 1 && m.day <= 31) {
        Emit(m, i, i + 4);
        return i + 5;
      }
    }
    // 10 February 2023, 10th of Feb., 10 Feb
    if (IsDay(i)) {
      size_t j = i + 1;
      if (KwAt(j) == kOf) ++j;
      if (At(j) && At(j)->type == TokType::kWord && At(j)->kw >= 1 && At(j)->kw <= 12 &&
          At(j)->capitalized) {
        Mention m;
        m.month = At(j)->kw;
        m.day = t_[i].number;
        size_t last = j++;
        if (IsPunctAt(j, '.')) ++j;
        if (IsPunctAt(j, ',')) ++j;
        if (IsYear(j)) {
          m.kind = MentionKind::kFullDate;
          m.year = t_[j].number;
          last = j;
        } else {
          m.kind = MentionKind::kMonthDay;
        }
        m.direction = DirectionBefore(i);
        Emit(m, i, last);
        return last + 1;
      }
    }
    if (IsYear(i)) {
      Mention m;
      m.kind = MentionKind::kYear;
      m.year = t_[i].number;
      m.after_preposition = IsPreposition(PrevKw(i));
      Emit(m, i, i);
      return i + 1;
    }
    // "3 days ago"
    if (t_[i].digits <= 3 && !t_[i].ordinal && t_[i].number > 0) return MatchAgo(i, t_[i].number);
    return i;
  }

  size_t MatchMonthFirst(size_t i) {
    Mention m;
    m.month = t_[i].kw;
    m.direction = DirectionBefore(i);
    m.after_preposition = IsPreposition(PrevKw(i)) || m.direction != 0 || PrevKw(i) == kThis;
    size_t j = i + 1;
    if (IsPunctAt(j, '.') && Adjacent(i, j)) ++j;
    // A range "January-August 2024": the later month carries the meaning.
    if (IsPunctAt(j, '-') && IsMonth(j + 1)) return j + 1;
    if (IsDay(j) && !IsPunctAt(j + 1, ':')) {
      m.day = t_[j].number;
      size_t last = j++;
      if (IsPunctAt(j, ',')) ++j;
      if (IsYear(j)) {
        m.kind = MentionKind::kFullDate;
        m.year = t_[j].number;
        last = j;
      } else {
        m.kind = MentionKind::kMonthDay;
      }
      Emit(m, i, last);
      return last + 1;
    }
    if (IsPunctAt(j, ',')) ++j;
    if (IsYear(j)) {
      m.kind = MentionKind::kMonthYear;
      m.year = t_[j].number;
      Emit(m, i, j);
      return j + 1;
    }
    m.kind = MentionKind::kMonth;
    Emit(m, i, i);
    return i + 1;
  }

  const std::vector<Tok>& t_;
  std::vector<Mention>* out_;
};

}  // namespace

void ScanDates(std::string_view text, std::vector<Mention>* out, bool* sentence_future) {
  thread_local std::vector<Tok> toks;
  Lex(text, &toks);
  if (sentence_future != nullptr) {
    *sentence_future = false;
    for (const Tok& t : toks)
      if (IsFutureCue(t.kw) || t.kw == kTomorrow || t.kw == kNext) *sentence_future = true;
  }
  Matcher(toks, out).Run();
}

}  // namespace parley::dates
