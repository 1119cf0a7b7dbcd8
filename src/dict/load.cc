// Dictionary file dispatch: decides what a file holds (actors, agents, verbs, discards,
// issues) and in which flavour (TABARI or PETRARCH) it is written, then hands it to the
// matching reader in readers.h.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "dict/petrarch_lines.h"
#include "dict/readers.h"
#include "parley/dictionary.h"
#include "parley/text.h"

namespace parley::dict {
namespace {

enum class Flavour : uint8_t { kPetrarch, kTabari };

// Detection only looks at the start of a file; dictionaries declare themselves early.
constexpr size_t kSniffBytes = 64 * 1024;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

FileKind KindFromName(const std::string& lower_name) {
  if (Contains(lower_name, "actor")) return FileKind::kActors;
  if (Contains(lower_name, "agent")) return FileKind::kAgents;
  if (Contains(lower_name, "verb")) return FileKind::kVerbs;
  if (Contains(lower_name, "discard")) return FileKind::kDiscards;
  if (Contains(lower_name, "issue")) return FileKind::kIssues;
  return FileKind::kUnknown;
}

// What the sampled lines look like; each feature counts lines.
struct Shape {
  int block_headers = 0;   // "--- NAME [code] ---"
  int patterns = 0;        // "- ... * ... [code]"
  int synsets = 0;         // "&LABEL"
  int issue_tags = 0;      // "<ISSUE ...>"
  int agent_codes = 0;     // "[~GOV]" / "[NGO~]"
  int actor_codes = 0;     // "[USA]", "\t[USA 950101-...]"
  int plain = 0;           // words only, no brackets (discard lists)
  int tabari_tags = 0;     // <NOUN> <ADJECTIVE> <SYNSETS> ...
  int petrarch_marks = 0;  // '#' comments, <!-- -->, {plurals}, !SUBST! = ...
};

Shape Sniff(std::string_view sample) {
  Shape shape;
  size_t pos = 0;
  int lines = 0;
  while (pos < sample.size() && lines < 4000) {
    size_t eol = sample.find('\n', pos);
    std::string_view raw = sample.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
    pos = eol == std::string_view::npos ? sample.size() : eol + 1;
    ++lines;
    std::string_view t = petrarch::Trim(raw);
    if (t.empty()) continue;
    if (t.front() == '#' || t.substr(0, 4) == "<!--") {
      ++shape.petrarch_marks;
      continue;
    }
    if (t.front() == ';') continue;
    if (t.front() == '<') {
      std::string upper = petrarch::Upper(t);
      if (upper.rfind("<ISSUE", 0) == 0) ++shape.issue_tags;
      if (upper == "<NOUN>" || upper == "<ADJECTIVE>" || upper == "<SYNSETS>" ||
          upper == "<ACTORS>" || upper == "<AGENTS>" || upper == "<VERBS>")
        ++shape.tabari_tags;
      continue;
    }
    size_t cut = t.find_first_of(";#");
    if (cut != std::string_view::npos) {
      if (t[cut] == '#') ++shape.petrarch_marks;
      t = petrarch::Trim(t.substr(0, cut));
      if (t.empty()) continue;
    }
    if (t.substr(0, 3) == "---") {
      ++shape.block_headers;
    } else if (t.front() == '-' && Contains(t, "*")) {
      ++shape.patterns;
    } else if (t.front() == '&') {
      ++shape.synsets;
    } else if (Contains(t, "[~") || Contains(t, "~]") || Contains(t, "[ ~")) {
      ++shape.agent_codes;
    } else if (t.front() == '!' && Contains(t, "=")) {
      ++shape.petrarch_marks;
    } else if (Contains(t, "[")) {
      ++shape.actor_codes;
    } else if (t.front() != '+') {
      ++shape.plain;
    }
    if (Contains(t, "{")) ++shape.petrarch_marks;
  }
  return shape;
}

FileKind KindFromShape(const Shape& s) {
  if (s.issue_tags > 0) return FileKind::kIssues;
  if (s.block_headers > 0 || s.patterns > 0) return FileKind::kVerbs;
  if (s.agent_codes > s.actor_codes && s.agent_codes > 0) return FileKind::kAgents;
  if (s.actor_codes > 0) return FileKind::kActors;
  if (s.plain > 0) return FileKind::kDiscards;
  return FileKind::kUnknown;
}

Flavour FlavourOf(FileKind kind, const Shape& s, const std::string& lower_name) {
  if (kind == FileKind::kDiscards || kind == FileKind::kIssues) return Flavour::kPetrarch;
  if (kind == FileKind::kVerbs && s.block_headers > 0) return Flavour::kPetrarch;
  if (s.tabari_tags > 0) return Flavour::kTabari;
  if (s.petrarch_marks > 0) return Flavour::kPetrarch;
  // PETRARCH verb files always have block headers.
  if (kind == FileKind::kVerbs) return Flavour::kTabari;
  bool tabari_extension = EndsWith(lower_name, ".actors") || EndsWith(lower_name, ".agents") ||
                          EndsWith(lower_name, ".verbs");
  return tabari_extension ? Flavour::kTabari : Flavour::kPetrarch;
}

Status ReadPrefix(const std::string& path, size_t limit, std::string* out) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound(path + ": cannot open dictionary file");
  out->resize(limit);
  size_t n = std::fread(out->data(), 1, limit, f);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IOError(path + ": read error");
  out->resize(n);
  return Status::OK();
}

const char* KindName(FileKind kind) {
  switch (kind) {
    case FileKind::kActors:
      return "actors";
    case FileKind::kAgents:
      return "agents";
    case FileKind::kVerbs:
      return "verbs";
    case FileKind::kDiscards:
      return "discards";
    case FileKind::kIssues:
      return "issues";
    case FileKind::kUnknown:
      break;
  }
  return "unknown";
}

}  // namespace

