// Loads parley's bundled conflict dictionaries (CAMEO roots 09-20, discards, issues) the
// way the pipeline does and checks that they are clean and complete: no reader or build
// warnings, every event code known to the CAMEO table, every code of roots 09-20 reachable.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "dict/bundled_test_util.h"
#include "dict/dictionary.h"
#include "parley/cameo.h"
#include "parley/dictionary.h"

namespace parley::dict {
namespace {

using bundled_test::Bundled;
using bundled_test::CodesOf;
using bundled_test::JoinLines;
using bundled_test::LoadBundled;
using bundled_test::WarningsAbout;

const char kVerbs[] = "parley.verbs.conflict.txt";
const char kDiscards[] = "parley.discards.txt";
const char kIssues[] = "parley.issues.txt";

// Only warnings about our own files count; other bundled files have their own tests.
std::vector<std::string> Ours(const std::vector<std::string>& warnings) {
  return WarningsAbout(warnings, {kVerbs, kDiscards, kIssues});
}

void LoadOurs(DictionaryBuilder* builder, std::vector<std::string>* warnings) {
  LoadBundled(
      {{kVerbs, FileKind::kVerbs}, {kDiscards, FileKind::kDiscards}, {kIssues, FileKind::kIssues}},
      builder, warnings);
}

TEST(BundledDictConflict, ReadsWithoutWarnings) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  EXPECT_TRUE(warnings.empty()) << JoinLines(warnings);
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
  EXPECT_TRUE(ours.empty()) << JoinLines(ours);
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
    if (c.code == "1883") continue;                                // the table's alias of 183
    if (!codes.count(std::string(c.code))) missing.emplace_back(c.code);
  }
  EXPECT_TRUE(missing.empty()) << "unreachable: " << JoinLines(missing);
}

}  // namespace
}  // namespace parley::dict
