// The report's frame-time figures over a run that lasts days: the memory they take is bounded, the figures of a run
// that fits are exact, and past that they still tell a run that slowed down from one that did not.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "myoview/base/frame_stats.h"

namespace myoview {
namespace {

TEST(FrameStats, ADayAtSixtyFramesASecondKeepsAtMostTheCapacity) {
    // 41 MB of doubles a day if every frame were kept; a kiosk runs for days.
    FrameStats stats;
    const long frames = 60L * 60 * 60 * 24;
    for (long f = 0; f < frames; ++f) stats.add(16.0 + static_cast<double>(f % 7));
    EXPECT_EQ(stats.count(), static_cast<std::size_t>(frames));
    EXPECT_LE(stats.kept(), FrameStats::kDefaultCapacity);
    EXPECT_GE(stats.kept(), FrameStats::kDefaultCapacity / 2) << "thinning keeps at least half";
    EXPECT_EQ(stats.last(), 16.0 + static_cast<double>((frames - 1) % 7));
}

TEST(FrameStats, TheHourSoakFitsAndItsFiguresAreExact) {
    FrameStats stats;
    std::vector<double> all;
    for (int f = 0; f < 36'000; ++f) {
        const double ms = 30.0 + static_cast<double>((f * 37) % 11);  // 30..40, scrambled
        stats.add(ms);
        all.push_back(ms);
    }
    EXPECT_EQ(stats.stride(), 1u);
    EXPECT_EQ(stats.kept(), all.size());
    std::vector<double> rest(all.begin() + 1, all.end());
    std::sort(rest.begin(), rest.end());
    EXPECT_DOUBLE_EQ(stats.percentile(50.0), rest[rest.size() / 2 - 1] * 0.5 + rest[rest.size() / 2] * 0.5);
    std::vector<double> first(all.begin(), all.begin() + 3'600);
    std::nth_element(first.begin(), first.begin() + 1'800, first.end());
    EXPECT_DOUBLE_EQ(stats.median_of_span(0.0, 0.1), first[1'800]);
}

TEST(FrameStats, PastTheCapacityARunThatSlowsDownStillShowsIt) {
    // 30 ms frames for the first half, 45 ms for the second; a 1 s stall every 1000 frames; 64x the capacity.
    FrameStats stats(1024);
    const long frames = 1024L * 64;
    for (long f = 0; f < frames; ++f) stats.add(f % 1000 == 999 ? 1000.0 : f < frames / 2 ? 30.0 : 45.0);
    EXPECT_LE(stats.kept(), 1024u);
    EXPECT_GT(stats.stride(), 1u);
    EXPECT_EQ(stats.count(), static_cast<std::size_t>(frames));
    EXPECT_DOUBLE_EQ(stats.median_of_span(0.0, 0.1), 30.0);
    EXPECT_DOUBLE_EQ(stats.median_of_span(0.9, 1.0), 45.0);
    EXPECT_GE(stats.percentile(50.0), 30.0);
    EXPECT_LE(stats.percentile(50.0), 45.0);
    EXPECT_DOUBLE_EQ(stats.percentile(25.0), 30.0);
    EXPECT_DOUBLE_EQ(stats.percentile(75.0), 45.0);
}

TEST(FrameStats, TheFirstFrameIsLeftOutOfThePercentilesOnlyWhenThereAreOthers) {
    FrameStats stats;
    EXPECT_EQ(stats.percentile(50.0), 0.0);
    EXPECT_EQ(stats.last(), 0.0);
    stats.add(900.0);  // pipeline warm-up
    EXPECT_EQ(stats.percentile(50.0), 900.0);
    stats.add(20.0);
    stats.add(22.0);
    EXPECT_EQ(stats.percentile(100.0), 22.0);
    EXPECT_EQ(stats.last(), 22.0);
}

}  // namespace
}  // namespace myoview
