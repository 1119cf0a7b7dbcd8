#include "parley/export.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

namespace parley {
namespace {

using Json = nlohmann::ordered_json;

int DayOfYear(Date date) {
  static constexpr int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int year = date / 10000, month = date / 100 % 100, day = date % 100;
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kBefore[month - 1] + day + (leap && month > 2 ? 1 : 0);
}

// Appends `s` as one tab-separated field: tabs and line breaks become spaces.
void Field(std::string_view s, std::string* out) {
  for (char c : s) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

void Tab(std::string* out) { out->push_back('\t'); }

std::string Upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return u;
}

// YYYYMMDDHHMMSS of a unix time (UTC).
std::string Timestamp(int64_t seconds) {
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04d}{:02d}{:02d}{:02d}{:02d}{:02d}", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void AppendGdeltActor(std::string_view code, std::string_view text, std::string* out) {
  ActorParts p = SplitCameoActor(code);
  // Named, not a temporary inside the list below: that would die before the loop reads it.
  const std::string name = Upper(text);
  for (std::string_view f :
       {code, std::string_view(name), std::string_view(p.country), std::string_view(p.known_group),
        std::string_view(p.ethnic), std::string_view(p.religion1), std::string_view(p.religion2),
        std::string_view(p.type1), std::string_view(p.type2), std::string_view(p.type3)}) {
    Field(f, out);
    Tab(out);
  }
}

// Geography GDELT fills in and parley does not code: Type 0, seven empty fields.
void AppendEmptyGeo(std::string* out) { out->append("0\t\t\t\t\t\t\t\t"); }

void AppendGdelt(const StoredEvent& e, std::string* out) {
  fmt::format_to(std::back_inserter(*out), "{}\t{}\t{}\t{}\t{:.4f}\t", e.event_id, e.date,
                 e.date / 100, e.date / 10000, e.date / 10000 + DayOfYear(e.date) / 365.0);
  AppendGdeltActor(e.source, e.source_text, out);
  AppendGdeltActor(e.target, e.target_text, out);
  // IsRootEvent: reported in the lead (the first three sentences).
  fmt::format_to(std::back_inserter(*out), "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t0\t",
                 e.sentence_index < 3 ? 1 : 0, e.code, e.code.substr(0, 3), e.root, e.quad_class,
                 e.goldstein, e.num_mentions, e.num_sources, e.num_articles);
  for (int i = 0; i < 3; ++i) AppendEmptyGeo(out);
  out->append(Timestamp(e.added_at));
  Tab(out);
  Field(e.url, out);
  out->push_back('\n');
}

void AppendPhoenixActor(std::string_view code, std::string* out) {
  ActorParts p = SplitCameoActor(code);
  // Entity: the country, else the first role (IGO, NGO...); role: the next role; the
  // attribute: what remains (known group, religion, ethnicity).
  std::string entity = p.country, role = p.type1, attribute;
  if (entity.empty()) {
    entity = p.type1;
    role = p.type2;
  }
  for (const std::string* a : {&p.known_group, &p.religion1, &p.ethnic}) {
    if (!a->empty() && attribute.empty()) attribute = *a;
  }
  Field(code, out);
  for (const std::string* f : {&entity, &role, &attribute}) {
    Tab(out);
    Field(*f, out);
  }
  Tab(out);
}

void AppendPhoenix(const StoredEvent& e, std::string* out) {
  fmt::format_to(std::back_inserter(*out), "{}\t{}\t{}\t{}\t{}\t", e.event_id, e.date,
                 e.date / 10000, e.date / 100 % 100, e.date % 100);
  AppendPhoenixActor(e.source, out);
  AppendPhoenixActor(e.target, out);
  fmt::format_to(std::back_inserter(*out), "{}\t{}\t{}\t{}\t", e.code, e.root, e.quad_class,
                 e.goldstein);
  Field(e.issues, out);
  out->append("\t\t\t\t\t\t");  // Lat, Lon, LocationName, StateName, CountryCode: not coded
  Field(fmt::format("{}_{}", e.doc_id, e.sentence_index), out);
  Tab(out);
  Field(e.url, out);
  Tab(out);
  Field(e.news_source, out);
  out->push_back('\n');
}

// RFC 4180: quote when needed, double the quotes.
void CsvField(std::string_view s, std::string* out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// Confidences with three decimals, as `parley code` writes them.
std::string Confidence(double value) { return fmt::format("{}", std::round(value * 1000) / 1000); }

// How the event's date was found (docs/dates.md); JSONL and PLOVER carry the same fields.
void AddDateFields(const StoredEvent& e, Json* j) {
  (*j)["date_precision"] = DatePrecisionName(e.date_precision);
  (*j)["date_source"] = EventDateSourceName(e.date_source);
  (*j)["date_confidence"] = std::round(e.date_confidence * 1000) / 1000;
  (*j)["date_guessed"] = e.date_guessed;
  (*j)["future"] = e.future;
  (*j)["historical"] = e.historical;
  (*j)["pub_date"] = e.pub_date > 0 ? Json(FormatDate(e.pub_date)) : Json(nullptr);
  (*j)["pub_date_method"] = e.pub_date_method;
  (*j)["pub_date_confidence"] = std::round(e.pub_date_confidence * 1000) / 1000;
}

void AppendCsv(const StoredEvent& e, std::string* out) {
  ActorParts src = SplitCameoActor(e.source), tgt = SplitCameoActor(e.target);
  std::string fields[] = {std::to_string(e.event_id),
                          FormatDate(e.date),
                          std::to_string(e.story_id),
                          e.source,
                          e.source_text,
                          src.country,
                          e.target,
                          e.target_text,
                          tgt.country,
                          e.code,
                          e.root,
                          std::to_string(e.quad_class),
                          fmt::format("{}", e.goldstein),
                          std::to_string(e.num_mentions),
                          std::to_string(e.num_sources),
                          std::to_string(e.num_articles),
                          e.doc_id,
                          e.url,
                          e.news_source,
                          std::to_string(e.sentence_index),
                          e.sentence,
                          std::string(DatePrecisionName(e.date_precision)),
                          std::string(EventDateSourceName(e.date_source)),
                          Confidence(e.date_confidence),
                          e.date_guessed ? "1" : "0",
                          e.future ? "1" : "0",
                          e.historical ? "1" : "0",
                          FormatDate(e.pub_date),
                          e.pub_date_method,
                          Confidence(e.pub_date_confidence)};
  bool first = true;
  for (const std::string& f : fields) {
    if (!first) out->push_back(',');
    first = false;
    CsvField(f, out);
  }
  out->append("\r\n");
}

Json DateJson(Date date) { return date > 0 ? Json(FormatDate(date)) : Json(nullptr); }

void AppendJsonLine(const Json& j, std::string* out) {
  out->append(j.dump(-1, ' ', false, Json::error_handler_t::replace));
  out->push_back('\n');
}

void AppendJsonl(const StoredEvent& e, std::string* out) {
  Json j;
  j["event_id"] = e.event_id;
  j["date"] = DateJson(e.date);
  j["story_id"] = e.story_id;
  j["source"] = {{"code", e.source}, {"text", e.source_text}};
  j["target"] = {{"code", e.target}, {"text", e.target_text}};
  j["code"] = e.code;
  j["root"] = e.root;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["num_mentions"] = e.num_mentions;
  j["num_sources"] = e.num_sources;
  j["num_articles"] = e.num_articles;
  j["doc_id"] = e.doc_id;
  j["url"] = e.url;
  j["news_source"] = e.news_source;
  j["sentence_index"] = e.sentence_index;
  j["sentence"] = e.sentence;
  if (!e.issues.empty()) j["issues"] = e.issues;
  AddDateFields(e, &j);
  AppendJsonLine(j, out);
}

void AppendPlover(const StoredEvent& e, std::string* out) {
  std::string_view mode;
  std::string_view type = PloverEventType(e.code, &mode);
  ActorParts src = SplitCameoActor(e.source), tgt = SplitCameoActor(e.target);
  Json j;
  j["id"] = fmt::format("parley-{}", e.event_id);
  j["date"] = DateJson(e.date);
  j["event_type"] = type.empty() ? Json(nullptr) : Json(type);
  j["mode"] = mode;
  j["actor1"] = e.source;
  j["actor1_country"] = src.country;
  j["actor1_text"] = e.source_text;
  j["actor2"] = e.target;
  j["actor2_country"] = tgt.country;
  j["actor2_text"] = e.target_text;
  j["cameo_code"] = e.code;
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["num_mentions"] = e.num_mentions;
  j["num_sources"] = e.num_sources;
  j["num_articles"] = e.num_articles;
  j["story_id"] = e.story_id;
  j["doc_id"] = e.doc_id;
  j["url"] = e.url;
  j["text"] = e.sentence;
  AddDateFields(e, &j);
  AppendJsonLine(j, out);
}

}  // namespace

Status ParseExportFormat(std::string_view name, ExportFormat* format) {
  static constexpr std::pair<std::string_view, ExportFormat> kNames[] = {
      {"gdelt", ExportFormat::kGdelt},     {"gdelt-mentions", ExportFormat::kGdeltMentions},
      {"phoenix", ExportFormat::kPhoenix}, {"plover", ExportFormat::kPlover},
      {"csv", ExportFormat::kCsv},         {"jsonl", ExportFormat::kJsonl}};
  for (const auto& [n, f] : kNames) {
    if (n == name) {
      *format = f;
      return Status::OK();
    }
  }
  return Status::InvalidArgument(fmt::format(
      "unknown export format '{}' (expected gdelt, gdelt-mentions, phoenix, plover, csv or "
      "jsonl)",
      name));
}

int ExportColumnCount(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGdelt:
      return 61;
    case ExportFormat::kGdeltMentions:
      return 16;
    case ExportFormat::kPhoenix:
      return 26;
    default:
      return 0;
  }
}

