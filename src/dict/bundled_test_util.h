// Helpers shared by the tests of parley's bundled dictionaries (data/dict/).
#ifndef PARLEY_DICT_BUNDLED_TEST_UTIL_H_
#define PARLEY_DICT_BUNDLED_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <initializer_list>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "parley/dictionary.h"

namespace parley::dict::bundled_test {

// Full path of a bundled dictionary file.
inline std::string Bundled(const std::string& name) {
  return std::string(PARLEY_SOURCE_DIR) + "/data/dict/" + name;
}

// The warnings that mention one of `files`; other bundled files have their own tests.
inline std::vector<std::string> WarningsAbout(const std::vector<std::string>& warnings,
                                              std::initializer_list<const char*> files) {
  std::vector<std::string> out;
  for (const auto& w : warnings)
    for (const char* file : files)
      if (w.find(file) != std::string::npos) {
        out.push_back(w);
        break;
      }
  return out;
}

inline std::string JoinLines(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

// Loads each (file, kind) into `builder`, failing the test if a file cannot be read.
inline void LoadBundled(std::initializer_list<std::pair<const char*, FileKind>> files,
                        DictionaryBuilder* builder, std::vector<std::string>* warnings) {
  for (const auto& [name, kind] : files)
    ASSERT_TRUE(LoadDictionaryFile(Bundled(name), kind, builder, warnings).ok()) << name;
}

// The event codes a set of verb blocks can produce: block, verb and pattern codes.
inline std::set<std::string> CodesOf(const DictionaryBuilder& builder) {
  std::set<std::string> codes;
  auto add = [&](const EventCode& c) {
    for (const std::string* part : {&c.primary, &c.paired})
      if (!part->empty() && *part != "---") codes.insert(*part);
  };
  for (const auto& b : builder.verb_blocks()) {
    add(b.code);
    for (const auto& v : b.verbs) add(v.code);
    for (const auto& p : b.patterns) add(p.code);
  }
  return codes;
}

}  // namespace parley::dict::bundled_test

#endif  // PARLEY_DICT_BUNDLED_TEST_UTIL_H_
