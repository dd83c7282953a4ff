// The data directories are found at run time in a fixed order: the environment's override (alone when set), beside
// the executable in the install layout, the build tree. A folder counts only with its marker file in it; when none
// does, the error names every place looked at and why each was passed over.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "myoview/base/paths.h"

namespace myoview::paths {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// A scratch tree: <root>/prefix/bin/myoview (a stand-in executable path), <root>/prefix/share/myoview/assets,
// <root>/build/assets, <root>/elsewhere. Directories are made only when a test asks for them.
class DataDirTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("myoview-paths-test-" + std::to_string(getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_);
        spec_ = {"asset", "MYOVIEW_ASSET_DIR", "../share/myoview/assets", root_ / "build/assets",
                 "anatomy/catalog.json"};
        exe_ = root_ / "prefix/bin/myoview";
    }
    void TearDown() override { fs::remove_all(root_); }

    // A data directory at `dir` holding the marker (or only the directory, when `with_marker` is false).
    fs::path make_dir(const fs::path& dir, bool with_marker = true) {
        fs::create_directories(dir);
        if (with_marker) {
            fs::create_directories((dir / spec_.marker).parent_path());
            std::ofstream(dir / spec_.marker) << "{}";
        }
        return dir;
    }
    fs::path installed() const { return root_ / "prefix/share/myoview/assets"; }
    fs::path build_tree() const { return spec_.build_tree; }

    fs::path root_;
    DataDirSpec spec_;
    fs::path exe_;
};

TEST_F(DataDirTest, BesideTheExecutableComesBeforeTheBuildTree) {
    make_dir(installed());
    make_dir(build_tree());
    auto dir = find_data_dir(spec_, nullptr, exe_);
    ASSERT_TRUE(dir) << dir.error().full_text();
    EXPECT_EQ(dir.value(), installed());  // normalised: no "bin/.." left in it
}

TEST_F(DataDirTest, TheBuildTreeIsTheLastResort) {
    make_dir(build_tree());
    auto dir = find_data_dir(spec_, nullptr, exe_);
    ASSERT_TRUE(dir) << dir.error().full_text();
    EXPECT_EQ(dir.value(), build_tree());
}

TEST_F(DataDirTest, TheOverrideComesFirstAndAnEmptyOneCountsAsUnset) {
    make_dir(installed());
    const fs::path mine = make_dir(root_ / "elsewhere");
    auto dir = find_data_dir(spec_, mine.c_str(), exe_);
    ASSERT_TRUE(dir) << dir.error().full_text();
    EXPECT_EQ(dir.value(), mine);

    auto unset = find_data_dir(spec_, "", exe_);
    ASSERT_TRUE(unset) << unset.error().full_text();
    EXPECT_EQ(unset.value(), installed());
}

TEST_F(DataDirTest, AWrongOverrideIsAnErrorNotAQuietFallBack) {
    make_dir(installed());
    make_dir(build_tree());
    const fs::path wrong = make_dir(root_ / "elsewhere", false);
    auto dir = find_data_dir(spec_, wrong.c_str(), exe_);
    ASSERT_FALSE(dir) << "used " << dir.value();
    const std::string text = dir.error().full_text();
    EXPECT_THAT(text, HasSubstr("MYOVIEW_ASSET_DIR"));
    EXPECT_THAT(text, HasSubstr(wrong.string()));
    EXPECT_THAT(text, HasSubstr("no anatomy/catalog.json there"));
    EXPECT_THAT(text, ::testing::Not(HasSubstr(installed().string())));
}

TEST_F(DataDirTest, AFolderWithoutItsMarkerIsPassedOver) {
    make_dir(installed(), false);  // e.g. a half-removed install
    make_dir(build_tree());
    auto dir = find_data_dir(spec_, nullptr, exe_);
    ASSERT_TRUE(dir) << dir.error().full_text();
    EXPECT_EQ(dir.value(), build_tree());
}

TEST_F(DataDirTest, NothingFoundNamesEveryPlaceLookedAtAndWhy) {
    make_dir(installed(), false);
    auto dir = find_data_dir(spec_, nullptr, exe_);
    ASSERT_FALSE(dir) << "used " << dir.value();
    const Error& error = dir.error();
    EXPECT_THAT(error.message, HasSubstr("no asset directory found"));
    EXPECT_THAT(error.message, HasSubstr("MYOVIEW_ASSET_DIR"));
    ASSERT_EQ(error.details.size(), 2u);
    EXPECT_THAT(error.details[0],
                HasSubstr(installed().string() + " (beside the executable): no anatomy/catalog.json"));
    EXPECT_THAT(error.details[1], HasSubstr(build_tree().string() + " (the build tree): no such directory"));
}

TEST_F(DataDirTest, AnUnknownExecutablePathIsSaidSo) {
    auto dir = find_data_dir(spec_, nullptr, fs::path());
    ASSERT_FALSE(dir);
    EXPECT_THAT(dir.error().full_text(), HasSubstr("/proc/self/exe"));
}

// The layout the install rules use (GNUInstallDirs defaults: bin/, share/) is the one looked for.
TEST(DataDirs, TheProgramLooksForTheInstallLayoutBesideItsExecutable) {
    EXPECT_EQ(asset_dir_spec().beside_exe, fs::path("../share/myoview/assets"));
    EXPECT_EQ(shader_dir_spec().beside_exe, fs::path("../share/myoview/shaders"));
    EXPECT_EQ(asset_dir_spec().env_var, "MYOVIEW_ASSET_DIR");
    EXPECT_EQ(shader_dir_spec().env_var, "MYOVIEW_SHADER_DIR");
}

TEST(DataDirs, TheExecutablePathIsThisProgram) {
    EXPECT_EQ(executable_path().filename(), "myoview_base_tests");
    EXPECT_TRUE(executable_path().is_absolute());
}

// Run from the build tree (as every test is), the compiled-in paths still find the source tree's assets.
TEST(DataDirs, TheBuildTreeFindsTheSourceAssets) {
    if (std::getenv("MYOVIEW_ASSET_DIR") != nullptr) GTEST_SKIP() << "MYOVIEW_ASSET_DIR is set";
    auto dir = asset_dir();
    ASSERT_TRUE(dir) << dir.error().full_text();
    EXPECT_TRUE(fs::equivalent(dir.value(), fs::path(MYOVIEW_SOURCE_DIR) / "assets"));
    EXPECT_TRUE(
        fs::equivalent(asset_path("anatomy/myoview.xml"), fs::path(MYOVIEW_SOURCE_DIR) / "assets/anatomy/myoview.xml"));
}

}  // namespace
}  // namespace myoview::paths
