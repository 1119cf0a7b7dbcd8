// SplitSentences: a rule-based splitter tuned for news copy. A candidate boundary is a
// run of . ? ! … (plus closing quotes/brackets) followed by white space; whether it
// really ends the sentence depends on the next word (lower case never starts a
// sentence) and on the word before a period (abbreviations, initials, acronyms).
// Line structure matters too: blank lines always end a sentence, and so do single
// newlines in text that is not hard-wrapped (web copy puts each paragraph on a line).
#include <array>
#include <cstring>

#include "parley/text.h"
#include "text/abbreviations.h"
#include "text/unicode.h"

namespace parley::text {
namespace {

using internal::AbbrevClass;
using internal::CharKind;
using internal::DecodeAt;
using internal::DecodeBefore;
using internal::Decoded;
using internal::KindOf;

// Sentences longer than this are cut at a newline or semicolon when there is one: such
// runs are lists or tables, and downstream stages are quadratic in sentence length.
constexpr size_t kMaxSentenceBytes = 1000;
// Text whose lines are all at most this long is taken to be hard-wrapped, so a single
// newline is just a space unless the line before it stops short.
constexpr size_t kMaxWrappedLine = 100;

// Bytes at which the scanner has to stop and look: sentence punctuation, newlines and
// the lead bytes of … • 。 ！ ？.
constexpr std::array<bool, 256> MakeInterestingTable() {
  std::array<bool, 256> t{};
  t['.'] = t['?'] = t['!'] = t['\n'] = true;
  t[0xE2] = t[0xE3] = t[0xEF] = true;
  return t;
}
constexpr std::array<bool, 256> kInteresting = MakeInterestingTable();

enum class Mark : uint8_t { kNone, kPeriod, kQuestionOrBang, kEllipsis, kIdeographic, kBullet };

// The sentence-relevant mark at text[i], if any; `*len` gets its length in bytes.
inline Mark MarkAt(std::string_view text, size_t i, size_t* len) {
  const auto b = static_cast<unsigned char>(text[i]);
  *len = 1;
  if (b == '.') return Mark::kPeriod;
  if (b == '?' || b == '!') return Mark::kQuestionOrBang;
  if (b < 0xE2 || i + 2 >= text.size()) return Mark::kNone;
  const auto b1 = static_cast<unsigned char>(text[i + 1]);
  const auto b2 = static_cast<unsigned char>(text[i + 2]);
  *len = 3;
  if (b == 0xE2 && b1 == 0x80 && b2 == 0xA6) return Mark::kEllipsis;                     // …
  if (b == 0xE2 && b1 == 0x80 && b2 == 0xA2) return Mark::kBullet;                       // •
  if (b == 0xE3 && b1 == 0x80 && b2 == 0x82) return Mark::kIdeographic;                  // 。
  if (b == 0xEF && b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F)) return Mark::kIdeographic;  // ！？
  *len = 1;
  return Mark::kNone;
}

size_t SkipSpace(std::string_view text, size_t i) {
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (internal::kAsciiKind[b] != CharKind::kSpace) break;
      ++i;
      continue;
    }
    const Decoded d = DecodeAt(text, i);
    if (KindOf(d.cp) != CharKind::kSpace) break;
    i += d.len;
  }
  return i;
}

size_t TrimEnd(std::string_view text, size_t start, size_t end) {
  while (end > start) {
    const Decoded d = DecodeBefore(text, end);
    if (KindOf(d.cp) != CharKind::kSpace) break;
    end -= d.len;
  }
  return end;
}

// What follows a candidate boundary.
struct NextWord {
  size_t pos = 0;       // first non-space byte
  bool at_end = false;  // nothing but space follows
  bool paragraph_break = false;
  bool opener = false;               // an opening quote or bracket comes first
  CharKind kind = CharKind::kPunct;  // kind of the first character after openers
  std::string_view word;             // leading ASCII letters of the word, for the starter list
};

