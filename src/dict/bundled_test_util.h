// Helpers shared by the tests of parley's bundled dictionaries (data/dict/).
#ifndef PARLEY_DICT_BUNDLED_TEST_UTIL_H_
#define PARLEY_DICT_BUNDLED_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dict/dictionary.h"
#include "parley/cameo.h"
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

// Compiles `builder` (borrowing the bundled country file, since Build needs actors),
// appending the build warnings to `warnings`; fails the test if Build fails.
inline void BuildWithCountries(DictionaryBuilder* builder, std::vector<std::string>* warnings) {
  std::vector<std::string> ignored;  // the country file has its own test
  EXPECT_TRUE(LoadDictionaryFile(Bundled("parley.countries.actors.txt"), FileKind::kActors, builder,
                                 &ignored)
                  .ok());
  std::shared_ptr<const Dictionary> dict;
  Status s = builder->Build(&dict, warnings);
  EXPECT_TRUE(s.ok()) << s.ToString();
}

// Codes in `codes` that are unknown to the CAMEO table or outside roots [first, last].
inline std::vector<std::string> CodesOutsideRoots(const std::set<std::string>& codes, int first,
                                                  int last) {
  std::vector<std::string> bad;
  for (const std::string& code : codes) {
    const CameoCode* c = LookupCameo(code);
    if (c == nullptr || c->root < first || c->root > last) bad.push_back(code);
  }
  return bad;
}

// CAMEO codes (3 and 4 digits) of roots [first, last] that `codes` does not contain,
// except those in `aliases` (table entries that are another name of a listed code).
inline std::vector<std::string> UnreachedCodes(
    const std::set<std::string>& codes, int first, int last,
    std::initializer_list<std::string_view> aliases = {}) {
  std::vector<std::string> missing;
  for (const CameoCode& c : AllCameoCodes()) {
    if (c.root < first || c.root > last || c.code.size() < 3) continue;  // roots come via "x0"
    if (std::find(aliases.begin(), aliases.end(), c.code) != aliases.end()) continue;
    if (!codes.count(std::string(c.code))) missing.emplace_back(c.code);
  }
  return missing;
}

}  // namespace parley::dict::bundled_test

#endif  // PARLEY_DICT_BUNDLED_TEST_UTIL_H_