std::string_view ExportHeader(ExportFormat format) {
  if (format == ExportFormat::kCsv) {
    return "event_id,date,story_id,source,source_text,source_country,target,target_text,"
           "target_country,code,root,quad_class,goldstein,num_mentions,num_sources,"
           "num_articles,doc_id,url,news_source,sentence_index,sentence,date_precision,"
           "date_source,date_confidence,date_guessed,future,historical,pub_date,"
           "pub_date_method,pub_date_confidence\r\n";
  }
  return "";
}

void AppendExportEvent(ExportFormat format, const StoredEvent& event, std::string* out) {
  switch (format) {
    case ExportFormat::kGdelt:
      return AppendGdelt(event, out);
    case ExportFormat::kPhoenix:
      return AppendPhoenix(event, out);
    case ExportFormat::kPlover:
      return AppendPlover(event, out);
    case ExportFormat::kCsv:
      return AppendCsv(event, out);
    case ExportFormat::kJsonl:
    case ExportFormat::kGdeltMentions:
      return AppendJsonl(event, out);
  }
}

void AppendGdeltMention(const StoredMention& m, std::string* out) {
  std::string added = Timestamp(m.added_at);
  std::string event_time = m.event_date > 0 ? fmt::format("{}000000", m.event_date) : added;
  std::string mention_time = m.mention_date > 0 ? fmt::format("{}000000", m.mention_date) : added;
  fmt::format_to(std::back_inserter(*out), "{}\t{}\t{}\t1\t", m.event_id, event_time, mention_time);
  Field(m.news_source, out);
  Tab(out);
  Field(m.url, out);
  // Confidence: parley's coding is deterministic; the date confidence scales it.
  fmt::format_to(std::back_inserter(*out), "\t{}\t{}\t{}\t{}\t1\t{}\t{}\t0\t\t\n",
                 m.sentence_index + 1, m.source_offset, m.target_offset, m.verb_offset,
                 static_cast<int>(50 + 50 * m.date_confidence), m.doc_bytes);
}

Status ExportEvents(const EventStore& store, ExportFormat format, const EventQuery& query,
                    std::FILE* out, uint64_t* rows) {
  std::string buffer(ExportHeader(format));
  uint64_t count = 0;
  bool write_failed = false;
  auto flush = [&](bool force) {
    if (write_failed || (!force && buffer.size() < (1 << 16))) return;
    if (std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size()) write_failed = true;
    buffer.clear();
  };
  Status s;
  if (format == ExportFormat::kGdeltMentions) {
    s = store.ForEachMention(query, [&](const StoredMention& m) {
      AppendGdeltMention(m, &buffer);
      ++count;
      flush(false);
    });
  } else {
    s = store.ForEachEvent(query, [&](const StoredEvent& e) {
      AppendExportEvent(format, e, &buffer);
      ++count;
      flush(false);
    });
  }
  flush(true);
  if (rows != nullptr) *rows = count;
  if (!s.ok()) return s;
  if (write_failed || std::fflush(out) != 0) return Status::IOError("writing the export failed");
  return Status::OK();
}

}  // namespace parley
