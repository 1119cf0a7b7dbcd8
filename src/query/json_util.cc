#include "query/json_util.h"

#include <cmath>

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
  // How the date was found (docs/dates.md); the same fields as `parley code` writes.
  out["date_precision"] = DatePrecisionName(e.date_precision);
  out["date_source"] = EventDateSourceName(e.date_source);
  out["date_confidence"] = std::round(e.date_confidence * 1000) / 1000;
  out["date_guessed"] = e.date_guessed;
  out["future"] = e.future;
  out["historical"] = e.historical;
  out["pub_date"] =
      e.pub_date == 0 ? nlohmann::json(nullptr) : nlohmann::json(FormatDate(e.pub_date));
  out["pub_date_method"] = e.pub_date_method;
  out["pub_date_confidence"] = std::round(e.pub_date_confidence * 1000) / 1000;
  return out;
}

std::string DumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace parley::query
