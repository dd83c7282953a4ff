// The PNG sequence: numbered, complete, lossless frames; what abort and a second export into the same place do.

#include <gtest/gtest.h>

#include <set>

#include "myoview/export/frame_sink.h"
#include "scratch_dir.h"
#include "video_probe.h"

namespace myoview::exporter {
namespace {

using testing::gradient_frame;
using testing::ScratchDir;

std::set<std::string> names_in(const std::filesystem::path& dir) {
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
    return names;
}

TEST(PngSequenceExport, WritesNumberedFramesThatReadBackExactly) {
    ScratchDir dir;
    // An odd size: a PNG sequence has no chroma subsampling to forbid it.
    ExportOptions options{.out = dir / "frames/", .fps = 30, .width = 33, .height = 17};
    auto sink = open_export(options);
    ASSERT_TRUE(sink.has_value()) << sink.error().message;
    EXPECT_EQ((*sink)->kind(), ExportKind::kPngSequence);
    for (uint32_t i = 0; i < 5; ++i) ASSERT_TRUE((*sink)->add(gradient_frame(33, 17, i)).has_value());
    ASSERT_TRUE((*sink)->finish().has_value());
    EXPECT_EQ((*sink)->output_path(), dir / "frames");
    EXPECT_EQ(names_in(dir / "frames"), (std::set<std::string>{"frame_00001.png", "frame_00002.png", "frame_00003.png",
                                                               "frame_00004.png", "frame_00005.png"}));
    for (uint32_t i = 0; i < 5; ++i) {
        auto read = gpu::read_png(dir / "frames" / png_frame_name(i));
        ASSERT_TRUE(read.has_value()) << read.error().message;
        EXPECT_EQ(read->width, 33u);
        EXPECT_EQ(read->height, 17u);
        EXPECT_EQ(read->rgba, gradient_frame(33, 17, i).rgba) << "frame " << i;
    }
}

TEST(PngSequenceExport, AnExistingDirectoryWithoutTrailingSlashTakesTheSequence) {
    ScratchDir dir;
    ExportOptions options{.out = dir.path(), .fps = 30, .width = 8, .height = 8};
    auto sink = open_export(options);
    ASSERT_TRUE(sink.has_value()) << sink.error().message;
    ASSERT_TRUE((*sink)->add(gradient_frame(8, 8, 0)).has_value());
    ASSERT_TRUE((*sink)->finish().has_value());
    EXPECT_EQ(names_in(dir.path()), std::set<std::string>{"frame_00001.png"});
}

TEST(PngSequenceExport, AbortKeepsTheCompleteFramesAndNoPartialOne) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "cut/", .fps = 30, .width = 16, .height = 16};
    {
        auto sink = open_export(options);
        ASSERT_TRUE(sink.has_value()) << sink.error().message;
        for (uint32_t i = 0; i < 3; ++i) ASSERT_TRUE((*sink)->add(gradient_frame(16, 16, i)).has_value());
        EXPECT_FALSE((*sink)->add(gradient_frame(15, 16, 3)).has_value());
    }  // destroyed unfinished: aborted
    EXPECT_EQ(names_in(dir / "cut"), (std::set<std::string>{"frame_00001.png", "frame_00002.png", "frame_00003.png"}));
}

TEST(PngSequenceExport, ADirectoryHoldingAnEarlierSequenceIsRefused) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "seq/", .fps = 30, .width = 8, .height = 8};
    {
        auto sink = open_export(options);
        ASSERT_TRUE(sink.has_value());
        ASSERT_TRUE((*sink)->add(gradient_frame(8, 8, 0)).has_value());
        ASSERT_TRUE((*sink)->finish().has_value());
    }
    auto again = open_export(options);
    ASSERT_FALSE(again.has_value());
    EXPECT_NE(again.error().message.find("already holds frame_00001.png"), std::string::npos) << again.error().message;
}

TEST(PngSequenceExport, AnAbortBeforeAnyFrameRemovesTheDirectoryItCreated) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "never/", .fps = 30, .width = 8, .height = 8};
    auto sink = open_export(options);
    ASSERT_TRUE(sink.has_value());
    EXPECT_TRUE(std::filesystem::is_directory(dir / "never"));
    (*sink)->abort("test");
    EXPECT_FALSE(std::filesystem::exists(dir / "never"));
}

}  // namespace
}  // namespace myoview::exporter
