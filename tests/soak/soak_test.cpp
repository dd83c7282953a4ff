// The kiosk runs for days: after the driver's warm-up its memory must stay flat. A short soak of the real
// executable (two minutes of kiosk time, the attract loop started and restarted) reads the report's memory trace.
//
// What it catches: memory of ours that piles up per frame or per loop (a Vulkan object or pipeline made each frame,
// a growing container of large entries): a leak of 40 KB a frame fails it (tried: +39.7 MB, bound 15 MB). Small
// allocations (4 KB a frame, tried) first fill the heap's free space, which the driver's buffers leave at ~40 MB, and
// pass: the per-frame containers are bounded by their own unit tests (FrameStats, MemoryTrace in tests/base).
// lavapipe's warm-up (~55 MB, compiling shaders and sizing its rasterizer's buffers as the first frames run) is
// over by frame 100 and left out.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>

#include <nlohmann/json.hpp>

#include "process.h"

namespace myoview::testing {
namespace {

// Resident MB at `frame` in the report's memory trace (columns: frame, rss_mb, heap_in_use_mb, heap_from_system_mb).
std::optional<nlohmann::json> trace_at(const nlohmann::json& memory, long frame) {
    for (const auto& point : memory["trace"]) {
        if (point[0].get<long>() == frame) return point;
    }
    return std::nullopt;
}

TEST(KioskSoak, ResidentMemoryStaysFlatFromFrame200To1200OfTheAttractLoop) {
    const std::string dir = temp_dir("kiosk-soak");
    const std::string report = dir + "/report.json";
    // 10 frames a simulated second: the attract loop starts at 2 s and again when the 82 s story ends.
    const auto r = run_process({executable(), "--kiosk", "--headless", "--idle-seconds", "2", "--fps", "10", "--size",
                                "320x180", "--frames", "1200", "--report", report},
                               with_timeout(540.0));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(report);
    const auto json = nlohmann::json::parse(in, nullptr, false);
    ASSERT_FALSE(json.is_discarded()) << "the report is not JSON";
    EXPECT_GE(json["kiosk"]["attract_loops_started"].get<long>(), 2) << "the loop restarted at least once";
    const nlohmann::json& memory = json["memory"];
    const auto at_200 = trace_at(memory, 200), at_1200 = trace_at(memory, 1200);
    ASSERT_TRUE(at_200 && at_1200) << "no trace point at frame 200 or 1200: " << memory.dump();
    const double rss_growth = (*at_1200)[1].get<double>() - (*at_200)[1].get<double>();
    const double heap_growth = (*at_1200)[3].get<double>() - (*at_200)[3].get<double>();
    // Measured on lavapipe (2 cores, busy): +0.1 MB resident over this span (+0.4 MB from frame 40 to 6000 at
    // 640x360); the bytes malloc has in use swing by 15 MB between samples with the driver's command and rasterizer
    // buffers (too noisy to bound), and once in a while its heap takes one more step of ~10 MB from the system when
    // those buffers meet fragmented free space (seen once, at frame ~350 of a run without the simulation, in-use
    // unchanged). The bound leaves room for one such step; a leak of 40 KB a frame is 40 MB.
    constexpr double kBoundMb = 15.0;
    EXPECT_LT(rss_growth, kBoundMb) << "resident memory grew by " << rss_growth
                                    << " MB from frame 200 to 1200: " << memory["trace"].dump();
    EXPECT_LT(heap_growth, kBoundMb) << "malloc's heap grew by " << heap_growth
                                     << " MB from frame 200 to 1200: " << memory["trace"].dump();
}

}  // namespace
}  // namespace myoview::testing
