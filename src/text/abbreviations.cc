#include "text/abbreviations.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include "text/unicode.h"

namespace parley::text::internal {
namespace {

struct Abbrev {
  std::string_view word;  // lower case
  AbbrevClass cls;
};

constexpr AbbrevClass T = AbbrevClass::kTitle;
constexpr AbbrevClass N = AbbrevClass::kBeforeNumber;
constexpr AbbrevClass M = AbbrevClass::kMonth;
constexpr AbbrevClass C = AbbrevClass::kCompany;
constexpr AbbrevClass E = AbbrevClass::kEtc;

// clang-format off
constexpr Abbrev kAbbreviations[] = {
    // Titles and ranks precede a name.
    {"mr", T}, {"mrs", T}, {"ms", T}, {"messrs", T}, {"mme", T}, {"mlle", T}, {"dr", T},
    {"prof", T}, {"gen", T}, {"lt", T}, {"col", T}, {"maj", T}, {"capt", T}, {"cpt", T},
    {"sgt", T}, {"cpl", T}, {"pvt", T}, {"adm", T}, {"cmdr", T}, {"cdr", T}, {"brig", T},
    {"sen", T}, {"sens", T}, {"rep", T}, {"reps", T}, {"gov", T}, {"govs", T}, {"pres", T},
    {"sec", T}, {"amb", T}, {"supt", T}, {"insp", T}, {"det", T}, {"atty", T}, {"rev", T},
    {"hon", T}, {"fr", T}, {"st", T}, {"ste", T}, {"mt", T}, {"ft", T}, {"vs", T}, {"v", T},
    {"cf", T}, {"approx", T}, {"gov't", T},
    // Only abbreviations before a number ("No. 10", "Art. 5", "pp. 3-4").
    {"no", N}, {"nos", N}, {"nr", N}, {"art", N}, {"vol", N}, {"fig", N}, {"pp", N}, {"p", N},
    {"ch", N}, {"op", N}, {"para", N},
    // Months ("May" is a word, never abbreviated).
    {"jan", M}, {"feb", M}, {"mar", M}, {"apr", M}, {"jun", M}, {"jul", M}, {"aug", M},
    {"sep", M}, {"sept", M}, {"oct", M}, {"nov", M}, {"dec", M},
    // Company and name suffixes end sentences as often as not.
    {"inc", C}, {"corp", C}, {"ltd", C}, {"co", C}, {"plc", C}, {"llc", C}, {"bros", C},
    {"jr", C}, {"sr", C}, {"esq", C}, {"dept", C}, {"univ", C}, {"assn", C}, {"govt", C},
    {"intl", C}, {"ave", C}, {"blvd", C}, {"etc", E}, {"al", E},
};
// clang-format on

constexpr std::string_view kStarters[] = {
    "a",        "about",     "according", "after",        "again",   "all",      "also",
    "although", "among",     "an",        "and",          "another", "any",      "are",
    "as",       "asked",     "at",        "because",      "before",  "being",    "both",
    "but",      "by",        "can",       "despite",      "did",     "do",       "does",
    "during",   "each",      "earlier",   "even",         "every",   "few",      "finally",
    "first",    "following", "for",       "from",         "further", "had",      "has",
    "have",     "he",        "her",       "here",         "his",     "how",      "however",
    "i",        "if",        "in",        "instead",      "is",      "it",       "its",
    "last",     "later",     "many",      "meanwhile",    "more",    "moreover", "most",
    "much",     "my",        "neither",   "nevertheless", "no",      "nor",      "not",
    "now",      "of",        "on",        "once",         "one",     "only",     "or",
    "other",    "others",    "our",       "over",         "overall", "she",      "since",
    "so",       "some",      "still",     "such",         "that",    "the",      "their",
    "then",     "there",     "these",     "they",         "this",    "those",    "though",
    "thus",     "to",        "today",     "two",          "under",   "unlike",   "until",
    "we",       "what",      "when",      "where",        "whether", "which",    "while",
    "who",      "why",       "with",      "without",      "yet",     "you",      "your",
};

// Lower-cases ASCII `word` into `buf`; false when it is too long or not ASCII letters
// (plus the apostrophe of "gov't").
bool LowerAscii(std::string_view word, std::array<char, 16>* buf) {
  if (word.empty() || word.size() > buf->size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + ('a' - 'A'));
    } else if (!((c >= 'a' && c <= 'z') || c == '\'')) {
      return false;
    }
    (*buf)[i] = c;
  }
  return true;
}

