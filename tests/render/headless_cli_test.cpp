// The executable's headless mode as a user runs it: a PNG of the requested size, a report, zero validation messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "myoview/gpu/png.h"
#include "process.h"
#include "stop_signal.h"

namespace myoview::testing {
namespace {

using ::testing::HasSubstr;

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

// Headless frames run on a fixed clock: each frame after the first advances the simulation and the massage ramp by
// exactly 1/60 s, whatever the machine's speed, so the same command gives the same numbers every run.
TEST(HeadlessCli, EachFrameAdvancesASixtiethOfASecondAndTheSameRunRepeatsExactly) {
    const std::string dir = temp_dir("headless-frames");
    nlohmann::json runs[2];
    for (int run = 0; run < 2; ++run) {
        const std::string report = dir + "/r" + std::to_string(run) + ".json";
        const auto r = run_process({executable(), "--headless", "--validate", "--size", "96x64", "--msaa", "1",
                                    "--massage", "--frames", "31", "--report", report},
                                   with_timeout(120.0));
        ASSERT_EQ(r.exit_code, 0) << r.err;
        runs[run] = nlohmann::json::parse(std::ifstream(report));
        const auto& json = runs[run];
        EXPECT_EQ(json["mode"], "headless");
        EXPECT_EQ(json["ended_by"], "frames");
        EXPECT_EQ(json["timing"]["frames"], 31);
        EXPECT_EQ(json["validation"]["messages"], 0);
        // 30 s of settling, then 30 frames of 1/60 s: half a second, stepped at 10 ms.
        EXPECT_DOUBLE_EQ(json["clock"]["settle_s"].get<double>(), 30.0);
        EXPECT_NEAR(json["clock"]["wall_s"].get<double>(), 0.5, 1e-12);
        EXPECT_NEAR(json["clock"]["simulated_s"].get<double>(), 0.5, 1e-12);
        EXPECT_NEAR(json["sim_time_s"].get<double>(), 30.5, 1e-9);
        // The massage ramp (Therapy::kMassageSeconds = 4, smoothstep) after 0.5 s: u = 1/8, u^2 (3 - 2u).
        EXPECT_NEAR(json["release"].get<double>(), 0.125 * 0.125 * (3.0 - 0.25), 1e-9);
        // Frame times are the frames' own: 30 of them fit in the time the whole process took.
        EXPECT_GT(json["timing"]["frame_ms_median"].get<double>(), 0.0);
        EXPECT_LT(json["timing"]["frame_ms_median"].get<double>() * 30.0, r.seconds * 1000.0);
    }
    EXPECT_EQ(runs[0]["posture"], runs[1]["posture"]);
    EXPECT_EQ(runs[0]["muscles"], runs[1]["muscles"]);
}

// A kiosk shut down by the system (SIGTERM) or a Ctrl-C (SIGINT): the session ends like Q, exit 0, and the report
// is complete.
TEST(HeadlessCli, SigtermAndSigintEndTheSessionWithExitZeroAndACompleteReport) {
    const std::string dir = temp_dir("headless-signals");
    for (const int sig : {SIGTERM, SIGINT}) {
        const SignalledRun run = end_with_signal(
            {executable(), "--headless", "--validate", "--size", "160x120", "--msaa", "1", "--frames", "1000000"}, sig,
            "first frame after", dir);
        ASSERT_TRUE(run.report.is_object());
        const nlohmann::json& json = run.report;
        EXPECT_EQ(json["exit_code"], 0);
        EXPECT_GE(json["timing"]["frames"].get<int>(), 1);
        EXPECT_LT(json["timing"]["frames"].get<int>(), 1000000);
        EXPECT_EQ(json["validation"]["messages"], 0);
        for (const char* key : {"posture", "muscles", "clock", "model", "device"}) {
            EXPECT_TRUE(json.contains(key)) << run.signal_name << ": the report lacks " << key;
        }
        EXPECT_FALSE(std::filesystem::exists(run.report_path + ".partial")) << "a temporary report was left behind";
    }
}

// Device loss and a failed submit cannot be produced on lavapipe on demand: --inject-fault makes frame 4 fail as a
// real GPU would. The session must end with one clear line, the report (saying why) and exit 1: no abort, no hang
// on the fence that will never signal.
TEST(HeadlessCli, AGpuFailureEndsWithAClearMessageTheReportAndExitOne) {
    const std::string dir = temp_dir("headless-faults");
    struct Case {
        const char* fault;
        const char* says;
    };
    for (const Case& c :
         {Case{"submit", "VK_ERROR_OUT_OF_DEVICE_MEMORY"}, Case{"device-lost", "VK_ERROR_DEVICE_LOST"}}) {
        const std::string report = dir + "/" + c.fault + ".json";
        const auto r = run_process({executable(), "--headless", "--validate", "--size", "96x64", "--msaa", "1",
                                    "--frames", "50", "--inject-fault", std::string(c.fault) + "@4", "--report",
                                    report},
                                   with_timeout(120.0));
        EXPECT_FALSE(r.timed_out) << c.fault;
        EXPECT_EQ(r.signal, 0) << c.fault << ": no abort";
        EXPECT_EQ(r.exit_code, 1) << c.fault << ": " << r.err;
        EXPECT_THAT(r.err, HasSubstr(c.says)) << c.fault;
        EXPECT_THAT(r.err, HasSubstr("the report was written to " + report)) << c.fault;
        const auto json = nlohmann::json::parse(std::ifstream(report), nullptr, false);
        ASSERT_TRUE(json.is_object()) << c.fault << ": no report";
        EXPECT_EQ(json["ended_by"], "error");
        EXPECT_THAT(json["error"].get<std::string>(), HasSubstr(c.says));
        EXPECT_EQ(json["exit_code"], 1);
        EXPECT_EQ(json["timing"]["frames"], 3) << "frames 1-3 were drawn, frame 4 failed";
        EXPECT_EQ(json["validation"]["messages"], 0) << c.fault << ": " << r.err;
    }
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
