// The frame clock keeps time in double precision: 1/60 s frames stay exact however long the machine has been up
// and however long the session runs, and headless frames advance by exactly the fixed step.
#include <gtest/gtest.h>

#include <chrono>

#include "myoview/base/frame_clock.h"

namespace myoview {
namespace {

using Clock = FrameClock::Clock;

// A steady clock that reads `uptime` and moves only when told to.
struct FakeTime {
    Clock::time_point now;
    explicit FakeTime(std::chrono::nanoseconds uptime) : now(uptime) {}
    void advance(std::chrono::nanoseconds d) { now += d; }
};

TEST(FrameClock, SixtiethOfASecondFramesStayExactAfterAMonthOfUptime) {
    // After 30 days of uptime a float of seconds since boot has 0.25 s steps: every 1/60 s frame would read 0 or
    // 0.25 s. The clock must not go through such a number.
    FakeTime t(std::chrono::hours(24 * 30));
    FrameClock clock = FrameClock::wall([&] { return t.now; });
    EXPECT_EQ(clock.tick(), 0.0) << "the first frame has no predecessor";
    const auto frame = std::chrono::nanoseconds(16'666'667);
    double sum = 0.0;
    for (int i = 0; i < 60 * 60; ++i) {  // a minute of frames
        t.advance(frame);
        const double dt = clock.tick();
        ASSERT_NEAR(dt, 0.016666667, 1e-12) << "frame " << i;
        sum += dt;
    }
    EXPECT_NEAR(clock.elapsed_s(), 3600 * 0.016666667, 1e-9);
    EXPECT_NEAR(sum, clock.elapsed_s(), 1e-9);
    EXPECT_EQ(clock.ticks(), 3601);
}

TEST(FrameClock, ElapsedTimeIsExactAfterAWeekLongSession) {
    FakeTime t(std::chrono::hours(1));
    FrameClock clock = FrameClock::wall([&] { return t.now; });
    clock.tick();
    t.advance(std::chrono::hours(24 * 7) + std::chrono::milliseconds(3));
    const double dt = clock.tick();
    EXPECT_NEAR(clock.elapsed_s(), 7 * 86400.0 + 0.003, 1e-9);
    EXPECT_DOUBLE_EQ(dt, clock.elapsed_s());
    t.advance(std::chrono::microseconds(10));
    EXPECT_NEAR(clock.tick(), 1e-5, 1e-12) << "a 10 us frame after a week still reads 10 us";
}

TEST(FrameClock, AStallIsOneLongFrameNotLostTime) {
    FakeTime t(std::chrono::seconds(5));
    FrameClock clock = FrameClock::wall([&] { return t.now; });
    clock.tick();
    t.advance(std::chrono::milliseconds(2500));
    EXPECT_DOUBLE_EQ(clock.tick(), 2.5);
    EXPECT_DOUBLE_EQ(clock.dt(), 2.5);
}

TEST(FrameClock, FixedClockAdvancesExactlyOneStepPerFrameAfterTheFirst) {
    FrameClock clock = FrameClock::fixed(1.0 / 60.0);
    EXPECT_EQ(clock.tick(), 0.0);
    for (int i = 0; i < 600; ++i) EXPECT_DOUBLE_EQ(clock.tick(), 1.0 / 60.0);
    EXPECT_NEAR(clock.elapsed_s(), 10.0, 1e-12) << "no drift from summing";
}

}  // namespace
}  // namespace myoview