// "U.S", "J.R.R", "a.m", "Ph.D", "e.g": letters in short period-separated groups.
bool IsDottedAcronym(std::string_view word) {
  size_t group = 0;
  bool has_dot = false;
  for (size_t i = 0; i < word.size();) {
    if (word[i] == '.') {
      if (group == 0) return false;
      has_dot = true;
      group = 0;
      ++i;
      continue;
    }
    const Decoded d = DecodeAt(word, i);
    if (!IsLetter(KindOf(d.cp))) return false;
    if (++group > 2) return false;
    i += d.len;
  }
  return has_dot && group > 0;
}

// Packs a lower-cased ASCII word of at most 8 bytes into an integer key, so lookups
// compare integers instead of strings (this runs at every period in the text).
bool PackLower(std::string_view word, uint64_t* key) {
  if (word.empty() || word.size() > 8) return false;
  uint64_t k = 0;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + ('a' - 'A'));
    } else if (!((c >= 'a' && c <= 'z') || c == '\'')) {
      return false;
    }
    k = (k << 8) | static_cast<unsigned char>(c);
  }
  *key = k;
  return true;
}

struct PackedAbbrev {
  uint64_t key;
  AbbrevClass cls;
};

std::vector<PackedAbbrev> SortedAbbreviations() {
  std::vector<PackedAbbrev> table;
  for (const Abbrev& a : kAbbreviations) {
    uint64_t key;
    if (PackLower(a.word, &key)) table.push_back({key, a.cls});
  }
  std::sort(table.begin(), table.end(),
            [](const PackedAbbrev& x, const PackedAbbrev& y) { return x.key < y.key; });
  return table;
}

std::vector<uint64_t> SortedStarters() {
  std::vector<uint64_t> table;
  for (std::string_view s : kStarters) {
    uint64_t key;
    if (PackLower(s, &key)) table.push_back(key);
  }
  std::sort(table.begin(), table.end());
  return table;
}

}  // namespace

AbbrevClass ClassifyAbbreviation(std::string_view word) {
  if (word.empty()) return AbbrevClass::kNone;
  if (word.find('.') != std::string_view::npos) {
    return IsDottedAcronym(word) ? AbbrevClass::kAcronym : AbbrevClass::kNone;
  }
  // A capital initial, even one that is also a lower-case abbreviation ("P." vs "p. 5").
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return AbbrevClass::kAcronym;
  uint64_t key;
  if (PackLower(word, &key)) {
    static const auto table = SortedAbbreviations();
    const auto it = std::lower_bound(table.begin(), table.end(), key,
                                     [](const PackedAbbrev& a, uint64_t k) { return a.key < k; });
    if (it != table.end() && it->key == key) return it->cls;
  }
  const Decoded d = DecodeAt(word, 0);
  if (d.len == word.size() && KindOf(d.cp) == CharKind::kUpper) return AbbrevClass::kAcronym;
  return AbbrevClass::kNone;
}

bool IsCommonSentenceStarter(std::string_view word) {
  uint64_t key;
  if (PackLower(word, &key)) {
    static const auto table = SortedStarters();
    return std::binary_search(table.begin(), table.end(), key);
  }
  std::array<char, 16> buf;
  if (!LowerAscii(word, &buf)) return false;
  const std::string_view lower(buf.data(), word.size());
  for (std::string_view s : kStarters) {
    if (s == lower) return true;
  }
  return false;
}

}  // namespace parley::text::internal
