#include "engine.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>

#include "parley/dictionary.h"
#include "parley/paths.h"
#include "parley/syntax.h"

namespace parley::cli {
namespace {

constexpr size_t kWarningsShown = 10;

void ReportWarnings(const std::vector<std::string>& warnings, bool quiet) {
  if (quiet) return;
  for (size_t i = 0; i < warnings.size() && i < kWarningsShown; ++i)
    std::fprintf(stderr, "parley: warning: %s\n", warnings[i].c_str());
  if (warnings.size() > kWarningsShown)
    std::fprintf(stderr, "parley: ... and %zu more dictionary warnings\n",
                 warnings.size() - kWarningsShown);
}

Status LoadPath(const std::string& path, dict::DictionaryBuilder* builder,
                std::vector<std::string>* warnings) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return dict::LoadDictionaryFolder(path, builder, warnings);
  if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such file");
  return dict::LoadDictionaryFile(path, dict::FileKind::kUnknown, builder, warnings);
}

}  // namespace

void AddProfileFlag(CLI::App* cmd, EngineFlags* flags) {
  // Checked by SelectProfile, so a bad name is a usage error (exit 2) like other bad values.
  cmd->add_option("--profile", flags->profile,
                  "Coding profile: tabari, petrarch or news (default: chosen by input)");
}

Status SelectProfile(const EngineFlags& flags, InputFormat format, Profile* profile) {
  if (!flags.profile.empty()) {
    Status s = ParseProfile(flags.profile, profile);
    return s.ok() ? s : Status::InvalidArgument("--profile: " + s.message());
  }
  if (format == InputFormat::kPetrarchXml) {
    *profile = Profile::kPetrarch;
  } else if (!flags.options_path.empty()) {
    *profile = Profile::kTabari;
  } else {
    // TABARI records without an .options file keep the news conventions: that is how
    // they have always been coded (only the .options file selects TABARI's).
    *profile = Profile::kNews;
  }
  return Status::OK();
}

Status OptionsFor(const EngineFlags& flags, Profile profile, CoderOptions* options,
                  std::vector<std::string>* warnings) {
  *options = OptionsForProfile(profile);
  options->roles_from_tree = profile == Profile::kNews && flags.tree_roles && !flags.no_syntax;
  if (flags.options_path.empty()) return Status::OK();
  return ApplyTabariOptionsFile(flags.options_path, options, warnings);
}

Status MakeCoder(const EngineFlags& flags, std::unique_ptr<Coder>* coder) {
  Profile profile;
  Status s = SelectProfile(flags, InputFormat::kAuto, &profile);
  if (!s.ok()) return s;
  std::vector<std::string> paths = flags.dict_paths;
  if (paths.empty()) {
    std::string bundled = BundledDictionaryDir();
    if (bundled.empty())
      return Status::NotFound("bundled dictionaries not found; set PARLEY_DATA or use --dict");
    paths.push_back(bundled);
  }
  dict::DictionaryBuilder builder;
  std::vector<std::string> warnings;
  for (const std::string& path : paths) {
    s = LoadPath(path, &builder, &warnings);
    if (!s.ok()) return s;
  }
  std::shared_ptr<const Dictionary> dictionary;
  s = builder.Build(&dictionary, &warnings);
  ReportWarnings(warnings, flags.quiet);
  if (!s.ok()) return s;
  CoderOptions options;
  std::vector<std::string> option_warnings;
  s = OptionsFor(flags, profile, &options, &option_warnings);
  ReportWarnings(option_warnings, flags.quiet);
  if (!s.ok()) return s;
  // Loaded when the coder uses it, or to check a model named on the command line.
  if (!flags.no_syntax && (options.roles_from_tree || !flags.syntax_model.empty())) {
    // The parse lets the news profile check who did what to whom (roles_from_tree).
    const std::string path =
        flags.syntax_model.empty() ? BundledSyntaxModelPath() : flags.syntax_model;
    if (path.empty()) {
      if (!flags.quiet) {
        std::fprintf(stderr,
                     "parley: warning: bundled syntax model not found; coding without the "
                     "parse (set PARLEY_DATA or use --syntax-model)\n");
      }
    } else {
      s = syntax::LoadModel(path, &options.syntax_model);
      if (!s.ok()) return s;
    }
  }
  *coder = std::make_unique<Coder>(std::move(dictionary), std::move(options));
  return Status::OK();
}

void AddSyntaxFlags(CLI::App* cmd, EngineFlags* flags) {
  cmd->add_option("--syntax-model", flags->syntax_model,
                  "UD tagger/parser model the news profile checks roles with (default: the "
                  "bundled model)");
  cmd->add_flag("--no-syntax", flags->no_syntax,
                "Code without the dependency parse (word-order roles only; faster)");
}

std::shared_ptr<const Coder> DocumentCoders::ForProfile(Profile profile) {
  if (profile == base_->options().profile) return base_;
  std::shared_ptr<const Coder>& coder = by_profile_[static_cast<int>(profile)];
  if (coder == nullptr) {
    CoderOptions options;
    // MakeCoder read and reported the .options file already: its warnings are not repeated.
    Status s = OptionsFor(flags_, profile, &options, nullptr);
    if (!s.ok()) {
      std::fprintf(stderr, "parley: %s; coding with the %s profile alone\n",
                   EscapeControlBytes(s.ToString()).c_str(), ProfileName(profile).data());
      options = OptionsForProfile(profile);
    }
    options.syntax_model = base_->options().syntax_model;
    coder = std::make_shared<const Coder>(base_->shared_dictionary(), std::move(options));
  }
  return coder;
}

std::shared_ptr<const Coder> DocumentCoders::For(const Document& doc, InputFormat format) {
  if (first_ || doc.origin != origin_) {
    // A new file: its format selects the profile; earlier records' settings end.
    first_ = false;
    origin_ = doc.origin;
    if (format == InputFormat::kAuto) format = forced_;
    Profile profile = base_->options().profile;
    // MakeCoder checked --profile, so this cannot fail.
    (void)SelectProfile(flags_, format, &profile);
    current_ = ForProfile(profile);
    options_ = current_->options();
  }
  if (ApplyDocumentOptions(doc, &options_, nullptr)) {
    current_ = std::make_shared<const Coder>(base_->shared_dictionary(), options_);
  }
  return current_;
}

void PrintStoreWait(const std::string& path, int64_t pid) {
  if (pid > 0) {
    std::fprintf(stderr, "parley: store %s is being written by pid %lld; waiting\n", path.c_str(),
                 static_cast<long long>(pid));
  } else {
    std::fprintf(stderr, "parley: store %s is being written by another process; waiting\n",
                 path.c_str());
  }
  std::fflush(stderr);
}

void Progress::Add(uint64_t docs, uint64_t events, uint64_t bytes) {
  docs_ += docs;
  events_ += events;
  bytes_ += bytes;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ >= std::chrono::seconds(2)) {
    last_ = now;
    Print(isatty(STDERR_FILENO) ? "\r" : "\n");
  }
}

void Progress::Finish() { Print("\n"); }

void Progress::Print(const char* end) {
  if (quiet_) return;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (secs <= 0) secs = 1e-9;
  std::fprintf(stderr,
               "parley: %llu docs, %llu events, %.1f MB in %.1fs (%.0f docs/s, %.1f MB/s)%s",
               static_cast<unsigned long long>(docs_), static_cast<unsigned long long>(events_),
               bytes_ / 1e6, secs, docs_ / secs, bytes_ / 1e6 / secs, end);
  std::fflush(stderr);
}

}  // namespace parley::cli
