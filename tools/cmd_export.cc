// parley export --db F --format gdelt|gdelt-mentions|phoenix|plover|csv|jsonl
//               [--from D] [--to D] [--dyad SRC-TGT] [--one-a-day] [--out FILE]
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "parley/export.h"
#include "parley/store.h"
#include "util/files.h"

namespace parley::cli {
namespace {

struct ExportFlags {
  std::string db_path;
  std::string format = "jsonl";
  std::string from, to, dyad;
  bool one_a_day = false;
  std::string out_path = "-";
};

Status ParseDateFlag(const std::string& text, const char* name, Date* date) {
  if (text.empty()) return Status::OK();
  *date = ParseDate(text);
  if (*date == 0) return Status::InvalidArgument(std::string(name) + ": not a date: " + text);
  return Status::OK();
}

// "RUS-KOR" -> source and target prefixes; either side may be empty ("RUS-", "-KOR").
Status ParseDyadFlag(const std::string& text, EventQuery* query) {
  if (text.empty()) return Status::OK();
  size_t dash = text.find('-');
  if (dash == std::string::npos)
    return Status::InvalidArgument("--dyad: expected SOURCE-TARGET (e.g. RUS-KOR): " + text);
  query->source_prefix = text.substr(0, dash);
  query->target_prefix = text.substr(dash + 1);
  for (std::string* side : {&query->source_prefix, &query->target_prefix}) {
    for (char& c : *side) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return Status::OK();
}

int RunExport(const ExportFlags& flags) {
  ExportFormat format;
  EventQuery query;
  query.one_a_day = flags.one_a_day;
  Status s = ParseExportFormat(flags.format, &format);
  if (s.ok()) s = ParseDateFlag(flags.from, "--from", &query.from);
  if (s.ok()) s = ParseDateFlag(flags.to, "--to", &query.to);
  if (s.ok()) s = ParseDyadFlag(flags.dyad, &query);
  if (!s.ok()) {
    std::fprintf(stderr, "parley export: %s\n", s.ToString().c_str());
    return 2;
  }
  if (s.ok())
    s = util::CheckOutputPath("--out", flags.out_path,
                              util::StoreFiles(flags.db_path, "the event store (--db)"));
  if (!s.ok()) {
    std::fprintf(stderr, "parley export: %s\n", s.ToString().c_str());
    return 2;
  }
  std::unique_ptr<EventStore> store;
  StoreOptions options;
  options.read_only = true;
  s = EventStore::Open(flags.db_path, options, &store);
  std::FILE* out = stdout;
  std::unique_ptr<util::AtomicFile> out_file;
  if (s.ok() && flags.out_path != "-") {
    s = util::AtomicFile::Create(flags.out_path, &out_file);
    if (s.ok()) out = out_file->get();
  }
  uint64_t rows = 0;
  if (s.ok()) s = ExportEvents(*store, format, query, out, &rows);
  // The file replaces an old one only when the whole export worked.
  if (out_file != nullptr) s = out_file->Finish(s);
  if (!s.ok()) {
    std::fprintf(stderr, "parley export: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}

}  // namespace

void AddExportCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("export", "Export events from an event store");
  auto flags = std::make_shared<ExportFlags>();
  cmd->add_option("--db", flags->db_path, "Event store written by parley code --db")->required();
  cmd->add_option("--format", flags->format,
                  "gdelt, gdelt-mentions, phoenix, plover, csv or jsonl (default jsonl)");
  cmd->add_option("--from", flags->from, "First event date, YYYY-MM-DD (inclusive)");
  cmd->add_option("--to", flags->to, "Last event date, YYYY-MM-DD (inclusive)");
  cmd->add_option("--dyad", flags->dyad,
                  "SOURCE-TARGET actor-code prefixes, e.g. RUS-KOR (matches RUSGOV-KORMIL)");
  cmd->add_flag("--one-a-day", flags->one_a_day,
                "One event per (date, source, target, code) across all stories (Phoenix)");
  cmd->add_option("--out", flags->out_path, "Output file (default: stdout)");
  cmd->callback([=] { *exit_code = RunExport(*flags); });
}

}  // namespace parley::cli
