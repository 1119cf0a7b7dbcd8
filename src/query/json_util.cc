#include "query/json_util.h"

#include "parley/cameo.h"

namespace parley::query {
namespace {

nlohmann::json Offset(int32_t offset) {
  return offset < 0 ? nlohmann::json(nullptr) : nlohmann::json(offset);
}

nlohmann::json Actor(const ActorSpan& a) {
  return {{"code", a.code}, {"text", a.text}, {"start", Offset(a.start)}, {"end", Offset(a.end)}};
}

}  // namespace

nlohmann::json EventJson(const Event& e) {
  const CameoCode* cameo = LookupCameo(e.code);
  nlohmann::json out = {
      {"doc_id", e.doc_id},
      {"sentence_index", e.sentence_index},
      {"sentence", e.sentence},
      {"date", e.date == 0 ? nlohmann::json(nullptr) : nlohmann::json(FormatDate(e.date))},
      {"source", Actor(e.source)},
      {"target", Actor(e.target)},
      {"code", e.code},
      {"code_name", cameo ? std::string(cameo->name) : std::string()},
      {"root", e.root},
      {"quad_class", e.quad_class},
      {"goldstein", e.goldstein},
      {"verb",
       {{"text", e.verb.text}, {"start", Offset(e.verb.start)}, {"end", Offset(e.verb.end)}}},
      {"rule", e.rule},
  };
  if (!e.issues.empty()) out["issues"] = e.issues;
  return out;
}

std::string DumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace parley::query
