// The window's hardening, driven by a real X client: signals end a session with its report, GPU failures end it
// with a message and exit 1, iconify / restore / 1x1 keep the swapchain valid, held keys toggle once, and a slow
// frame does not leave the simulation or the massage ramp behind the wall clock. Validation on, zero messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <thread>

#include "x_session.h"

namespace myoview::testing {
namespace {

using ::testing::HasSubstr;

void sleep_s(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

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
        const std::string name = sig == SIGTERM ? "SIGTERM" : "SIGINT";
        const std::string report = dir + "/" + name + ".json";
        BackgroundProcess viewer({executable(), "--validate", "--size", "320x240", "--msaa", "1", "--report", report});
        ASSERT_TRUE(viewer.wait_for_err("first frame after", 120.0)) << viewer.err_so_far();
        ASSERT_EQ(::kill(viewer.pid(), sig), 0);
        const auto r = viewer.wait(60.0);
        EXPECT_FALSE(r.timed_out) << name;
        EXPECT_EQ(r.signal, 0) << name << ": the viewer must exit, not die of the signal (143 / 130)";
        EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
        const auto json = read_json(report);
        ASSERT_TRUE(json.is_object()) << name << ": no report, or not valid JSON";
        EXPECT_EQ(json["ended_by"], name);
        EXPECT_EQ(json["mode"], "window");
        EXPECT_EQ(json["exit_code"], 0);
        EXPECT_GE(json["timing"]["frames"].get<int>(), 1);
        EXPECT_EQ(json["validation"]["messages"], 0) << r.err;
        for (const char* key : {"posture", "muscles", "clock", "window", "model"}) {
            EXPECT_TRUE(json.contains(key)) << name << ": the report lacks " << key;
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
    const std::string dir = temp_dir("window-iconify");
    PrivateDisplay display(true, dir);
    ASSERT_TRUE(display.ok()) << display.problem();
    const std::string report = dir + "/r.json";
    ProcessOptions options;
    options.env["DISPLAY"] = display.name();
    BackgroundProcess viewer({executable(), "--validate", "--size", "480x360", "--msaa", "1", "--report", report},
                             options);
    const std::string id = find_window(viewer.pid(), 60.0, display.name());
    ASSERT_FALSE(id.empty()) << "no window appeared";
    ASSERT_TRUE(display.managed(id, 20.0)) << "twm did not take the window in";
    ASSERT_TRUE(viewer.wait_for_err("first frame after", 120.0)) << viewer.err_so_far();

    ASSERT_EQ(xdotool({"windowminimize", "--sync", id}, display.name()).exit_code, 0);
    EXPECT_EQ(map_state(id, display.name()), "IsUnMapped") << "twm did not iconify the window";
    sleep_s(2.0);
    ASSERT_EQ(xdotool({"windowmap", "--sync", id}, display.name()).exit_code, 0);
    EXPECT_EQ(map_state(id, display.name()), "IsViewable") << "twm did not restore the window";
    sleep_s(2.0);
    for (auto [w, h] : {std::pair{1, 1}, {480, 360}, {1, 1}, {320, 240}}) {
        xdotool({"windowsize", id, std::to_string(w), std::to_string(h)}, display.name());
        sleep_s(0.7);
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
    const std::string dir = temp_dir("window-held-keys");
    PrivateDisplay display(false, dir);
    ASSERT_TRUE(display.ok()) << display.problem();
    const std::string report = dir + "/r.json";
    ProcessOptions options;
    options.env["DISPLAY"] = display.name();
    BackgroundProcess viewer({executable(), "--size", "320x240", "--msaa", "1", "--no-ui", "--report", report},
                             options);
    const std::string id = find_window(viewer.pid(), 60.0, display.name());
    ASSERT_FALSE(id.empty());
    ASSERT_TRUE(viewer.wait_for_err("first frame after", 120.0)) << viewer.err_so_far();
    xdotool({"windowfocus", "--sync", id}, display.name());
    for (const char* key : {"space", "f"}) {
        xdotool({"keydown", key}, display.name());
        sleep_s(1.5);
        xdotool({"keyup", key}, display.name());
        sleep_s(1.0);
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
    const std::string dir = temp_dir("window-stall");
    const std::string report = dir + "/r.json";
    BackgroundProcess viewer({executable(), "--size", "320x240", "--msaa", "1", "--no-ui", "--massage",
                              "--inject-fault", "stall@3", "--report", report});
    ASSERT_TRUE(viewer.wait_for_err("first frame after", 120.0)) << viewer.err_so_far();
    sleep_s(5.0);
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
