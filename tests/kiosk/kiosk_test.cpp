// The clinic kiosk in a real window (a private Xvfb, so no other test's window takes the focus), driven by xdotool.
// The waits are on what the viewer says (its log lines), never on fixed sleeps.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "x_session.h"

namespace myoview::testing {
namespace {

// Waits until the viewer has logged `text` `times` times (or the deadline passes).
bool logged(BackgroundProcess& viewer, const std::string& text, int times, double timeout_s) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (std::chrono::steady_clock::now() < deadline && viewer.running()) {
        const std::string& err = viewer.err_so_far();
        int n = 0;
        for (auto at = err.find(text); at != std::string::npos; at = err.find(text, at + 1)) ++n;
        if (n >= times) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

TEST(Kiosk, TheAttractLoopStartsWhenLeftAloneStopsAtATouchAndOnlyTheExitChordQuits) {
    ASSERT_EQ(access("/usr/bin/xdotool", X_OK), 0) << "xdotool is missing: run tools/setup";
    const std::string dir = temp_dir("kiosk");
    PrivateDisplay display(false, dir);
    ASSERT_TRUE(display.ok()) << display.problem();
    const std::string report = dir + "/report.json";
    ProcessOptions options;
    options.env["DISPLAY"] = display.name();
    BackgroundProcess viewer({executable(), "--kiosk", "--idle-seconds", "2", "--size", "640x400", "--validate",
                              "--report", report},
                             options);
    ASSERT_TRUE(viewer.wait_for_err("first frame after", 120.0)) << viewer.err_so_far();
    ASSERT_TRUE(logged(viewer, "the attract loop starts", 1, 60.0)) << "left alone, it plays the story\n"
                                                                    << viewer.err_so_far();
    const std::string id = find_window(viewer.pid(), 20.0, display.name());
    ASSERT_FALSE(id.empty());
    // A touch: a click anywhere on the screen.
    ASSERT_EQ(xdotool({"mousemove", "--window", id, "320", "200"}, display.name()).exit_code, 0);
    ASSERT_EQ(xdotool({"click", "1"}, display.name()).exit_code, 0);
    ASSERT_TRUE(logged(viewer, "back to the interactive view", 1, 60.0)) << viewer.err_so_far();
    // Q and Escape do not end a kiosk...
    ASSERT_EQ(xdotool({"windowfocus", "--sync", id}, display.name()).exit_code, 0);
    xdotool({"key", "--clearmodifiers", "q"}, display.name());
    xdotool({"key", "--clearmodifiers", "Escape"}, display.name());
    // ...which is still drawing: it starts the attract loop again when left alone.
    ASSERT_TRUE(logged(viewer, "the attract loop starts", 2, 60.0)) << viewer.err_so_far();
    // The exit chord does.
    xdotool({"key", "--clearmodifiers", "ctrl+alt+q"}, display.name());
    const ProcessResult r = viewer.wait(60.0);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json rep = read_json(report);
    ASSERT_TRUE(rep.contains("kiosk")) << rep.dump();
    EXPECT_EQ(rep["kiosk"]["interactive_returns"], 1) << r.err;
    EXPECT_EQ(rep["kiosk"]["attract_loops_started"], 2);
    EXPECT_EQ(rep["ended_by"], "closed");
    EXPECT_EQ(rep["validation"]["messages"], 0);
}

}  // namespace
}  // namespace myoview::testing