Status GuessDictionaryFile(const std::string& path, FileKind* kind, bool* tabari) {
  std::string sample;
  Status status = ReadPrefix(path, kSniffBytes, &sample);
  if (!status.ok()) return status;
  // Read as text, a binary file gives a warning per garbage line (hundreds); refuse it once.
  if (text::LooksBinary(sample))
    return Status::InvalidArgument(path +
                                   ": looks binary (NUL bytes or mostly invalid UTF-8), not a "
                                   "dictionary file");
  std::string name = Lower(std::filesystem::path(path).filename().string());
  Shape shape = Sniff(sample);
  FileKind guessed = *kind != FileKind::kUnknown ? *kind : KindFromName(name);
  if (guessed == FileKind::kUnknown) guessed = KindFromShape(shape);
  if (guessed == FileKind::kUnknown)
    return Status::InvalidArgument(path + ": cannot tell what kind of dictionary this is");
  *kind = guessed;
  *tabari = FlavourOf(guessed, shape, name) == Flavour::kTabari;
  return Status::OK();
}

Status LoadDictionaryFile(const std::string& path, FileKind kind, DictionaryBuilder* builder,
                          std::vector<std::string>* warnings) {
  bool tabari = false;
  Status status = GuessDictionaryFile(path, &kind, &tabari);
  if (!status.ok()) return status;
  switch (kind) {
    case FileKind::kActors:
      return tabari ? ReadTabariActors(path, builder, warnings)
                    : ReadPetrarchActors(path, builder, warnings);
    case FileKind::kAgents:
      return tabari ? ReadTabariAgents(path, builder, warnings)
                    : ReadPetrarchAgents(path, builder, warnings);
    case FileKind::kVerbs:
      return tabari ? ReadTabariVerbs(path, builder, warnings)
                    : ReadPetrarchVerbs(path, builder, warnings);
    case FileKind::kDiscards:
      return ReadPetrarchDiscards(path, builder, warnings);
    case FileKind::kIssues:
      return ReadPetrarchIssues(path, builder, warnings);
    case FileKind::kUnknown:
      break;
  }
  return Status::InvalidArgument(path + ": unknown dictionary kind " + KindName(kind));
}

Status LoadDictionaryFolder(const std::string& folder, DictionaryBuilder* builder,
                            std::vector<std::string>* warnings) {
  std::error_code ec;
  std::filesystem::directory_iterator it(folder, ec);
  if (ec) return Status::NotFound(folder + ": cannot read dictionary folder: " + ec.message());
  std::vector<std::filesystem::path> files;
  for (const auto& entry : it) {
    if (!entry.is_regular_file(ec)) continue;
    std::string name = Lower(entry.path().filename().string());
    if (name.empty() || name.front() == '.' || EndsWith(name, ".md") ||
        name.rfind("readme", 0) == 0 || EndsWith(name, "~") || EndsWith(name, ".py") ||
        EndsWith(name, ".sh"))
      continue;
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  int loaded = 0;
  for (const auto& file : files) {
    Status status = LoadDictionaryFile(file.string(), FileKind::kUnknown, builder, warnings);
    if (status.ok()) {
      ++loaded;
    } else if (warnings != nullptr) {
      warnings->push_back(file.string() + ": skipped: " + status.message());
    }
  }
  if (loaded == 0) return Status::NotFound(folder + ": no dictionary files found");
  return Status::OK();
}

}  // namespace parley::dict
