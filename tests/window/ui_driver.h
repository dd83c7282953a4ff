#pragma once
// Drives the viewer's real window by its controls' ids and its own progress, never by sleeps and fixed pixels.
//
// The viewer runs with --ui-map FILE (app/ui_map.h): after its frames it rewrites FILE with its frame count, its
// simulated time, the release, the selection, the story step, the camera and every panel control's rectangle by id,
// in window pixels. The driver polls that file: it waits for conditions ("at least 3 frames", "sim_time_s >= 6")
// with a generous deadline and clicks a control at the centre of its rectangle. Each driver owns a private X server
// (x_session.h), so the keyboard focus it gives the window is never taken by a test running beside it.
//
// Everything returns false / std::nullopt on failure instead of asserting; `seen()` says what the map last showed,
// for the test's message.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.h"
#include "x_session.h"

namespace myoview::testing {

// A control's rectangle in window pixels, as the viewer recorded it.
struct UiRect {
    double x = 0.0, y = 0.0, w = 0.0, h = 0.0;
    double at_x(double fraction) const { return x + w * fraction; }
    double centre_y() const { return y + h * 0.5; }
};

class UiDriver {
public:
    // Slow on purpose: lavapipe on two busy cores can take seconds per frame. A wait ends as soon as its condition
    // holds; the deadline only bounds a failure.
    static constexpr double kDeadlineS = 120.0;

    // Starts a private X server (with twm when `window_manager`; a `screen` of that size, Xvfb's WxHxD) and the
    // viewer on it: `args` (without the executable; "{dir}" in them becomes dir(), a fresh directory named after
    // `name`) plus --ui-map in dir().
    UiDriver(const std::string& name, std::vector<std::string> args, bool window_manager = false,
             const std::string& screen = "1280x1024x24")
        : dir_(temp_dir(name)), display_(window_manager, dir_, screen), map_path_(dir_ + "/ui-map.json") {
        if (!display_.ok()) return;
        std::vector<std::string> argv{executable()};
        for (std::string& a : args) {
            if (const auto at = a.find("{dir}"); at != std::string::npos) a.replace(at, 5, dir_);
            argv.push_back(a);
        }
        argv.insert(argv.end(), {"--ui-map", map_path_});
        ProcessOptions options;
        options.env["DISPLAY"] = display_.name();
        options.env["HOME"] = dir_;  // where the panel's "Save this scene" writes: the test's own directory
        viewer_.emplace(argv, options);
    }

    const std::string& dir() const { return dir_; }
    const std::string& display() const { return display_.name(); }
    BackgroundProcess& viewer() { return *viewer_; }
    const std::string& window_id() const { return window_; }

    // Says why the driver cannot start, or "" when it can.
    std::string problem() {
        if (!display_.ok()) return display_.problem();
        return {};
    }

    // The map as last written (null before the first, or when the viewer wrote none).
    nlohmann::json map() const { return read_json(map_path_); }

    // Polls the map until `holds` (true: the map that satisfied it), the viewer exits or the deadline passes.
    std::optional<nlohmann::json> wait_until(const std::function<bool(const nlohmann::json&)>& holds,
                                             double timeout_s = kDeadlineS) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
        for (;;) {
            nlohmann::json m = map();
            // Only maps a frame published: they carry every field (the first, written at start-up, does not).
            if (m.is_object() && m.contains("size")) {
                last_ = m;
                if (holds(m)) return m;
            }
            if (!viewer_ || !viewer_->running() || std::chrono::steady_clock::now() >= deadline) return std::nullopt;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    }

    // Waits until `frames` more frames than the map shows now have been drawn: every X event sent before this
    // call has been seen by a frame (the viewer polls events at the start of each).
    std::optional<nlohmann::json> wait_frames(int frames) {
        const long from = frame_of(wait_until([](const nlohmann::json&) { return true; }).value_or(nullptr));
        return wait_until([&](const nlohmann::json& m) { return frame_of(m) >= from + frames; });
    }

