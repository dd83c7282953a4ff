#pragma once
// The clinic kiosk's attract loop (README, "Clinic kiosk"): left alone for `idle_seconds`, the scene plays a scenario
// (the clinic story) from its start, and again from its start each time it ends; any input stops it and brings back
// the interactive view as the scenario's start state sets it (settled, without its events). The window and headless
// loops drive it alike, once a frame before the scene's update; it counts what it did for the report.

#include <optional>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "myoview/scenario/scenario.h"
#include "myoview/scene/scene.h"

namespace myoview::scene {

class AttractLoop {
public:
    // What one step did: the caller restarts what follows the scene's history (the panels' plots) on either.
    enum class Step {
        kNone,
        kStarted,  // the scenario started after the idle time, or again at its end
        kStopped,  // input stopped it: that input woke the kiosk and is used up (the caller does not apply it)
    };

    // `scenario`: what plays (none: a user's model has no story, and the loop never starts). `idle_seconds` > 0.
    AttractLoop(std::optional<scenario::Scenario> scenario, double idle_seconds);

    // One frame: `dt` seconds since the last, `any_input` when the user touched a key, the mouse or the screen.
    // Plays on `scene` (nothing on a scene without a simulation). A scenario that cannot start is logged and tried
    // again at the next step.
    Step step(Scene& scene, double dt, bool any_input, glm::uvec2 viewport);

    bool active() const { return active_; }    // the scenario plays as the attract loop
    double idle_s() const { return idle_s_; }  // seconds without input (reset by input)
    double idle_seconds() const { return idle_seconds_; }
    long loops_started() const { return loops_started_; }              // starts, the restarts at the end included
    long interactive_returns() const { return interactive_returns_; }  // inputs that stopped it
    // The report's "kiosk" block: idle_seconds, attract_loops_started, interactive_returns, attract_active.
    nlohmann::json report_json() const;

private:
    std::optional<scenario::Scenario> scenario_;
    double idle_seconds_ = 0.0;
    bool active_ = false;
    double idle_s_ = 0.0;
    long loops_started_ = 0;
    long interactive_returns_ = 0;
};

}  // namespace myoview::scene
