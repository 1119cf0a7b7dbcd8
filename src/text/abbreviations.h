// Internal: what a word followed by a period is, so the splitter and the tokenizer agree
// on which periods belong to words ("U.S.", "Mr.", "W.") and which end sentences.
#ifndef PARLEY_TEXT_ABBREVIATIONS_H_
#define PARLEY_TEXT_ABBREVIATIONS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parley::text::internal {

enum class AbbrevClass : uint8_t {
  kNone,          // an ordinary word: the period is punctuation
  kTitle,         // Mr, Dr, Gen, Sen, St, vs: always followed by more of the sentence
  kBeforeNumber,  // No, Art, Vol, pp: an abbreviation only when a number follows
  kMonth,         // Jan, Feb, ... Sept, Dec
  kAcronym,       // dotted letters (U.S, J.R.R, a.m) or a single capital initial (W)
  kCompany,       // Inc, Corp, Ltd, Co, Jr: often sentence-final, often not
  kEtc,           // etc, al: sentence-final whenever a capitalised word follows
};

// Classifies `word`, the text just before a period (without the period), e.g. "Mr",
// "U.S", "W", "Feb". Case-insensitive for the listed abbreviations.
AbbrevClass ClassifyAbbreviation(std::string_view word);

// True for words that commonly open a sentence ("The", "He", "But", "In"): after an
// ambiguous abbreviation ("U.S.", "Inc.", "W.") such a word signals a new sentence,
// while a name or noun ("U.S. Senate", "George W. Bush") does not.
bool IsCommonSentenceStarter(std::string_view word);

// True when the period at text[period] ends a sentence whose following space is missing,
// as careless or machine-translated copy has it ("Novosti.Russia is ready"): a lower-case
// word of two or more letters, the period, then a capitalised lower-case word. Domain
// names ("gu.com") and acronyms ("U.S", "ASP.NET") do not match.
inline bool IsMissingSpaceAfterPeriod(std::string_view text, size_t period) {
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto letter = [&](char c) { return lower(c) || (c >= 'A' && c <= 'Z'); };
  return period >= 2 && period + 2 < text.size() && lower(text[period - 1]) &&
         letter(text[period - 2]) && text[period + 1] >= 'A' && text[period + 1] <= 'Z' &&
         lower(text[period + 2]);
}

}  // namespace parley::text::internal

#endif  // PARLEY_TEXT_ABBREVIATIONS_H_
