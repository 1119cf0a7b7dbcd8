// JSON helpers shared by the query module's *ToJson functions.
#ifndef PARLEY_QUERY_JSON_UTIL_H_
#define PARLEY_QUERY_JSON_UTIL_H_

#include <nlohmann/json.hpp>
#include <string>

#include "parley/event.h"

namespace parley::query {

// An event as the API shows it: the JSONL output fields plus `code_name`; offsets of -1
// and unknown dates become null.
nlohmann::json EventJson(const Event& event);

// Compact JSON text; invalid UTF-8 in strings becomes U+FFFD instead of throwing.
std::string DumpJson(const nlohmann::json& value);

}  // namespace parley::query

#endif  // PARLEY_QUERY_JSON_UTIL_H_
