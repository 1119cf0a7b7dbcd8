// The fixed word lists of the sparse-parse coder (see word_classes.h).
#include "coder/word_classes.h"

#include <cstddef>

namespace parley::coding {

Cls FixedClass(std::string_view w) {
  switch (w.size()) {
    case 1:
      if (w == "A") return Cls::kDet;
      if (w == ",") return Cls::kComma;
      if (w == ";") return Cls::kComma;
      break;
    case 2:
      if (w == "AN") return Cls::kDet;
      if (w == "OR") return Cls::kConj;
      if (w == "HE" || w == "IT") return Cls::kPronoun;
      if (w == "BY") return Cls::kBy;
      if (w == "OF" || w == "IN") return Cls::kPrep;
      if (w == "'S") return Cls::kPossessive;
      break;
    case 3:
      if (w == "THE") return Cls::kDet;
      if (w == "AND" || w == "BUT" || w == "NOR") return Cls::kConj;
      if (w == "SHE" || w == "ITS" || w == "HIS" || w == "HER" || w == "HIM") {
        return Cls::kPronoun;
      }
      if (w == "WAS") return Cls::kAux;
      break;
    case 4:
      if (w == "THEY" || w == "THEM") return Cls::kPronoun;
      if (w == "WERE" || w == "BEEN") return Cls::kAux;
      break;
    case 5:
      if (w == "THEIR") return Cls::kPronoun;
      break;
    case 6:
      if (w == "FORMER") return Cls::kFormer;
      break;
  }
  return Cls::kNone;
}

namespace {

// Whether `w` is one of `words`.
template <size_t N>
bool InList(std::string_view w, const std::string_view (&words)[N]) {
  for (std::string_view k : words) {
    if (w == k) return true;
  }
  return false;
}

}  // namespace

bool NounContext(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "IN",     "OF",    "FOR",  "ON",    "AT",   "WITH",  "FROM",    "ABOUT", "AGAINST",
      "DURING", "OVER",  "AMID", "AMONG", "INTO", "UNDER", "WITHOUT", "VIA",   "DESPITE",
      "ITS",    "THEIR", "HIS",  "HER",   "OUR",  "MY",    "YOUR"};
  return InList(w, kWords);
}

std::string_view IntentCode(std::string_view code) {
  if (code.size() < 3) return {};
  std::string_view root = code.substr(0, 2);
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return "031";
  if (root == "07") return "033";
  if (root == "08") return "035";
  if (root == "16") {
    switch (code[2]) {
      case '1':
        return "1313";
      case '2':
        return "1311";
      case '3':
        return "1312";
      case '4':
        return "134";
      case '5':
        return "135";
      case '6':
        return "136";
      default:
        return "131";
    }
  }
  if (root == "17") return "137";
  if (root == "18" || root == "19" || root == "20") return "138";
  return {};
}

std::string_view DemandCode(std::string_view code) {
  if (code.starts_with("0871")) return "107";
  if (code.starts_with("04")) return "108";
  if (code.starts_with("07")) return "103";
  if (code.starts_with("08")) return "106";
  if (code.starts_with("09")) return "101";
  return "100";
}

bool IsReportingWord(std::string_view w) {
  static constexpr std::string_view kStems[] = {"SAID",   "SAY",     "ANNOUNC", "DECLAR",
                                                "INSIST", "CONCLUD", "STATED",  "TOLD",
                                                "ARGU",   "STRESS",  "ADDED",   "DEMAND"};
  for (std::string_view stem : kStems) {
    if (w.starts_with(stem)) return true;
  }
  return false;
}

bool IsSpeechWord(std::string_view w) {
  static constexpr std::string_view kStems[] = {
      "NOTED",    "NOTES",  "BELIEVE", "SUMMED",  "EXPLAIN",   "EMPHASI", "UNDERLIN", "REMARK",
      "WROTE",    "WRITES", "ACKNOWL", "HIGHLIG", "POINTED",   "SAYS",    "TELLS",    "ASSERT",
      "RECALLED", "OBSERV", "COMMENT", "REPLIED", "CONTINUED", "CLAIMED", "CONFIRM"};
  for (std::string_view stem : kStems) {
    if (w.starts_with(stem)) return true;
  }
  return false;
}

bool IsModal(std::string_view w) {
  return w == "MAY" || w == "MIGHT" || w == "COULD" || w == "WOULD" || w == "WILL" ||
         w == "SHALL" || w == "'LL";
}

bool IsClauseConjunction(std::string_view w) { return w == "BUT" || w == "AND" || w == "YET"; }

bool IsSettingPreposition(std::string_view w) {
  static constexpr std::string_view kWords[] = {"AMID",      "AMIDST", "DESPITE", "DURING",
                                                "FOLLOWING", "AFTER",  "BEFORE",  "SINCE",
                                                "IN",        "ON",     "AT"};
  return InList(w, kWords);
}

bool IsPrepositionalParticiple(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "INCLUDING",       "ACCORDING", "FOLLOWING", "REGARDING", "CONCERNING", "EXCLUDING",
      "NOTWITHSTANDING", "BEGINNING", "STARTING",  "PENDING",   "BARRING",    "DURING"};
  return InList(w, kWords);
}

bool IsCausativeParticiple(std::string_view w) {
  static constexpr std::string_view kWords[] = {"PROMPTING",  "FORCING", "PROVOKING", "SPARKING",
                                                "TRIGGERING", "CAUSING", "LEADING",   "COMPELLING"};
  return InList(w, kWords);
}

bool IsNegation(std::string_view w) { return w == "NOT" || w == "NEVER"; }

bool IsFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "ON",   "AT",   "TO",   "FOR",  "WITH",  "AGAINST", "FROM",  "BY",    "OVER",   "ABOUT",
      "INTO", "THAN", "THAT", "WHO",  "WHICH", "AS",      "UNDER", "AFTER", "BEFORE", "SAID",
      "IS",   "ARE",  "HAS",  "HAVE", "HAD",   "WILL",    "WOULD", "NOT",   "ALSO",   "TOLD"};
  return InList(w, kWords);
}

bool IsFusedModifier(std::string_view w) {
  return w.ends_with("ED") || w == "RUN" || w == "HELD" || w == "LED" || w == "MEMBER" ||
         w == "FRIENDLY" || w == "LEANING";
}

}  // namespace parley::coding
