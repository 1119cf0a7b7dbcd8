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
#include "parley/reader.h"
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

bool Included(const PetrarchSuite& suite, const PetrarchRecord& record) {
  if (!record.is_sentence) return false;
  // These test PETRARCH's handling of a broken <Parse> tree, which parley never reads.
  if (record.expected_error == "bad_input_parse") return false;
  if (suite.include.empty()) return true;
  return std::find(suite.include.begin(), suite.include.end(), record.category) !=
         suite.include.end();
}

// The suite's own record for a Document, matched by id and line; null when the suite
// reader did not keep it (after an uncommented <Stop>).
const PetrarchRecord* FindRecord(const PetrarchSuite& suite, const Document& doc, size_t* hint) {
  for (size_t k = *hint; k < suite.records.size(); ++k) {
    if (suite.records[k].id == doc.id) {
      *hint = k + 1;
      return &suite.records[k];
    }
  }
  return nullptr;
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
  for (const std::string& actor : suite.actor_files)
    files.push_back({&actor, dict::FileKind::kActors});
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

  // Records are read and coded exactly as `parley code <xml>` reads and codes them: the
  // io reader's Documents, the petrarch profile, each record's <Config> applied in order.
  // The suite reader above supplies only what Documents do not carry (the dictionaries,
  // <Include>, sentence="false", <Stop>).
  ReaderOptions reader_options;
  reader_options.format = InputFormat::kPetrarchXml;
  reader_options.on_warning = [](std::string_view) {};
  std::unique_ptr<DocumentReader> reader;
  status = DocumentReader::Open({xml_path}, reader_options, &reader);
  if (!status.ok()) return status;
  CoderOptions options = OptionsForProfile(Profile::kPetrarch);
  auto coder = std::make_unique<Coder>(dictionary, options);
  CoderScratch scratch;
  std::vector<Event> events;
  Document doc;
  size_t hint = 0;
  while (reader->Next(&doc)) {
    if (ApplyDocumentOptions(doc, &options, nullptr)) {
      coder = std::make_unique<Coder>(dictionary, options);
    }
    const PetrarchRecord* record = FindRecord(suite, doc, &hint);
    if (record == nullptr || !Included(suite, *record)) {
      ++report->skipped;
      continue;
    }
    events.clear();
    coder->CodeDocument(doc, &scratch, &events);
    std::vector<std::string> coded;
    for (const Event& e : events) {
      coded.push_back(ActorCode(e.source) + " " + ActorCode(e.target) + " " + e.code);
    }
    std::vector<std::string> expected = Canonical(doc.expected_events);
    coded = Canonical(std::move(coded));
    if (coded == expected) {
      ++report->passed;
    } else {
      ++report->failed;
      report->failures.push_back(Failure{doc.id, doc.text, expected, coded});
    }
    report->records.push_back(RecordEvents{doc.id, doc.origin_line, events});
  }
  return Status::OK();
}

}  // namespace parley::validate
