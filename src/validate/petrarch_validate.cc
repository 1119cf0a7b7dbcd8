// PETRARCH unit-test validation: load the suite's dictionaries, code every included record
// with the sparse coder and compare the events with the expected ones.
//
// Scoring rules (PETRARCH's own runner does the same or is stricter):
// - records with sentence="false", a category missing from <Include>, or
//   error="bad_input_parse" (a broken <Parse> tree; parley does not read parses) are skipped;
// - events are compared as sets of "SOURCE TARGET CODE" strings (duplicates ignored);
// - noevents="True" and error="..." records pass when nothing is coded (parley has no
//   separate error channel for "dateline" or discard errors; a discarded sentence codes
//   nothing, which is the observable effect).
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "dict/petrarch_lines.h"
#include "parley/coder.h"
#include "parley/dictionary.h"
#include "parley/event.h"
#include "parley/validate.h"
#include "validate/petrarch_suite.h"

namespace parley::validate {
namespace {

namespace fs = std::filesystem;

// A dictionary named in <Environment>: next to the XML file, else in its dictionaries/.
std::string FindDictionary(const fs::path& folder, const std::string& name) {
  for (const fs::path& candidate : {folder / name, folder / "dictionaries" / name}) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return {};
}

bool ParseBool(std::string value, bool* out) {
  for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (value == "true" || value == "1" || value == "yes") {
    *out = true;
    return true;
  }
  if (value == "false" || value == "0" || value == "no") {
    *out = false;
    return true;
  }
  return false;
}

// Applies a <Config> option; options parley does not model (new_actor_length, which needs
// a parse tree, and stop_on_error) are accepted and ignored.
void ApplyOption(const std::string& name, const std::string& value, CoderOptions* options) {
  int number = std::atoi(value.c_str());
  if (name == "comma_min") options->comma_min = number;
  else if (name == "comma_max") options->comma_max = number;
  else if (name == "comma_bmin") options->comma_bmin = number;
  else if (name == "comma_bmax") options->comma_bmax = number;
  else if (name == "comma_emin") options->comma_emin = number;
  else if (name == "comma_emax") options->comma_emax = number;
  else if (name == "require_dyad") ParseBool(value, &options->require_dyad);
}

bool Included(const PetrarchSuite& suite, const PetrarchRecord& record) {
  if (!record.is_sentence) return false;
  // These test PETRARCH's handling of a broken <Parse> tree, which parley never reads.
  if (record.expected_error == "bad_input_parse") return false;
  if (suite.include.empty()) return true;
  return std::find(suite.include.begin(), suite.include.end(), record.category) !=
         suite.include.end();
}

std::vector<std::string> Canonical(std::vector<std::string> events) {
  std::sort(events.begin(), events.end());
  events.erase(std::unique(events.begin(), events.end()), events.end());
  return events;
}

// A null actor code is written "---" by PETRARCH.
std::string ActorCode(const ActorSpan& span) { return span.code.empty() ? "---" : span.code; }

Status LoadSuiteDictionaries(const PetrarchSuite& suite, const fs::path& folder,
                             std::shared_ptr<const Dictionary>* dictionary) {
  dict::DictionaryBuilder builder;
  std::vector<std::string> warnings;
  struct Named {
    const std::string* name;
    dict::FileKind kind;
  };
  std::vector<Named> files = {{&suite.verb_file, dict::FileKind::kVerbs},
                              {&suite.agent_file, dict::FileKind::kAgents},
                              {&suite.discard_file, dict::FileKind::kDiscards},
                              {&suite.issue_file, dict::FileKind::kIssues}};
  for (const std::string& actor : suite.actor_files) files.push_back({&actor, dict::FileKind::kActors});
  for (const Named& file : files) {
    if (file.name->empty()) continue;
    std::string path = FindDictionary(folder, *file.name);
    if (path.empty())
      return Status::NotFound((folder / *file.name).string() +
                              ": dictionary named in <Environment> not found (also looked in "
                              "dictionaries/)");
    Status status = dict::LoadDictionaryFile(path, file.kind, &builder, &warnings);
    if (!status.ok()) return status;
  }
  return builder.Build(dictionary, &warnings);
}

}  // namespace

Status RunPetrarchXml(const std::string& xml_path, Report* report) {
  std::string content;
  Status status = dict::petrarch::ReadWholeFile(xml_path, &content);
  if (!status.ok()) return status;
  PetrarchSuite suite;
  std::vector<std::string> warnings;
  status = ParsePetrarchSuite(content, xml_path, &suite, &warnings);
  if (!status.ok()) return status;
  if (suite.verb_file.empty() || suite.actor_files.empty())
    return Status::InvalidArgument(xml_path + ": <Environment> must name a verb and an actor file");

  std::shared_ptr<const Dictionary> dictionary;
  status = LoadSuiteDictionaries(suite, fs::path(xml_path).parent_path(), &dictionary);
  if (!status.ok()) return status;

  CoderOptions options;
  options.actorless_agents = true;  // PETRARCH codes "a senior official" as ---GOV
  auto coder = std::make_unique<Coder>(dictionary, options);
  CoderScratch scratch;
  std::vector<Event> events;
  Document doc;
  for (const PetrarchRecord& record : suite.records) {
    if (!record.options.empty()) {
      for (const auto& [name, value] : record.options)
        ApplyOption(name, value, &options);
      coder = std::make_unique<Coder>(dictionary, options);
    }
    if (!Included(suite, record)) {
      ++report->skipped;
      continue;
    }
    doc.id = record.id;
    doc.date = record.date;
    doc.text = record.text;
    doc.origin = xml_path;
    doc.origin_line = record.line;
    events.clear();
    coder->CodeDocument(doc, &scratch, &events);
    std::vector<std::string> coded;
    for (const Event& e : events) {
      std::string source = ActorCode(e.source), target = ActorCode(e.target);
      coded.push_back(source + " " + target + " " + e.code);
    }
    std::vector<std::string> expected = Canonical(record.expected);
    coded = Canonical(std::move(coded));
    if (coded == expected) {
      ++report->passed;
    } else {
      ++report->failed;
      report->failures.push_back(Failure{record.id, record.text, expected, coded});
    }
  }
  return Status::OK();
}

}  // namespace parley::validate
