// The real window under Xvfb, driven by a real X client (xdotool): frames, a resize storm down to 1x1 and back,
// keyboard and mouse, with the validation layer on and zero messages. Tests that type or click use a UiDriver
// (ui_driver.h): a private X server each, controls found by id in the viewer's --ui-map and waits on its frame
// count and simulated time instead of sleeps.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "myoview/gpu/png.h"
#include "process.h"
#include "ui_driver.h"
#include "x_session.h"

namespace myoview::testing {
namespace {

// Waits for the viewer's window on the shared X server (tools/test's Xvfb).
std::string shared_window(const BackgroundProcess& viewer) { return find_window(viewer.pid(), 60.0); }

class WindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(have_display()) << "window tests need an X server: run them through tools/test, which starts Xvfb";
        ASSERT_EQ(access("/usr/bin/xdotool", X_OK), 0) << "xdotool is missing: run tools/setup";
    }
};

TEST_F(WindowTest, SurvivesSixHundredFramesAndAResizeStormWithZeroValidationMessages) {
    const std::string dir = temp_dir("window-storm");
    const std::string report = dir + "/r.json";
    BackgroundProcess viewer({executable(), "--validate", "--frames", "600", "--size", "480x360", "--report", report});
    const std::string id = shared_window(viewer);
    ASSERT_FALSE(id.empty()) << "no window appeared";
    // The storm: shrink to 1x1, grow, thin strips, back to normal, while frames keep coming.
    const std::pair<int, int> sizes[] = {{640, 480}, {1, 1}, {320, 200}, {1, 1},   {900, 700}, {2, 300},
                                         {300, 2},   {1, 1}, {1, 1},     {480, 360}, {700, 500}, {480, 360}};
    int resizes = 0;
    for (int round = 0; round < 6 && viewer.running(); ++round) {
        for (auto [w, h] : sizes) {
            if (!viewer.running()) break;
            xdotool({"windowsize", id, std::to_string(w), std::to_string(h)});
            ++resizes;
            // The storm's pace, not a wait for the viewer: resize events arrive faster than frames, as when a user
            // drags a window's corner.
            std::this_thread::sleep_for(std::chrono::milliseconds(60));
        }
    }
    const auto r = viewer.wait(300.0);
    EXPECT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_GE(resizes, 12) << "the storm ended before it began: the viewer exited too early";
    const auto json = read_json(report);
    ASSERT_TRUE(json.is_object()) << "no report written";
    EXPECT_EQ(json["timing"]["frames"], 600);
    EXPECT_EQ(json["mode"], "window");
    EXPECT_EQ(json["validation"]["messages"], 0) << r.err;
    EXPECT_GE(json["swapchain_recreations"].get<int>(), 3) << "resizes must rebuild the swapchain";
}

TEST_F(WindowTest, KeyQFromARealXClientQuitsCleanly) {
    UiDriver ui("window-quit", {"--validate", "--size", "400x300", "--report", "{dir}/r.json"});
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.start()) << ui.seen();
    const auto r = ui.quit();
    EXPECT_FALSE(r.timed_out) << "Q did not close the window";
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto json = read_json(ui.dir() + "/r.json");
    ASSERT_TRUE(json.is_object());
    EXPECT_GE(json["timing"]["frames"].get<int>(), 3);
    EXPECT_EQ(json["ended_by"], "closed");
    EXPECT_EQ(json["validation"]["messages"], 0);
}

TEST_F(WindowTest, KeysMThenQApplyTheMassageAndTheShouldersComeBack) {
    UiDriver ui("window-massage", {"--validate", "--size", "640x400", "--report", "{dir}/r.json"});
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.start()) << ui.seen();
    const auto before = ui.wait_until([](const nlohmann::json& m) { return m["release"] == 0.0; });
    ASSERT_TRUE(before) << "the session starts unreleased; " << ui.seen();
    const double t0 = (*before)["sim_time_s"].get<double>();
    ASSERT_TRUE(ui.key("m"));
    // The release ramps over 4 simulated seconds and the posture follows it: wait on the viewer's own clock, however
    // slowly a loaded software renderer draws.
    const auto ramping = ui.wait_until(
        [](const nlohmann::json& m) { return m["massaging"] == true || m["release"].get<double>() > 0.0; });
    ASSERT_TRUE(ramping) << "M did not start the massage; " << ui.seen();
    const auto after = ui.wait_until([&](const nlohmann::json& m) {
        return m["sim_time_s"].get<double>() >= t0 + 10.0 && m["release"].get<double>() >= 0.999;
    });
    ASSERT_TRUE(after) << "the release did not reach 100 % within 10 simulated seconds; " << ui.seen();
    const auto r = ui.quit();
    ASSERT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = read_json(ui.dir() + "/r.json");
    ASSERT_TRUE(json.is_object());
    EXPECT_EQ(json["validation"]["messages"], 0);
    EXPECT_EQ(json["warnings"], 0) << "MuJoCo warnings";
    EXPECT_GT(json["release"].get<double>(), 0.99) << "M applied the chest release";
    const double start = json["posture_start"]["forward_shoulder_mm"].get<double>();
    const double end = json["posture"]["forward_shoulder_mm"].get<double>();
    EXPECT_LT(end, start - 5.0) << "the shoulders moved back: " << start << " -> " << end << " mm";
}

