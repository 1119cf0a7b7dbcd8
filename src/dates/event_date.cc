// The one event-date resolver (parley/dates.h): tense, date expressions and the
// publication date combined into an EventDate, and DateEvents applying it to coded events.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "dates/resolve.h"
#include "dates/scanner.h"
#include "parley/dates.h"

namespace parley {

int DatePrecisionRank(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return 0;
    case DatePrecision::kWeek:
      return 1;
    case DatePrecision::kMonth:
      return 2;
    case DatePrecision::kYear:
      return 3;
    case DatePrecision::kUnknown:
      break;
  }
  return 4;
}

std::string_view DatePrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kUnknown:
      break;
  }
  return "unknown";
}

std::string_view EventDateSourceName(EventDateSource source) {
  switch (source) {
    case EventDateSource::kText:
      return "text";
    case EventDateSource::kInferredPublication:
      return "inferred-publication";
    case EventDateSource::kPublication:
      break;
  }
  return "publication";
}

DatePrecision ParseDatePrecision(std::string_view name) {
  for (DatePrecision p :
       {DatePrecision::kDay, DatePrecision::kWeek, DatePrecision::kMonth, DatePrecision::kYear}) {
    if (DatePrecisionName(p) == name) return p;
  }
  return DatePrecision::kUnknown;
}

EventDateSource ParseEventDateSource(std::string_view name) {
  if (name == "text") return EventDateSource::kText;
  if (name == "inferred-publication") return EventDateSource::kInferredPublication;
  return EventDateSource::kPublication;
}

