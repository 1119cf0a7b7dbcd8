// Tokenize: Penn-Treebank-flavoured tokens with folded, upper-cased normal forms, the
// shape TABARI/PETRARCH dictionaries are written in ("U.S.", "DID N'T", "RUSSIA 'S").
#include <unicode/uchar.h>

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
using internal::Decoded;
using internal::KindOf;

constexpr uint8_t kLetterBit = 1;
constexpr uint8_t kDigitBit = 2;

// Per byte: kLetterBit for ASCII letters, kDigitBit for digits, 0 for everything else
// (including all non-ASCII bytes, which take the slow path).
constexpr std::array<uint8_t, 256> MakeAsciiWordClass() {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetterBit;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetterBit;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitBit;
  return t;
}
constexpr std::array<uint8_t, 256> kAsciiWordClass = MakeAsciiWordClass();

inline Decoded At(std::string_view s, size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  return DecodeAt(s, i);
}

bool EqualsLowerAscii(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    if (c != lower[i]) return false;
  }
  return true;
}

// Words after which "'d" and "'m" are contractions ("I'd", "they'd") rather than part
// of a name ("Sa'd").
bool IsPronoun(std::string_view word) {
  static constexpr std::string_view kPronouns[] = {"i",    "you", "he",   "she",   "it",   "we",
                                                   "they", "who", "that", "there", "what", "where"};
  for (std::string_view p : kPronouns) {
    if (EqualsLowerAscii(word, p)) return true;
  }
  return false;
}

// Appends the normalised form of word text `src` (upper case, Latin accents stripped,
// apostrophes and hyphens folded, digits of any script as ASCII). Returns whether its
// first letter is upper case.
bool AppendWordNorm(std::string_view src, std::string* norm) {
  bool capitalized = false;
  bool first = true;
  bool last_ascii = false;  // combining marks on an ASCII-folded letter are dropped
  for (size_t i = 0; i < src.size();) {
    const auto b = static_cast<unsigned char>(src[i]);
    if (b < 0x80) {
      if (first) capitalized = b >= 'A' && b <= 'Z';
      norm->push_back(static_cast<char>(b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b));
      ++i;
      first = false;
      last_ascii = true;
      continue;
    }
    const Decoded d = DecodeAt(src, i);
    i += d.len;
    const size_t before = norm->size();
    const CharKind k = KindOf(d.cp);
    if (internal::IsApostrophe(d.cp)) {
      norm->push_back('\'');
    } else if (k == CharKind::kJoiner) {
      continue;
    } else if (k == CharKind::kMark) {
      if (!last_ascii) norm->append(src.data() + i - d.len, d.len);
      continue;
    } else if (k == CharKind::kDigit) {
      const int32_t value = u_charDigitValue(static_cast<UChar32>(d.cp));
      norm->push_back(static_cast<char>('0' + (value >= 0 && value <= 9 ? value : 0)));
    } else if (internal::IsLetter(k)) {
      if (first) capitalized = k == CharKind::kUpper;
      internal::AppendFoldedLetter(d.cp, norm);
    } else if (const std::string_view folded = internal::FoldedPunct(d.cp); !folded.empty()) {
      norm->append(folded);
    } else {
      norm->append(src.data() + i - d.len, d.len);
    }
    first = false;
    last_ascii = static_cast<unsigned char>(norm->back()) < 0x80 && norm->size() > before;
  }
  return capitalized;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view s, TokenizedSentence* out) : s_(s), out_(out) {}

  void Run() {
    size_t i = 0;
    while (i < s_.size()) {
      const Decoded d = At(s_, i);
      const CharKind kind = KindOf(d.cp);
      if (kind == CharKind::kSpace || kind == CharKind::kJoiner) {
        i += d.len;
      } else if (internal::IsAlnum(kind)) {
        i = ScanWord(i);
      } else {
        i = ScanPunct(i, d);
      }
    }
  }

 private:
  size_t ScanWord(size_t start);
  size_t ScanPunct(size_t start, Decoded d);
  // Splits clitics ('s, n't, 're, ...) off the word [start, end) and emits the pieces.
  void EmitWordWithClitics(size_t start, size_t end, size_t last_apostrophe, bool number);
  // `ascii` promises [start, end) is pure ASCII, which skips decoding.
  void EmitWord(size_t start, size_t end, bool number, bool ascii);
  void EmitFixed(size_t start, size_t end, TokenKind kind, std::string_view norm);
  Token& BeginToken(size_t start, size_t end, TokenKind kind);
  void EndToken(Token& t) { t.norm_len = static_cast<uint32_t>(out_->norm.size() - t.norm_start); }
  bool OnlyClosersFollow(size_t i) const;
  // End of a possessive "'s" starting at i, or 0 when there is none.
  size_t PossessiveAt(size_t i) const;
  bool DigitFollows(size_t i) const;

  std::string_view s_;
  TokenizedSentence* out_;
};

