#pragma once
// --ui-map FILE: where the viewer's controls are and how far it has got, for tests that drive the real window.
// After each frame the viewer publishes its state (frame count, simulated time, release, ...) and the rectangles of
// the controls the panels recorded under stable ids ("release_slider", "view_back", "card_close", ...); the file is
// rewritten whole (FILE.partial, then rename) when something other than the clock moved, and otherwise at most every
// kMinInterval. A test polls it instead of sleeping and clicks items by id instead of fixed pixel positions.
//
// Off (no path) it costs one branch per recorded item and nothing else; on it only reads Dear ImGui's last-item
// rectangle, so it never changes what the viewer does.

#include <chrono>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "myoview/base/result.h"

namespace myoview::app {

class UiMap {
public:
    static constexpr std::chrono::milliseconds kMinInterval{100};

    UiMap() = default;  // off
    // On: writes a first map ({"frame": 0, "items": {}}) at once, so a path that cannot be written is an input
    // error before any window opens.
    static Result<UiMap> open(const std::string& path);

    bool enabled() const { return !path_.empty(); }

    // Forgets the last frame's items (a control not drawn this frame, as in a closed section, is not in the map).
    void begin_frame();
    // Records the rectangle of the Dear ImGui item just submitted under `id`. Dear ImGui's coordinates are the
    // window's (cursor) coordinates with the GLFW backend (HiDPI scales the framebuffer, not them): what
    // `xdotool mousemove --window` takes. Headless, they are the image's pixels.
    void item(std::string_view id);
    // Records the current Dear ImGui window's rectangle under `id` (between Begin and End).
    void window(std::string_view id);

    // Publishes one frame: `frame`, `sim_time_s` and `release` move every frame and are written at most every
    // kMinInterval; a change in `state` (any other fields) or in the items is written at once.
    void publish(long frame, double sim_time_s, double release, nlohmann::json state);
    // Writes what was published last if the interval held it back (the end of a session).
    void flush();

private:
    explicit UiMap(std::string path) : path_(std::move(path)) {}
    Status write();
    void write_or_stop();

    std::string path_;
    nlohmann::json items_ = nlohmann::json::object();
    nlohmann::json current_;        // the last published map
    nlohmann::json written_state_;  // state and items as last written, to see a change
    bool dirty_ = false;            // current_ not written yet
    bool failed_ = false;           // a write failed: said once, then the map stays as it was
    std::chrono::steady_clock::time_point last_write_{};
};

}  // namespace myoview::app
