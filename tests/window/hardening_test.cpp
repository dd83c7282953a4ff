// The window's hardening, driven by a real X client: signals end a session with its report, GPU failures end it
// with a message and exit 1, iconify / restore / 1x1 keep the swapchain valid, held keys toggle once, and a slow
// frame does not leave the simulation or the massage ramp behind the wall clock. Validation on, zero messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <thread>

#include "stop_signal.h"
#include "ui_driver.h"
#include "x_session.h"

namespace myoview::testing {
namespace {

using ::testing::HasSubstr;

// Only for what needs real seconds to pass (the viewer's own clock cannot stand in): a spell of iconified wall time,
// and X's auto-repeat of a held key. Everything else waits on the viewer's --ui-map.
void sleep_s(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

bool frame_at_least(const nlohmann::json& m, long frame) { return UiDriver::frame_of(m) >= frame; }

class WindowHardening : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(have_display()) << "window tests need an X server: run them through tools/test, which starts Xvfb";
        ASSERT_EQ(access("/usr/bin/xdotool", X_OK), 0) << "xdotool is missing: run tools/setup";
    }
};

TEST_F(WindowHardening, SigtermAndSigintCloseTheWindowWithExitZeroAndACompleteReport) {
    const std::string dir = temp_dir("window-signals");
    for (const int sig : {SIGTERM, SIGINT}) {
        const SignalledRun run = end_with_signal({executable(), "--validate", "--size", "320x240", "--msaa", "1"}, sig,
                                                 "first frame after", dir);
        ASSERT_TRUE(run.report.is_object());
        const nlohmann::json& json = run.report;
        EXPECT_EQ(json["mode"], "window");
        EXPECT_EQ(json["exit_code"], 0);
        EXPECT_GE(json["timing"]["frames"].get<int>(), 1);
        EXPECT_EQ(json["validation"]["messages"], 0) << run.result.err;
        for (const char* key : {"posture", "muscles", "clock", "window", "model"}) {
            EXPECT_TRUE(json.contains(key)) << run.signal_name << ": the report lacks " << key;
        }
    }
}

// Present, submit and device loss fail on demand (--inject-fault): one clear line, the report, exit 1, and no
// wait on the fence that will not signal.
TEST_F(WindowHardening, APresentSubmitOrDeviceFailureEndsWithAMessageTheReportAndExitOne) {
    const std::string dir = temp_dir("window-faults");
    struct Case {
        const char* fault;
        const char* says;
    };
    for (const Case& c : {Case{"present", "VK_ERROR_SURFACE_LOST_KHR"}, Case{"submit", "VK_ERROR_OUT_OF_DEVICE_MEMORY"},
                          Case{"device-lost", "VK_ERROR_DEVICE_LOST"}}) {
        const std::string report = dir + "/" + c.fault + ".json";
        BackgroundProcess viewer({executable(), "--validate", "--size", "320x240", "--msaa", "1", "--inject-fault",
                                  std::string(c.fault) + "@5", "--report", report});
        const auto r = viewer.wait(120.0);
        EXPECT_FALSE(r.timed_out) << c.fault << ": hung";
        EXPECT_EQ(r.signal, 0) << c.fault << ": no abort";
        EXPECT_EQ(r.exit_code, 1) << c.fault << ": " << r.err;
        EXPECT_THAT(r.err, HasSubstr(c.says)) << c.fault;
        EXPECT_THAT(r.err, HasSubstr("the report was written to")) << c.fault;
        const auto json = read_json(report);
        ASSERT_TRUE(json.is_object()) << c.fault << ": no report";
        EXPECT_EQ(json["ended_by"], "error") << c.fault;
        EXPECT_THAT(json["error"].get<std::string>(), HasSubstr(c.says));
        EXPECT_EQ(json["exit_code"], 1);
        EXPECT_EQ(json["timing"]["frames"], 4) << c.fault << ": frames 1-4 presented, frame 5 failed";
        EXPECT_EQ(json["validation"]["messages"], 0) << c.fault << ": " << r.err;
    }
}

// Iconify and restore need a window manager, and a real one answers the requests a user's would: a private Xvfb
// with twm, driven by xdotool (windowminimize sends WM_CHANGE_STATE, windowmap asks to map it again). Then a
// resize to 1x1 and back. Frames stop while iconified, resume after, and nothing upsets the validation layer.
TEST_F(WindowHardening, IconifyRestoreAndResizeToOnePixelKeepTheSwapchainValid) {
    ASSERT_EQ(access("/usr/bin/twm", X_OK), 0) << "twm is missing: run tools/setup";
    UiDriver ui("window-iconify", {"--validate", "--size", "480x360", "--msaa", "1", "--report", "{dir}/r.json"},
                true);
    ASSERT_EQ(ui.problem(), "");
    const std::string report = ui.dir() + "/r.json";
    BackgroundProcess& viewer = ui.viewer();
    ASSERT_TRUE(ui.find()) << "no window appeared";
    const std::string id = ui.window_id();
    const std::string display = ui.display();
    ASSERT_TRUE(ui.managed()) << "twm did not take the window in";
    ASSERT_TRUE(ui.wait_until([](const nlohmann::json& m) { return frame_at_least(m, 1); })) << ui.seen();

    ASSERT_EQ(xdotool({"windowminimize", "--sync", id}, display).exit_code, 0);
    EXPECT_EQ(map_state(id, display), "IsUnMapped") << "twm did not iconify the window";
    const long frames_before = UiDriver::frame_of(ui.map());
    // Real seconds: minimized_s is wall time spent iconified, and no frame (so no map) comes while it lasts.
    sleep_s(2.0);
    ASSERT_EQ(xdotool({"windowmap", "--sync", id}, display).exit_code, 0);
    EXPECT_EQ(map_state(id, display), "IsViewable") << "twm did not restore the window";
    EXPECT_TRUE(ui.wait_until([&](const nlohmann::json& m) {
        return m["window"]["restored"] == 1 && frame_at_least(m, frames_before + 2);
    })) << "frames did not resume after the restore; " << ui.seen();
    for (auto [w, h] : {std::pair{1, 1}, {480, 360}, {1, 1}, {320, 240}}) {
        xdotool({"windowsize", id, std::to_string(w), std::to_string(h)}, display);
        // The viewer drew at the new size (its framebuffer, as the map shows it), and one frame more.
        EXPECT_TRUE(ui.wait_until([&](const nlohmann::json& m) { return m["size"] == nlohmann::json{w, h}; }))
            << w << "x" << h << "; " << ui.seen();
        EXPECT_TRUE(ui.wait_frames(1)) << ui.seen();
    }
    ASSERT_TRUE(viewer.running()) << viewer.wait(1.0).err;
    ::kill(viewer.pid(), SIGTERM);
    const auto r = viewer.wait(60.0);
    ASSERT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = read_json(report);
    ASSERT_TRUE(json.is_object());
    EXPECT_EQ(json["validation"]["messages"], 0) << r.err;
    EXPECT_EQ(json["window"]["iconified"], 1);
    EXPECT_EQ(json["window"]["restored"], 1);
    EXPECT_GE(json["window"]["minimized_s"].get<double>(), 1.5);
    EXPECT_GE(json["window"]["frames_since_restore"].get<int>(), 1) << "frames resumed after the restore";
    // The first build, then one per resize event that changed the size (at least the last two); not one per frame.
    EXPECT_GE(json["swapchain_recreations"].get<int>(), 3);
    EXPECT_LT(json["swapchain_recreations"].get<int>(), json["timing"]["frames"].get<int>());
}

// X auto-repeats a held key (about 25 presses a second on Xvfb). F and Space toggle: held for 1.5 s, each must
// toggle exactly once. On a private X server: the keys go to the focused window, and for these seconds no other
// test's window may take the focus.
TEST_F(WindowHardening, HeldKeysToggleFullscreenAndPauseOnce) {
    UiDriver ui("window-held-keys", {"--size", "320x240", "--msaa", "1", "--no-ui", "--report", "{dir}/r.json"});
    ASSERT_EQ(ui.problem(), "");
    const std::string report = ui.dir() + "/r.json";
    BackgroundProcess& viewer = ui.viewer();
    ASSERT_TRUE(ui.start()) << ui.seen();
    struct Held {
        const char* key;
        const char* counter;
    };
    for (const Held& held : {Held{"space", "pause_toggles"}, Held{"f", "fullscreen_toggles"}}) {
        ASSERT_TRUE(ui.xdo({"keydown", held.key}));
        EXPECT_TRUE(ui.wait_until([&](const nlohmann::json& m) { return m["input"][held.counter] == 1; }))
            << held.key << " did not toggle; " << ui.seen();
        // Real seconds: X repeats a held key on its own clock (after 660 ms, then 25 a second); 1.5 s is about 20
        // repeats, each of which must not toggle again.
        sleep_s(1.5);
        ASSERT_TRUE(ui.xdo({"keyup", held.key}));
        EXPECT_TRUE(ui.wait_frames(2)) << ui.seen();
        EXPECT_EQ(ui.map()["input"][held.counter], 1) << "held " << held.key << " toggled again";
    }
    ::kill(viewer.pid(), SIGTERM);
    const auto r = viewer.wait(60.0);
    ASSERT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = read_json(report);
    ASSERT_TRUE(json.is_object());
    EXPECT_EQ(json["input"]["pause_toggles"], 1) << "a held Space must pause once, not flicker";
    EXPECT_EQ(json["input"]["fullscreen_toggles"], 1) << "a held F must go fullscreen once";
    EXPECT_EQ(json["paused"], true);
}

// A frame that takes 2.5 s (--inject-fault stall): the simulation and the massage ramp catch up with the wall
// clock instead of falling 2.25 s behind it, and nothing is dropped.
TEST_F(WindowHardening, ASlowFrameDoesNotLeaveTheSimulationBehindTheWallClock) {
    UiDriver ui("window-stall", {"--size", "320x240", "--msaa", "1", "--no-ui", "--massage", "--inject-fault",
                                 "stall@3", "--report", "{dir}/r.json"});
    ASSERT_EQ(ui.problem(), "");
    const std::string report = ui.dir() + "/r.json";
    BackgroundProcess& viewer = ui.viewer();
    // Past the stall and past the 4 s ramp, on the viewer's clock.
    ASSERT_TRUE(ui.wait_until([](const nlohmann::json& m) { return m["sim_time_s"].get<double>() >= 5.0; }))
        << ui.seen();
    ::kill(viewer.pid(), SIGTERM);
    const auto r = viewer.wait(60.0);
    ASSERT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = read_json(report);
    ASSERT_TRUE(json.is_object());
    const auto& clock = json["clock"];
    const double wall = clock["wall_s"].get<double>();
    EXPECT_GE(clock["longest_frame_s"].get<double>(), 2.5) << "the stall happened";
    EXPECT_EQ(clock["dropped_s"].get<double>(), 0.0);
    // The simulation's own clock (10 ms steps, the remainder kept) against the viewer's wall clock.
    const double simulated = json["sim_time_s"].get<double>() - clock["settle_s"].get<double>();
    EXPECT_NEAR(simulated, wall, 0.011) << "simulated " << simulated << " s in " << wall << " s of frames";
    // The ramp ran on the same clock: 4 s to full release, smoothstep.
    const double u = std::min(wall / 4.0, 1.0);
    EXPECT_NEAR(json["release"].get<double>(), u * u * (3.0 - 2.0 * u), 1e-6);
}

}  // namespace
}  // namespace myoview::testing
