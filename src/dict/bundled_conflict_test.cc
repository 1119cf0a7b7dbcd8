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

using bundled_test::BuildWithCountries;
using bundled_test::Bundled;
using bundled_test::CodesOf;
using bundled_test::CodesOutsideRoots;
using bundled_test::JoinLines;
using bundled_test::LoadBundled;
using bundled_test::UnreachedCodes;
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
  BuildWithCountries(&builder, &warnings);
  std::vector<std::string> ours = Ours(warnings);
  EXPECT_TRUE(ours.empty()) << JoinLines(ours);
}

TEST(BundledDictConflict, EveryCodeIsKnownAndInRoots09To20) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  std::vector<std::string> bad = CodesOutsideRoots(CodesOf(builder), 9, 20);
  EXPECT_TRUE(bad.empty()) << "unknown or out-of-range codes: " << JoinLines(bad);
}

TEST(BundledDictConflict, ReachesEveryCodeOfRoots09To20) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  std::vector<std::string> missing = UnreachedCodes(CodesOf(builder), 9, 20, {"1883"});
  EXPECT_TRUE(missing.empty()) << "unreachable: " << JoinLines(missing);
}

}  // namespace
}  // namespace parley::dict
