// The MP4 writer, checked by decoding its files with FFmpeg: the container and codec a browser needs, the frame
// count and duration, the pictures' colours (the content, not only the container), and what abort leaves.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "myoview/export/frame_sink.h"
#include "scratch_dir.h"
#include "video_probe.h"

namespace myoview::exporter {
namespace {

using testing::gradient_frame;
using testing::probe_video;
using testing::ScratchDir;

std::unique_ptr<FrameSink> open_or_fail(const ExportOptions& options) {
    auto sink = open_export(options);
    EXPECT_TRUE(sink.has_value()) << (sink ? "" : sink.error().full_text());
    return sink ? std::move(sink).value() : nullptr;
}

// Writes `count` gradient frames and finishes; returns the means of what was written.
std::vector<std::array<double, 3>> write_video(const ExportOptions& options, uint32_t count) {
    auto sink = open_or_fail(options);
    if (!sink) return {};
    std::vector<std::array<double, 3>> written;
    for (uint32_t i = 0; i < count; ++i) {
        const gpu::Pixels frame = gradient_frame(options.width, options.height, i);
        written.push_back(testing::mean_rgb(frame));
        auto ok = sink->add(frame);
        EXPECT_TRUE(ok.has_value()) << (ok ? "" : ok.error().message);
    }
    auto done = sink->finish();
    EXPECT_TRUE(done.has_value()) << (done ? "" : done.error().message);
    return written;
}

struct Case {
    uint32_t width, height;
    int fps;
    uint32_t frames;
};

class Mp4RoundTrip : public ::testing::TestWithParam<Case> {};

TEST_P(Mp4RoundTrip, DecodesAsH264Yuv420pWithEveryFrameItsDurationAndItsColours) {
    const Case c = GetParam();
    ScratchDir dir;
    ExportOptions options;
    options.out = dir / "story.mp4";
    options.fps = c.fps;
    options.width = c.width;
    options.height = c.height;
    const auto written = write_video(options, c.frames);
    ASSERT_EQ(written.size(), c.frames);

    EXPECT_FALSE(std::filesystem::exists(partial_path_for(options.out))) << "finish() renames the partial file";
    const testing::ProbedVideo v = probe_video(options.out);
    ASSERT_EQ(v.error, "");
    EXPECT_EQ(v.codec, "h264");
    EXPECT_EQ(v.pixel_format, "yuv420p");
    EXPECT_EQ(v.profile, "High");
    EXPECT_EQ(v.width, static_cast<int>(c.width));
    EXPECT_EQ(v.height, static_cast<int>(c.height));
    EXPECT_EQ(v.frames, c.frames);
    const double expected_s = static_cast<double>(c.frames) / c.fps;
    EXPECT_NEAR(v.duration_s, expected_s, 1.0 / c.fps);
    EXPECT_NEAR(v.stream_duration_s, expected_s, 1.0 / c.fps);
    EXPECT_NEAR(v.frame_rate, c.fps, 0.01);
    EXPECT_TRUE(v.index_before_data) << "faststart: the index (moov) comes before the data, for browsers";

    // Each decoded picture's mean colour is its written frame's, in order: the frames differ by 3-5 levels in R
    // and B from one to the next, so a lost, repeated or reordered frame fails this.
    ASSERT_EQ(v.mean_rgb.size(), written.size());
    for (std::size_t i = 0; i < written.size(); ++i)
        for (std::size_t ch = 0; ch < 3; ++ch)
            EXPECT_NEAR(v.mean_rgb[i][ch], written[i][ch], 2.0) << "frame " << i << " channel " << ch;
}

INSTANTIATE_TEST_SUITE_P(Sizes, Mp4RoundTrip, ::testing::Values(Case{64, 48, 12, 24}, Case{320, 240, 30, 45}),
                         [](const auto& param_info) {
                             return std::to_string(param_info.param.width) + "x" +
                                    std::to_string(param_info.param.height);
                         });

TEST(Mp4Export, WritesToThePartialNameUntilFinished) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "a.mp4", .fps = 30, .width = 64, .height = 48};
    auto sink = open_or_fail(options);
    ASSERT_TRUE(sink);
    EXPECT_EQ(sink->kind(), ExportKind::kMp4);
    EXPECT_EQ(sink->encoder_name(), "libx264");
    for (uint32_t i = 0; i < 5; ++i) ASSERT_TRUE(sink->add(gradient_frame(64, 48, i)).has_value());
    // A crash now leaves nothing under the name the user asked for.
    EXPECT_FALSE(std::filesystem::exists(options.out));
    EXPECT_TRUE(std::filesystem::exists(dir / "a.partial.mp4"));
    EXPECT_EQ(sink->output_path(), dir / "a.partial.mp4");
    ASSERT_TRUE(sink->finish().has_value());
    EXPECT_TRUE(std::filesystem::exists(options.out));
    EXPECT_FALSE(std::filesystem::exists(dir / "a.partial.mp4"));
    EXPECT_EQ(sink->output_path(), options.out);
    EXPECT_EQ(sink->frames_written(), 5u);
}

