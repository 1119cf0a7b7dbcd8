#include "util/files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace parley::util {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("parley_files_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
    std::ofstream(dir_ / "a.txt") << "alpha\n";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string P(const std::string& name) { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(FilesTest, SameFileSeesThroughOtherNames) {
  fs::create_hard_link(P("a.txt"), P("hard.txt"));
  fs::create_symlink(P("a.txt"), P("sym.txt"));
  std::ofstream(P("b.txt")) << "beta\n";
  EXPECT_TRUE(SameFile(P("a.txt"), P("a.txt")));
  EXPECT_TRUE(SameFile(P("a.txt"), P("hard.txt")));
  EXPECT_TRUE(SameFile(P("sym.txt"), P("a.txt")));
  EXPECT_TRUE(SameFile(P("sub/../a.txt"), P("a.txt")));
  EXPECT_FALSE(SameFile(P("a.txt"), P("b.txt")));
  // Neither exists yet: the same path once resolved.
  EXPECT_TRUE(SameFile(P("new.txt"), P("sub/../new.txt")));
  EXPECT_FALSE(SameFile(P("new.txt"), P("other.txt")));
  EXPECT_FALSE(SameFile(P("new.txt"), P("a.txt")));
}

TEST_F(FilesTest, CheckOutputPathNamesWhatWouldBeClobbered) {
  std::vector<ProtectedFile> keep = {{P("a.txt"), "the input"}};
  for (ProtectedFile& f : StoreFiles(P("s.sqlite"), "the event store")) keep.push_back(f);
  EXPECT_TRUE(CheckOutputPath("--out", "-", keep).ok());
  EXPECT_TRUE(CheckOutputPath("--out", P("out.txt"), keep).ok());
  EXPECT_EQ(CheckOutputPath("--out", P("sub"), keep).code(), Status::Code::kInvalidArgument);
  Status s = CheckOutputPath("--out", P("a.txt"), keep);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("it is the input"), std::string::npos) << s.message();
  // The store's companions, even before they exist.
  EXPECT_FALSE(CheckOutputPath("--out", P("s.sqlite"), keep).ok());
  EXPECT_FALSE(CheckOutputPath("--out", P("s.sqlite-wal"), keep).ok());
  EXPECT_FALSE(CheckOutputPath("--out", P("s.sqlite.lock"), keep).ok());
  fs::create_hard_link(P("a.txt"), P("hard.txt"));
  s = CheckOutputPath("--out", P("hard.txt"), keep);
  EXPECT_NE(s.message().find("under another name"), std::string::npos) << s.message();
}

TEST_F(FilesTest, AtomicFileReplacesOnlyOnCommit) {
  chmod(P("a.txt").c_str(), 0640);
  {
    std::unique_ptr<AtomicFile> f;
    ASSERT_TRUE(AtomicFile::Create(P("a.txt"), &f).ok());
    std::fputs("half", f->get());
    std::fflush(f->get());
    EXPECT_EQ(Read(dir_ / "a.txt"), "alpha\n");  // the old file, while writing
  }                                              // dropped without Commit: a failed run
  EXPECT_EQ(Read(dir_ / "a.txt"), "alpha\n");
  int entries = 0;
  for (auto& e : fs::directory_iterator(dir_)) entries += e.is_regular_file();
  EXPECT_EQ(entries, 1) << "temporary file left behind";

  std::unique_ptr<AtomicFile> f;
  ASSERT_TRUE(AtomicFile::Create(P("a.txt"), &f).ok());
  std::fputs("new\n", f->get());
  ASSERT_TRUE(f->Commit().ok());
  EXPECT_EQ(Read(dir_ / "a.txt"), "new\n");
  struct stat st;
  ASSERT_EQ(stat(P("a.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);

  // Through a symlink: the target is replaced, the link stays.
  fs::create_symlink(P("a.txt"), P("link.txt"));
  ASSERT_TRUE(AtomicFile::Create(P("link.txt"), &f).ok());
  std::fputs("via link\n", f->get());
  ASSERT_TRUE(f->Commit().ok());
  EXPECT_TRUE(fs::is_symlink(P("link.txt")));
  EXPECT_EQ(Read(dir_ / "a.txt"), "via link\n");

  EXPECT_EQ(AtomicFile::Create(P("missing/x.txt"), &f).code(), Status::Code::kIOError);
}

}  // namespace
}  // namespace parley::util
