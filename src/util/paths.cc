#include "parley/paths.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace parley {
namespace {

namespace fs = std::filesystem;

fs::path ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

bool IsDir(const fs::path& p) {
  std::error_code ec;
  return !p.empty() && fs::is_directory(p, ec);
}

}  // namespace

std::string BundledDictionaryDir() {
  if (const char* env = std::getenv("PARLEY_DATA"); env && *env) {
    if (IsDir(fs::path(env) / "dict")) return (fs::path(env) / "dict").string();
  }
  const fs::path exe_dir = ExecutableDir();
  for (const fs::path& candidate :
       {exe_dir / "../../data/dict", exe_dir / "../share/parley/dict",
        fs::path(PARLEY_SOURCE_DIR) / "data/dict"}) {
    if (IsDir(candidate)) return fs::weakly_canonical(candidate).string();
  }
  return "";
}

std::string BundledSyntaxModelPath() {
  constexpr char kFile[] = "en_ewt.parley";
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("PARLEY_DATA"); env && *env) {
    candidates.push_back(fs::path(env) / "model" / kFile);
  }
  const fs::path exe_dir = ExecutableDir();
  if (!exe_dir.empty()) {
    candidates.push_back(exe_dir / "../../data/model" / kFile);
    candidates.push_back(exe_dir / "../share/parley/model" / kFile);
  }
  candidates.push_back(fs::path(PARLEY_SOURCE_DIR) / "data/model" / kFile);
  for (const fs::path& candidate : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return fs::weakly_canonical(candidate).string();
  }
  return "";
}

std::string BundledWebDir() {
  auto has_index = [](const fs::path& dir) {
    std::error_code ec;
    return !dir.empty() && fs::is_regular_file(dir / "index.html", ec);
  };
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("PARLEY_WEB"); env && *env) candidates.emplace_back(env);
  if (const char* env = std::getenv("PARLEY_DATA"); env && *env)
    candidates.push_back(fs::path(env) / "web");
  const fs::path exe_dir = ExecutableDir();
  if (!exe_dir.empty()) {
    candidates.push_back(exe_dir / "web");
    candidates.push_back(exe_dir / "../share/parley/web");
  }
  candidates.push_back(fs::path(PARLEY_SOURCE_DIR) / "web/dist");
  for (const fs::path& candidate : candidates) {
    if (has_index(candidate)) return fs::weakly_canonical(candidate).string();
  }
  return "";
}

}  // namespace parley
