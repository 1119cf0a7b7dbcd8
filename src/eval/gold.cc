#include "parley/gold.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace parley::gold {
namespace {

std::string Prefix3(std::string_view code) { return std::string(code.substr(0, 3)); }

// Reads a JSON array of strings, dropping empty strings ("" means "no actor" in the gold).
std::vector<std::string> NonEmptyStrings(const nlohmann::json& value) {
  std::vector<std::string> out;
  if (!value.is_array()) return out;
  for (const auto& v : value)
    if (v.is_string() && !v.get<std::string>().empty()) out.push_back(v.get<std::string>());
  return out;
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// `note` gets a problem that does not cost the record (an impossible date: kept undated).
Status ParseRecord(const std::string& line, GoldRecord* record, std::string* note) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::Corruption("not a JSON object");
  if (!j.contains("text") || !j["text"].is_string()) return Status::Corruption("no text");
  record->doc.id = j.value("id", "");
  const std::string date =
      j.contains("date") && j["date"].is_string() ? j["date"].get<std::string>() : "";
  record->doc.date = ParseDate(date);
  if (!date.empty() && record->doc.date == 0)
    *note = "\"date\" '" + date + "' is not a date; record kept undated";
  record->doc.text = j["text"].get<std::string>();
  for (const auto& g : j.value("gold", nlohmann::json::array())) {
    GoldItem item;
    item.sources = NonEmptyStrings(g.value("source", nlohmann::json::array()));
    item.targets = NonEmptyStrings(g.value("target", nlohmann::json::array()));
    item.roots = NonEmptyStrings(g.value("roots", nlohmann::json::array()));
    record->items.push_back(std::move(item));
  }
  return Status::OK();
}

}  // namespace

Status ReadGoldFile(const std::string& path, std::vector<GoldRecord>* records,
                    std::vector<std::string>* warnings) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    GoldRecord record;
    std::string note;
    Status s = ParseRecord(line, &record, &note);
    if (!s.ok()) {
      if (warnings) warnings->push_back(path + ":" + std::to_string(line_no) + ": " + s.message());
      continue;
    }
    if (!note.empty() && warnings)
      warnings->push_back(path + ":" + std::to_string(line_no) + ": " + note);
    record.doc.origin = path;
    record.doc.origin_line = line_no;
    records->push_back(std::move(record));
  }
  return Status::OK();
}

bool Matches(const Event& event, const GoldItem& item) {
  if (!Contains(item.roots, event.root)) return false;
  if (!Contains(item.sources, Prefix3(event.source.code))) return false;
  if (item.targets.empty()) return event.target.code.empty();
  return Contains(item.targets, Prefix3(event.target.code));
}

void ScoreRecord(const GoldRecord& record, const std::vector<Event>& events, Score* score) {
  score->gold_items += record.items.size();
  for (const GoldItem& item : record.items) {
    if (std::any_of(events.begin(), events.end(), [&](const Event& e) { return Matches(e, item); }))
      ++score->gold_found;
  }
  score->events += events.size();
  for (const Event& e : events) {
    if (std::any_of(record.items.begin(), record.items.end(),
                    [&](const GoldItem& item) { return Matches(e, item); }))
      ++score->events_correct;
  }
}

}  // namespace parley::gold
