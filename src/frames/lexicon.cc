// The English word tables of the frame stages. Each table is sorted (checked by
// lexicon_test.cc) and looked up by binary search on the lowercased word. The coder extends
// the eventive nouns from its dictionaries later; these are the core that syntax alone
// needs to find frames.
#include "frames/lexicon.h"

#include <algorithm>
#include <array>

namespace parley::frames::internal {
namespace {

using std::string_view_literals::operator""sv;

// Nouns that name an event between actors, so that they carry a frame of their own ("the
// Russian attack on Kyiv", "talks in Geneva"). Lemmas, as the tagger gives them.
constexpr std::array kEventiveNouns = {
    "accord"sv,        "accusation"sv,  "agreement"sv,   "aid"sv,       "airstrike"sv, "alliance"sv,
    "appeal"sv,        "arrest"sv,      "assault"sv,     "attack"sv,    "ban"sv,       "blockade"sv,
    "bombardment"sv,   "bombing"sv,     "boycott"sv,     "call"sv,      "ceasefire"sv, "clash"sv,
    "condemnation"sv,  "conference"sv,  "cooperation"sv, "criticism"sv, "deal"sv,      "demand"sv,
    "demonstration"sv, "deployment"sv,  "dialogue"sv,    "embargo"sv,   "expulsion"sv, "invasion"sv,
    "meeting"sv,       "negotiation"sv, "offensive"sv,   "pact"sv,      "protest"sv,   "raid"sv,
    "request"sv,       "sanction"sv,    "shelling"sv,    "strike"sv,    "summit"sv,    "support"sv,
    "talk"sv,          "threat"sv,      "treaty"sv,      "truce"sv,     "visit"sv,     "war"sv,
    "warning"sv,
};

// Verbs of saying and of cognition whose complement is reported, not asserted.
constexpr std::array kSpeechVerbs = {
    "accuse"sv,   "acknowledge"sv, "add"sv,     "admit"sv,  "allege"sv,    "announce"sv,
    "argue"sv,    "assert"sv,      "believe"sv, "claim"sv,  "comment"sv,   "conclude"sv,
    "confirm"sv,  "declare"sv,     "deny"sv,    "doubt"sv,  "emphasise"sv, "emphasize"sv,
    "estimate"sv, "explain"sv,     "fear"sv,    "feel"sv,   "indicate"sv,  "insist"sv,
    "know"sv,     "note"sv,        "predict"sv, "recall"sv, "reply"sv,     "report"sv,
    "respond"sv,  "reveal"sv,      "say"sv,     "state"sv,  "stress"sv,    "suggest"sv,
    "sum"sv,      "suspect"sv,     "tell"sv,    "think"sv,  "warn"sv,      "write"sv,
};

// Prepositions whose object may be where the event happened.
constexpr std::array kLocativeCases = {
    "across"sv,  "at"sv,         "in"sv,  "inside"sv, "near"sv,
    "outside"sv, "throughout"sv, "via"sv, "within"sv,
};

// nmod prepositions that stay inside an actor phrase ("Minister of Defence", "envoy from
// Qatar", "Ambassador to South Korea").
constexpr std::array kActorPartCases = {"from"sv, "of"sv, "to"sv};

// nmod prepositions that give an eventive noun its patient ("attack on", "sanctions
// against", "talks with", "invasion of", "agreement between").
constexpr std::array kNounPatientCases = {"against"sv, "between"sv, "of"sv,  "on"sv,
                                          "toward"sv,  "towards"sv, "with"sv};

constexpr std::array kModalAuxiliaries = {"'d"sv,    "'ll"sv,    "can"sv,  "could"sv,
                                          "may"sv,   "might"sv,  "must"sv, "ought"sv,
                                          "shall"sv, "should"sv, "will"sv, "would"sv};

constexpr std::array kFutureAuxiliaries = {"'ll"sv, "shall"sv, "will"sv};

constexpr std::array kNegationWords = {"n't"sv, "never"sv, "not"sv, "n’t"sv};

constexpr std::array kConditionMarks = {"if"sv, "provided"sv, "providing"sv, "unless"sv};

constexpr std::array kRelativeWords = {"that"sv, "which"sv, "who"sv, "whom"sv};
constexpr std::array kRelativeAdverbs = {"when"sv, "where"sv, "why"sv};

// Governors of an xcomp and what they make of it: "is ready to talk" (readiness), "plans to
// visit" (intention), "refused to sign" (refusal).
struct GovernorEntry {
  std::string_view lemma;
  ModalSource source;
};
constexpr std::array kGovernors = {
    GovernorEntry{"agree", ModalSource::kIntention},
    GovernorEntry{"aim", ModalSource::kIntention},
    GovernorEntry{"decide", ModalSource::kIntention},
    GovernorEntry{"decline", ModalSource::kRefusal},
    GovernorEntry{"determined", ModalSource::kReadiness},
    GovernorEntry{"fail", ModalSource::kRefusal},
    GovernorEntry{"hope", ModalSource::kIntention},
    GovernorEntry{"intend", ModalSource::kIntention},
    GovernorEntry{"offer", ModalSource::kIntention},
    GovernorEntry{"plan", ModalSource::kIntention},
    GovernorEntry{"pledge", ModalSource::kIntention},
    GovernorEntry{"poised", ModalSource::kReadiness},
    GovernorEntry{"prepare", ModalSource::kReadiness},
    GovernorEntry{"prepared", ModalSource::kReadiness},
    GovernorEntry{"promise", ModalSource::kIntention},
    GovernorEntry{"propose", ModalSource::kIntention},
    GovernorEntry{"ready", ModalSource::kReadiness},
    GovernorEntry{"refuse", ModalSource::kRefusal},
    GovernorEntry{"seek", ModalSource::kIntention},
    GovernorEntry{"set", ModalSource::kReadiness},
    GovernorEntry{"threaten", ModalSource::kIntention},
    GovernorEntry{"vow", ModalSource::kIntention},
    GovernorEntry{"want", ModalSource::kIntention},
    GovernorEntry{"willing", ModalSource::kReadiness},
    GovernorEntry{"wish", ModalSource::kIntention},
};

// Lowercases `word` into `buf`; false when it is too long to be in any table.
bool Lower(std::string_view word, char (&buf)[32], std::string_view* out) {
  if (word.size() > sizeof(buf)) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  *out = std::string_view(buf, word.size());
  return true;
}

template <size_t N>
bool InTable(const std::array<std::string_view, N>& table, std::string_view word) {
  char buf[32];
  std::string_view lower;
  if (!Lower(word, buf, &lower)) return false;
  return std::binary_search(table.begin(), table.end(), lower);
}

}  // namespace

bool IsEventiveNoun(std::string_view lemma) { return InTable(kEventiveNouns, lemma); }
bool IsSpeechVerb(std::string_view lemma) { return InTable(kSpeechVerbs, lemma); }
bool IsLocativeCase(std::string_view lemma) { return InTable(kLocativeCases, lemma); }
bool IsActorPartCase(std::string_view lemma) { return InTable(kActorPartCases, lemma); }
bool IsNounPatientCase(std::string_view lemma) { return InTable(kNounPatientCases, lemma); }
bool IsModalAuxiliary(std::string_view lemma) { return InTable(kModalAuxiliaries, lemma); }
bool IsFutureAuxiliary(std::string_view lemma) { return InTable(kFutureAuxiliaries, lemma); }
bool IsNegationWord(std::string_view lemma) { return InTable(kNegationWords, lemma); }
bool IsConditionMark(std::string_view lemma) { return InTable(kConditionMarks, lemma); }
bool IsRelativeWord(std::string_view lemma) { return InTable(kRelativeWords, lemma); }
bool IsRelativeAdverb(std::string_view lemma) { return InTable(kRelativeAdverbs, lemma); }

ModalSource GovernorModality(std::string_view lemma) {
  char buf[32];
  std::string_view lower;
  if (!Lower(lemma, buf, &lower)) return ModalSource::kNone;
  const auto it =
      std::lower_bound(kGovernors.begin(), kGovernors.end(), lower,
                       [](const GovernorEntry& e, std::string_view w) { return e.lemma < w; });
  return it != kGovernors.end() && it->lemma == lower ? it->source : ModalSource::kNone;
}

bool TablesAreSorted() {
  auto sorted = [](const auto& t) { return std::is_sorted(t.begin(), t.end()); };
  return sorted(kEventiveNouns) && sorted(kSpeechVerbs) && sorted(kLocativeCases) &&
         sorted(kActorPartCases) && sorted(kNounPatientCases) && sorted(kModalAuxiliaries) &&
         sorted(kFutureAuxiliaries) && sorted(kNegationWords) && sorted(kConditionMarks) &&
         sorted(kRelativeWords) && sorted(kRelativeAdverbs) &&
         std::is_sorted(
             kGovernors.begin(), kGovernors.end(),
             [](const GovernorEntry& a, const GovernorEntry& b) { return a.lemma < b.lemma; });
}

bool EqualsLower(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

std::string_view BaseRelation(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

std::string_view FeatureValue(std::string_view feats, std::string_view name) {
  size_t at = 0;
  while (at <= feats.size()) {
    size_t bar = feats.find('|', at);
    if (bar == std::string_view::npos) bar = feats.size();
    const std::string_view item = feats.substr(at, bar - at);
    if (item.size() > name.size() && item.substr(0, name.size()) == name &&
        item[name.size()] == '=') {
      return item.substr(name.size() + 1);
    }
    at = bar + 1;
  }
  return {};
}

bool HasFeature(std::string_view feats, std::string_view feature) {
  const size_t eq = feature.find('=');
  if (eq == std::string_view::npos) return false;
  return FeatureValue(feats, feature.substr(0, eq)) == feature.substr(eq + 1);
}

bool IsNominalTag(std::string_view upos) {
  return upos == "NOUN" || upos == "PROPN" || upos == "PRON" || upos == "NUM";
}

}  // namespace parley::frames::internal
