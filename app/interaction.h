#pragma once
// What the viewer does with input: the camera drag state, the clinician's keys, and the therapy controls that
// queue UI and key requests and apply them to the simulation at one point per frame (the MuJoCo simulate habit).

#include <optional>
#include <utility>

#include "myoview/assets/model.h"
#include "myoview/platform/window.h"
#include "myoview/render/camera.h"
#include "myoview/render/imgui_layer.h"
#include "myoview/sim/simulation.h"
#include "panels.h"

namespace myoview::app {

struct ViewState {
    render::OrbitCamera camera;
    bool dragging_orbit = false;
    bool dragging_pan = false;
    double last_x = 0.0, last_y = 0.0;
    double press_x = 0.0, press_y = 0.0;
    bool mouse_moved = false;                 // since the last hover pick
    std::optional<std::pair<double, double>> click;  // a press and release without a drag, in pixels
};

constexpr double kClickSlop = 4.0;  // pixels a click may move and still select

struct KeyActions {
    bool massage = false;
    bool reset = false;
    bool toggle_pause = false;
    int story = 0;  // +1 next step (PageDown), -1 previous (PageUp)
};

// The clinician's controls over the simulation, applied at one point per frame (the MuJoCo simulate habit: UI
// actions are queued, never applied from inside the UI code).
class Therapy {
public:
    static constexpr double kMassageSeconds = 4.0;  // the visible release takes a few seconds

    explicit Therapy(sim::Simulation& simulation) : sim_(simulation) {}
    bool paused() const { return paused_; }
    bool massaging() const { return ramp_from_.has_value(); }
    double release() const { return sim_.release(); }

    void apply(const UiRequests& ui, const KeyActions& keys, Panels& panels) {
        if (ui.preset) {
            (void)sim_.set_preset(*ui.preset);  // names come from the preset list; cannot fail
            ramp_from_.reset();
            panels.clear_history();
        }
        if (ui.release) {
            ramp_from_.reset();
            sim_.set_release(*ui.release);
        }
        if (ui.part_release) {
            ramp_from_.reset();
            sim_.set_part_release(ui.part_release->first, ui.part_release->second);
        }
        if (ui.intervention) sim_.apply_intervention({*ui.intervention, 1.0});
        if (ui.time_lapse) sim_.set_time_lapse(*ui.time_lapse);
        if ((ui.apply_massage || keys.massage) && !massaging() && sim_.release() < 1.0) {
            ramp_from_ = sim_.release();
            ramp_t_ = 0.0;
        }
        if (ui.reset || keys.reset) {
            ramp_from_.reset();
            sim_.set_release(0.0);
            sim_.reset();
            panels.clear_history();
        }
        if (ui.toggle_pause || keys.toggle_pause) paused_ = !paused_;
    }

    // Real-time step; a stall longer than 0.25 s (a window drag, a slow frame) is not caught up.
    void step(double dt) {
        if (paused_) return;
        const double h = std::min(dt, 0.25);
        if (ramp_from_) {
            ramp_t_ += h;
            const double u = std::min(ramp_t_ / kMassageSeconds, 1.0);
            const double eased = u * u * (3.0 - 2.0 * u);
            sim_.set_release(*ramp_from_ + (1.0 - *ramp_from_) * eased);
            if (u >= 1.0) ramp_from_.reset();
        }
        sim_.advance(h);
    }

private:
    sim::Simulation& sim_;
    bool paused_ = false;
    std::optional<double> ramp_from_;
    double ramp_t_ = 0.0;
};

// Drains the window's input events: camera drags and zoom (unless Dear ImGui wants the mouse), preset views,
// fullscreen and quit; returns the keys the therapy and the story act on.
KeyActions apply_input(platform::Window& window, const render::ImGuiLayer* ui, ViewState& view, VkExtent2D extent,
                       const assets::Bounds& bounds);

}  // namespace myoview::app
