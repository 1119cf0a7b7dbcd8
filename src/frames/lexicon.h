// The word tables the frame stages consult, and small helpers over UD strings. Every
// English word the stages know is in lexicon.cc, one table per question.
#ifndef PARLEY_FRAMES_LEXICON_H_
#define PARLEY_FRAMES_LEXICON_H_

#include <string_view>

#include "parley/frames.h"

namespace parley::frames::internal {

// Table lookups; all compare ASCII case-insensitively.
bool IsEventiveNoun(std::string_view lemma);     // attack, talks, sanction, ...
bool IsSpeechVerb(std::string_view lemma);       // say, announce, believe, warn, ...
bool IsLocativeCase(std::string_view lemma);     // in, at, near, via, ...
bool IsActorPartCase(std::string_view lemma);    // of, from, to: "Ambassador to South Korea"
bool IsNounPatientCase(std::string_view lemma);  // on, against, with, of: "attack on Kyiv"
bool IsModalAuxiliary(std::string_view lemma);   // will, would, may, ...
bool IsFutureAuxiliary(std::string_view lemma);  // will, shall, 'll
bool IsNegationWord(std::string_view lemma);     // not, n't, never
bool IsConditionMark(std::string_view lemma);    // if, unless, provided
bool IsRelativeWord(std::string_view lemma);     // who, whom, which, that
bool IsRelativeAdverb(std::string_view lemma);   // where, when, why
// Modality an xcomp inherits from its governor's lemma ("ready", "plan", "refuse").
ModalSource GovernorModality(std::string_view lemma);

// ASCII case-insensitive equality.
bool EqualsLower(std::string_view a, std::string_view lower);
// "nsubj:pass" -> "nsubj".
std::string_view BaseRelation(std::string_view deprel);
// Whether `feats` ("A=B|C=D") holds `feature` ("Voice=Pass").
bool HasFeature(std::string_view feats, std::string_view feature);
// The value of `name` in `feats`, or "".
std::string_view FeatureValue(std::string_view feats, std::string_view name);

// Whether every table is sorted (binary search needs it).
bool TablesAreSorted();

// Kinds of words.
bool IsNominalTag(std::string_view upos);  // NOUN, PROPN, PRON, NUM

}  // namespace parley::frames::internal

#endif  // PARLEY_FRAMES_LEXICON_H_
