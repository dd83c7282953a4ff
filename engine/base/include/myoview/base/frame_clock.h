#pragma once
// The viewer's frame clock: the time between frames and the time since the session began, in double precision.
// One interface, two sources (one update path, two clocks): the wall clock for the window, a fixed step per frame
// for headless runs, so that a scenario gives the same numbers every run.
//
// Why double: a float of seconds since boot (steady_clock's epoch) has 1/16 s steps after 12 days of uptime and
// 1/60 s frames vanish in it; a float of session seconds drifts within hours. Here every duration is a difference
// of integer clock ticks converted once to double seconds, exact to the nanosecond for centuries.

#include <chrono>
#include <functional>
#include <optional>

namespace myoview {

class FrameClock {
public:
    using Clock = std::chrono::steady_clock;
    using Source = std::function<Clock::time_point()>;

    // Real time from `now` (steady_clock by default; tests pass their own).
    static FrameClock wall(Source now = [] { return Clock::now(); }) {
        FrameClock c;
        c.now_ = std::move(now);
        return c;
    }
    // step_s seconds per frame, whatever the wall clock says.
    static FrameClock fixed(double step_s) {
        FrameClock c;
        c.fixed_step_s_ = step_s;
        return c;
    }

    // Starts the next frame; returns the seconds since the previous tick (0 on the first).
    double tick() {
        ++ticks_;
        if (!now_) {
            dt_ = ticks_ > 1 ? fixed_step_s_ : 0.0;
            elapsed_s_ = static_cast<double>(ticks_ - 1) * fixed_step_s_;
            return dt_;
        }
        const Clock::time_point t = now_();
        if (!start_) start_ = previous_ = t;
        dt_ = std::chrono::duration<double>(t - *previous_).count();
        elapsed_s_ = std::chrono::duration<double>(t - *start_).count();
        previous_ = t;
        return dt_;
    }
    double dt() const { return dt_; }                 // of the current frame
    double elapsed_s() const { return elapsed_s_; }   // from the first tick to the current one
    long ticks() const { return ticks_; }

private:
    FrameClock() = default;
    Source now_;
    double fixed_step_s_ = 0.0;
    std::optional<Clock::time_point> start_, previous_;
    double dt_ = 0.0;
    double elapsed_s_ = 0.0;
    long ticks_ = 0;
};

}  // namespace myoview
