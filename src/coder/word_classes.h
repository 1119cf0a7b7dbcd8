// The fixed word classes and word lists of the sparse-parse coder: the few function words
// every dictionary leaves out (articles, conjunctions, pronouns, ...) and the English words
// that tell a clause's mood, speech and structure. Words are compared in the coder's
// normalised form (upper case, "'S" and "N'T" as tokens of their own).
#ifndef PARLEY_CODER_WORD_CLASSES_H_
#define PARLEY_CODER_WORD_CLASSES_H_

#include <cstdint>
#include <string_view>

namespace parley::coding {

// What a unit of the sentence is to the parsing steps.
enum class Cls : uint8_t {
  kNone,
  kActor,
  kAgent,
  kVerb,
  kNoun,
  kAdj,
  kPronoun,
  kDet,
  kConj,
  kComma,
  kAux,
  kBy,
  kPrep,
  kFormer,
  kPossessive,
  kPunct,
};

// The class a word has whatever the dictionaries say (A, THE, AND, HE, BY, OF, ...);
// kNone for every other word.
Cls FixedClass(std::string_view w);

// News: a verb word right after a preposition or a possessive is a noun or a gerund
// naming an activity ("role in rioting", "investigation of arms sales", "its attack"),
// not the clause's verb. TO (infinitive), BY (passive agent), AFTER/BEFORE (also
// conjunctions) are left out.
bool NounContext(std::string_view w);

// CAMEO codes a stated future or possible action as an intent (03x) when it cooperates
// and as a threat (13x) when it coerces ("may halt mediation" -> 135, "will extend the
// curfew" -> 137). Empty for codes that stay as they are.
std::string_view IntentCode(std::string_view code);

// "X said Y must withdraw": what the speaker says another party must or should do is a
// demand (10x); the kind of demand follows the action demanded.
std::string_view DemandCode(std::string_view code);

// Verbs that introduce what someone said or concluded ("said that", "announced").
bool IsReportingWord(std::string_view w);
// Verbs that attribute a quote to its speaker besides the reporting verbs ("..., the
// ambassador noted", "summed up Kulik").
bool IsSpeechWord(std::string_view w);

bool IsModal(std::string_view w);

// Words that open a clause of their own after a comma.
bool IsClauseConjunction(std::string_view w);

// Prepositions that open a sentence with its setting ("Amid the war, ...").
bool IsSettingPreposition(std::string_view w);

// -ING words that follow a comma without opening a clause.
bool IsPrepositionalParticiple(std::string_view w);

// -ING words after a comma that make the previous clause's source answer ("prompting").
bool IsCausativeParticiple(std::string_view w);

// No "N'T" here: SentenceCoder::Tokenize joins it to the word before ("DIDN'T"), and a
// sentence's first token has no modal before it to negate.
bool IsNegation(std::string_view w);

// Words that link phrases rather than modify a noun: "Russia's war on militants" is not
// "Russia's militants".
bool IsFunctionWord(std::string_view w);

// The second half of "US-backed", "Kremlin-friendly", "NATO-member": the compound
// describes the noun after it.
bool IsFusedModifier(std::string_view w);

}  // namespace parley::coding

#endif  // PARLEY_CODER_WORD_CLASSES_H_
