// The executable's headless mode as a user runs it: a PNG of the requested size, a report, zero validation messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "myoview/gpu/png.h"
#include "process.h"

namespace myoview::testing {
namespace {

TEST(HeadlessCli, ScreenshotIsANonBlankImageOfTheRequestedSize) {
    const std::string dir = temp_dir("headless-screenshot");
    const std::string png = dir + "/x.png", report = dir + "/r.json";
    ProcessOptions options;
    options.env["DISPLAY"] = std::nullopt;  // headless needs no display
    options.timeout_s = 120.0;
    const auto r = run_process({executable(), "--headless", "--validate", "--size", "1280x720", "--screenshot", png,
                                "--report", report},
                               options);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto pixels = gpu::read_png(png);
    ASSERT_TRUE(pixels) << pixels.error().message;
    EXPECT_EQ(pixels->width, 1280u);
    EXPECT_EQ(pixels->height, 720u);
    // Non-blank: the figure in the middle brings many distinct colours, warm (muscle) ones among them.
    std::set<uint32_t> colours;
    int warm = 0;
    for (uint32_t y = 0; y < pixels->height; y += 2)
        for (uint32_t x = 0; x < pixels->width; x += 2) {
            const uint8_t* p = pixels->at(x, y);
            colours.insert(static_cast<uint32_t>(p[0]) << 16 | static_cast<uint32_t>(p[1]) << 8 | p[2]);
            if (p[0] > p[2] + 40 && p[0] > 100) ++warm;
        }
    EXPECT_GT(colours.size(), 2000u);
    EXPECT_GT(warm, 2000) << "muscles should be visible";
    const auto json = nlohmann::json::parse(std::ifstream(report));
    EXPECT_EQ(json["validation"]["messages"], 0);
    EXPECT_EQ(json["timing"]["frames"], 1);
    EXPECT_GT(json["timing"]["frame_ms_median"].get<double>(), 0.0);
}

TEST(HeadlessCli, FramesAndReportTimingAgree) {
    const std::string dir = temp_dir("headless-frames");
    const std::string report = dir + "/r.json";
    const auto r = run_process({executable(), "--headless", "--validate", "--size", "320x240", "--frames", "5",
                                "--report", report},
                               with_timeout(120.0));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = nlohmann::json::parse(std::ifstream(report));
    EXPECT_EQ(json["timing"]["frames"], 5);
    EXPECT_GE(json["timing"]["frame_ms_p95"].get<double>(), json["timing"]["frame_ms_median"].get<double>());
    EXPECT_EQ(json["validation"]["messages"], 0);
    EXPECT_EQ(json["mode"], "headless");
}

TEST(HeadlessCli, UnknownGpuNameFailsWithEveryRejectionReason) {
    const auto r = run_process({executable(), "--headless", "--gpu", "no-such-gpu-xyz"}, with_timeout(60.0));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, ::testing::HasSubstr("no-such-gpu-xyz"));
    EXPECT_THAT(r.err, ::testing::HasSubstr("name does not contain"));
}

TEST(HeadlessCli, UnwritableScreenshotPathIsAClearError) {
    const auto r = run_process(
        {executable(), "--headless", "--size", "64x64", "--screenshot", "/nonexistent-dir/x.png"}, with_timeout(60.0));
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(r.signal, 0);
    EXPECT_THAT(r.err, ::testing::HasSubstr("/nonexistent-dir/x.png"));
}

}  // namespace
}  // namespace myoview::testing