TEST_F(WindowTest, DraggingTheReleaseSliderWithTheMouseSetsTheRelease) {
    // Found by its id wherever the layout puts it: no pixel positions to re-measure when the panel changes.
    UiDriver ui("window-slider", {"--size", "1280x720", "--report", "{dir}/r.json"});
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.start()) << ui.seen();
    ASSERT_TRUE(ui.drag("release_slider", 0.02, 1.0, 5)) << ui.seen();
    const auto released = ui.wait_until([](const nlohmann::json& m) { return m["release"].get<double>() > 0.9; });
    ASSERT_TRUE(released) << "the slider dragged to its right end releases the chest; " << ui.seen();
    EXPECT_EQ((*released)["selected"], "") << "dragging a UI slider must not select anatomy behind it";
    const auto r = ui.quit();
    ASSERT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = read_json(ui.dir() + "/r.json");
    ASSERT_TRUE(json.is_object());
    EXPECT_GT(json["release"].get<double>(), 0.9) << "the slider dragged to its right end releases the chest";
    EXPECT_EQ(json["selected"], "") << "dragging a UI slider must not select anatomy behind it";
}

TEST_F(WindowTest, PresenterKeysPageDownWalkTheStory) {
    UiDriver ui("window-story", {"--size", "640x400", "--report", "{dir}/r.json"});
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.start()) << ui.seen();
    // Step 1 (posture), step 2 (the tight chest: the pectoralis minor card), step 3, then back to step 2. Each key
    // waits for its step before the next is sent.
    const std::pair<const char*, int> keys[] = {{"Next", 1}, {"Next", 2}, {"Next", 3}, {"Prior", 2}};
    for (auto [key, step] : keys) {  // X keysyms of PageDown / PageUp
        ASSERT_TRUE(ui.key(key));
        EXPECT_TRUE(ui.wait_until([&](const nlohmann::json& m) { return m["story_step"] == step; }))
            << key << " should lead to step " << step << "; " << ui.seen();
        if (step == 2) {  // the step's card opens as it plays, not at the key
            EXPECT_TRUE(ui.wait_until([](const nlohmann::json& m) { return m["selected"] == "pec_minor_r"; }))
                << "step 2 of the story opens the pectoralis minor; " << ui.seen();
        }
    }
    const auto r = ui.quit();
    ASSERT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = read_json(ui.dir() + "/r.json");
    ASSERT_TRUE(json.is_object());
    EXPECT_EQ(json["selected"], "pec_minor_r") << "step 2 of the story opens the pectoralis minor";
}

// The panel's view buttons, clicked by id: each turns the camera to its preset (render::OrbitCamera::set_preset).
TEST_F(WindowTest, ClickingTheViewButtonsTurnsTheCameraToEachView) {
    UiDriver ui("window-views", {"--size", "1280x720", "--report", "{dir}/r.json"});
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.start()) << ui.seen();
    auto camera_at = [](double yaw, double pitch) {
        return [=](const nlohmann::json& m) {
            return std::abs(m["camera"]["yaw_deg"].get<double>() - yaw) < 1e-3 &&
                   std::abs(m["camera"]["pitch_deg"].get<double>() - pitch) < 1e-3;
        };
    };
    ASSERT_TRUE(ui.wait_until(camera_at(0.0, 5.0))) << "the session starts from the front; " << ui.seen();
    struct View {
        const char* id;
        double yaw, pitch;
    };
    for (const View& v : {View{"view_back", 180.0, 5.0}, View{"view_left", 90.0, 5.0}, View{"view_right", -90.0, 5.0},
                          View{"view_three_quarter", -40.0, 15.0}, View{"view_front", 0.0, 5.0}}) {
        ASSERT_TRUE(ui.click(v.id)) << v.id << "; " << ui.seen();
        EXPECT_TRUE(ui.wait_until(camera_at(v.yaw, v.pitch))) << v.id << " did not turn the camera; " << ui.seen();
    }
    const auto r = ui.quit();
    ASSERT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = read_json(ui.dir() + "/r.json");
    ASSERT_TRUE(json.is_object());
    EXPECT_EQ(json["selected"], "") << "a click on a button must not select anatomy behind it";
}