namespace dates {
namespace {

bool IsLetter(char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

// Lower-cased ASCII words of `text` with their byte ranges; punctuation that ends a clause
// (, ; : . ! ? quotes, brackets) becomes a one-character word of its own so that look-back
// windows can stop there. Bounded: at most kMaxWords words.
struct Word {
  std::string_view text;  // lower-cased copy in Words::buffer, or the punctuation
  uint32_t start = 0;
  uint32_t end = 0;
  bool boundary = false;
};

constexpr size_t kMaxWords = 512;

struct Words {
  std::array<char, 4096> buffer;
  std::array<Word, kMaxWords> words;
  size_t size = 0;
};

void SplitWords(std::string_view s, Words* w) {
  w->size = 0;
  size_t used = 0;
  size_t i = 0;
  while (i < s.size() && w->size < kMaxWords) {
    const char c = s[i];
    if (IsLetter(c)) {
      size_t j = i;
      while (j < s.size() && IsLetter(s[j])) ++j;
      const size_t n = std::min<size_t>(j - i, 24);
      if (used + n > w->buffer.size()) break;
      for (size_t k = 0; k < n; ++k) w->buffer[used + k] = static_cast<char>(s[i + k] | 32);
      w->words[w->size++] = {std::string_view(w->buffer.data() + used, n), static_cast<uint32_t>(i),
                             static_cast<uint32_t>(j), false};
      used += n;
      i = j;
      continue;
    }
    const unsigned char u = static_cast<unsigned char>(c);
    bool boundary = c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' ||
                    c == '"' || c == '(' || c == ')';
    size_t len = 1;
    if (u == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const unsigned char third = static_cast<unsigned char>(s[i + 2]);
      boundary = third == 0x9C || third == 0x9D || third == 0x94;  // “ ” and em dash
      len = 3;
    }
    if (boundary) {
      w->words[w->size++] = {s.substr(i, 1), static_cast<uint32_t>(i),
                             static_cast<uint32_t>(i + len), true};
    }
    i += len;
  }
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Words that make the next "will" a noun: "their will", "the will of the people",
// "political will", "goodwill" is one word anyway.
bool MakesWillANoun(std::string_view prev) {
  return OneOf(
      prev, {"the",    "a",         "their", "his",        "her",    "its",   "our", "my",   "your",
             "own",    "political", "free",  "popular",    "strong", "iron",  "ill", "good", "s",
             "people", "nation",    "last",  "collective", "public", "whose", "of"});
}

// A modal "will"/"shall" (not a noun) at word i.
bool IsFutureModal(const Words& w, size_t i) {
  const std::string_view t = w.words[i].text;
  if (t == "shall") return true;
  if (t == "ll") return i > 0;  // "they'll"
  if (t != "will") return false;
  if (i > 0 && !w.words[i - 1].boundary && MakesWillANoun(w.words[i - 1].text)) return false;
  // "will" ending a clause ("against their will.") is a noun too.
  return i + 1 < w.size && !w.words[i + 1].boundary;
}

// "plans to", "is scheduled to", "is due to", "is set to", "expected to", "intends to",
// "is to", "going to": word i is "to" and the word before plans what follows.
bool IsPlanningTo(const Words& w, size_t i) {
  if (w.words[i].text != "to" || i == 0) return false;
  const std::string_view prev = w.words[i - 1].text;
  return OneOf(prev,
               {"plans",    "plan",    "planned", "planning", "scheduled", "due",       "set",
                "expected", "expects", "expect",  "intends",  "intend",    "intending", "going",
                "is",       "are",     "aims",    "aim",      "prepares",  "preparing"});
}

bool IsIrregularPast(std::string_view v) {
  return OneOf(
      v, {"said",    "told",     "met",     "held",      "made",      "took",     "gave",
          "sent",    "went",     "came",    "saw",       "began",     "fought",   "struck",
          "won",     "lost",     "led",     "left",      "sought",    "brought",  "bought",
          "thought", "threw",    "stole",   "shot",      "spoke",     "wrote",    "broke",
          "chose",   "drove",    "rose",    "fell",      "kept",      "paid",     "sold",
          "built",   "spent",    "meant",   "felt",      "got",       "knew",     "grew",
          "drew",    "withdrew", "flew",    "fled",      "hid",       "sank",     "swore",
          "tore",    "woke",     "forgave", "overthrew", "undertook", "overtook", "understood",
          "stood",   "became",   "arose",   "fed",       "forgot",    "froze",    "hung",
          "laid",    "lent",     "mistook", "rang",      "shook",     "slew",     "swept",
          "taught",  "heard",    "found",   "caught",    "had",       "did",      "was",
          "were",    "sprang",   "wept",    "forbade",   "beheld",    "upheld",   "withheld",
          "bade",    "ran",      "sat",     "dealt",     "dug",       "bore"});
}

bool IsPastForm(std::string_view v) {
  if (IsIrregularPast(v)) return true;
  if (v.size() < 5 || v.substr(v.size() - 2) != "ed") return false;
  // need, proceed, succeed, exceed, speed, bleed, breed, seed, heed; red, bed, shed...
  return v.substr(v.size() - 3) != "eed";
}

struct Tense {
  bool future = false;
  bool past = false;
  bool reported = false;     // a past reporting verb ("said", "announced"): news of the day
  bool progressive = false;  // "was asking": often reported speech of the present
};

// The tense of the event whose verb starts at `verb_start` (-1: the sentence's).
Tense ReadTense(const Words& w, int32_t verb_start) {
  Tense t;
  if (verb_start < 0) {
    for (size_t i = 0; i < w.size; ++i) t.future |= IsFutureModal(w, i);
    return t;
  }
  size_t verb = w.size;
  for (size_t i = 0; i < w.size; ++i) {
    if (!w.words[i].boundary && static_cast<int32_t>(w.words[i].end) > verb_start) {
      verb = i;
      break;
    }
  }
  if (verb == w.size) return t;
  // Back over the verb's auxiliaries and adverbs, at most five words, not past a clause
  // boundary: "will not meet", "has already met", "is scheduled to visit".
  for (size_t back = 1; back <= 5 && back <= verb; ++back) {
    const size_t i = verb - back;
    if (w.words[i].boundary) break;
    const std::string_view x = w.words[i].text;
    if (IsFutureModal(w, i) || IsPlanningTo(w, i)) {
      t.future = true;
      return t;
    }
    if (OneOf(x, {"has", "have", "had", "was", "were", "been", "did", "ve", "d"})) t.past = true;
    // Another verb's subject or object starts here: stop looking.
    if (OneOf(x, {"that", "which", "who", "and", "but", "after", "before", "when", "while"})) break;
  }
  if (IsPastForm(w.words[verb].text)) t.past = true;
  // Past simple of a reporting verb, with no perfect before it: what the article reports.
  bool perfect = false;
  for (size_t back = 1; back <= 3 && back <= verb; ++back) {
    if (w.words[verb - back].boundary) break;
    perfect |= OneOf(w.words[verb - back].text, {"had", "has", "have", "d", "ve"});
  }
  t.reported =
      !perfect && OneOf(w.words[verb].text,
                        {"said",     "told",   "announced",  "stated",     "added",    "claimed",
                         "insisted", "noted",  "denied",     "confirmed",  "declared", "warned",
                         "urged",    "called", "pleaded",    "rejected",   "welcomed", "condemned",
                         "tweeted",  "wrote",  "criticised", "criticized", "accused"});
  const std::string_view head = w.words[verb].text;
  t.progressive = head.size() > 4 && head.substr(head.size() - 3) == "ing";
  // "talks are scheduled for Monday", "a visit planned for May".
  for (size_t i = verb + 1; i < w.size && i <= verb + 3 && !w.words[i].boundary; ++i) {
    if (OneOf(w.words[i].text, {"scheduled", "planned", "due", "slated"})) t.future = !t.past;
  }
  return t;
}

// True when [a, b) of `s` holds a semicolon: a date across it belongs to another clause.
bool SemicolonBetween(std::string_view s, size_t a, size_t b) {
  if (a > b) std::swap(a, b);
  return s.substr(a, b - a).find(';') != std::string_view::npos;
}

// Whether byte `pos` of `s` is inside double quotes (ASCII or curly), by parity.
bool InsideQuotes(std::string_view s, size_t pos) {
  int quotes = 0;
  for (size_t i = 0; i < pos && i < s.size(); ++i) {
    if (s[i] == '"') {
      ++quotes;
    } else if (static_cast<unsigned char>(s[i]) == 0xE2 && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0x80) {
      const unsigned char third = static_cast<unsigned char>(s[i + 2]);
      if (third == 0x9C || third == 0x9D) ++quotes;
    }
  }
  return quotes % 2 == 1;
}

// True when a relative clause opens between the verb (ending at `verb_end`) and a later
// mention at `mention_start`: "worked with the army in Sheikh Maqsood, which was liberated
// in 2016" dates the liberation, not the work.
bool RelativeClauseBetween(const Words& w, uint32_t verb_end, uint32_t mention_start) {
  for (size_t i = 0; i < w.size; ++i) {
    const Word& x = w.words[i];
    if (x.start < verb_end || x.end > mention_start) continue;
    if (!x.boundary && OneOf(x.text, {"which", "who", "whose", "whom", "where"})) return true;
  }
  return false;
}

// "(Fear that Idlib attack will displace 700,000, 6 September)": the date of a cited
// article, closing a parenthesis after a comma.
bool CitationDate(std::string_view s, const Mention& m) {
  size_t after = m.end;
  while (after < s.size() && s[after] == ' ') ++after;
  if (after >= s.size() || s[after] != ')') return false;
  const size_t open = s.rfind('(', m.start);
  if (open == std::string_view::npos) return false;
  return s.substr(open, m.start - open).find(',') != std::string_view::npos;
}

DatePrecision FromGranularity(DateGranularity g) {
  switch (g) {
    case DateGranularity::kDay:
      return DatePrecision::kDay;
    case DateGranularity::kWeek:
      return DatePrecision::kWeek;
    case DateGranularity::kMonth:
      return DatePrecision::kMonth;
    case DateGranularity::kYear:
      return DatePrecision::kYear;
    case DateGranularity::kPublication:
      break;
  }
  return DatePrecision::kUnknown;
}

// The first day of the period of precision `p` holding `d`.
Date PeriodStart(Date d, DatePrecision p) {
  if (!IsValidDate(d)) return 0;
  switch (p) {
    case DatePrecision::kWeek:
      return AddDays(d, -DayOfWeek(d));
    case DatePrecision::kMonth:
      return d / 100 * 100 + 1;
    case DatePrecision::kYear:
      return d / 10000 * 10000 + 101;
    case DatePrecision::kDay:
    case DatePrecision::kUnknown:
      break;
  }
  return d;
}

// The last day of that period.
Date PeriodLast(Date start, DatePrecision p) {
  switch (p) {
    case DatePrecision::kWeek:
      return AddDays(start, 6);
    case DatePrecision::kMonth:
      return AddDays(AddMonths(start, 1), -1);
    case DatePrecision::kYear:
      return start / 10000 * 10000 + 1231;
    case DatePrecision::kDay:
    case DatePrecision::kUnknown:
      break;
  }
  return start;
}

bool IsAbsolute(MentionKind k) {
  return k == MentionKind::kFullDate || k == MentionKind::kMonthYear || k == MentionKind::kYear;
}

// Points forward from publication on its own: "next week", "tomorrow", "next Friday".
bool PointsForward(const Mention& m) {
  if (m.direction > 0) return true;
  return m.kind == MentionKind::kDayOffset && m.offset > 0;
}

double TextConfidence(MentionKind k) {
  switch (k) {
    case MentionKind::kFullDate:
      return 0.9;
    case MentionKind::kMonthYear:
    case MentionKind::kYear:
    case MentionKind::kDayOffset:
    case MentionKind::kMonthDay:
    case MentionKind::kMonthOffset:
    case MentionKind::kYearOffset:
      return 0.85;
    case MentionKind::kWeekday:
    case MentionKind::kWeekend:
    case MentionKind::kWeekOffset:
    case MentionKind::kMonth:
      return 0.8;
  }
  return 0.8;
}

bool IsGuess(const PublicationDate& pub) { return pub.method.rfind("inferred", 0) == 0; }

}  // namespace

PublicationDate FindPublicationDate(const Document& doc) {
  PublicationDate date;
  const DateGuess guess = InferPublicationDate(doc);
  if (guess.date <= 0) return date;  // "unknown", confidence 0
  date.date = guess.date;
  date.confidence = guess.confidence;
  date.precision = guess.precision;
  if (doc.date > 0) {
    switch (doc.date_source) {
      case DateSource::kHeader:
        date.method = "header";
        break;
      case DateSource::kDateline:
        date.method = "dateline";
        break;
      case DateSource::kText:
        date.method = "text";
        break;
      case DateSource::kMetadata:
      case DateSource::kUnknown:
        date.method = "metadata";  // a date with no recorded source came with the record
        break;
    }
  } else {
    date.method = "inferred: " + guess.reason;
  }
  return date;
}

EventDate ResolveEventDate(std::string_view sentence, int32_t verb_start, int32_t verb_end,
                           const PublicationDate& pub) {
  thread_local Words words;
  thread_local std::vector<Mention> mentions;
  mentions.clear();
  SplitWords(sentence, &words);
  ScanDates(sentence, &mentions, nullptr);
  const bool pub_ok = IsValidDate(pub.date) && pub.precision != DatePrecision::kUnknown;
  const bool anchored = verb_start >= 0 && static_cast<size_t>(verb_start) <= sentence.size();
  Tense tense = ReadTense(words, anchored ? verb_start : -1);
  if (!tense.future && !tense.past) {
    // A verb or noun with no tense of its own ("talks", "visit") is planned when the
    // sentence points forward: "talks next week", "tomorrow's visit".
    for (const Mention& m : mentions) tense.future |= PointsForward(m);
    // With no verb to read, the sentence's other future cues count as before.
    for (size_t i = 0; !anchored && !tense.future && i < words.size; ++i)
      tense.future = OneOf(words.words[i].text, {"scheduled", "upcoming", "expect", "expects"});
  }
  const bool verb_quoted = anchored && InsideQuotes(sentence, static_cast<size_t>(verb_start));

  EventDate out;
  out.future = tense.future;
  int best_rank = 99;
  size_t best_distance = 0;
  bool best_before = false;
  const Mention* best_mention = nullptr;
  for (const Mention& m : mentions) {
    if (DatesSomethingElse(sentence, m.start)) continue;
    const bool absolute = IsAbsolute(m.kind);
    if (!absolute && !pub_ok) continue;
    if (CitationDate(sentence, m)) continue;
    if (anchored) {
      if (InsideQuotes(sentence, m.start) != verb_quoted) continue;  // a quoted headline
      if (SemicolonBetween(sentence, m.start, static_cast<size_t>(verb_start))) continue;
      if (verb_end > verb_start && m.start >= static_cast<uint32_t>(verb_end) &&
          RelativeClauseBetween(words, static_cast<uint32_t>(verb_end), m.start))
        continue;
    }
    // "said on Monday it would meet next week": what is planned is another event.
    if (!tense.future && PointsForward(m)) continue;
    Mention resolved = m;
    if (!tense.future) resolved.future_context = false;
    DateGranularity g;
    const Date d = ResolveMention(resolved, pub_ok ? pub.date : 0, tense.future, &g);
    if (d == 0) continue;
    DatePrecision p = FromGranularity(g);
    if (!absolute && DatePrecisionRank(pub.precision) > DatePrecisionRank(p))
      p = pub.precision;  // a guessed year
    const Date start = PeriodStart(d, p);
    if (start == 0) continue;
    char word[16];
    const bool before = absolute && WordBefore(sentence, m.start, word) == "BEFORE";
    if (pub_ok && !tense.future && start > pub.date) continue;  // past events: not later
    // "is asking them to meet on 10 and 11 September" (published 4 September): a day or
    // month without a year that is only days ahead dates what is planned, not an event of
    // the present tense -- never the same day a year before.
    if (anchored && pub_ok && (!tense.past || tense.progressive) && !tense.future &&
        (m.kind == MentionKind::kMonthDay || m.kind == MentionKind::kMonth) && m.direction == 0) {
      DateGranularity ahead_g;
      Mention ahead = m;
      const Date next = ResolveMention(ahead, pub.date, true, &ahead_g);
      if (next > pub.date && next <= AddDays(pub.date, 90) && start < AddDays(pub.date, -180))
        continue;
    }
    if (before && !(pub_ok && PeriodLast(start, p) < AddDays(pub.date, -365))) continue;
    const size_t distance =
        anchored ? static_cast<size_t>(std::abs(static_cast<int64_t>(m.start) - verb_start)) : 0;
    const int rank = DatePrecisionRank(p);
    if (best_mention == nullptr || rank < best_rank ||
        (rank == best_rank && distance < best_distance)) {
      best_mention = &m;
      best_rank = rank;
      best_distance = distance;
      best_before = before;
      out.date = start;
      out.precision = p;
    }
  }
  if (best_mention != nullptr) {
    out.source = EventDateSource::kText;
    const bool absolute = IsAbsolute(best_mention->kind);
    out.confidence = TextConfidence(best_mention->kind) * (absolute ? 1.0 : pub.confidence);
    out.guessed = !absolute && IsGuess(pub);
    if (best_before) {
      // "before 1939": only a bound, long before the article.
      out.historical = true;
      out.date = 0;
      out.precision = DatePrecision::kUnknown;
      out.confidence = 0;
      return out;
    }
    out.historical =
        pub_ok && !out.future && PeriodLast(out.date, out.precision) < AddDays(pub.date, -365);
    return out;
  }
  if (pub_ok) {
    out.date = PeriodStart(pub.date, pub.precision);
    out.precision = pub.precision;
    out.guessed = IsGuess(pub);
    out.source =
        out.guessed ? EventDateSource::kInferredPublication : EventDateSource::kPublication;
    // A past event the text does not date ("Isis conquered its way", "had sought
    // protection") is often background, long before the article: on the Guardian hand
    // check about half were (docs/dates.md). Reported speech and the present are news of
    // the day.
    out.confidence = (tense.past && !tense.reported ? 0.4 : 0.7) * pub.confidence;
    return out;
  }
  out.source = EventDateSource::kPublication;
  return out;
}

void DateEvents(const PublicationDate& pub, std::vector<Event>* events) {
  for (Event& e : *events) {
    const EventDate d = ResolveEventDate(e.sentence, e.verb.start, e.verb.end, pub);
    e.date = d.date;
    e.date_precision = d.precision;
    e.date_source = d.source;
    e.date_confidence = d.confidence;
    e.date_guessed = d.guessed;
    e.future = d.future;
    e.historical = d.historical;
    e.pub_date = pub.date;
    e.pub_date_method = pub.method;
    e.pub_date_confidence = pub.confidence;
  }
}

void DateEvents(const Document& doc, std::vector<Event>* events) {
  if (events->empty()) return;
  DateEvents(FindPublicationDate(doc), events);
}

}  // namespace dates
}  // namespace parley