size_t Tokenizer::ScanWord(size_t start) {
  const size_t n = s_.size();
  size_t j = start;
  size_t last_apostrophe = std::string_view::npos;
  size_t tail_start = start;  // after the last hyphen: what abbreviation checks look at
  uint8_t seen = 0;           // kLetterBit / kDigitBit of the characters so far
  bool ascii = true;          // lets EmitWord take its fast path
  while (true) {
    while (true) {
      while (j < n) {  // ASCII fast path
        const uint8_t cls = kAsciiWordClass[static_cast<unsigned char>(s_[j])];
        if (cls == 0) break;
        seen |= cls;
        ++j;
      }
      if (j >= n || static_cast<unsigned char>(s_[j]) < 0x80) break;
      const Decoded d = DecodeAt(s_, j);
      const CharKind k = KindOf(d.cp);
      if (internal::IsLetter(k)) {
        seen |= kLetterBit;
      } else if (k == CharKind::kDigit) {
        seen |= kDigitBit;
      } else if (k != CharKind::kMark && k != CharKind::kJoiner) {
        break;
      }
      ascii = false;
      j += d.len;
    }
    const bool has_letter = (seen & kLetterBit) != 0;
    if (j >= n) break;
    const Decoded c = At(s_, j);
    const bool connector = internal::IsJoiningHyphen(c.cp) || internal::IsApostrophe(c.cp) ||
                           c.cp == '.' || c.cp == ',' || c.cp == ':' || c.cp == '/';
    if (!connector) break;
    // "anti- Gondor", "18th- and 19th-century": a hyphen left hanging stays on its word.
    if (internal::IsJoiningHyphen(c.cp) && (seen & kLetterBit) && j + c.len < n &&
        KindOf(At(s_, j + c.len).cp) == CharKind::kSpace) {
      j += c.len;
      ascii &= c.len == 1;
      break;
    }
    if (j + c.len < n) {
      const CharKind next = KindOf(At(s_, j + c.len).cp);
      const CharKind prev = KindOf(internal::DecodeBefore(s_, j).cp);
      if (internal::IsAlnum(next)) {
        bool joins = false;
        if (internal::IsJoiningHyphen(c.cp)) {
          joins = true;
          tail_start = j + c.len;
        } else if (internal::IsApostrophe(c.cp)) {
          joins = internal::IsLetter(prev) && internal::IsLetter(next);
          if (joins) last_apostrophe = j;
        } else if (c.cp == '.') {
          joins = !internal::IsMissingSpaceAfterPeriod(s_, j);
        } else if (c.cp == ',' || c.cp == ':' || c.cp == '/') {
          joins = prev == CharKind::kDigit && next == CharKind::kDigit;
        }
        if (joins) {
          ascii &= c.len == 1;
          j += c.len;
          continue;
        }
      }
    }
    // A final period belongs to abbreviations, initials and acronyms ("U.S.", "Mr.",
    // "W."), not to an ellipsis or an ordinary word.
    if (c.cp == '.' && !(j + 1 < n && s_[j + 1] == '.')) {
      const AbbrevClass cls =
          has_letter ? internal::ClassifyAbbreviation(s_.substr(tail_start, j - tail_start))
                     : AbbrevClass::kNone;
      if (cls != AbbrevClass::kNone && (cls != AbbrevClass::kBeforeNumber || DigitFollows(j + 1))) {
        ++j;
        EmitWord(start, j, false, ascii);
        if (const size_t end = PossessiveAt(j); end != 0) {  // "the U.S.'s decision"
          EmitFixed(j, end, TokenKind::kWord, "'S");
          return end;
        }
        // The period also ends the sentence when nothing but closers follows.
        if (OnlyClosersFollow(j)) EmitFixed(j - 1, j, TokenKind::kPunct, ".");
        // "U.S.-led": the hyphenated continuation is a word of its own.
        return j;
      }
    }
    break;
  }
  const bool number = (seen & kLetterBit) == 0;
  if (last_apostrophe != std::string_view::npos) {
    EmitWordWithClitics(start, j, last_apostrophe, number);
  } else {
    EmitWord(start, j, number, ascii);
  }
  return j;
}

void Tokenizer::EmitWordWithClitics(size_t start, size_t end, size_t apostrophe, bool number) {
  const size_t apos_len = At(s_, apostrophe).len;
  const std::string_view suffix = s_.substr(apostrophe + apos_len, end - apostrophe - apos_len);
  size_t split = std::string_view::npos;
  std::string_view norm;
  if (EqualsLowerAscii(suffix, "t") && apostrophe > start + 1 &&
      (s_[apostrophe - 1] == 'n' || s_[apostrophe - 1] == 'N')) {
    split = apostrophe - 1;  // did|n't, ca|n't, wo|n't
    norm = "N'T";
  } else if (EqualsLowerAscii(suffix, "s")) {
    split = apostrophe;
    norm = "'S";
  } else if (EqualsLowerAscii(suffix, "re")) {
    split = apostrophe;
    norm = "'RE";
  } else if (EqualsLowerAscii(suffix, "ve")) {
    split = apostrophe;
    norm = "'VE";
  } else if (EqualsLowerAscii(suffix, "ll")) {
    split = apostrophe;
    norm = "'LL";
  } else if (IsPronoun(s_.substr(start, apostrophe - start))) {
    if (EqualsLowerAscii(suffix, "d")) {
      split = apostrophe;
      norm = "'D";
    } else if (EqualsLowerAscii(suffix, "m")) {
      split = apostrophe;
      norm = "'M";
    }
  }
  if (split == std::string_view::npos) {
    EmitWord(start, end, number, false);
    return;
  }
  EmitWord(start, split, number, false);
  EmitFixed(split, end, TokenKind::kWord, norm);
}

