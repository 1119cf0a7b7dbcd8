// TABARI .options commands that change coding (TABARI manual chapter 8).
#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <string>

#include "parley/coder.h"
#include "parley/document.h"

namespace parley {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// `text` as a whole number from 0 to INT_MAX, all of it ("12x", "-1", "" and
// "99999999999" are errors); `what` names the setting in the message.
Status ParseCount(std::string_view text, std::string_view what, int* value) {
  int v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec == std::errc::result_out_of_range) {
    return Status::InvalidArgument(std::string(what) + ": " + std::string(text) +
                                   " is out of range (at most 2147483647)");
  }
  if (text.empty() || ec != std::errc() || ptr != end || v < 0) {
    return Status::InvalidArgument(std::string(what) + ": expected a whole number, got '" +
                                   std::string(text) + "'");
  }
  *value = v;
  return Status::OK();
}

// Value of "NAME[n]" in `s` into `*value`, left as it is when NAME does not occur.
Status BracketNumber(const std::string& s, std::string_view name, int* value) {
  size_t p = s.find(name);
  if (p == std::string::npos) return Status::OK();
  size_t open = s.find('[', p);
  size_t close = open == std::string::npos ? open : s.find(']', open);
  if (close == std::string::npos) {
    return Status::InvalidArgument(std::string(name) + ": expected " + std::string(name) + "[n]");
  }
  return ParseCount(Trim(std::string_view(s).substr(open + 1, close - open - 1)), name, value);
}

// Value of "NAME = n" in `s` (first occurrence of NAME as a whole word; n ends at a blank)
// into `*value`, left as it is when NAME does not occur.
Status AssignedNumber(const std::string& s, std::string_view name, int* value) {
  size_t p = 0;
  while ((p = s.find(name, p)) != std::string::npos) {
    bool start_ok = p == 0 || !std::isalpha(static_cast<unsigned char>(s[p - 1]));
    size_t q = p + name.size();
    bool end_ok = q < s.size() && !std::isalpha(static_cast<unsigned char>(s[q]));
    if (start_ok && end_ok) {
      while (q < s.size() && (s[q] == ' ' || s[q] == '=')) ++q;
      size_t end = q;
      while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
      return ParseCount(std::string_view(s).substr(q, end - q), name, value);
    }
    p += name.size();
  }
  return Status::OK();
}

// Code inside the first "[...]" after `keyword`.
std::string BracketCode(const std::string& s, std::string_view keyword) {
  size_t p = s.find(keyword);
  if (p == std::string::npos) return "";
  size_t open = s.find('[', p);
  size_t close = s.find(']', open);
  if (open == std::string::npos || close == std::string::npos) return "";
  return std::string(Trim(std::string_view(s).substr(open + 1, close - open - 1)));
}

bool IsTrue(const std::string& value) {
  return value.starts_with("T") || value.starts_with("ON") || value.starts_with("Y");
}

Status ApplySet(const std::string& body, CoderOptions* o) {
  size_t eq = body.find('=');
  std::string name(
      Trim(std::string_view(body).substr(0, eq == std::string::npos ? body.size() : eq)));
  std::string value =
      eq == std::string::npos ? "" : std::string(Trim(std::string_view(body).substr(eq + 1)));
  if (name.starts_with("CODE BY") || name.starts_with("CODE ALL")) {
    if (name.find("SENTENCE") != std::string::npos) {
      o->code_by = CodeBy::kSentence;
    } else if (name.find("ALL") != std::string::npos) {
      o->code_by = CodeBy::kAll;
    } else {
      o->code_by = CodeBy::kClause;
    }
  } else if (name.starts_with("MINIMUM WORDS")) {
    // The number ends at a blank: validation records close their comment after it
    // ("MINIMUM WORDS = 20  */").
    std::string_view number = value;
    number = number.substr(0, std::min(number.size(), number.find_first_of(" \t")));
    return ParseCount(number, "MINIMUM WORDS", &o->minimum_words);
  } else if (name.starts_with("CONVERT AGENT")) {
    o->convert_agents = IsTrue(value);
  }
  // LABEL, usage files, YYYY, TIME SHIFT, FBIS, SKIP RECORDS ... do not change codes.
  return Status::OK();
}

}  // namespace