TEST(Mp4Export, AbortKeepsTheFramesSoFarPlayableUnderThePartialNameOnly) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "cut.mp4", .fps = 10, .width = 64, .height = 48};
    auto sink = open_or_fail(options);
    ASSERT_TRUE(sink);
    for (uint32_t i = 0; i < 7; ++i) ASSERT_TRUE(sink->add(gradient_frame(64, 48, i)).has_value());
    sink->abort("test interrupts");
    EXPECT_FALSE(std::filesystem::exists(options.out)) << "an aborted export never passes for a complete one";
    EXPECT_EQ(sink->output_path(), partial_path_for(options.out));
    const testing::ProbedVideo v = probe_video(partial_path_for(options.out));
    ASSERT_EQ(v.error, "");
    EXPECT_EQ(v.frames, 7u);
    EXPECT_NEAR(v.duration_s, 0.7, 0.1);
    // Closed: further frames and finish() are errors, not crashes.
    EXPECT_FALSE(sink->add(gradient_frame(64, 48, 7)).has_value());
    EXPECT_FALSE(sink->finish().has_value());
    EXPECT_FALSE(std::filesystem::exists(options.out));
}

TEST(Mp4Export, ACrashMidwayLeavesNothingThatLooksComplete) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "crash.mp4", .fps = 10, .width = 64, .height = 48};
    // The process dies with frames in the encoder and the file open: no destructor, no abort(), no trailer.
    EXPECT_EXIT(
        {
            auto sink = open_export(options);
            if (!sink) std::_Exit(1);
            for (uint32_t i = 0; i < 12; ++i)
                if (!(*sink)->add(gradient_frame(64, 48, i))) std::_Exit(1);
            std::_Exit(7);
        },
        ::testing::ExitedWithCode(7), "");
    EXPECT_FALSE(std::filesystem::exists(options.out));
    EXPECT_TRUE(std::filesystem::exists(partial_path_for(options.out)));
    EXPECT_NE(probe_video(partial_path_for(options.out)).error, "")
        << "without its index the partial file is not a video";
}

TEST(Mp4Export, DestroyingAnUnfinishedSinkAbortsIt) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "dropped.mp4", .fps = 10, .width = 64, .height = 48};
    {
        auto sink = open_or_fail(options);
        ASSERT_TRUE(sink);
        for (uint32_t i = 0; i < 4; ++i) ASSERT_TRUE(sink->add(gradient_frame(64, 48, i)).has_value());
    }
    EXPECT_FALSE(std::filesystem::exists(options.out));
    const testing::ProbedVideo v = probe_video(partial_path_for(options.out));
    ASSERT_EQ(v.error, "");
    EXPECT_EQ(v.frames, 4u);
}

TEST(Mp4Export, AbortOrFinishBeforeAnyFrameLeavesNoFile) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "empty.mp4", .fps = 30, .width = 64, .height = 48};
    {
        auto sink = open_or_fail(options);
        ASSERT_TRUE(sink);
        sink->abort("nothing rendered");
        EXPECT_EQ(sink->output_path(), std::filesystem::path());
    }
    {
        auto sink = open_or_fail(options);
        ASSERT_TRUE(sink);
        auto done = sink->finish();
        ASSERT_FALSE(done.has_value());
        EXPECT_NE(done.error().message.find("no frame"), std::string::npos) << done.error().message;
    }
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(Mp4Export, AFrameOfAnotherSizeIsAnErrorAndTheExportGoesOn) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "sizes.mp4", .fps = 30, .width = 64, .height = 48};
    auto sink = open_or_fail(options);
    ASSERT_TRUE(sink);
    ASSERT_TRUE(sink->add(gradient_frame(64, 48, 0)).has_value());
    auto bad = sink->add(gradient_frame(66, 48, 1));
    ASSERT_FALSE(bad.has_value());
    EXPECT_NE(bad.error().message.find("66x48"), std::string::npos) << bad.error().message;
    gpu::Pixels short_buffer = gradient_frame(64, 48, 1);
    short_buffer.rgba.resize(100);
    EXPECT_FALSE(sink->add(short_buffer).has_value());
    ASSERT_TRUE(sink->add(gradient_frame(64, 48, 1)).has_value());
    ASSERT_TRUE(sink->finish().has_value());
    EXPECT_EQ(probe_video(options.out).frames, 2u);
}

TEST(Mp4Export, FinishReplacesAnEarlierExportOfTheSameName) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "again.mp4", .fps = 30, .width = 64, .height = 48};
    write_video(options, 3);
    write_video(options, 6);
    EXPECT_EQ(probe_video(options.out).frames, 6u);
}

TEST(Mp4Export, AnEncoderThatIsNotThereIsAClearError) {
    ScratchDir dir;
    ExportOptions options{.out = dir / "x.mp4", .fps = 30, .width = 64, .height = 48};
    for (const char* name : {"h264_no_such_encoder", "mpeg4"}) {  // missing; present but not H.264
        options.encoder = name;
        auto sink = open_export(options);
        ASSERT_FALSE(sink.has_value()) << name;
        EXPECT_NE(sink.error().message.find(std::string("\"") + name + "\" is not an H.264 encoder"), std::string::npos)
            << sink.error().message;
    }
    options.encoder = "libx264";
    auto sink = open_export(options);
    ASSERT_TRUE(sink.has_value()) << sink.error().message;
    EXPECT_EQ((*sink)->encoder_name(), "libx264");
    (*sink)->abort("test");
    EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace myoview::exporter
