// TABARI dictionary syntax shared by the .actors/.verbs/.agents readers: phrases with
// '_' / '~_' connectors, alternative sets "{ A | B }", and bracketed code blocks.
#ifndef PARLEY_DICT_TABARI_SYNTAX_H_
#define PARLEY_DICT_TABARI_SYNTAX_H_

#include <string>
#include <string_view>
#include <vector>

#include "parley/dictionary.h"

namespace parley::dict::tabari {

// How the last word of a phrase is matched when it ends in '_': actors, agents and
// nouns accept regular plural endings there (TABARI 5.2.3); pattern words do not.
enum class PhraseRole { kNounLike, kPattern };

// Parses one TABARI phrase ("AL_GORE", "- * NEW_&TIETYPES_RELATIONS", "DEMAND_{ A | B }")
// into one phrase per alternative. Hyphens count as '_' (TABARI 5.2). Returns false
// with `error` set when the text is malformed (unbalanced braces, empty phrase).
bool ParsePhrase(std::string_view text, PhraseRole role, std::vector<Phrase>* out,
                 std::string* error);

// Parses an event code such as "064", "032:033", "---", "031!", "023?".
EventCode ParseEventCode(std::string_view text);

// Splits "PHRASE [CODE] [CODE2] ; comment" into the phrase and the bracket contents.
// Returns false when brackets are unbalanced: a '[' without its ']', a ']' without its
// '[' (in the phrase or between codes), or a '[' inside a code.
bool SplitPhraseAndCodes(std::string_view line, std::string_view* phrase,
                         std::vector<std::string_view>* codes);

// Strips a ';' comment and surrounding blanks.
std::string_view StripComment(std::string_view line);
std::string_view Trim(std::string_view s);

}  // namespace parley::dict::tabari

#endif  // PARLEY_DICT_TABARI_SYNTAX_H_
