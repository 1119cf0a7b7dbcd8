// parley validate PROJECT_OR_XML: runs a TABARI validation project or a PETRARCH
// unit-test XML file and reports "N passed, M failed".
#include <cstdio>
#include <string>

#include "commands.h"
#include "parley/validate.h"

namespace parley::cli {
namespace {

std::string Join(const std::vector<std::string>& items) {
  if (items.empty()) return "(none)";
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int RunValidate(const std::string& path, bool quiet) {
  validate::Report report;
  Status s = EndsWith(path, ".xml") ? validate::RunPetrarchXml(path, &report)
                                    : validate::RunTabariProject(path, &report);
  if (!s.ok()) {
    std::fprintf(stderr, "parley validate: %s\n", s.ToString().c_str());
    return 1;
  }
  if (!quiet) {
    for (const validate::Failure& f : report.failures) {
      std::printf("FAIL %s\n  text:     %s\n  expected: %s\n  coded:    %s\n", f.record_id.c_str(),
                  f.text.c_str(), Join(f.expected).c_str(), Join(f.coded).c_str());
    }
  }
  std::printf("%d passed, %d failed\n", report.passed, report.failed);
  return report.failed == 0 ? 0 : 1;
}

}  // namespace

void AddValidateCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand(
      "validate", "Run a TABARI Validate.project or a PETRARCH unit-test XML file");
  auto path = std::make_shared<std::string>();
  auto quiet = std::make_shared<bool>(false);
  cmd->add_option("project", *path, "Validate.project or PETRARCH *.xml")->required();
  cmd->add_flag("-q,--quiet", *quiet, "Print only the summary line");
  cmd->callback([=] { *exit_code = RunValidate(*path, *quiet); });
}

}  // namespace parley::cli