// A new user's first moves (issue 11: "tools/run, orbit, press M"): a drag across the figure turns it and is not a
// click (nothing is selected); M starts the massage; a click on the chest opens the card of what lies there.
TEST_F(WindowTest, ADragAcrossTheFigureOrbitsItMMassagesAndAClickOnTheChestSelects) {
    UiDriver ui("window-orbit", {"--validate", "--report", "{dir}/r.json"});  // tools/run's window: the default size
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.start()) << ui.seen();
    // Where the figure is (the map's rectangle of its projected bounds, x0 y0 x1 y1): its chest is a third of the
    // way down, in the middle.
    const auto shown = ui.wait_until([](const nlohmann::json& m) { return m.contains("figure") && m["figure"].is_array(); });
    ASSERT_TRUE(shown) << ui.seen();
    const auto& f = (*shown)["figure"];
    const double x = (f[0].get<double>() + f[2].get<double>()) * 0.5;
    const double y = f[1].get<double>() + (f[3].get<double>() - f[1].get<double>()) * 0.35;
    ASSERT_TRUE(ui.drag_at(x - 120.0, y, x + 120.0, y, 8)) << ui.seen();
    const auto turned = ui.wait_until([](const nlohmann::json& m) {
        return std::abs(m["camera"]["yaw_deg"].get<double>()) > 20.0;
    });
    ASSERT_TRUE(turned) << "a 240-pixel drag across the figure must turn it; " << ui.seen();
    EXPECT_EQ((*turned)["selected"], "") << "a drag is not a click";
    EXPECT_NEAR((*turned)["camera"]["pitch_deg"].get<double>(), 5.0, 1.0) << "a level drag keeps the pitch";

    ASSERT_TRUE(ui.key("m"));
    EXPECT_TRUE(ui.wait_until([](const nlohmann::json& m) { return m["release"].get<double>() > 0.5; }))
        << "M starts the massage; " << ui.seen();

    ASSERT_TRUE(ui.click("view_front")) << ui.seen();
    ASSERT_TRUE(ui.wait_until([](const nlohmann::json& m) {
        return std::abs(m["camera"]["yaw_deg"].get<double>()) < 1e-3;
    })) << ui.seen();
    ASSERT_TRUE(ui.click_at(x, y)) << ui.seen();
    const auto picked = ui.wait_until([](const nlohmann::json& m) { return m["selected"] != ""; });
    ASSERT_TRUE(picked) << "a click on the chest selects the structure under it; " << ui.seen();
    const auto r = ui.quit();
    ASSERT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = read_json(ui.dir() + "/r.json");
    ASSERT_TRUE(json.is_object());
    EXPECT_EQ(json["validation"]["messages"], 0);
}

// "Label everything" from the keyboard (L) and from the layers' box: every structure seen named, then back to the
// story's dozen muscles; the report at exit says which. (UI scale 0.75: the layers' boxes fit on the private
// 1280x1024 screen without scrolling the panel.)
TEST_F(WindowTest, KeyLAndTheLayersBoxTurnLabelEverythingOnAndOff) {
    UiDriver ui("window-labels",
                {"--size", "1280x1000", "--ui-scale", "0.75", "--validate", "--report", "{dir}/r.json"});
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.start()) << ui.seen();
    auto labels_are = [](const std::string& mode, std::size_t at_least) {
        return [=](const nlohmann::json& m) {
            return m.contains("labels") && m["labels"]["mode"] == mode &&
                   m["labels"]["count"].get<std::size_t>() >= at_least;
        };
    };
    ASSERT_TRUE(ui.wait_until(labels_are("some", 1))) << "the story's labels at the start; " << ui.seen();
    ASSERT_TRUE(ui.key("l"));
    EXPECT_TRUE(ui.wait_until(labels_are("all", 25))) << "L names everything seen; " << ui.seen();
    ASSERT_TRUE(ui.click("layers_header")) << ui.seen();
    ASSERT_TRUE(ui.wait_frames(2));
    ASSERT_TRUE(ui.click("layer_labels_all")) << ui.seen();
    EXPECT_TRUE(ui.wait_until(labels_are("some", 1))) << "the box turns it off; " << ui.seen();
    ASSERT_TRUE(ui.click("layer_labels_all")) << ui.seen();
    EXPECT_TRUE(ui.wait_until(labels_are("all", 25))) << "and on again; " << ui.seen();
    const auto r = ui.quit();
    ASSERT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = read_json(ui.dir() + "/r.json");
    ASSERT_TRUE(json.is_object());
    EXPECT_EQ(json["labels"]["mode"], "all");
    EXPECT_EQ(json["validation"]["messages"], 0);
}

