// CAMEO event codes: name, root, QuadClass and Goldstein value of every code.
//
// The table is a compile-time constant sorted by code string, so lookups allocate nothing
// and any number of threads may use it at once.
#ifndef PARLEY_CAMEO_H_
#define PARLEY_CAMEO_H_

#include <span>
#include <string_view>

namespace parley {

// One CAMEO event code ("0211", "043", "19").
struct CameoCode {
  std::string_view code;  // 2 to 4 digits, as written in event output
  std::string_view name;  // short English description
  int root;               // 1..20: the first two digits as a number
  // 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08),
  // 3 verbal conflict (09-13), 4 material conflict (14-20).
  int quad_class;
  double goldstein;  // Goldstein conflict-cooperation weight, -10.0 .. +10.0
};

// The entry for `code` (exact digits, e.g. "043"), or nullptr when `code` is not a CAMEO
// event code. Binary search on a static sorted table; never allocates.
const CameoCode* LookupCameo(std::string_view code);

// Every known code, sorted by code string (so each root precedes its children).
std::span<const CameoCode> AllCameoCodes();

}  // namespace parley

#endif  // PARLEY_CAMEO_H_
