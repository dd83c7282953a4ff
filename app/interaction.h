#pragma once
// Turns the window's input events into the scene's input (camera drags, pointer, the clinician's keys as requests)
// and the few actions that belong to the window itself (fullscreen, quit, the developer readout).

#include <optional>
#include <string>
#include <vector>
#include <utility>

#include "myoview/platform/window.h"
#include "myoview/render/imgui_layer.h"
#include "myoview/scene/scene.h"

namespace myoview::app {

constexpr double kClickSlop = 4.0;  // pixels a click may move and still select

// The pointer between frames: which drag is under way and where it started.
struct PointerState {
    bool dragging_orbit = false;
    bool dragging_pan = false;
    double last_x = 0.0, last_y = 0.0;
    double press_x = 0.0, press_y = 0.0;
};

// What this frame's keys asked of the window. Each is a press: a key held down (auto-repeat) asks once.
struct WindowActions {
    bool toggled_fullscreen = false;  // done already; reported for the count
    bool toggle_pause = false;        // Space: also in the requests; reported for the count
    bool toggle_stats = false;        // F2: the developer readout
    std::vector<std::string> dropped;  // files dropped on the window (a scenario or saved scene opens)
    bool exit_chord = false;          // the kiosk's Ctrl+Alt+Q
    bool any_input = false;           // any key, click, touch, drag or wheel: the kiosk's attract loop stops
    bool toggle_labels_all = false;   // L: "label everything" on or off (the viewer knows the layers)
};

// Drains the window's input events into `input` (camera drags and zoom unless Dear ImGui wants the mouse; keys
// unless it wants the keyboard): 1-5 views, M massage, R reset, Space pause, PageDown / PageUp the story, L label
// everything; F
// fullscreen and Q / Esc quit act on the window at once. Auto-repeated keys are ignored: holding F or Space
// toggles once.
// In a kiosk (`kiosk`), Q, Esc, F and F2 do nothing: only the exit chord Ctrl+Alt+Q quits.
inline constexpr const char* kKioskExitChord = "Ctrl+Alt+Q";
WindowActions read_input(platform::Window& window, const render::ImGuiLayer* ui, PointerState& pointer,
                         scene::Input& input, bool kiosk = false);

}  // namespace myoview::app
