// TempDir: a fresh folder under the system temp dir for a test, removed at its end (also
// when the test made parts of it unreadable with chmod). Tests only.
#ifndef PARLEY_UTIL_TEMP_DIR_FOR_TESTS_H_
#define PARLEY_UTIL_TEMP_DIR_FOR_TESTS_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace parley::testing {

class TempDir {
 public:
  // `prefix` names the folder, so a test's leftovers can be told apart.
  explicit TempDir(std::string_view prefix = "parley_test") {
    std::string pattern =
        (std::filesystem::temp_directory_path() / (std::string(prefix) + "_XXXXXX")).string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    // Undo chmod 000 so the tree can be removed.
    for (auto it = fs::recursive_directory_iterator(path_, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec) && !it->is_symlink(ec))
        fs::permissions(it->path(), fs::perms::owner_all, ec);
    }
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Writes `content` to `relative` (creating folders) and returns the full path.
  std::string Write(const std::string& relative, std::string_view content) const {
    std::filesystem::path p = std::filesystem::path(path_) / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    return p.string();
  }
  std::string Path(const std::string& relative) const { return path_ + "/" + relative; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace parley::testing

#endif  // PARLEY_UTIL_TEMP_DIR_FOR_TESTS_H_
