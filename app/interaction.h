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

// What this frame's keys asked for. Each is a press: a key held down (the system's auto-repeat) asks once.
struct KeyActions {
    bool massage = false;
    bool reset = false;
    bool toggle_pause = false;
    bool toggled_fullscreen = false;  // done already (apply_input); reported for the count
    bool toggle_stats = false;        // F2: the developer readout
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

    // Longest gap between two frames that is caught up in full. A slow frame (a software renderer, a busy machine)
    // is: the simulation sub-steps at its fixed step (18 us each: 5 s cost ~9 ms) and the massage ramp follows, so
    // neither falls behind the wall clock. A longer gap (a suspended laptop, a debugger) is not replayed: the excess
    // is dropped, returned and logged, never lost silently.
    static constexpr double kMaxCatchUpSeconds = 5.0;

    // Advances the simulation and the massage ramp by dt seconds of wall time; returns the seconds dropped (0 unless
    // dt exceeded kMaxCatchUpSeconds). Nothing moves while paused.
    double step(double dt) {
        if (paused_ || !(dt > 0.0)) return 0.0;
        const double h = std::min(dt, kMaxCatchUpSeconds);
        if (ramp_from_) {
            ramp_t_ += h;
            const double u = std::min(ramp_t_ / kMassageSeconds, 1.0);
            const double eased = u * u * (3.0 - 2.0 * u);
            sim_.set_release(*ramp_from_ + (1.0 - *ramp_from_) * eased);
            if (u >= 1.0) ramp_from_.reset();
        }
        sim_.advance(h);
        advanced_s_ += h;
        return dt - h;
    }
    double advanced_s() const { return advanced_s_; }  // wall seconds the simulation followed, in all

private:
    sim::Simulation& sim_;
    bool paused_ = false;
    std::optional<double> ramp_from_;
    double ramp_t_ = 0.0;
    double advanced_s_ = 0.0;
};

// Drains the window's input events: camera drags and zoom (unless Dear ImGui wants the mouse), preset views,
// fullscreen and quit; returns the keys the therapy and the story act on. Auto-repeated keys are ignored: holding F
// or Space toggles once.
KeyActions apply_input(platform::Window& window, const render::ImGuiLayer* ui, ViewState& view, VkExtent2D extent,
                       const assets::Bounds& bounds);

}  // namespace myoview::app
