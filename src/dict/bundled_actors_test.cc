// Loads parley's bundled actor dictionaries of places and organisations the way the
// pipeline does and checks what users rely on: the files read and compile without
// warnings, every ISO 3166-1 country is present, and the deliberate decisions documented
// in docs/dictionary-format.md hold (Kazakhstan is never Korea, dated codes, overrides).
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "dict/bundled_test_util.h"
#include "dict/dictionary.h"
#include "parley/dictionary.h"

namespace parley::dict {
namespace {

using bundled_test::Bundled;
using bundled_test::CodesOf;
using bundled_test::JoinLines;
using bundled_test::LoadBundled;
using bundled_test::WarningsAbout;

const char kCountries[] = "parley.countries.actors.txt";
const char kOrgs[] = "parley.orgs.actors.txt";

std::vector<std::string> Ours(const std::vector<std::string>& warnings) {
  return WarningsAbout(warnings, {kCountries, kOrgs});
}

void LoadOurs(DictionaryBuilder* builder, std::vector<std::string>* warnings) {
  LoadBundled({{kCountries, FileKind::kActors}, {kOrgs, FileKind::kActors}}, builder, warnings);
}

std::string Text(const Phrase& phrase) {
  std::string s;
  for (const auto& e : phrase) s += (s.empty() ? "" : " ") + e.text;
  return s;
}

// Phrase text ("REPUBLIC OF KOREA"; the reader splits a possessive into its own "'S"
// word, as the tokeniser does) -> the entry that lists it.
std::map<std::string, const ActorEntry*> Index(const DictionaryBuilder& builder) {
  std::map<std::string, const ActorEntry*> index;
  for (const auto& a : builder.actors())
    for (const auto& p : a.phrases) index.emplace(Text(p), &a);
  return index;
}

// The code an entry gives on `date`, following the documented rule.
std::string CodeOn(const ActorEntry& a, Date date) {
  for (const auto& d : a.dated)
    if ((d.from == 0 || date >= d.from) && (d.to == 0 || date <= d.to)) return d.code;
  return a.default_code;
}

class BundledActors : public ::testing::Test {
 protected:
  void SetUp() override {
    LoadOurs(&builder_, &warnings_);
    index_ = Index(builder_);
  }
  std::string Code(const std::string& phrase, Date date = 20240101) {
    auto it = index_.find(phrase);
    return it == index_.end() ? "<missing>" : CodeOn(*it->second, date);
  }
  DictionaryBuilder builder_;
  std::vector<std::string> warnings_;
  std::map<std::string, const ActorEntry*> index_;
};

TEST_F(BundledActors, ReadsWithoutWarnings) {
  EXPECT_TRUE(warnings_.empty()) << JoinLines(warnings_);
  EXPECT_GE(builder_.actors().size(), 900u);
}

TEST_F(BundledActors, CompilesWithoutWarnings) {
  std::vector<std::string> ignored;  // a verb file is needed to build; it has its own test
  ASSERT_TRUE(
      LoadDictionaryFile(Bundled("parley.verbs.coop.txt"), FileKind::kVerbs, &builder_, &ignored)
          .ok());
  std::shared_ptr<const Dictionary> dict;
  std::vector<std::string> warnings;
  Status s = builder_.Build(&dict, &warnings);
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::vector<std::string> ours = Ours(warnings);
  EXPECT_TRUE(ours.empty()) << JoinLines(ours);
}

TEST_F(BundledActors, EveryEntryHasACodeAndEveryPhraseIsExact) {
  for (const auto& a : builder_.actors()) {
    EXPECT_TRUE(!a.default_code.empty() || !a.dated.empty())
        << a.origin.file << ":" << a.origin.line;
    for (const auto& p : a.phrases) {
      ASSERT_FALSE(p.empty());
      EXPECT_EQ(p.back().match, WordMatch::kExact) << a.origin.file << ":" << a.origin.line;
    }
  }
}

TEST_F(BundledActors, CoversEveryIso3166Country) {
  std::set<std::string> countries;
  for (const auto& a : builder_.actors())
    if (a.default_code.size() == 3) countries.insert(a.default_code);
  // A sample across regions, territories and the codes outside the plain list.
  for (const char* code : {"USA", "RUS", "KOR", "PRK", "GBR", "DEU", "JPN", "CHN", "PSE", "TWN",
                           "ESH", "XKX", "HKG", "MAC", "VAT", "ATA", "UMI", "SGS", "BES", "ALA",
                           "CIV", "SWZ", "MKD", "TUR", "CZE", "MMR", "COD", "COG", "TLS", "FSM"})
    EXPECT_TRUE(countries.count(code)) << code;
  EXPECT_GE(countries.size(), 250u);  // 249 ISO 3166-1 codes, Kosovo, former states
}

TEST_F(BundledActors, CountryNamesFormsAndAbbreviations) {
  EXPECT_EQ(Code("REPUBLIC OF KOREA"), "KOR");
  EXPECT_EQ(Code("DEMOCRATIC PEOPLE 'S REPUBLIC OF KOREA"), "PRK");
  EXPECT_EQ(Code("DPRK"), "PRK");
  EXPECT_EQ(Code("ROK"), "KOR");
  EXPECT_EQ(Code("SOUTH KOREANS"), "KOR");
  EXPECT_EQ(Code("RUSSIAN FEDERATION"), "RUS");
  EXPECT_EQ(Code("PEOPLE 'S REPUBLIC OF CHINA"), "CHN");
  EXPECT_EQ(Code("PEOPLES REPUBLIC OF CHINA"), "CHN");
  EXPECT_EQ(Code("REPUBLIC OF CHINA"), "TWN");
  EXPECT_EQ(Code("UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND"), "GBR");
  EXPECT_EQ(Code("U.S."), "USA");
  EXPECT_EQ(Code("UAE"), "ARE");
  EXPECT_EQ(Code("KSA"), "SAU");
  EXPECT_EQ(Code("DRC"), "COD");
  EXPECT_EQ(Code("BURMA"), "MMR");
  EXPECT_EQ(Code("IVORY COAST"), "CIV");
  EXPECT_EQ(Code("COTE D'IVOIRE"), "CIV");
  EXPECT_EQ(Code("SWAZILAND"), "SWZ");
  EXPECT_EQ(Code("TURKIYE"), "TUR");
  EXPECT_EQ(Code("CZECH REPUBLIC"), "CZE");
  EXPECT_EQ(Code("MACEDONIA"), "MKD");
  EXPECT_EQ(Code("KYIV"), "UKR");
  EXPECT_EQ(Code("KIEV"), "UKR");
  EXPECT_EQ(Code("NIGERIEN"), "NER");
  EXPECT_EQ(Code("NIGERIAN"), "NGA");
  EXPECT_EQ(Code("GUINEA-BISSAU"), "GNB");
  EXPECT_EQ(Code("GUINEA BISSAU"), "GNB");
  EXPECT_EQ(Code("ST. LUCIA"), "LCA");
}

TEST_F(BundledActors, RepublicOfKazakhstanIsNeverKorea) {
  EXPECT_EQ(Code("REPUBLIC OF KAZAKHSTAN"), "KAZ");
}

TEST_F(BundledActors, SeatsOfPowerCodeTheGovernment) {
  EXPECT_EQ(Code("KREMLIN"), "RUSGOV");
  EXPECT_EQ(Code("WHITE HOUSE"), "USAGOV");
  EXPECT_EQ(Code("BLUE HOUSE"), "KORGOV");
  EXPECT_EQ(Code("YONGSAN PRESIDENTIAL OFFICE"), "KORGOV");
  EXPECT_EQ(Code("DOWNING STREET"), "GBRGOV");
  EXPECT_EQ(Code("ELYSEE"), "FRAGOV");
  EXPECT_EQ(Code("ZHONGNANHAI"), "CHNGOV");
  EXPECT_EQ(Code("PENTAGON"), "USAMIL");
  EXPECT_EQ(Code("FOGGY BOTTOM"), "USAGOV");
}

TEST_F(BundledActors, OverridesForNamesInsideOtherNames) {
  EXPECT_EQ(Code("LATIN AMERICA"), "---");
  EXPECT_EQ(Code("GULF OF GUINEA"), "---");
  EXPECT_EQ(Code("MICHAEL JORDAN"), "---");
  EXPECT_EQ(Code("NEW MEXICO"), "USA");
  EXPECT_EQ(Code("GEORGIA GOVERNOR"), "USA");
  EXPECT_EQ(Code("GEORGIA"), "GEO");
  EXPECT_EQ(index_.count("WHO"), 0u);    // the pronoun
  EXPECT_EQ(index_.count("SHELL"), 0u);  // artillery fire
}

TEST_F(BundledActors, InternationalBodiesUseIgoAndNgoCodes) {
  EXPECT_EQ(Code("UN SECURITY COUNCIL"), "IGOUNOSEC");
  EXPECT_EQ(Code("UNHCR"), "IGOUNOHCR");
  EXPECT_EQ(Code("NATO"), "IGOWSTNAT");
  EXPECT_EQ(Code("EUROPEAN UNION"), "IGOEUREEC");
  EXPECT_EQ(Code("BRUSSELS"), "IGOEUREEC");
  EXPECT_EQ(Code("AFRICAN UNION"), "IGOAFRAFU");
  EXPECT_EQ(Code("ICRC"), "NGOCRC");
  EXPECT_EQ(Code("MEDECINS SANS FRONTIERES"), "NGOMSF");
  for (const auto& a : builder_.actors()) {
    const std::string& c = a.default_code;
    if (c.size() > 3 && (c.rfind("IGO", 0) == 0 || c.rfind("NGO", 0) == 0))
      EXPECT_EQ(c.size() % 3, 0u) << c;
  }
}

TEST_F(BundledActors, ArmedGroupsCarryDatedStatus) {
  EXPECT_EQ(Code("TALIBAN", 20100101), "AFGREB");
  EXPECT_EQ(Code("TALIBAN", 19990101), "AFGGOV");
  EXPECT_EQ(Code("TALIBAN", 20210815), "AFGGOV");
  EXPECT_EQ(Code("HAYAT TAHRIR AL-SHAM", 20200101), "SYRREB");
  EXPECT_EQ(Code("HTS", 20250101), "SYRGOV");
  EXPECT_EQ(Code("RAPID SUPPORT FORCES", 20200101), "SDNMIL");
  EXPECT_EQ(Code("RSF", 20230601), "SDNREB");
  EXPECT_EQ(Code("HAMAS"), "PSEREB");
  EXPECT_EQ(Code("HOUTHIS"), "YEMREB");
  EXPECT_EQ(Code("DAESH"), "IMGISL");
  EXPECT_EQ(Code("PAKISTANI TALIBAN"), "PAKINS");
}

TEST_F(BundledActors, CompaniesAndMedia) {
  EXPECT_EQ(Code("SAMSUNG"), "KORBUS");
  EXPECT_EQ(Code("GAZPROM"), "RUSBUS");
  EXPECT_EQ(Code("TSMC"), "TWNBUS");
  EXPECT_EQ(Code("RIA NOVOSTI"), "RUSMED");
  EXPECT_EQ(Code("YONHAP"), "KORMED");
  EXPECT_EQ(Code("KCNA"), "PRKMED");
  EXPECT_EQ(Code("XINHUA"), "CHNMED");
}

}  // namespace
}  // namespace parley::dict
