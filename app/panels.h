#pragma once
// The viewer's Dear ImGui panels: therapy controls, posture and back-load readout with history plots, and the
// tension legend. Panels never touch the simulation: they return the user's requests (UiRequests), which the
// viewer applies at one point per frame.

#include <deque>
#include <optional>
#include <string>

#include "myoview/render/scene_renderer.h"
#include "myoview/sim/simulation.h"

struct ImFont;

namespace myoview::app {

struct UiRequests {
    std::optional<double> release;         // slider moved
    bool apply_massage = false;
    bool reset = false;
    bool toggle_pause = false;
    std::optional<std::string> preset;
};

// Mean tension (fraction of max force) of the muscles that hold the shoulders back: rhomboids, middle trapezius,
// posterior deltoid, both sides. The "load on the upper back" the story is about.
double back_load(const sim::Snapshot& snapshot);

class Panels {
public:
    void record_history(const sim::Snapshot& snapshot);
    UiRequests draw(const sim::Simulation& simulation, render::TensionView& view, bool& tension_colours, bool paused,
                    double release, bool massaging, float scale, ImFont* large_font);
    void clear_history();

private:
    std::deque<float> shoulder_history_;
    std::deque<float> back_history_;
    std::optional<double> start_forward_shoulder_mm_;
    std::optional<double> start_back_load_;
};

void draw_legend(const render::TensionView& view, float scale);

}  // namespace myoview::app
