#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "parley/validate.h"

namespace parley::validate {
namespace {

TEST(TabariValidation, PassRateAtLeastEightyPercent) {
  Report report;
  Status st =
      RunTabariProject(PARLEY_SOURCE_DIR "/../shared/anchors/tabari/Validate.project", &report);
  ASSERT_TRUE(st.ok()) << st.ToString();
  const int tests = report.passed + report.failed;
  ASSERT_GT(tests, 300);
  if (std::getenv("PARLEY_SHOW_FAILURES") != nullptr) {
    for (const auto& f : report.failures) {
      std::cout << f.record_id << " | " << f.text << "\n  expected:";
      for (const auto& e : f.expected) std::cout << " [" << e << "]";
      std::cout << "\n  coded:   ";
      for (const auto& e : f.coded) std::cout << " [" << e << "]";
      std::cout << "\n";
    }
  }
  const double rate = static_cast<double>(report.passed) / tests;
  std::cout << "TABARI validation: " << report.passed << " passed, " << report.failed << " failed, "
            << report.skipped << " skipped (" << rate * 100 << "%)\n";
  EXPECT_GE(rate, 0.80);
}

}  // namespace
}  // namespace parley::validate
