// Validation suites: TABARI projects (Validate.project) and PETRARCH unit-test XML.
#ifndef PARLEY_VALIDATE_H_
#define PARLEY_VALIDATE_H_

#include <string>
#include <vector>

#include "parley/event.h"
#include "parley/status.h"

namespace parley::validate {

// One record whose coded events differ from the expected ones. Events are written
// "SOURCE TARGET CODE" ("ARN GON 064").
struct Failure {
  std::string record_id;
  std::string text;
  std::vector<std::string> expected;
  std::vector<std::string> coded;
};

// The events coded for one record, exactly as Coder::CodeDocument produced them for the
// record's Document (what `parley code` writes for it).
struct RecordEvents {
  std::string record_id;
  uint64_t line = 0;  // where the record starts in its file
  std::vector<Event> events;
};

struct Report {
  int passed = 0;
  int failed = 0;
  int skipped = 0;  // records that are not tests (comments, option changes, stop records)
  std::vector<Failure> failures;
  // Every record that was coded (passed or failed), in file order.
  std::vector<RecordEvents> records;
};

// Runs a TABARI validation project: reads its dictionaries, options and text file
// (paths relative to the project file), codes every record up to the end-of-suite record
// and compares with the expected events in each record's comment block.
Status RunTabariProject(const std::string& project_path, Report* report);

// Runs a PETRARCH unit-test XML file with the dictionaries named in its <Environment>
// (relative to the XML file's folder, or its dictionaries/ subfolder).
Status RunPetrarchXml(const std::string& xml_path, Report* report);

}  // namespace parley::validate

#endif  // PARLEY_VALIDATE_H_
