// Bad export options end in an Error that says what to change, before anything is rendered or written.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "myoview/export/frame_sink.h"
#include "scratch_dir.h"

namespace myoview::exporter {
namespace {

using testing::ScratchDir;

// The error's message, or "" when the export opened (and is then dropped).
std::string open_error(const ExportOptions& options) {
    auto sink = open_export(options);
    if (sink) {
        sink.value()->abort("test");
        return "";
    }
    return sink.error().message;
}

ExportOptions mp4(const std::filesystem::path& out) {
    return ExportOptions{.out = out, .fps = 30, .width = 64, .height = 48};
}

TEST(ExportOptionsTest, KindFollowsThePath) {
    ScratchDir dir;
    EXPECT_EQ(export_kind(dir / "a.mp4"), ExportKind::kMp4);
    EXPECT_EQ(export_kind(dir / "frames/"), ExportKind::kPngSequence);
    EXPECT_EQ(export_kind(dir.path()), ExportKind::kPngSequence) << "an existing directory, without a trailing '/'";
    EXPECT_EQ(partial_path_for("out/story.mp4"), std::filesystem::path("out/story.partial.mp4"));
    EXPECT_EQ(png_frame_name(0), "frame_00001.png");
    EXPECT_EQ(png_frame_name(1799), "frame_01800.png");
}

TEST(ExportOptionsTest, FrameRateOutOfOneToOneHundredTwentyIsRefused) {
    ScratchDir dir;
    for (int fps : {0, -5, 121, 1000}) {
        ExportOptions o = mp4(dir / "a.mp4");
        o.fps = fps;
        const std::string e = open_error(o);
        EXPECT_NE(e.find("frame rate " + std::to_string(fps)), std::string::npos) << e;
        EXPECT_NE(e.find("1 to 120"), std::string::npos) << e;
    }
    for (int fps : {1, 120}) {
        ExportOptions o = mp4(dir / "a.mp4");
        o.fps = fps;
        EXPECT_EQ(open_error(o), "") << fps;
    }
    EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << "nothing is left by refused or empty exports";
}

TEST(ExportOptionsTest, OddSizesAreRefusedForMp4WithAnEvenSuggestionButAllowedForPng) {
    ScratchDir dir;
    ExportOptions o = mp4(dir / "a.mp4");
    o.width = 1921;
    o.height = 1081;
    const std::string e = open_error(o);
    EXPECT_NE(e.find("1921x1081"), std::string::npos) << e;
    EXPECT_NE(e.find("even"), std::string::npos) << e;
    EXPECT_NE(e.find("1920x1080"), std::string::npos) << e;
    o.out = dir / "frames/";
    EXPECT_EQ(open_error(o), "");
}

TEST(ExportOptionsTest, ZeroOrHugeSizesAreRefused) {
    ScratchDir dir;
    for (auto [w, h] : {std::pair{0u, 48u}, std::pair{64u, 0u}, std::pair{20000u, 48u}}) {
        ExportOptions o = mp4(dir / "a.mp4");
        o.width = w;
        o.height = h;
        EXPECT_NE(open_error(o).find("out of range"), std::string::npos) << w << "x" << h;
    }
}

TEST(ExportOptionsTest, AMissingDirectoryIsNamed) {
    ScratchDir dir;
    const std::string e = open_error(mp4(dir / "no" / "such" / "a.mp4"));
    EXPECT_NE(e.find("does not exist"), std::string::npos) << e;
    EXPECT_NE(e.find((dir / "no" / "such").string()), std::string::npos) << e;
    const std::string seq = open_error(mp4(dir / "no" / "frames/"));
    EXPECT_NE(seq.find("does not exist"), std::string::npos) << seq;
    EXPECT_FALSE(std::filesystem::exists(dir / "no"));
}

TEST(ExportOptionsTest, AFileWhereADirectoryShouldBeIsRefused) {
    ScratchDir dir;
    std::ofstream(dir / "plain").put('x');
    EXPECT_NE(open_error(mp4(dir / "plain" / "a.mp4")).find("not a directory"), std::string::npos);
    EXPECT_NE(open_error(mp4(dir / "plain/")).find("not a directory"), std::string::npos);
}

TEST(ExportOptionsTest, AnUnwritablePlaceFailsAtOpenNotAtTheFirstFrame) {
    // /proc takes no new files, whoever runs the test (root included).
    const std::string e = open_error(mp4("/proc/myoview-export-test.mp4"));
    EXPECT_NE(e.find("cannot write /proc/myoview-export-test.partial.mp4"), std::string::npos) << e;
    const std::string seq = open_error(mp4("/proc/self/"));
    EXPECT_NE(seq.find("cannot write into"), std::string::npos) << seq;
}

TEST(ExportOptionsTest, AReadOnlyDirectoryFailsAtOpen) {
    if (geteuid() == 0) GTEST_SKIP() << "root writes into read-only directories; the /proc test covers root";
    ScratchDir dir;
    std::filesystem::create_directory(dir / "ro");
    chmod((dir / "ro").c_str(), 0555);
    EXPECT_NE(open_error(mp4(dir / "ro" / "a.mp4")).find("cannot write"), std::string::npos);
    EXPECT_NE(open_error(mp4(dir / "ro/")).find("cannot write into"), std::string::npos);
    chmod((dir / "ro").c_str(), 0755);
}

TEST(ExportOptionsTest, OtherExtensionsAndAnEmptyPathAreRefused) {
    ScratchDir dir;
    const std::string e = open_error(mp4(dir / "a.avi"));
    EXPECT_NE(e.find(".mp4"), std::string::npos) << e;
    EXPECT_NE(open_error(mp4("")).find("no export path"), std::string::npos);
    EXPECT_EQ(open_error(mp4(dir / "UPPER.MP4")), "");
}

TEST(ExportOptionsTest, QualityAndPresetAreChecked) {
    ScratchDir dir;
    ExportOptions o = mp4(dir / "a.mp4");
    o.crf = 52;
    EXPECT_NE(open_error(o).find("CRF"), std::string::npos);
    o.crf = 20;
    o.preset = "ludicrous";
    const std::string e = open_error(o);
    EXPECT_NE(e.find("unknown encoder preset \"ludicrous\": use one of ultrafast,"), std::string::npos) << e;
    o.preset = "medium";
    EXPECT_EQ(open_error(o), "");
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace myoview::exporter