NextWord PeekNext(std::string_view text, size_t i) {
  NextWord next;
  int newlines = 0;
  size_t p = i;
  while (p < text.size()) {
    const Decoded d = DecodeAt(text, p);
    if (KindOf(d.cp) != CharKind::kSpace) break;
    if (d.cp == '\n') ++newlines;
    p += d.len;
  }
  next.pos = p;
  next.paragraph_break = newlines >= 2;
  if (p == text.size()) {
    next.at_end = true;
    return next;
  }
  Decoded d = DecodeAt(text, p);
  while (internal::IsOpener(d.cp) && p + d.len < text.size()) {
    next.opener = true;
    p += d.len;
    d = DecodeAt(text, p);
  }
  next.kind = KindOf(d.cp);
  size_t e = p;
  while (e < text.size() &&
         ((text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z')))
    ++e;
  next.word = text.substr(p, e - p);
  return next;
}

// Start of the word that ends at `end` (just before a period): letters, digits, marks,
// internal periods and apostrophes. Stops at hyphens, so "R-S.C" yields "S.C".
size_t WordStartBefore(std::string_view text, size_t floor, size_t end) {
  size_t p = end;
  while (p > floor) {
    const Decoded d = DecodeBefore(text, p);
    const CharKind k = KindOf(d.cp);
    if (!(internal::IsAlnum(k) || k == CharKind::kMark || d.cp == '.' || d.cp == '\'')) break;
    p -= d.len;
  }
  return p;
}

bool IsShortNumber(std::string_view word) {
  if (word.empty() || word.size() > 2) return false;
  for (char c : word) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

class Splitter {
 public:
  Splitter(std::string_view text, std::vector<Range>* out) : text_(text), out_(out) {
    MeasureLines();
  }

  void Run();

 private:
  void MeasureLines();
  // Handles the newline at i; returns true when it ended the sentence.
  bool AtNewline(size_t i);
  // Handles the run of terminal punctuation starting at i; returns where to continue.
  size_t AtTerminal(size_t i);
  bool PeriodEndsSentence(size_t period, const NextWord& next) const;
  void Emit(size_t start, size_t end);
  void Push(size_t start, size_t end);

  std::string_view text_;
  std::vector<Range>* out_;
  size_t start_ = 0;       // start of the sentence being built
  size_t line_start_ = 0;  // start of the current line
  size_t max_line_ = 0;
  bool hard_wrapped_ = false;
};

void Splitter::MeasureLines() {
  size_t lines = 0;
  size_t pos = 0;
  while (pos < text_.size()) {
    const void* nl = std::memchr(text_.data() + pos, '\n', text_.size() - pos);
    const size_t end = nl ? static_cast<const char*>(nl) - text_.data() : text_.size();
    if (end > pos) ++lines;
    if (end - pos > max_line_) max_line_ = end - pos;
    pos = end + 1;
  }
  hard_wrapped_ = lines >= 2 && max_line_ <= kMaxWrappedLine;
}

void Splitter::Run() {
  const size_t n = text_.size();
  start_ = SkipSpace(text_, 0);
  size_t i = start_;
  while (i < n) {
    const auto b = static_cast<unsigned char>(text_[i]);
    if (!kInteresting[b]) {
      ++i;
      continue;
    }
    if (b == '\n') {
      if (AtNewline(i)) {
        i = start_;
      } else {
        ++i;
      }
      continue;
    }
    size_t len;
    const Mark mark = MarkAt(text_, i, &len);
    if (mark == Mark::kBullet) {
      if (i > start_ && KindOf(DecodeBefore(text_, i).cp) == CharKind::kSpace) {
        Emit(start_, i);  // a bullet opens a new item
        start_ = i;
      }
      i += len;
    } else if (mark != Mark::kNone) {
      i = AtTerminal(i);
    } else {
      ++i;
    }
  }
  if (start_ < n) Emit(start_, n);
}

bool Splitter::AtNewline(size_t i) {
  const size_t line_len = i - line_start_;
  line_start_ = i + 1;
  const NextWord next = PeekNext(text_, i);               // counts this newline too
  if (TrimEnd(text_, start_, i) == start_) return false;  // nothing pending
  bool boundary;
  if (next.paragraph_break || next.at_end) {
    boundary = true;
  } else if (next.kind == CharKind::kLower) {
    boundary = false;  // a line wrapped mid-sentence
  } else {
    boundary = !hard_wrapped_ || line_len * 2 < max_line_;
  }
  if (!boundary) return false;
  Emit(start_, i);
  start_ = next.pos;
  // Keep line_start_ right for the lines skipped over.
  for (size_t p = i + 1; p < next.pos; ++p) {
    if (text_[p] == '\n') line_start_ = p + 1;
  }
  return true;
}

size_t Splitter::AtTerminal(size_t i) {
  const size_t n = text_.size();
  size_t p = i;
  int periods = 0;
  bool question_or_bang = false, ellipsis = false, ideographic = false;
  while (p < n) {
    size_t len;
    const Mark mark = MarkAt(text_, p, &len);
    if (mark == Mark::kPeriod) {
      ++periods;
    } else if (mark == Mark::kQuestionOrBang) {
      question_or_bang = true;
    } else if (mark == Mark::kEllipsis) {
      ellipsis = true;
    } else if (mark == Mark::kIdeographic) {
      ideographic = true;
    } else {
      break;
    }
    p += len;
  }
  if (periods >= 2) ellipsis = true;
  size_t q = p;
  while (q < n) {
    const Decoded d = DecodeAt(text_, q);
    if (!internal::IsCloser(d.cp)) break;
    q += d.len;
  }
  const bool missing_space =
      periods == 1 && p == i + 1 && q == p && internal::IsMissingSpaceAfterPeriod(text_, i);
  if (q < n && !ideographic && !missing_space &&
      KindOf(DecodeAt(text_, q).cp) != CharKind::kSpace) {
    return q;  // inside a token (3.5, U.S, gu.com) or followed by more punctuation
  }
  const NextWord next = PeekNext(text_, q);
  bool boundary;
  if (next.at_end || next.paragraph_break || ideographic) {
    boundary = true;
  } else if (next.kind == CharKind::kLower) {
    boundary = false;
  } else if (question_or_bang) {
    boundary = true;
  } else if (ellipsis) {
    boundary = next.kind == CharKind::kUpper || next.opener;
  } else {
    boundary = PeriodEndsSentence(i, next);
  }
  if (!boundary) return q;
  Emit(start_, q);
  start_ = next.pos;
  for (size_t k = q; k < next.pos; ++k) {
    if (text_[k] == '\n') line_start_ = k + 1;
  }
  return next.pos;
}

bool Splitter::PeriodEndsSentence(size_t period, const NextWord& next) const {
  const size_t word_start = WordStartBefore(text_, start_, period);
  const std::string_view word = text_.substr(word_start, period - word_start);
  const bool next_digit = next.kind == CharKind::kDigit;
  const bool starter = next.opener || internal::IsCommonSentenceStarter(next.word);
  switch (internal::ClassifyAbbreviation(word)) {
    case AbbrevClass::kNone:
      // "1. Russia ..." numbers a list item; it is not a sentence of its own.
      return !(word_start == start_ && IsShortNumber(word));
    case AbbrevClass::kTitle:
      return false;
    case AbbrevClass::kBeforeNumber:
      return !next_digit;
    case AbbrevClass::kMonth:
    case AbbrevClass::kAcronym:
    case AbbrevClass::kCompany:
      return !next_digit && starter;
    case AbbrevClass::kEtc:
      return true;
  }
  return true;
}

void Splitter::Emit(size_t start, size_t end) {
  end = TrimEnd(text_, start, end);
  while (end - start > kMaxSentenceBytes) {
    const std::string_view window = text_.substr(start + 1, kMaxSentenceBytes - 1);
    size_t cut = window.rfind('\n');
    if (cut == std::string_view::npos) {
      cut = window.rfind(';');
      if (cut != std::string_view::npos) ++cut;  // keep the semicolon
    }
    if (cut == std::string_view::npos) {
      const std::string_view rest =
          text_.substr(start + kMaxSentenceBytes, end - start - kMaxSentenceBytes);
      const size_t found = rest.find_first_of("\n;");
      if (found == std::string_view::npos) break;
      cut = kMaxSentenceBytes - 1 + found + (rest[found] == ';' ? 1 : 0);
    }
    const size_t cut_at = start + 1 + cut;
    Push(start, cut_at);
    start = SkipSpace(text_, cut_at);
  }
  Push(start, end);
}

void Splitter::Push(size_t start, size_t end) {
  end = TrimEnd(text_, start, end);
  if (end > start) out_->push_back(Range{static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
}

}  // namespace

void SplitSentences(std::string_view text, std::vector<Range>* out) {
  out->clear();
  Splitter(text, out).Run();
}

}  // namespace parley::text
