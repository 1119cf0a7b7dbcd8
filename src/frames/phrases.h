// Stage 2 internals shared with stage 3: what makes a word a member of a noun group, and the
// case word of a head. The layer itself (Phrases) is declared in parley/frames.h.
#ifndef PARLEY_FRAMES_PHRASES_H_
#define PARLEY_FRAMES_PHRASES_H_

#include <string_view>

#include "parley/frames.h"

namespace parley::frames::internal {

// Relations that make a dependent of a nominal part of its noun group (compound, flat,
// amod, det, nummod, goeswith, fixed); compound:prt and compound:svc belong to verbs.
bool IsMemberRelation(std::string_view deprel);

// The first "case" dependent of `word`, or -1.
int CaseWord(const Tree& tree, const ParsedSentence& sentence, int word);

// The noun group whose head is `word`, or -1 (members give -1).
int GroupHeadedBy(const Phrases& phrases, int word);

}  // namespace parley::frames::internal

#endif  // PARLEY_FRAMES_PHRASES_H_
