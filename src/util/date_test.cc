#include <gtest/gtest.h>

#include "parley/document.h"

namespace parley {
namespace {

TEST(DateTest, ParsesTheFormatsInputsUse) {
  EXPECT_EQ(ParseDate("2023-02-10"), 20230210);
  EXPECT_EQ(ParseDate("20230210"), 20230210);
  EXPECT_EQ(ParseDate("950101"), 19950101);
  EXPECT_EQ(ParseDate("230210"), 20230210);
  EXPECT_EQ(ParseDate("2019-04-10T08:00:00Z"), 20190410);
}

TEST(DateTest, RejectsNonDates) {
  EXPECT_EQ(ParseDate(""), 0);
  EXPECT_EQ(ParseDate("Feb 10"), 0);
  EXPECT_EQ(ParseDate("2023-13-01"), 0);
  EXPECT_EQ(ParseDate("12345"), 0);
}

TEST(DateTest, RejectsDaysTheCalendarDoesNotHave) {
  for (const char* text : {"2023-02-30", "20230230", "230230", "2019-02-29", "190229", "2023-04-31",
                           "2023-06-31T10:00:00Z", "1900-02-29", "2023-01-32"})
    EXPECT_EQ(ParseDate(text), 0) << text;
  EXPECT_EQ(ParseDate("2020-02-29"), 20200229);
  EXPECT_EQ(ParseDate("2000-02-29"), 20000229);
  EXPECT_EQ(ParseDate("000229"), 20000229);
  EXPECT_EQ(ParseDate("2023-12-31"), 20231231);
}

TEST(DateTest, FormatsRoundTrip) {
  EXPECT_EQ(FormatDate(20230210), "2023-02-10");
  EXPECT_EQ(FormatDate(0), "");
}

}  // namespace
}  // namespace parley
