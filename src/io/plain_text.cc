// Plain-text articles: one article per file.
//
// Layout understood (everything optional except the body):
//   date 2023-02-10          header lines at the very top: date, year, title, source,
//   title Some headline      url, id ("key value" or "key: value"); the date line may
//   SEOUL, Feb 10 – RIA Novosti. Russia is ready ...   carry the first body line after it
// A dateline at the start of the body ("PLACE, Mon DD – Source." / "PLACE (Source) -")
// fills Document::place, ::source and the date. Header lines and the dateline are both
// removed from Document::text: neither is a sentence, and a dateline glued to the first
// sentence would only confuse sentence splitting and actor matching.
#include "io/plain_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "io/io_internal.h"

namespace parley::io {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }

size_t SkipBlanks(std::string_view s, size_t i) {
  while (i < s.size() && IsBlank(s[i])) ++i;
  return i;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

// Length of an en dash, em dash or ASCII dash run at s[i] ("-", "--", "–", "—"); 0 if none.
size_t DashAt(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '-') return (i + 1 < s.size() && s[i + 1] == '-') ? 2 : 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char c = static_cast<unsigned char>(s[i + 2]);
    if (c == 0x93 || c == 0x94) return 3;
  }
  return 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

Date MakeDate(int year, int month, int day) {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month))
    return 0;
  return year * 10000 + month * 100 + day;
}

// Month name or abbreviation at s[*i] ("Feb", "Feb.", "February", "FEB", "Sept.").
int ParseMonth(std::string_view s, size_t* i) {
  static constexpr std::string_view kNames[] = {"january",   "february", "march",    "april",
                                                "may",       "june",     "july",     "august",
                                                "september", "october",  "november", "december"};
  size_t b = *i, e = b;
  while (e < s.size() && IsAlpha(s[e])) ++e;
  if (e - b < 3 || !IsUpper(s[b])) return 0;
  char word[16];
  if (e - b >= sizeof word) return 0;
  for (size_t k = b; k < e; ++k) word[k - b] = static_cast<char>(s[k] | 0x20);
  std::string_view w(word, e - b);
  for (int m = 0; m < 12; ++m) {
    std::string_view name = kNames[m];
    bool abbreviation = w.size() == 3 || (m == 8 && w == "sept");
    if (w == name || (abbreviation && name.substr(0, w.size()) == w)) {
      if (e < s.size() && s[e] == '.') ++e;
      *i = e;
      return m + 1;
    }
  }
  return 0;
}

// "Feb 10", "Feb. 10, 2023", "February 10 2023" at s[*i].
bool ParseMonthDay(std::string_view s, size_t* i, Dateline* out) {
  size_t k = *i;
  int month = ParseMonth(s, &k);
  if (month == 0) return false;
  k = SkipBlanks(s, k);
  int day = 0, digits = 0;
  while (k < s.size() && IsDigit(s[k]) && digits < 3) day = day * 10 + (s[k++] - '0'), ++digits;
  if (digits == 0 || digits > 2 || day < 1 || day > 31) return false;
  if (k < s.size() && IsDigit(s[k])) return false;
  out->month = month;
  out->day = day;
  // Optional year: ", 2023" or " 2023".
  size_t y = k;
  if (y < s.size() && s[y] == ',') ++y;
  y = SkipBlanks(s, y);
  if (y + 4 <= s.size() && IsDigit(s[y]) && IsDigit(s[y + 1]) && IsDigit(s[y + 2]) &&
      IsDigit(s[y + 3]) && (y + 4 == s.size() || !IsDigit(s[y + 4]))) {
    out->year =
        (s[y] - '0') * 1000 + (s[y + 1] - '0') * 100 + (s[y + 2] - '0') * 10 + (s[y + 3] - '0');
    k = y + 4;
  }
  *i = k;
  return true;
}

// Upper-case place name: 1-5 words of capitals (non-ASCII bytes allowed inside a word,
// so "SÃO PAULO" works), no lower-case ASCII letters, at least two capitals.
bool ParsePlace(std::string_view s, size_t* i) {
  size_t k = *i;
  int words = 0, capitals = 0;
  for (;;) {
    if (k >= s.size() || !IsUpper(s[k])) return false;
    while (k < s.size() && (IsUpper(s[k]) || s[k] == '.' || s[k] == '\'' ||
                            (s[k] == '-' && k + 1 < s.size() && IsUpper(s[k + 1])) ||
                            static_cast<unsigned char>(s[k]) >= 0x80)) {
      if (IsUpper(s[k])) ++capitals;
      if (DashAt(s, k) == 3) break;
      ++k;
    }
    if (k < s.size() && (IsLower(s[k]) || IsDigit(s[k]))) return false;
    if (++words > 5) return false;
    if (k + 1 < s.size() && s[k] == ' ' && IsUpper(s[k + 1])) {
      ++k;
      continue;
    }
    break;
  }
  if (capitals < 2) return false;
  *i = k;
  return true;
}

