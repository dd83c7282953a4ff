// The clinic's and the classroom's big screens (and a student's laptop), in real windows on Xvfb screens of that
// size: at 1920x1080 and 3840x2160 (and the quiz at 1280x720), with the controls, the kiosk, the quiz and a patient,
// the figure stands wholly in the free area beside the panels (app/footprint.cpp free_area,
// OrbitCamera::set_screen_window) and no panel leaves the window. What a person checks by looking at a screenshot,
// asserted from the viewer's --ui-map: "figure" (the projected rectangle of every visible mesh), "free_area" and the
// panels' rectangles, all in window pixels.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.h"
#include "ui_driver.h"

namespace myoview::testing {
namespace {

struct Screen {
    const char* name;
    int width, height;
    std::vector<std::string> args;    // besides the size
    std::vector<std::string> panels;  // the panels' and cards' ids this session shows: none may cover the figure
};

// For gtest's messages: the case's name, not its bytes.
void PrintTo(const Screen& s, std::ostream* out) {
    *out << s.name;
}

std::string rect_text(const nlohmann::json& r) {
    return r.dump();
}

class ScreenSizes : public ::testing::TestWithParam<Screen> {};

TEST_P(ScreenSizes, TheFigureStandsInTheFreeAreaAndEveryPanelInsideTheWindow) {
    ASSERT_EQ(access("/usr/bin/xdotool", X_OK), 0) << "xdotool is missing: run tools/setup";
    const Screen& s = GetParam();
    std::vector<std::string> args = s.args;
    // A 4K frame on lavapipe takes seconds at scale 1: the figure's place does not depend on the render scale.
    args.insert(args.end(), {"--render-scale", "0.5"});
    const std::string screen = std::to_string(s.width) + "x" + std::to_string(s.height) + "x24";
    UiDriver ui(std::string("screen-") + s.name, args, false, screen);
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.start()) << ui.seen();

    auto inside_window = [&](const nlohmann::json& m, const std::string& id) {
        const auto& r = m["items"][id];
        return r[0].get<double>() >= 0.0 && r[1].get<double>() >= 0.0 &&
               r[0].get<double>() + r[2].get<double>() <= s.width + 0.5 &&
               r[1].get<double>() + r[3].get<double>() <= s.height + 0.5;
    };
    // The figure inside the free area, and the free area clear of every panel standing at a side.
    auto figure_clear = [&](const nlohmann::json& m) {
        if (!m.contains("figure") || !m["figure"].is_array() || !m.contains("free_area")) return false;
        const auto& f = m["figure"];
        const auto& a = m["free_area"];
        if (f[0].get<double>() < a[0].get<double>() - 1.0 || f[2].get<double>() > a[2].get<double>() + 1.0 ||
            f[1].get<double>() < a[1].get<double>() - 1.0 || f[3].get<double>() > a[3].get<double>() + 1.0) {
            return false;
        }
        for (const std::string& id : s.panels) {
            if (!m["items"].contains(id)) return false;
            const auto& p = m["items"][id];
            const double x0 = p[0].get<double>(), x1 = x0 + p[2].get<double>();
            const double y0 = p[1].get<double>(), y1 = y0 + p[3].get<double>();
            const bool overlaps = x0 < f[2].get<double>() && x1 > f[0].get<double>() && y0 < f[3].get<double>() &&
                                  y1 > f[1].get<double>();
            if (overlaps) return false;
        }
        return true;
    };
    const auto m = ui.wait_until([&](const nlohmann::json& j) {
        if (j["size"] != nlohmann::json{s.width, s.height}) return false;
        for (const std::string& id : s.panels) {
            if (!j["items"].contains(id)) return false;
        }
        return figure_clear(j);
    });
    ASSERT_TRUE(m) << s.name << ": the window is not " << s.width << "x" << s.height
                   << ", a panel is missing or the figure is not clear of the panels; " << ui.seen() << ", figure "
                   << rect_text(ui.map()["figure"]) << ", items " << ui.map()["items"].dump();
    for (const std::string& id : s.panels) {
        EXPECT_TRUE(inside_window(*m, id))
            << s.name << ": " << id << " " << rect_text((*m)["items"][id]) << " leaves the window";
    }
    // A figure that fills the free area well: at least half its height (not a speck in a corner of a 4K screen).
    const auto& f = (*m)["figure"];
    EXPECT_GT(f[3].get<double>() - f[1].get<double>(), 0.5 * s.height) << s.name << " figure " << rect_text(f);

