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

void ParseItems(const nlohmann::json& j, GoldRecord* record) {
  for (const auto& g : j.value("gold", nlohmann::json::array())) {
    if (!g.is_object()) continue;
    GoldItem item;
    item.sources = NonEmptyStrings(g.value("source", nlohmann::json::array()));
    item.targets = NonEmptyStrings(g.value("target", nlohmann::json::array()));
    item.roots = NonEmptyStrings(g.value("roots", nlohmann::json::array()));
    record->items.push_back(std::move(item));
  }
}

// A text-free record: {doc, sentence_index, start, end, half, gold}.
Status ParseSentenceRecord(const nlohmann::json& j, GoldRecord* record) {
  if (!j["doc"].is_string() || j["doc"].get<std::string>().empty()) {
    return Status::Corruption("\"doc\" is not a document id");
  }
  auto integer = [&](const char* key, int64_t* out) {
    if (!j.contains(key)) return true;
    if (!j[key].is_number_integer() || j[key].get<int64_t>() < 0) return false;
    *out = j[key].get<int64_t>();
    return true;
  };
  int64_t index = -1;
  if (!integer("sentence_index", &index) || !integer("start", &record->start) ||
      !integer("end", &record->end)) {
    return Status::Corruption("sentence_index, start and end must be non-negative integers");
  }
  if (index < 0 && record->start < 0) {
    return Status::Corruption("needs sentence_index or start/end");
  }
  if (record->start >= 0 && record->end < record->start) {
    return Status::Corruption("end is before start");
  }
  record->sentence_index = static_cast<int>(index);
  record->by_sentence = true;
  record->doc.id = j["doc"].get<std::string>();
  record->half = j.contains("half") && j["half"].is_string() ? j["half"].get<std::string>() : "";
  ParseItems(j, record);
  return Status::OK();
}

// `note` gets a problem that does not cost the record (an impossible date: kept undated).
Status ParseRecord(const nlohmann::json& j, GoldRecord* record, std::string* note) {
  if (j.contains("doc") && !j.contains("text")) return ParseSentenceRecord(j, record);
  if (!j.contains("text") || !j["text"].is_string()) return Status::Corruption("no text");
  record->doc.id = j.value("id", "");
  const std::string date =
      j.contains("date") && j["date"].is_string() ? j["date"].get<std::string>() : "";
  record->doc.date = ParseDate(date);
  if (!date.empty() && record->doc.date == 0)
    *note = "\"date\" '" + date + "' is not a date; record kept undated";
  record->doc.text = j["text"].get<std::string>();
  ParseItems(j, record);
  return Status::OK();
}

}  // namespace

Status ReadGoldSet(const std::string& path, GoldSet* set, std::vector<std::string>* warnings) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  std::vector<GoldRecord>* records = &set->records;
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto warn = [&](const std::string& what) {
      if (warnings) warnings->push_back(path + ":" + std::to_string(line_no) + ": " + what);
    };
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      warn("not a JSON object");
      continue;
    }
    if (j.contains("corpus")) {
      if (!j["corpus"].is_array()) {
        warn("\"corpus\" is not a list of paths");
        continue;
      }
      for (const auto& p : j["corpus"]) {
        if (p.is_string()) set->corpus.push_back(p.get<std::string>());
      }
      continue;
    }
    GoldRecord record;
    std::string note;
    Status s = ParseRecord(j, &record, &note);
    if (!s.ok()) {
      warn(s.message());
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

Status ReadGoldFile(const std::string& path, std::vector<GoldRecord>* records,
                    std::vector<std::string>* warnings) {
  GoldSet set;
  Status s = ReadGoldSet(path, &set, warnings);
  for (GoldRecord& r : set.records) records->push_back(std::move(r));
  return s;
}

bool Matches(const Event& event, const GoldItem& item, bool strict) {
  if (!Contains(item.roots, event.root)) return false;
  auto country_in = [](const std::vector<std::string>& codes, const std::string& code) {
    const std::string want = Prefix3(code);
    return std::any_of(codes.begin(), codes.end(),
                       [&](const std::string& c) { return Prefix3(c) == want; });
  };
  if (!country_in(item.sources, event.source.code)) return false;
  if (item.targets.empty()) {
    // Joint action ("Hungary and Romania agreed ...": sources HUN and ROU, no target) is
    // also right in dyadic form, one member towards another (HUN -> ROU), as parley codes
    // mutual cooperation (docs/coding-guide.md).
    return event.target.code.empty() || (!strict && country_in(item.sources, event.target.code) &&
                                         Prefix3(event.target.code) != Prefix3(event.source.code));
  }
  return country_in(item.targets, event.target.code);
}

void ScoreRecord(const GoldRecord& record, const std::vector<Event>& events, Score* score,
                 bool strict) {
  score->gold_items += record.items.size();
  for (const GoldItem& item : record.items) {
    if (std::any_of(events.begin(), events.end(),
                    [&](const Event& e) { return Matches(e, item, strict); }))
      ++score->gold_found;
  }
  score->events += events.size();
  for (const Event& e : events) {
    if (std::any_of(record.items.begin(), record.items.end(),
                    [&](const GoldItem& item) { return Matches(e, item, strict); }))
      ++score->events_correct;
  }
}

}  // namespace parley::gold
