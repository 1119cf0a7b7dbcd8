// TABARI project and validation-record reading, shared by RunTabariProject and the CLI.
#ifndef PARLEY_VALIDATE_TABARI_PROJECT_H_
#define PARLEY_VALIDATE_TABARI_PROJECT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/coder.h"
#include "parley/document.h"
#include "parley/status.h"

namespace parley {
class Dictionary;
}

namespace parley::validate {

// A TABARI .project: its dictionaries compiled, its .options applied.
struct TabariProject {
  std::shared_ptr<const Dictionary> dictionary;
  CoderOptions options;
  std::string options_file;
  std::string text_file;
};

// Reads the project file and everything it names (paths relative to the project).
// Dictionary problems become "file:line: message" warnings.
Status LoadTabariProject(const std::string& project_path, TabariProject* project,
                         std::vector<std::string>* warnings);

// One TABARI text record with its validation expectations.
struct TabariRecord {
  std::string id;
  Date date = 0;
  uint32_t line = 0;
  std::string text;                   // without /* comments */
  std::string comment;                // all comment text
  std::vector<std::string> expected;  // "SRC TGT CODE"
  std::vector<std::string> options;   // ".options" lines from "{ OPTION: ... }"
  bool expect_nothing = false;        // {---}
  bool expect_discard = false;        // {###}
  bool expect_complex = false;        // {+++}
  bool stop_checking = false;         // a "-{" was seen
};

// Reads the expectation blocks of a record's comment text (or a TABARI Document's
// notes) into `rec`: expected events, {---}/{###}/{+++}, "-{" and "{ OPTION: ... }".
void ParseTabariExpectations(std::string_view comment, TabariRecord* rec);

Status ReadTabariRecords(const std::string& path, std::vector<TabariRecord>* records);

}  // namespace parley::validate

#endif  // PARLEY_VALIDATE_TABARI_PROJECT_H_