    // Ctrl+Alt+Q ends a kiosk; Q anything else.
    const bool kiosk = std::find(s.args.begin(), s.args.end(), "--kiosk") != s.args.end();
    ASSERT_TRUE(ui.focus());
    ui.key(kiosk ? "ctrl+alt+q" : "q");
    const auto r = ui.viewer().wait(60.0);
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    BigScreens, ScreenSizes,
    ::testing::Values(Screen{"hd_controls_card",
                             1920,
                             1080,
                             {"--size", "1920x1080", "--select", "pec_minor_r"},
                             {"panel", "card", "legend"}},
                      Screen{"uhd_fullscreen", 3840, 2160, {"--fullscreen"}, {"panel", "legend"}},
                      Screen{"uhd_kiosk", 3840, 2160, {"--kiosk"}, {"panel", "legend"}},
                      Screen{"hd_quiz", 1920, 1080, {"--quiz", "--size", "1920x1080"}, {"quiz_panel"}},
                      Screen{"laptop_quiz", 1280, 720, {"--quiz", "--size", "1280x720"}, {"quiz_panel"}},
                      Screen{"uhd_patient",
                             3840,
                             2160,
                             {"--size", "3840x2160", "--patient-cva", "44", "--patient-forward-shoulder", "78"},
                             {"panel", "legend"}}),
    [](const ::testing::TestParamInfo<Screen>& param_info) { return std::string(param_info.param.name); });

// The kiosk left alone plays the clinic story (the attract loop): at step 2 the story's caption, the card it opens,
// the "touch the screen" hint, the legend and the controls all stand outside the area the figure is framed in, which
// keeps most of the screen (the step's camera comes close to the chest, so the figure itself may reach past it).
TEST(KioskAttract, AtStepTwoNoCaptionCardHintOrPanelStandsInTheFiguresArea) {
    ASSERT_EQ(access("/usr/bin/xdotool", X_OK), 0) << "xdotool is missing: run tools/setup";
    UiDriver ui("screen-kiosk-attract", {"--kiosk", "--idle-seconds", "1", "--render-scale", "0.5"}, false,
                "1920x1080x24");
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.find()) << ui.seen();
    const std::vector<std::string> ids{"panel", "card", "legend", "story", "attract"};
    auto intersects = [](const nlohmann::json& r, const nlohmann::json& a) {
        const double x0 = r[0].get<double>(), y0 = r[1].get<double>();
        const double x1 = x0 + r[2].get<double>(), y1 = y0 + r[3].get<double>();
        return x0 < a[2].get<double>() - 0.5 && x1 > a[0].get<double>() + 0.5 && y0 < a[3].get<double>() - 0.5 &&
               y1 > a[1].get<double>() + 0.5;
    };
    const auto m = ui.wait_until([&](const nlohmann::json& j) {
        if (j["kiosk_attract"] != true || j["story_step"] != 2 || !j.contains("free_area")) return false;
        for (const std::string& id : ids) {
            if (!j["items"].contains(id) || intersects(j["items"][id], j["free_area"])) return false;
        }
        return true;
    });
    ASSERT_TRUE(m) << "at step 2 of the attract loop something stands in the figure's area; " << ui.seen() << ", items "
                   << ui.map()["items"].dump();
    const auto& a = (*m)["free_area"];
    EXPECT_GE(a[3].get<double>() - a[1].get<double>(), 0.55 * 1080) << a.dump();
    EXPECT_GE(a[2].get<double>() - a[0].get<double>(), 0.35 * 1080) << a.dump();
    // The figure is framed there: its middle (the chest the step shows) lies inside.
    const auto& f = (*m)["figure"];
    ASSERT_TRUE(f.is_array());
    const double cx = (f[0].get<double>() + f[2].get<double>()) / 2, cy = (f[1].get<double>() + f[3].get<double>()) / 2;
    EXPECT_TRUE(cx > a[0].get<double>() && cx < a[2].get<double>() && cy > a[1].get<double>() &&
                cy < a[3].get<double>())
        << "figure " << f.dump() << ", free area " << a.dump();
    ASSERT_TRUE(ui.focus());
    ui.key("ctrl+alt+q");
    const auto r = ui.viewer().wait(60.0);
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace myoview::testing
