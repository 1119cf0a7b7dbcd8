// Loads parley's bundled conflict dictionaries (CAMEO roots 09-20, discards, issues) the
// way the pipeline does and checks that they are clean and complete: no reader or build
// warnings, every event code known to the CAMEO table, every code of roots 09-20 reachable.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "dict/dictionary.h"
#include "parley/cameo.h"
#include "parley/dictionary.h"

namespace parley::dict {
namespace {

std::string Bundled(const std::string& name) {
  return std::string(PARLEY_SOURCE_DIR) + "/data/dict/" + name;
}

const char kVerbs[] = "parley.verbs.conflict.txt";
const char kDiscards[] = "parley.discards.txt";
const char kIssues[] = "parley.issues.txt";

// Only warnings about our own files count; other bundled files have their own tests.
std::vector<std::string> Ours(const std::vector<std::string>& warnings) {
  std::vector<std::string> out;
  for (const auto& w : warnings)
    if (w.find(kVerbs) != std::string::npos || w.find(kDiscards) != std::string::npos ||
        w.find(kIssues) != std::string::npos)
      out.push_back(w);
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

void LoadOurs(DictionaryBuilder* builder, std::vector<std::string>* warnings) {
  ASSERT_TRUE(LoadDictionaryFile(Bundled(kVerbs), FileKind::kVerbs, builder, warnings).ok());
  ASSERT_TRUE(LoadDictionaryFile(Bundled(kDiscards), FileKind::kDiscards, builder, warnings).ok());
  ASSERT_TRUE(LoadDictionaryFile(Bundled(kIssues), FileKind::kIssues, builder, warnings).ok());
}

TEST(BundledDictConflict, ReadsWithoutWarnings) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  EXPECT_TRUE(warnings.empty()) << Join(warnings);
  size_t patterns = 0;
  for (const auto& b : builder.verb_blocks()) patterns += b.patterns.size();
  EXPECT_GE(builder.verb_blocks().size(), 250u);
  EXPECT_GE(patterns, 1000u);
  EXPECT_GE(builder.discards().size(), 30u);
  EXPECT_GE(builder.issues().size(), 100u);
}

TEST(BundledDictConflict, CompilesWithoutWarnings) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  // Build needs actors; borrow the bundled country file (its warnings are not ours).
  std::vector<std::string> ignored;
  ASSERT_TRUE(LoadDictionaryFile(Bundled("parley.countries.actors.txt"), FileKind::kActors,
                                 &builder, &ignored)
                  .ok());
  std::shared_ptr<const Dictionary> dict;
  Status s = builder.Build(&dict, &warnings);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::vector<std::string> ours = Ours(warnings);
  EXPECT_TRUE(ours.empty()) << Join(ours);
}

// The codes a verb file can produce: block codes, verb codes and pattern codes.
std::set<std::string> CodesOf(const DictionaryBuilder& builder) {
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

TEST(BundledDictConflict, EveryCodeIsKnownAndInRoots09To20) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  for (const std::string& code : CodesOf(builder)) {
    const CameoCode* c = LookupCameo(code);
    ASSERT_NE(c, nullptr) << "unknown CAMEO code " << code;
    EXPECT_GE(c->root, 9) << code;
    EXPECT_LE(c->root, 20) << code;
  }
}

TEST(BundledDictConflict, ReachesEveryCodeOfRoots09To20) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  std::set<std::string> codes = CodesOf(builder);
  std::vector<std::string> missing;
  for (const CameoCode& c : AllCameoCodes()) {
    if (c.root < 9 || c.root > 20 || c.code.size() < 3) continue;  // roots come via "x0"
    if (c.code == "1883") continue;  // the table's alias of 183
    if (!codes.count(std::string(c.code))) missing.emplace_back(c.code);
  }
  EXPECT_TRUE(missing.empty()) << "unreachable: " << Join(missing);
}

}  // namespace
}  // namespace parley::dict
