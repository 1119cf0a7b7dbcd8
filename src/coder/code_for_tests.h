// Test helpers for the coder's tests: a dictionary from small TABARI files, and what coding
// one document gives (its events, as "SOURCE TARGET CODE" lines too, and its warnings).
#ifndef PARLEY_CODER_CODE_FOR_TESTS_H_
#define PARLEY_CODER_CODE_FOR_TESTS_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dict/dictionary.h"
#include "dict/readers.h"
#include "parley/coder.h"
#include "parley/reader.h"
#include "util/temp_dir_for_tests.h"

namespace parley::testing {

// Builds `*dictionary` from TABARI actors, agents and verbs files with these contents,
// written into `files`. The test fails (ASSERT) on a read error, a warning or a build error.
inline void BuildTabariDictionary(const TempDir& files, std::string_view actors,
                                  std::string_view agents, std::string_view verbs,
                                  std::shared_ptr<const Dictionary>* dictionary) {
  dict::DictionaryBuilder b;
  std::vector<std::string> warnings;
  ASSERT_TRUE(dict::ReadTabariActors(files.Write("t.actors", actors), &b, &warnings).ok());
  ASSERT_TRUE(dict::ReadTabariAgents(files.Write("t.agents", agents), &b, &warnings).ok());
  ASSERT_TRUE(dict::ReadTabariVerbs(files.Write("t.verbs", verbs), &b, &warnings).ok());
  ASSERT_TRUE(warnings.empty()) << warnings[0];
  ASSERT_TRUE(b.Build(dictionary, &warnings).ok());
}

struct Coded {
  std::vector<Event> events;
  std::vector<std::string> lines;     // "SOURCE TARGET CODE" per event, in order
  std::vector<std::string> warnings;  // CodeDocument's warnings
};

// Codes `doc` with `coder`, with a scratch of its own unless `scratch` is given.
inline Coded CodeForTests(const Coder& coder, const Document& doc, CoderScratch* scratch = nullptr,
                          CoderTrace* trace = nullptr) {
  Coded coded;
  CoderScratch own;
  coder.CodeDocument(doc, scratch != nullptr ? scratch : &own, &coded.events, trace,
                     &coded.warnings);
  for (const Event& e : coded.events) {
    coded.lines.push_back(e.source.code + " " + e.target.code + " " + e.code);
  }
  return coded;
}

}  // namespace parley::testing

#endif  // PARLEY_CODER_CODE_FOR_TESTS_H_
