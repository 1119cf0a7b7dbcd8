// Reading a PETRARCH unit-test XML file (<Validation> with <Environment> and <Sentences>)
// into records the validation runner can code. Only what validation needs is kept: the
// <Parse> trees are ignored because parley parses the text itself.
#ifndef PARLEY_VALIDATE_PETRARCH_SUITE_H_
#define PARLEY_VALIDATE_PETRARCH_SUITE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/document.h"
#include "parley/status.h"

namespace parley::validate {

struct PetrarchRecord {
  std::string id;
  Date date = 0;
  std::string category;
  bool is_sentence = true;  // sentence="false": a record PETRARCH itself does not test
  std::string text;
  std::vector<std::string> expected;  // "SRC TGT CODE"
  bool expect_no_events = false;
  std::string expected_error;  // <EventCoding error="dateline">
  // <Config option= value=> seen since the previous record; they apply from here on.
  std::vector<std::pair<std::string, std::string>> options;
  uint32_t line = 0;
};

struct PetrarchSuite {
  std::string verb_file;
  std::vector<std::string> actor_files;  // <Actorfile> may list several, comma-separated
  std::string agent_file;
  std::string discard_file;
  std::string issue_file;
  std::vector<std::string> include;  // <Include> categories ("valid" is a keyword)
  std::vector<PetrarchRecord> records;
  bool stopped = false;  // an uncommented <Stop> ended the records
};

// Parses the XML text `content` of the file `path` (used in warnings). Malformed records
// are skipped with a "path:line: message" warning.
Status ParsePetrarchSuite(std::string_view content, const std::string& path,
                          PetrarchSuite* suite, std::vector<std::string>* warnings);

}  // namespace parley::validate

#endif  // PARLEY_VALIDATE_PETRARCH_SUITE_H_