namespace {

Status ApplyTabariOptionTo(std::string_view raw, CoderOptions* o) {
  std::string line = Upper(Trim(raw));
  size_t comment = line.find("//");
  if (comment != std::string::npos) line.resize(comment);
  if (!line.empty() && line[0] == '#') line.clear();
  line = std::string(Trim(line));
  if (line.empty()) return Status::OK();
  size_t colon = line.find(':');
  if (colon == std::string::npos) return Status::InvalidArgument("expected 'COMMAND: ...'");
  std::string command(Trim(std::string_view(line).substr(0, colon)));
  std::string body(Trim(std::string_view(line).substr(colon + 1)));
  std::string key = command.substr(0, 4);  // TABARI reads the first four letters
  if (key == "SET") return ApplySet(body, o);
  if (key == "COMP") {
    o->complex_verbs = o->complex_actors = o->complex_pronouns = o->complex_conj = 0;
    for (auto [name, field] :
         {std::pair{"VERBS", &o->complex_verbs}, std::pair{"ACTORS", &o->complex_actors},
          std::pair{"PRONOUNS", &o->complex_pronouns}, std::pair{"CONJ", &o->complex_conj}}) {
      Status st = BracketNumber(body, name, field);
      if (!st.ok()) return st;
    }
    o->complex_no_actor_prior = body.find("NOACTPRIOR") != std::string::npos;
    o->complex_no_actor_after = body.find("NOACTAFTER") != std::string::npos;
    o->complex_no_verb = body.find("NOVERB") != std::string::npos;
    return Status::OK();
  }
  if (key == "DEFA") {
    if (body.starts_with("OFF")) {
      o->default_source.clear();
      o->default_target.clear();
      o->default_source_prior = o->default_target_after = false;
      return Status::OK();
    }
    size_t target_at = body.find("TARGET");
    std::string source_part = body.substr(0, target_at);
    std::string target_part = target_at == std::string::npos ? "" : body.substr(target_at);
    if (source_part.find("SOURCE") != std::string::npos) {
      o->default_source = BracketCode(source_part, "SOURCE");
      size_t close = source_part.find(']');
      o->default_source_prior =
          close != std::string::npos && source_part.find("PRIOR", close) != std::string::npos;
    }
    if (!target_part.empty()) {
      o->default_target = BracketCode(target_part, "TARGET");
      size_t close = target_part.find(']');
      o->default_target_after =
          close != std::string::npos && target_part.find("AFTER", close) != std::string::npos;
    }
    return Status::OK();
  }
  if (key == "COMM") {
    if (body.starts_with("OFF")) {
      o->comma_enabled = false;
      return Status::OK();
    }
    o->comma_enabled = true;
    for (auto [name, field] :
         {std::pair{"MIN", &o->comma_min}, std::pair{"MAX", &o->comma_max},
          std::pair{"EMIN", &o->comma_emin}, std::pair{"EMAX", &o->comma_emax},
          std::pair{"BMIN", &o->comma_bmin}, std::pair{"BMAX", &o->comma_bmax}}) {
      Status st = AssignedNumber(body, name, field);
      if (!st.ok()) return st;
    }
    return Status::OK();
  }
  // LABEL:, OUTPUT:, FORWARD:, NONEVENTS:, ISSUES: ... do not change which events are coded.
  return Status::OK();
}

}  // namespace

Status ApplyTabariOption(std::string_view line, CoderOptions* options) {
  // A line with a bad number changes nothing, not the settings before the bad one.
  CoderOptions next = *options;
  Status st = ApplyTabariOptionTo(line, &next);
  if (st.ok()) *options = std::move(next);
  return st;
}

namespace {

// One PETRARCH <Config> setting, "name=value".
Status ApplyPetrarchSetting(std::string_view setting, CoderOptions* o) {
  size_t eq = setting.find('=');
  if (eq == std::string_view::npos) return Status::InvalidArgument("expected name=value");
  std::string name(Trim(setting.substr(0, eq)));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string value = Upper(Trim(setting.substr(eq + 1)));
  struct Field {
    std::string_view name;
    int* field;
  };
  const Field fields[] = {{"comma_min", &o->comma_min},   {"comma_max", &o->comma_max},
                          {"comma_bmin", &o->comma_bmin}, {"comma_bmax", &o->comma_bmax},
                          {"comma_emin", &o->comma_emin}, {"comma_emax", &o->comma_emax}};
  for (const Field& f : fields) {
    if (name != f.name) continue;
    return ParseCount(value, name, f.field);
  }
  if (name == "require_dyad") {
    if (value != "TRUE" && value != "FALSE" && value != "1" && value != "0")
      return Status::InvalidArgument("require_dyad: expected true or false, got " + value);
    o->require_dyad = value == "TRUE" || value == "1";
    return Status::OK();
  }
  return Status::OK();  // new_actor_length needs a parse tree; stop_on_error is the runner's
}

}  // namespace

bool ApplyDocumentOptions(const Document& doc, CoderOptions* options,
                          std::vector<std::string>* warnings) {
  bool applied = false;
  auto warn = [&](const Status& st) {
    if (warnings != nullptr)
      warnings->push_back(doc.origin + ":" + std::to_string(doc.origin_line) + ": record " +
                          doc.id + ": " + st.message());
  };
  for (const std::string& setting : doc.options) {
    Status st = ApplyPetrarchSetting(setting, options);
    if (!st.ok()) warn(st);
    applied = true;
  }
  std::string_view notes = doc.notes;
  for (size_t open = notes.find('{'); open != std::string_view::npos;
       open = notes.find('{', open + 1)) {
    std::string_view inside = Trim(notes.substr(open + 1));
    if (!inside.starts_with("OPTION:")) continue;
    size_t close = inside.find('}');
    Status st = ApplyTabariOption(
        Trim(
            inside.substr(7, close == std::string_view::npos ? std::string_view::npos : close - 7)),
        options);
    if (!st.ok()) warn(st);
    applied = true;
  }
  return applied;
}

Status ApplyTabariOptionsFile(const std::string& path, CoderOptions* options,
                              std::vector<std::string>* warnings) {
  std::ifstream in(path);
  if (!in) return Status::IOError(path + ": cannot open");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    Status st = ApplyTabariOption(line, options);
    if (!st.ok() && warnings)
      warnings->push_back(path + ":" + std::to_string(n) + ": " + st.message());
  }
  return Status::OK();
}

Status ReadTabariOptions(const std::string& path, CoderOptions* options,
                         std::vector<std::string>* warnings) {
  // A TABARI project codes with TABARI's defaults unless its options say otherwise.
  CoderOptions read = *options;
  ApplyProfile(Profile::kTabari, &read);
  Status st = ApplyTabariOptionsFile(path, &read, warnings);
  if (st.ok()) *options = std::move(read);
  return st;
}

}  // namespace parley
