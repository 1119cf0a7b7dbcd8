// Loads parley's bundled cooperation verbs (CAMEO roots 01-08) and agents the way the
// pipeline does and checks that they are clean and complete: no reader or build warnings,
// every event code known to the CAMEO table and in roots 01-08, every such code reachable.
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

const char kVerbs[] = "parley.verbs.coop.txt";
const char kAgents[] = "parley.agents.txt";

std::vector<std::string> Ours(const std::vector<std::string>& warnings) {
  return WarningsAbout(warnings, {kVerbs, kAgents});
}

void LoadOurs(DictionaryBuilder* builder, std::vector<std::string>* warnings) {
  LoadBundled({{kVerbs, FileKind::kVerbs}, {kAgents, FileKind::kAgents}}, builder, warnings);
}

TEST(BundledDictCoop, ReadsWithoutWarnings) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  EXPECT_TRUE(warnings.empty()) << JoinLines(warnings);
  size_t patterns = 0, verbs = 0;
  for (const auto& b : builder.verb_blocks()) {
    patterns += b.patterns.size();
    verbs += b.verbs.size();
  }
  EXPECT_GE(builder.verb_blocks().size(), 90u);
  EXPECT_GE(verbs, 400u);
  EXPECT_GE(patterns, 1000u);
  EXPECT_GE(builder.agents().size(), 300u);
}

TEST(BundledDictCoop, CompilesWithoutWarnings) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  BuildWithCountries(&builder, &warnings);
  std::vector<std::string> ours = Ours(warnings);
  EXPECT_TRUE(ours.empty()) << JoinLines(ours);
}

TEST(BundledDictCoop, EveryCodeIsKnownAndInRoots01To08) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  std::vector<std::string> bad = CodesOutsideRoots(CodesOf(builder), 1, 8);
  EXPECT_TRUE(bad.empty()) << "unknown or out-of-range codes: " << JoinLines(bad);
}

TEST(BundledDictCoop, ReachesEveryCodeOfRoots01To08) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  LoadOurs(&builder, &warnings);
  std::vector<std::string> missing = UnreachedCodes(CodesOf(builder), 1, 8);
  EXPECT_TRUE(missing.empty()) << "unreachable: " << JoinLines(missing);
}

TEST(BundledDictCoop, AgentsComposeSectorCodes) {
  DictionaryBuilder builder;
  std::vector<std::string> warnings;
  ASSERT_TRUE(LoadDictionaryFile(Bundled(kAgents), FileKind::kAgents, &builder, &warnings).ok());
  bool ambassador = false, ngo_prefix = false;
  for (const AgentEntry& a : builder.agents()) {
    if (a.phrases.empty() || a.phrases[0].empty()) continue;
    if (a.phrases[0].size() == 1 && a.phrases[0][0].text == "AMBASSADOR") {
      ambassador = a.code == "GOV" && !a.prefix;
    }
    if (a.code == "NGO" && a.prefix) ngo_prefix = true;
  }
  EXPECT_TRUE(ambassador);
  EXPECT_TRUE(ngo_prefix);
}

}  // namespace
}  // namespace parley::dict
