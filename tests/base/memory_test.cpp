// The memory trace a long run's report carries: bounded however long the run, evenly spread over all of it, and
// the resident size it reads is this process's own.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "myoview/base/memory.h"

namespace myoview {
namespace {

TEST(MemoryTrace, SamplesEveryNthFrameFromTheFirstMultiple) {
    MemoryTrace trace(100, 16);
    for (long f = 1; f <= 450; ++f) trace.add(f, static_cast<double>(f));
    ASSERT_EQ(trace.points().size(), 4u);
    EXPECT_EQ(trace.points()[0].frame, 100);
    EXPECT_EQ(trace.points()[3].frame, 400);
    EXPECT_EQ(trace.at(300), 300.0);
    EXPECT_EQ(trace.at(350), std::nullopt) << "not a sampled frame";
}

TEST(MemoryTrace, AnHourAtTenFramesASecondStaysWithinCapacityAndSpansTheRun) {
    // The kiosk soak: 36 000 frames. A day at 60 frames a second: 5.2 million. Neither may grow the trace.
    for (const long frames : {36'000L, 5'184'000L}) {
        MemoryTrace trace(100, 64);
        for (long f = 1; f <= frames; ++f) trace.add(f, 1.0);
        EXPECT_LE(trace.points().size(), 64u) << frames << " frames";
        EXPECT_GE(trace.points().size(), 32u) << "thinning keeps at least half the capacity";
        // Even spacing from the start to near the end.
        const long every = trace.every();
        for (std::size_t i = 0; i < trace.points().size(); ++i) {
            EXPECT_EQ(trace.points()[i].frame, static_cast<long>(i + 1) * every) << "point " << i;
        }
        EXPECT_GT(trace.points().back().frame, frames - every) << "the last point is within one interval of the end";
    }
}

TEST(ResidentMemory, GrowsWhenThisProcessTouchesFortyMegabytes) {
    const auto before = resident_mb();
    ASSERT_TRUE(before.has_value()) << "/proc/self/statm unreadable";
    EXPECT_GT(*before, 1.0);
    constexpr std::size_t kBytes = 40u << 20;
    auto block = std::make_unique<unsigned char[]>(kBytes);
    for (std::size_t i = 0; i < kBytes; i += 4096) block[i] = static_cast<unsigned char>(i);  // make it resident
    const auto after = resident_mb();
    ASSERT_TRUE(after.has_value());
    EXPECT_GT(*after - *before, 35.0);
    EXPECT_EQ(block[4096], static_cast<unsigned char>(4096));
}

}  // namespace
}  // namespace myoview