// The RGBA bytes of a PNG (empty when it cannot be read).
std::vector<uint8_t> gpu_png(const std::string& path) {
    auto pixels = gpu::read_png(path);
    return pixels ? pixels->rgba : std::vector<uint8_t>{};
}

// The panel's "Save this scene" (Save and share) writes the scene as a scenario file in the home folder; opened
// again (headless, --scenario) it shows the picture the same options give: the same view, card and language.
TEST_F(WindowTest, SaveThisSceneFromThePanelWritesAFileThatReopensToTheSamePicture) {
    UiDriver ui("window-save", {"--size", "1280x1000", "--view", "back", "--select", "rhomboid_major_r", "--lang", "es"});
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.start()) << ui.seen();
    ASSERT_TRUE(ui.click("scene_header")) << ui.seen();
    // The opened section may lie below the window: the panel scrolls (the wheel over it) until the button shows.
    for (int i = 0; i < 12 && !ui.map()["items"].contains("save_scene"); ++i) {
        const auto panel = ui.map()["items"]["panel"];
        ASSERT_TRUE(panel.is_array()) << ui.seen();
        const int x = panel[0].get<int>() + panel[2].get<int>() / 2, y = panel[1].get<int>() + panel[3].get<int>() / 2;
        ASSERT_TRUE(ui.xdo({"mousemove", "--window", ui.window_id(), std::to_string(x), std::to_string(y)}));
        ASSERT_TRUE(ui.xdo({"click", "5"}));
        ASSERT_TRUE(ui.wait_frames(3)) << ui.seen();
    }
    ASSERT_TRUE(ui.map()["items"].contains("save_scene")) << ui.seen();
    ASSERT_TRUE(ui.click("save_scene")) << ui.seen();
    std::string saved;
    for (int i = 0; i < 600 && saved.empty(); ++i) {  // the file appears within a frame or two
        for (const auto& e : std::filesystem::directory_iterator(ui.dir())) {
            const std::string name = e.path().filename().string();
            if (name.rfind("myoview-scene-", 0) == 0 && e.path().extension() == ".json") saved = e.path().string();
        }
        if (saved.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_FALSE(saved.empty()) << "no scene file in " << ui.dir() << "; " << ui.seen();
    const auto r = ui.quit();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const nlohmann::json scene = read_json(saved);
    ASSERT_TRUE(scene.is_object()) << saved;
    EXPECT_EQ(scene["start"]["select"], "rhomboid_major_r");
    EXPECT_EQ(scene["start"]["language"], "es");
    EXPECT_NEAR(scene["start"]["camera"]["yaw_deg"].get<double>(), 180.0, 1e-3);
    // Reopened headless, it gives the picture of the same options rendered directly.
    const std::string a = ui.dir() + "/reopened.png", b = ui.dir() + "/direct.png";
    ASSERT_EQ(run_process({executable(), "--headless", "--size", "640x360", "--scenario", saved, "--frames", "1",
                           "--screenshot", a}, with_timeout(120.0)).exit_code, 0);
    ASSERT_EQ(run_process({executable(), "--headless", "--size", "640x360", "--view", "back", "--select",
                           "rhomboid_major_r", "--lang", "es", "--screenshot", b}, with_timeout(120.0)).exit_code, 0);
    const auto pa = gpu_png(a), pb = gpu_png(b);
    ASSERT_FALSE(pa.empty());
    ASSERT_EQ(pa.size(), pb.size());
    double sum = 0.0;
    for (std::size_t i = 0; i < pa.size(); ++i) sum += std::abs(int(pa[i]) - int(pb[i]));
    EXPECT_LT(sum / static_cast<double>(pa.size()), 1.5) << "the reopened scene is the same picture";
}

TEST_F(WindowTest, ClosingTheWindowFromTheWindowManagerSideExitsZero) {
    BackgroundProcess viewer({executable(), "--size", "320x240"});
    const std::string id = shared_window(viewer);
    ASSERT_FALSE(id.empty());
    // WM_DELETE_WINDOW, as a window manager's close button sends it.
    run_process({"/usr/bin/xdotool", "windowclose", id}, with_timeout(10.0));
    const auto r = viewer.wait(60.0);
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.signal, 0) << "no crash on close";
}

}  // namespace
}  // namespace myoview::testing
