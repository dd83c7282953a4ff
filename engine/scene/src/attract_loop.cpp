#include "myoview/scene/attract_loop.h"

#include <string>
#include <utility>

#include "myoview/base/log.h"

namespace myoview::scene {

AttractLoop::AttractLoop(std::optional<scenario::Scenario> scenario, double idle_seconds)
    : scenario_(std::move(scenario)), idle_seconds_(idle_seconds) {}

AttractLoop::Step AttractLoop::step(Scene& scene, double dt, bool any_input, glm::uvec2 viewport) {
    if (!scenario_ || !scene.simulation()) return Step::kNone;
    if (any_input) {
        idle_s_ = 0.0;
        if (!active_) return Step::kNone;
        active_ = false;
        ++interactive_returns_;
        scenario::Scenario start = *scenario_;  // the start state, settled, without the events
        start.events.clear();
        start.steps.clear();
        if (auto s = scene.play(start, viewport); !s) log::warn(s.error().message);
        scene.stop_playback();
        log::info("kiosk: back to the interactive view");  // tests/kiosk waits on these lines
        return Step::kStopped;
    }
    idle_s_ += dt;
    const auto playback = scene.playback();
    // Idle: start after the idle time; playing: start again once the scenario is over.
    const bool due = active_ ? playback && playback->finished : idle_s_ >= idle_seconds_;
    if (!due) return Step::kNone;
    if (auto s = scene.play(*scenario_, viewport); !s) {
        log::warn(s.error().message);
        return Step::kNone;
    }
    if (!active_) log::info("kiosk: idle for " + std::to_string(idle_s_) + " s, the attract loop starts");
    active_ = true;
    ++loops_started_;
    return Step::kStarted;
}

nlohmann::json AttractLoop::report_json() const {
    return {{"idle_seconds", idle_seconds_},
            {"attract_loops_started", loops_started_},
            {"interactive_returns", interactive_returns_},
            {"attract_active", active_}};
}

}  // namespace myoview::scene