// 1-3 capitalised words ("Ukraine", "South Korea") after "PLACE, ".
bool ParseRegion(std::string_view s, size_t* i) {
  size_t k = *i;
  int words = 0;
  while (words < 3 && k < s.size() && IsUpper(s[k])) {
    while (k < s.size() && (IsAlpha(s[k]) || s[k] == '.' || s[k] == '-')) ++k;
    ++words;
    size_t next = k + 1;
    if (k + 1 < s.size() && s[k] == ' ' && IsUpper(s[k + 1]) && ParseMonth(s, &next) == 0)
      ++k;
    else
      break;
  }
  if (words == 0) return false;
  *i = k;
  return true;
}

// "RIA Novosti." after the dash: up to five capitalised words ending in a full stop.
bool ParseTrailingSource(std::string_view s, size_t* i, std::string_view* source) {
  size_t k = *i;
  const size_t start = k;
  for (int words = 0; words < 5; ++words) {
    if (k >= s.size() || !(IsUpper(s[k]) || IsDigit(s[k]))) return false;
    while (k < s.size() &&
           (IsAlpha(s[k]) || IsDigit(s[k]) || s[k] == '-' || s[k] == '&' || s[k] == '\''))
      ++k;
    if (k < s.size() && s[k] == '.' && (k + 1 == s.size() || IsSpace(s[k + 1]))) {
      if (k - start > 40) return false;
      *source = s.substr(start, k - start);
      *i = k + 1;
      return true;
    }
    if (k < s.size() && s[k] == ' ') {
      ++k;
      continue;
    }
    return false;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

bool ParseDateline(std::string_view s, Dateline* out) {
  *out = Dateline();
  size_t i = 0;
  if (!ParsePlace(s, &i)) return false;
  Dateline d;
  d.place = s.substr(0, i);
  if (i < s.size() && s[i] == ',') {
    i = SkipBlanks(s, i + 1);
    if (!ParseMonthDay(s, &i, &d)) {
      if (!ParseRegion(s, &i)) return false;
      if (i < s.size() && s[i] == ',') {
        size_t k = SkipBlanks(s, i + 1);
        if (ParseMonthDay(s, &k, &d)) i = k;
      }
    }
  }
  i = SkipBlanks(s, i);
  bool has_paren = false;
  if (i < s.size() && s[i] == '(') {
    size_t close = s.find(')', i);
    if (close == std::string_view::npos || close - i > 41) return false;
    std::string_view inside = Trim(s.substr(i + 1, close - i - 1));
    if (inside.empty() || inside.find('\n') != std::string_view::npos) return false;
    d.source = inside;
    has_paren = true;
    i = SkipBlanks(s, close + 1);
  }
  bool has_separator = false;
  for (;;) {
    size_t dash = DashAt(s, i);
    if (dash > 0) {
      i += dash;
    } else if (i < s.size() && s[i] == ':') {
      ++i;
    } else {
      break;
    }
    has_separator = true;
    i = SkipBlanks(s, i);
  }
  if (!has_separator && !has_paren) return false;
  if (has_separator && !has_paren) {
    std::string_view source;
    size_t k = i;
    if (ParseTrailingSource(s, &k, &source)) {
      d.source = source;
      i = k;
    }
  }
  i = SkipSpaces(s, i);
  if (i >= s.size()) return false;  // a dateline with nothing after it is just a line
  d.length = i;
  *out = d;
  return true;
}

namespace {

struct Header {
  Date date = 0;
  int year = 0;
  std::string_view title, source, url, id;
};

// Reads header lines from content[*pos]; advances *pos past them.
void ParseHeader(std::string_view content, std::string_view origin, Warner* warner, size_t* pos,
                 Header* header) {
  // The first line that is not "key value" ends the header.
  for (;;) {
    size_t p = SkipSpaces(content, *pos);
    size_t key_end = p;
    while (key_end < content.size() && IsLower(content[key_end])) ++key_end;
    std::string_view key = content.substr(p, key_end - p);
    if (key != "date" && key != "year" && key != "title" && key != "source" && key != "url" &&
        key != "id")
      return;
    size_t v = key_end;
    if (v < content.size() && content[v] == ':') ++v;
    if (v >= content.size() || !IsBlank(content[v])) return;
    v = SkipBlanks(content, v);
    size_t eol = content.find('\n', v);
    if (eol == std::string_view::npos) eol = content.size();
    const size_t next_line = eol < content.size() ? eol + 1 : eol;
    if (key == "date" || key == "year") {
      // Header lines come first, so their number is cheap to count (for the warning).
      const uint64_t line = 1 + std::count(content.begin(), content.begin() + p, '\n');
      size_t t = v;
      while (t < eol && !IsSpace(content[t])) ++t;
      std::string_view token = content.substr(v, t - v);
      if (token.empty() || !IsDigit(token[0])) return;
      if (key == "date") {
        header->date = ParseDate(token);
        if (header->date == 0)
          warner->AtLine(origin, line,
                         fmt::format("header date '{}' is not a date; ignored", token));
      } else {
        Date probe = token.size() == 4 ? ParseDate(fmt::format("{}0101", token)) : 0;
        if (probe == 0)
          warner->AtLine(origin, line,
                         fmt::format("header year '{}' is not a year; ignored", token));
        header->year = probe / 10000;
      }
      t = SkipSpaces(content, t);
      if (t < next_line) {
        *pos = t;  // the body starts on the header line itself
        return;
      }
      *pos = next_line;
      continue;
    }
    std::string_view value = Trim(content.substr(v, eol - v));
    if (value.empty()) return;
    if (key == "title") {
      header->title = value;
    } else if (key == "source") {
      header->source = value;
    } else if (key == "url") {
      header->url = value;
    } else {
      header->id = value;
    }
    *pos = next_line;
  }
}

}  // namespace

void ParseArticle(std::string_view content, std::string_view id, std::string_view origin,
                  uint64_t base_offset, Warner* warner, Document* doc) {
  ResetDocument(doc);
  doc->origin.assign(origin);
  doc->id.assign(id);
  const size_t start = content.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  size_t pos = start;
  Header header;
  ParseHeader(content, origin, warner, &pos, &header);
  if (SkipSpaces(content, pos) == content.size()) {
    // Nothing after the "header": it was prose that happened to open with a key word
    // ("source close to the talks said ...").
    pos = start;
    header = Header();
  }
  if (!header.id.empty()) doc->id.assign(header.id);
  doc->title.assign(header.title);
  doc->source.assign(header.source);
  doc->url.assign(header.url);
  const Date header_date = header.date;
  const int header_year = header.year;

  pos = SkipSpaces(content, pos);
  std::string_view body = content.substr(pos);
  Dateline dateline;
  if (ParseDateline(body, &dateline)) {
    doc->place.assign(dateline.place);
    if (doc->source.empty()) doc->source.assign(dateline.source);
    pos += dateline.length;
    body = content.substr(pos);
  }
  if (dateline.month != 0) {
    int year = dateline.year;
    bool guessed_from_header_date = false;
    if (year == 0) year = header_year;
    if (year == 0 && header_date != 0) {
      year = header_date / 10000;
      guessed_from_header_date = true;
    }
    Date date = year != 0 ? MakeDate(year, dateline.month, dateline.day) : 0;
    // A story published on 2 January with a "Dec 31" dateline belongs to the year before.
    if (date != 0 && guessed_from_header_date && dateline.month - header_date / 100 % 100 > 6)
      date = MakeDate(year - 1, dateline.month, dateline.day);
    if (date != 0) {
      doc->date = date;
      doc->date_source = DateSource::kDateline;
    } else if (year != 0) {
      warner->AtLine(origin, 0,
                     fmt::format("dateline date {} {} is not a valid date for {}; ignored",
                                 dateline.month, dateline.day, year));
    }
  }
  if (doc->date == 0 && header_date != 0) {
    doc->date = header_date;
    doc->date_source = DateSource::kHeader;
  }
  CleanInto(
      body, &doc->text, warner, [&] { return fmt::format("{}: ", origin); }, base_offset + pos);
}

namespace {

class PlainTextReader : public RecordReader {
 public:
  PlainTextReader(std::unique_ptr<ByteSource> source, std::string origin, Warner* warner)
      : source_(std::move(source)), origin_(std::move(origin)), warner_(warner) {}

  bool Next(Document* doc) override {
    if (done_) return false;
    done_ = true;
    source_->FillAtLeast(SIZE_MAX);  // stdin: an article is read whole
    if (!source_->error().empty()) warner_->AtLine(origin_, 0, source_->error());
    std::string_view id = origin_ == "-" ? std::string_view("stdin") : BaseName(origin_);
    ParseArticle(source_->window(), id, origin_, source_->offset(), warner_, doc);
    if (doc->text.empty()) {
      warner_->AtLine(origin_, 0, "no article text; skipped");
      return false;
    }
    return true;
  }

 private:
  std::unique_ptr<ByteSource> source_;
  std::string origin_;
  Warner* warner_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<RecordReader> NewPlainTextReader(std::unique_ptr<ByteSource> source,
                                                 std::string origin, Warner* warner) {
  return std::make_unique<PlainTextReader>(std::move(source), std::move(origin), warner);
}

}  // namespace parley::io

namespace parley {

void ParsePlainTextArticle(std::string_view content, std::string_view id, std::string_view origin,
                           const WarningSink& warn, Document* doc) {
  io::Warner warner(warn);
  io::ParseArticle(content, id, origin, 0, &warner, doc);
}

}  // namespace parley