Token& Tokenizer::BeginToken(size_t start, size_t end, TokenKind kind) {
  std::string& norm = out_->norm;
  if (!out_->tokens.empty()) norm.push_back(' ');
  Token& t = out_->tokens.emplace_back();
  t.start = static_cast<uint32_t>(start);
  t.end = static_cast<uint32_t>(end);
  t.norm_start = static_cast<uint32_t>(norm.size());
  t.kind = kind;
  return t;
}

void Tokenizer::EmitWord(size_t start, size_t end, bool number, bool ascii) {
  Token& t = BeginToken(start, end, number ? TokenKind::kNumber : TokenKind::kWord);
  std::string& norm = out_->norm;
  if (ascii) {
    const size_t at = norm.size();
    norm.append(s_.data() + start, end - start);
    for (size_t k = at; k < norm.size(); ++k) {
      const char c = norm[k];
      if (c >= 'a' && c <= 'z') norm[k] = static_cast<char>(c - ('a' - 'A'));
    }
    t.capitalized = s_[start] >= 'A' && s_[start] <= 'Z';
    EndToken(t);
    return;
  }
  t.capitalized = AppendWordNorm(s_.substr(start, end - start), &norm);
  EndToken(t);
}

void Tokenizer::EmitFixed(size_t start, size_t end, TokenKind kind, std::string_view norm) {
  Token& t = BeginToken(start, end, kind);
  out_->norm.append(norm);
  const auto b = static_cast<unsigned char>(s_[start]);
  t.capitalized = b >= 'A' && b <= 'Z';
  EndToken(t);
}

size_t Tokenizer::ScanPunct(size_t start, Decoded d) {
  const size_t n = s_.size();
  // ASCII stand-ins for curly double quotes: `` and '' (Treebank and wire copy).
  if ((d.cp == '`' || d.cp == '\'') && start + 1 < n && s_[start + 1] == static_cast<char>(d.cp)) {
    EmitFixed(start, start + 2, TokenKind::kPunct, "\"");
    return start + 2;
  }
  if (d.cp == '.' || d.cp == '-') {
    size_t j = start + 1;
    while (j < n && s_[j] == static_cast<char>(d.cp)) ++j;
    if (j - start >= 2) {  // "..." is one ellipsis, "--" one dash
      EmitFixed(start, j, TokenKind::kPunct, d.cp == '.' ? "..." : "-");
      return j;
    }
  }
  Token& t = BeginToken(start, start + d.len, TokenKind::kPunct);
  const std::string_view folded = internal::FoldedPunct(d.cp);
  if (!folded.empty()) {
    out_->norm.append(folded);
  } else {
    out_->norm.append(s_.data() + start, d.len);
  }
  EndToken(t);
  return start + d.len;
}

bool Tokenizer::OnlyClosersFollow(size_t i) const {
  while (i < s_.size()) {
    const Decoded d = At(s_, i);
    if (!internal::IsCloser(d.cp) && KindOf(d.cp) != CharKind::kSpace) return false;
    i += d.len;
  }
  return true;
}

size_t Tokenizer::PossessiveAt(size_t i) const {
  if (i >= s_.size()) return 0;
  const Decoded apostrophe = At(s_, i);
  if (!internal::IsApostrophe(apostrophe.cp)) return 0;
  const size_t s_at = i + apostrophe.len;
  if (s_at >= s_.size() || (s_[s_at] != 's' && s_[s_at] != 'S')) return 0;
  if (s_at + 1 < s_.size() && internal::IsAlnum(KindOf(At(s_, s_at + 1).cp))) return 0;
  return s_at + 1;
}

bool Tokenizer::DigitFollows(size_t i) const {
  while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t' || s_[i] == '\n')) ++i;
  return i < s_.size() && s_[i] >= '0' && s_[i] <= '9';
}

}  // namespace

std::string NormalizeWord(std::string_view word) {
  std::string norm;
  norm.reserve(word.size());
  AppendWordNorm(word, &norm);
  return norm;
}

void Tokenize(std::string_view sentence, TokenizedSentence* out) {
  out->text = sentence;
  out->tokens.clear();
  out->norm.clear();
  Tokenizer(sentence, out).Run();
}

}  // namespace parley::text
