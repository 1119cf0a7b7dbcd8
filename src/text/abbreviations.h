// Internal: what a word followed by a period is, so the splitter and the tokenizer agree
// on which periods belong to words ("U.S.", "Mr.", "W.") and which end sentences.
#ifndef PARLEY_TEXT_ABBREVIATIONS_H_
#define PARLEY_TEXT_ABBREVIATIONS_H_

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

}  // namespace parley::text::internal

#endif  // PARLEY_TEXT_ABBREVIATIONS_H_
