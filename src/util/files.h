// File safety for outputs: "is this the same file?" checks that see through other names
// (hard links, symlinks, relative paths), and output files written to a temporary file
// beside the destination and renamed into place only on success.
#ifndef PARLEY_UTIL_FILES_H_
#define PARLEY_UTIL_FILES_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::util {

// True when `a` and `b` name the same file: the same device and inode when both exist
// (so a hard link or a symlink counts), else the same absolute path once the existing
// part is resolved (a file about to be created).
bool SameFile(const std::string& a, const std::string& b);

// A file an output must not overwrite, and what it is, for the message
// ("the input", "the event store (--db)").
struct ProtectedFile {
  std::string path;
  std::string role;
};

// The files of the SQLite store at `db_path`: the database, its -wal, -shm and -journal
// files and the writer lock (<db>.lock), each with `role`.
std::vector<ProtectedFile> StoreFiles(const std::string& db_path, std::string_view role);

// InvalidArgument when `out_path` (given as `flag`, e.g. "--out") is one of `keep` or the
// same file under another name, or a folder; OK for "-" (stdout) and any other path.
Status CheckOutputPath(std::string_view flag, const std::string& out_path,
                       const std::vector<ProtectedFile>& keep);

// An output file that appears only complete: it is written to a hidden temporary file in
// the destination's folder (".<name>.parley-tmp-XXXXXX", which the readers skip) and
// renamed over the destination by Commit(). Dropped without Commit() -- a failed run --
// the temporary file is removed and an existing destination is left as it was; a killed
// run leaves the destination as it was, and the temporary file behind. A symlinked
// destination is written through the link (its target is replaced). An existing file's
// permissions are kept; a new file gets 0666 less the umask.
class AtomicFile {
 public:
  // IOError naming `path` when the temporary file cannot be created.
  static Status Create(const std::string& path, std::unique_ptr<AtomicFile>* file);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::FILE* get() const { return file_; }
  const std::string& path() const { return path_; }
  // Flushes, syncs and closes the temporary file, then renames it over the destination.
  // IOError (and the temporary file removed) if any step fails. Once only.
  Status Commit();
  // Closes and removes the temporary file; the destination is untouched.
  void Abandon();
  // Ends a run that wrote through get(): commits when `so_far` is OK and the stream saw no
  // write error, else abandons. Returns `so_far`, or the error that kept the file out.
  Status Finish(Status so_far);

 private:
  AtomicFile(std::string path, std::string target, std::string temp, std::FILE* file)
      : path_(std::move(path)), target_(std::move(target)), temp_(std::move(temp)), file_(file) {}
  std::string path_;    // as given
  std::string target_;  // what is replaced: `path_` with symlinks resolved
  std::string temp_;
  std::FILE* file_;
};

}  // namespace parley::util

#endif  // PARLEY_UTIL_FILES_H_
