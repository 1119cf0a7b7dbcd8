#include "util/files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace parley::util {
namespace {

namespace fs = std::filesystem;

// Absolute form with every existing component's symlinks resolved.
std::string Resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return fs::absolute(path).lexically_normal().string();
  return p.string();
}

mode_t CurrentUmask() {
  mode_t mask = umask(0);
  umask(mask);
  return mask;
}

}  // namespace

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa, sb;
  const bool a_exists = stat(a.c_str(), &sa) == 0, b_exists = stat(b.c_str(), &sb) == 0;
  if (a_exists && b_exists) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  if (a_exists != b_exists) return false;
  return Resolved(a) == Resolved(b);
}

std::vector<ProtectedFile> StoreFiles(const std::string& db_path, std::string_view role) {
  std::vector<ProtectedFile> files;
  for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"}) {
    files.push_back({db_path + suffix, std::string(role)});
  }
  return files;
}

Status CheckOutputPath(std::string_view flag, const std::string& out_path,
                       const std::vector<ProtectedFile>& keep) {
  if (out_path.empty() || out_path == "-") return Status::OK();
  std::error_code ec;
  if (fs::is_directory(out_path, ec))
    return Status::InvalidArgument(
        fmt::format("{} {} is a folder; give a file name", flag, out_path));
  for (const ProtectedFile& file : keep) {
    if (file.path.empty() || file.path == "-" || !SameFile(out_path, file.path)) continue;
    const bool same_name = Resolved(out_path) == Resolved(file.path);
    return Status::InvalidArgument(fmt::format(
        "refusing to write {} {}: it is {} {}{}; choose another output file", flag, out_path,
        file.role, file.path, same_name ? "" : " under another name (hard link or symlink)"));
  }
  return Status::OK();
}

Status AtomicFile::Create(const std::string& path, std::unique_ptr<AtomicFile>* out) {
  // Write through a symlink: replace what it points to, not the link.
  std::error_code ec;
  std::string target = path;
  if (fs::is_symlink(fs::symlink_status(path, ec))) {
    fs::path resolved = fs::canonical(path, ec);
    if (!ec) target = resolved.string();
  }
  fs::path target_path(target);
  fs::path dir = target_path.parent_path();
  if (dir.empty()) dir = ".";
  std::string name = ".";
  name += target_path.filename().string();
  name += ".parley-tmp-XXXXXX";
  std::string temp = (dir / name).string();
  int fd = mkstemp(temp.data());
  if (fd < 0) {
    return Status::IOError(fmt::format("cannot create {}: {}", path, std::strerror(errno)));
  }
  struct stat existing;
  mode_t mode =
      stat(target.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : (0666 & ~CurrentUmask());
  fchmod(fd, mode);
  std::FILE* f = fdopen(fd, "wb");
  if (f == nullptr) {
    int error = errno;
    close(fd);
    unlink(temp.c_str());
    return Status::IOError(fmt::format("cannot create {}: {}", path, std::strerror(error)));
  }
  out->reset(new AtomicFile(path, std::move(target), std::move(temp), f));
  return Status::OK();
}

AtomicFile::~AtomicFile() { Abandon(); }

void AtomicFile::Abandon() {
  if (file_ == nullptr) return;
  std::fclose(file_);
  file_ = nullptr;
  unlink(temp_.c_str());
}

Status AtomicFile::Finish(Status so_far) {
  if (so_far.ok() && file_ != nullptr && std::ferror(file_) != 0)
    so_far = Status::IOError(fmt::format("{}: write failed; the file was left as it was", path_));
  if (!so_far.ok()) {
    Abandon();
    return so_far;
  }
  return Commit();
}

Status AtomicFile::Commit() {
  if (file_ == nullptr) return Status::IOError(fmt::format("{}: already closed", path_));
  bool ok = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
  int error = errno;
  if (std::fclose(file_) != 0 && ok) {
    ok = false;
    error = errno;
  }
  file_ = nullptr;
  if (ok && rename(temp_.c_str(), target_.c_str()) != 0) {
    ok = false;
    error = errno;
  }
  if (!ok) {
    unlink(temp_.c_str());
    return Status::IOError(fmt::format("writing {} failed: {}; the file was left as it was", path_,
                                       std::strerror(error)));
  }
  return Status::OK();
}

}  // namespace parley::util