    // Waits for the viewer's window (its X id in window_id()).
    bool find() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(kDeadlineS);
        while (window_.empty() && viewer_ && viewer_->running() && std::chrono::steady_clock::now() < deadline) {
            const auto r =
                xdotool({"search", "--onlyvisible", "--pid", std::to_string(viewer_->pid())}, display_.name());
            if (r.exit_code == 0 && !r.out.empty()) {
                window_ = r.out.substr(0, r.out.find('\n'));
            } else {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
        return !window_.empty();
    }

    // Waits for the window and `frames` frames (Dear ImGui lays auto-sized panels out on the first and shows them
    // from the second), then gives the window the keyboard focus. Dear ImGui 1.86 follows the mouse only in a
    // focused window, so clicks need it too.
    bool start(int frames = 3) {
        if (!find()) return false;
        if (!wait_until([&](const nlohmann::json& m) { return frame_of(m) >= frames; })) return false;
        return focus();
    }

    bool focus() { return xdo({"windowfocus", "--sync", window_}); }

    // With a window manager: waits until it has taken the window in.
    bool managed(double timeout_s = 20.0) { return display_.managed(window_, timeout_s); }

    // The rectangle of control `id`, once the viewer shows it (and inside the window: a control off the edge of a
    // small window cannot be clicked).
    std::optional<UiRect> item(const std::string& id) {
        auto m = wait_until([&](const nlohmann::json& j) { return inside(j, id); });
        if (!m) return std::nullopt;
        const auto& r = (*m)["items"][id];
        return UiRect{r[0].get<double>(), r[1].get<double>(), r[2].get<double>(), r[3].get<double>()};
    }

    // Moves the pointer to the middle of control `id`, presses and releases button 1, each step seen by at least
    // two frames (Dear ImGui 1.86 reads the pointer and the button once per frame); after the release, three: the
    // frame that reads it returns the click and the next applies the request, so the map shows its effect.
    bool click(const std::string& id) {
        const auto r = item(id);
        if (!r) return false;
        return click_at(r->at_x(0.5), r->centre_y());
    }

    // A click at (x, y) in window pixels (a point on the figure the map gives), seen as the control clicks are.
    bool click_at(double x, double y) {
        return move_to(x, y) && xdo({"mousedown", "1"}) && wait_frames(2) && xdo({"mouseup", "1"}) && wait_frames(3);
    }

    // Presses on control `id` at `from` (0..1 of its width), moves to `to` in `steps`, each seen by a frame, and
    // releases: a slider drag.
    bool drag(const std::string& id, double from, double to, int steps) {
        const auto r = item(id);
        if (!r) return false;
        return drag_at(r->at_x(from), r->centre_y(), r->at_x(to), r->centre_y(), steps);
    }

    // The same between two window pixels: a drag on the figure (it orbits the camera).
    bool drag_at(double x0, double y0, double x1, double y1, int steps) {
        if (!move_to(x0, y0) || !xdo({"mousedown", "1"}) || !wait_frames(2)) return false;
        for (int i = 1; i <= steps; ++i) {
            if (!move_to(x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps, 1)) return false;
        }
        return wait_frames(1) && xdo({"mouseup", "1"}) && wait_frames(3);
    }

    // Any xdotool command on the driver's display; true when it succeeded.
    bool xdo(const std::vector<std::string>& args) { return xdotool(args, display_.name()).exit_code == 0; }

    // One key press (an X keysym: "q", "m", "Next", "Prior"), to the focused window.
    bool key(const std::string& keysym) { return xdo({"key", "--clearmodifiers", keysym}); }

    // Q, then the viewer's exit.
    ProcessResult quit(double timeout_s = 60.0) {
        key("q");
        return viewer_->wait(timeout_s);
    }

    // What the map showed last (without the items), for a failure message.
    std::string seen() {
        std::string exited;
        if (viewer_ && !viewer_->running()) exited = "; the viewer exited: " + viewer_->err_so_far();
        if (!last_.is_object()) {
            return "no frame reached the UI map (" + map_path_ + ")" + (window_.empty() ? ", no window" : "") + exited;
        }
        nlohmann::json brief = last_;
        brief.erase("items");
        std::string ids;
        if (last_.contains("items")) {
            for (const auto& [id, rect] : last_["items"].items()) ids += (ids.empty() ? "" : " ") + id;
        }
        return "the UI map last showed " + brief.dump() + ", items: " + ids + exited;
    }

    static long frame_of(const nlohmann::json& m) {
        return m.is_object() && m.contains("frame") ? m["frame"].get<long>() : -1;
    }

private:
    bool move_to(double x, double y, int frames = 2) {
        return xdo({"mousemove", "--window", window_, std::to_string(static_cast<int>(x)),
                    std::to_string(static_cast<int>(y))}) &&
               wait_frames(frames);
    }

    static bool inside(const nlohmann::json& m, const std::string& id) {
        if (!m.contains("items") || !m["items"].contains(id) || !m.contains("size")) return false;
        const auto& r = m["items"][id];
        const double cx = r[0].get<double>() + r[2].get<double>() * 0.5;
        const double cy = r[1].get<double>() + r[3].get<double>() * 0.5;
        return cx >= 0.0 && cy >= 0.0 && cx < m["size"][0].get<double>() && cy < m["size"][1].get<double>();
    }

    std::string dir_;
    PrivateDisplay display_;
    std::string map_path_;
    std::optional<BackgroundProcess> viewer_;
    std::string window_;
    nlohmann::json last_;
};

}  // namespace myoview::testing
