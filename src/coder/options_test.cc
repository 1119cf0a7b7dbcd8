// Numbers in TABARI .options lines and PETRARCH <Config> settings are checked: "12x", a
// negative or an out-of-range number is reported with its file and line, and the line
// changes nothing. (They were read with atoi, which took "12x" as 12 and overflowed.)
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parley/coder.h"
#include "parley/document.h"
#include "util/temp_dir_for_tests.h"

namespace parley {
namespace {

using Lines = std::vector<std::string>;

TEST(TabariOptionNumbers, BadNumbersAreNamedWithFileAndLine) {
  testing::TempDir dir("parley_options_test");
  const std::string path = dir.Write("bad.options",
                                     "COMPLEX: VERBS[12x] CONJ[4]\n"
                                     "SET: MINIMUM WORDS = 99999999999\n"
                                     "COMMA: MIN = 3 MAX = -1\n"
                                     "COMMA: MAX = 7\n"
                                     "SET: MINIMUM WORDS = 5x\n"
                                     "COMPLEX: ACTORS[]\n");
  CoderOptions o;
  Lines warnings;
  ASSERT_TRUE(ReadTabariOptions(path, &o, &warnings).ok());
  EXPECT_EQ(warnings, (Lines{path + ":1: VERBS: expected a whole number, got '12X'",
                             path + ":2: MINIMUM WORDS: 99999999999 is out of range (at most "
                                    "2147483647)",
                             path + ":3: MAX: expected a whole number, got '-1'",
                             path + ":5: MINIMUM WORDS: expected a whole number, got '5X'",
                             path + ":6: ACTORS: expected a whole number, got ''"}));
  // A rejected line changes nothing, not even the settings before its bad number.
  EXPECT_EQ(o.complex_verbs, 0);
  EXPECT_EQ(o.complex_conj, 0);
  EXPECT_EQ(o.complex_actors, 0);
  EXPECT_EQ(o.minimum_words, 8);  // the tabari profile's
  EXPECT_EQ(o.comma_min, 2);
  EXPECT_EQ(o.comma_max, 7);
}

TEST(TabariOptionNumbers, GoodNumbersStillRead) {
  CoderOptions o;
  ASSERT_TRUE(ApplyTabariOption("COMPLEX: VERBS[ 5 ] CONJ[4] NOACTPRIOR EXPLAIN", &o).ok());
  EXPECT_EQ(o.complex_verbs, 5);
  EXPECT_EQ(o.complex_conj, 4);
  // Validation records close their comment right after the number.
  ASSERT_TRUE(ApplyTabariOption("SET: MINIMUM WORDS = 20  */", &o).ok());
  EXPECT_EQ(o.minimum_words, 20);
  ASSERT_TRUE(
      ApplyTabariOption("COMMA: MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0", &o).ok());
  EXPECT_EQ(o.comma_bmin, 255);
  EXPECT_EQ(o.comma_bmax, 0);
  ASSERT_TRUE(ApplyTabariOption("COMMA: MAX = 2147483647", &o).ok());
  EXPECT_EQ(o.comma_max, 2147483647);
}

TEST(TabariOptionNumbers, PetrarchConfigNumbersAreChecked) {
  Document doc;
  doc.id = "CFG-1";
  doc.origin = "suite.xml";
  doc.origin_line = 12;
  doc.options = {"comma_max=6x", "comma_min=3", "comma_emax=-2"};
  CoderOptions o;
  Lines warnings;
  EXPECT_TRUE(ApplyDocumentOptions(doc, &o, &warnings));
  EXPECT_EQ(warnings,
            (Lines{"suite.xml:12: record CFG-1: comma_max: expected a whole number, got '6X'",
                   "suite.xml:12: record CFG-1: comma_emax: expected a whole number, got '-2'"}));
  EXPECT_EQ(o.comma_max, 10);
  EXPECT_EQ(o.comma_min, 3);
  EXPECT_EQ(o.comma_emax, 10);
}

}  // namespace
}  // namespace parley
