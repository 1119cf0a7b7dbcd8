// A small scanner for the PETRARCH unit-test XML: comments, start/end tags with quoted
// attributes (either quote, blanks around '='), and element text. Not a general XML
// parser; the suite files are hand-written and this is all they use.
#include "validate/petrarch_suite.h"

#include <algorithm>
#include <cctype>

namespace parley::validate {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (const auto& [name, ch] : kEntities) {
        if (s.substr(i, name.size()) == name) {
          out += ch;
          i += name.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i];
  }
  return out;
}

// Collapses the hard line breaks of <Text> into single blanks.
std::string FlattenText(std::string_view s) {
  std::string decoded = Decode(Trim(s));
  std::string out;
  bool blank = false;
  for (char c : decoded) {
    if (IsSpace(c)) {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  bool self_closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // lower-case names
  size_t end = 0;  // one past '>'
};

// Parses the tag starting at content[pos] == '<'. False when it never closes.
bool ParseTag(std::string_view content, size_t pos, Tag* tag) {
  size_t i = pos + 1;
  tag->closing = i < content.size() && content[i] == '/';
  if (tag->closing) ++i;
  size_t start = i;
  while (i < content.size() && !IsSpace(content[i]) && content[i] != '>' && content[i] != '/') ++i;
  tag->name = Lower(content.substr(start, i - start));
  tag->attributes.clear();
  tag->self_closing = false;
  while (i < content.size()) {
    while (i < content.size() && IsSpace(content[i])) ++i;
    if (i >= content.size()) return false;
    if (content[i] == '>') {
      tag->end = i + 1;
      return true;
    }
    if (content[i] == '/') {
      tag->self_closing = true;
      ++i;
      continue;
    }
    size_t name_start = i;
    while (i < content.size() && !IsSpace(content[i]) && content[i] != '=' && content[i] != '>')
      ++i;
    std::string name = Lower(content.substr(name_start, i - name_start));
    while (i < content.size() && IsSpace(content[i])) ++i;
    std::string value;
    if (i < content.size() && content[i] == '=') {
      ++i;
      while (i < content.size() && IsSpace(content[i])) ++i;
      if (i < content.size() && (content[i] == '"' || content[i] == '\'')) {
        char quote = content[i++];
        size_t close = content.find(quote, i);
        if (close == std::string_view::npos) return false;
        value = Decode(content.substr(i, close - i));
        i = close + 1;
      } else {
        size_t vstart = i;
        while (i < content.size() && !IsSpace(content[i]) && content[i] != '>') ++i;
        value = std::string(content.substr(vstart, i - vstart));
      }
    }
    if (!name.empty()) tag->attributes.emplace_back(std::move(name), std::move(value));
  }
  return false;
}

const std::string* Attribute(const Tag& tag, std::string_view name) {
  for (const auto& [key, value] : tag.attributes)
    if (key == name) return &value;
  return nullptr;
}

uint32_t LineAt(std::string_view content, size_t pos, size_t* cache_pos, uint32_t* cache_line) {
  *cache_line += static_cast<uint32_t>(
      std::count(content.begin() + *cache_pos, content.begin() + pos, '\n'));
  *cache_pos = pos;
  return *cache_line;
}

std::vector<std::string> SplitList(std::string_view s, std::string_view separators) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find_first_of(separators, i);
    std::string_view item = Trim(s.substr(i, j == std::string_view::npos ? s.size() - i : j - i));
    if (!item.empty()) out.emplace_back(item);
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

}  // namespace

Status ParsePetrarchSuite(std::string_view content, const std::string& path,
                          PetrarchSuite* suite, std::vector<std::string>* warnings) {
  auto warn = [&](uint32_t line, const std::string& message) {
    if (warnings != nullptr) warnings->push_back(path + ":" + std::to_string(line) + ": " + message);
  };
  size_t line_pos = 0;
  uint32_t line_no = 1;
  std::vector<std::pair<std::string, std::string>> pending_options;
  PetrarchRecord* record = nullptr;
  bool saw_root = false;
  size_t pos = 0;
  Tag tag;
  while ((pos = content.find('<', pos)) != std::string_view::npos) {
    uint32_t line = LineAt(content, pos, &line_pos, &line_no);
    if (content.substr(pos, 4) == "<!--") {
      size_t close = content.find("-->", pos + 4);
      if (close == std::string_view::npos) break;
      pos = close + 3;
      continue;
    }
    if (content.substr(pos, 2) == "<!" || content.substr(pos, 2) == "<?") {
      size_t close = content.find('>', pos);
      if (close == std::string_view::npos) break;
      pos = close + 1;
      continue;
    }
    if (!ParseTag(content, pos, &tag)) {
      warn(line, "unterminated tag");
      break;
    }
    pos = tag.end;
    saw_root = true;
    // Element text up to the matching end tag (for the elements whose text we need).
    auto element_text = [&]() -> std::string_view {
      if (tag.self_closing) return {};
      std::string end = "</" + tag.name;
      size_t i = pos;
      while ((i = content.find("</", i)) != std::string_view::npos) {
        if (Lower(content.substr(i, end.size())) == end) break;
        i += 2;
      }
      if (i == std::string_view::npos) return {};
      std::string_view text = content.substr(pos, i - pos);
      pos = i;
      return text;
    };
    if (tag.closing) {
      if (tag.name == "sentence") record = nullptr;
      continue;
    }
    const std::string& name = tag.name;
    if (name == "verbfile") {
      suite->verb_file = std::string(Trim(element_text()));
    } else if (name == "actorfile") {
      suite->actor_files = SplitList(element_text(), ",");
    } else if (name == "agentfile") {
      suite->agent_file = std::string(Trim(element_text()));
    } else if (name == "discardfile") {
      suite->discard_file = std::string(Trim(element_text()));
    } else if (name == "issuefile") {
      suite->issue_file = std::string(Trim(element_text()));
    } else if (name == "include") {
      suite->include = SplitList(element_text(), " \t\r\n");
    } else if (name == "config") {
      const std::string* option = Attribute(tag, "option");
      const std::string* value = Attribute(tag, "value");
      if (option == nullptr || value == nullptr) {
        warn(line, "<Config> needs option= and value=");
      } else {
        pending_options.emplace_back(Lower(*option), *value);
      }
    } else if (name == "stop") {
      suite->stopped = true;
      break;
    } else if (name == "sentence") {
      suite->records.emplace_back();
      record = &suite->records.back();
      record->line = line;
      record->options = std::move(pending_options);
      pending_options.clear();
      if (const std::string* id = Attribute(tag, "id")) record->id = *id;
      if (const std::string* cat = Attribute(tag, "category")) record->category = *cat;
      if (const std::string* s = Attribute(tag, "sentence")) record->is_sentence = Lower(*s) != "false";
      if (const std::string* d = Attribute(tag, "date")) record->date = ParseDate(*d);
      if (record->id.empty()) warn(line, "<Sentence> without id=");
      if (record->date == 0) warn(line, "sentence " + record->id + ": missing or bad date");
    } else if (name == "eventcoding") {
      if (record == nullptr) {
        warn(line, "<EventCoding> outside a <Sentence>");
        continue;
      }
      const std::string* noevents = Attribute(tag, "noevents");
      const std::string* error = Attribute(tag, "error");
      const std::string* src = Attribute(tag, "sourcecode");
      const std::string* tgt = Attribute(tag, "targetcode");
      const std::string* code = Attribute(tag, "eventcode");
      if (noevents != nullptr && Lower(*noevents) == "true") {
        record->expect_no_events = true;
      } else if (error != nullptr) {
        record->expected_error = *error;
      } else if (src != nullptr && tgt != nullptr && code != nullptr) {
        record->expected.push_back(*src + " " + *tgt + " " + *code);
      } else {
        warn(line, "sentence " + record->id +
                       ": <EventCoding> needs sourcecode, targetcode and eventcode");
      }
    } else if (name == "text") {
      if (record == nullptr) {
        warn(line, "<Text> outside a <Sentence>");
        continue;
      }
      record->text = FlattenText(element_text());
    } else if (name == "parse") {
      element_text();  // skipped: parley parses the text itself
    }
  }
  if (!saw_root) return Status::Corruption(path + ": no XML elements found");
  return Status::OK();
}

}  // namespace parley::validate
