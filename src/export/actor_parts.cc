// SplitCameoActor and PloverEventType: code-table facts written for parley.
#include <algorithm>
#include <array>

#include "parley/cameo.h"
#include "parley/export.h"

namespace parley {
namespace {

// CAMEO role/type codes (the "GOV" of RUSGOV). Sorted for binary search.
constexpr std::array<std::string_view, 37> kTypeCodes = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "IMG", "INS", "JUD", "LAB", "LEG", "LLY", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP",
    "PTY", "RAD", "REB", "REF", "SEP", "SET", "SPY", "UAF", "UNS", "USR", "VET"};

// CAMEO religion codes (CHR, MOS, SUN...). Sorted.
constexpr std::array<std::string_view, 32> kReligionCodes = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ",
    "HIN", "HSD", "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "ORT",
    "PAG", "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "UDO", "ZRO"};

bool In(std::string_view chunk, const auto& sorted) {
  return std::binary_search(sorted.begin(), sorted.end(), chunk);
}

bool IsLetters(std::string_view chunk) {
  return std::all_of(chunk.begin(), chunk.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Sets the PLOVER mode and returns the event type.
std::string_view WithMode(std::string_view* mode, std::string_view mode_name,
                          std::string_view type) {
  *mode = mode_name;
  return type;
}

}  // namespace

ActorParts SplitCameoActor(std::string_view code) {
  ActorParts parts;
  std::string* types[] = {&parts.type1, &parts.type2, &parts.type3};
  std::string* religions[] = {&parts.religion1, &parts.religion2};
  size_t next_type = 0, next_religion = 0;
  for (size_t at = 0; at + 3 <= code.size(); at += 3) {
    std::string_view chunk = code.substr(at, 3);
    if (In(chunk, kTypeCodes)) {
      if (next_type < 3) types[next_type++]->assign(chunk);
    } else if (In(chunk, kReligionCodes)) {
      if (next_religion < 2) religions[next_religion++]->assign(chunk);
    } else if (at == 0 && IsLetters(chunk)) {
      parts.country.assign(chunk);
    } else if (parts.known_group.empty()) {
      parts.known_group.assign(chunk);
    } else if (parts.ethnic.empty()) {
      parts.ethnic.assign(chunk);
    }
  }
  return parts;
}

std::string_view PloverEventType(std::string_view cameo_code, std::string_view* mode) {
  std::string_view unused;
  if (mode == nullptr) mode = &unused;
  *mode = "";
  const CameoCode* entry = LookupCameo(cameo_code);
  if (entry == nullptr) return "";
  auto starts = [&](std::string_view prefix) {
    return cameo_code.substr(0, prefix.size()) == prefix;
  };
  switch (entry->root) {
    case 1:  // public statements: PLOVER has no statement type; by what is said
      if (starts("012")) return WithMode(mode, "disapprove", "ACCUSE");
      if (starts("013") || starts("018")) return "SUPPORT";
      if (starts("016")) return WithMode(mode, "deny", "REJECT");
      if (starts("019")) return "AGREE";
      return WithMode(mode, "statement", "CONSULT");
    case 2:
      return "REQUEST";
    case 3:
      return "AGREE";
    case 4:
      return "CONSULT";
    case 5:
      return "SUPPORT";
    case 6:
      return "COOPERATE";
    case 7:
      return "AID";
    case 8:  // de-escalating military engagement is a retreat; the rest concessions
      if (starts("087")) return "RETREAT";
      return "CONCEDE";
    case 9:
      return WithMode(mode, "investigate", "ACCUSE");
    case 10:
      return WithMode(mode, "demand", "REQUEST");
    case 11:
      return WithMode(mode, "disapprove", "ACCUSE");
    case 12:
      return "REJECT";
    case 13:
      return "THREATEN";
    case 14:
      return "PROTEST";
    case 15:
      return "MOBILIZE";
    case 16:
      return "SANCTION";
    case 17:
      return "COERCE";
    case 18:
      return "ASSAULT";
    case 19:
      return WithMode(mode, "fight", "ASSAULT");
    case 20:
      return WithMode(mode, "mass-violence", "ASSAULT");
  }
  return "";
}

}  // namespace parley
