// --ui-map, the window tests' instrument (app/ui_map.h), checked headless where every frame is deterministic: it
// lists the panel's controls by id inside the image with the frame count, it changes nothing the viewer does (the
// same report and the same pixels with and without it), and a path that cannot be written is an input error.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "process.h"
#include "x_session.h"

namespace myoview::testing {
namespace {

using ::testing::HasSubstr;

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST(UiMapOption, AHeadlessRunListsThePanelControlsInsideTheImageWithTheFrameCount) {
    const std::string dir = temp_dir("ui-map-headless");
    const std::string map_path = dir + "/map.json";
    const auto r = run_process({executable(), "--headless", "--size", "1280x1000", "--msaa", "1", "--frames", "3",
                                "--select", "pec_minor_r", "--ui-map", map_path},
                               with_timeout(180.0));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto map = read_json(map_path);
    ASSERT_TRUE(map.is_object()) << "no UI map, or not JSON";
    EXPECT_EQ(map["frame"], 3) << "the last frame is flushed at the end";
    EXPECT_EQ(map["size"], (nlohmann::json{1280, 1000}));
    EXPECT_EQ(map["selected"], "pec_minor_r");
    EXPECT_EQ(map["release"], 0.0);
    EXPECT_GT(map["sim_time_s"].get<double>(), 0.0);
    const auto& items = map["items"];
    for (const char* id : {"panel", "view_front", "view_back", "view_left", "view_right", "view_three_quarter",
                           "preset", "release_slider", "apply_massage", "release_by_part", "pause", "reset",
                           "layers_header", "colours_header", "card", "card_language_en"}) {
        ASSERT_TRUE(items.contains(id)) << id << " missing from " << items.dump();
        const auto& rect = items[id];
        ASSERT_EQ(rect.size(), 4u) << id;
        const double x = rect[0], y = rect[1], w = rect[2], h = rect[3];
        EXPECT_GT(w, 0.0) << id;
        EXPECT_GT(h, 0.0) << id;
        EXPECT_TRUE(x >= 0.0 && y >= 0.0 && x + w <= 1280.0 && y + h <= 1000.0) << id << " " << rect.dump();
    }
    // The layout, in the panel's order: the view buttons left to right in one row, the slider below them, the
    // massage button below the slider, all inside the panel.
    EXPECT_LT(items["view_front"][0].get<double>(), items["view_back"][0].get<double>());
    EXPECT_EQ(items["view_front"][1], items["view_back"][1]);
    EXPECT_GT(items["release_slider"][1].get<double>(), items["view_front"][1].get<double>());
    EXPECT_GT(items["apply_massage"][1].get<double>(), items["release_slider"][1].get<double>());
    EXPECT_GE(items["release_slider"][0].get<double>(), items["panel"][0].get<double>());
    // Controls in closed sections are not drawn, so not listed: nothing to click there.
    EXPECT_FALSE(items.contains("layer_skin"));
}

// A control below the bottom of a small window is not listed: a click at its place would miss it.
TEST(UiMapOption, AControlOutsideTheImageIsNotListed) {
    const std::string dir = temp_dir("ui-map-small");
    const std::string map_path = dir + "/map.json";
    const auto r = run_process({executable(), "--headless", "--size", "1280x600", "--msaa", "1", "--frames", "2",
                                "--ui-scale", "1", "--ui-map", map_path},
                               with_timeout(180.0));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto map = read_json(map_path);
    ASSERT_TRUE(map.is_object());
    EXPECT_TRUE(map["items"].contains("release_slider")) << map["items"].dump();
    EXPECT_FALSE(map["items"].contains("about_header")) << "the panel's last section lies below 600 px (the panel scrolls)";
}

TEST(UiMapOption, ChangesNothingTheViewerDoesTheSameReportAndPixels) {
    const std::string dir = temp_dir("ui-map-same");
    auto run = [&](const std::string& name, bool with_map) {
        std::vector<std::string> argv{executable(),
                                      "--headless",
                                      "--size",
                                      "320x240",
                                      "--msaa",
                                      "1",
                                      "--frames",
                                      "40",
                                      "--massage",
                                      "--screenshot",
                                      dir + "/" + name + ".png",
                                      "--report",
                                      dir + "/" + name + ".json"};
        if (with_map) argv.insert(argv.end(), {"--ui-map", dir + "/" + name + "-map.json"});
        return run_process(argv, with_timeout(180.0));
    };
    const auto plain = run("plain", false);
    const auto mapped = run("mapped", true);
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    ASSERT_EQ(mapped.exit_code, 0) << mapped.err;
    const auto a = read_json(dir + "/plain.json");
    const auto b = read_json(dir + "/mapped.json");
    ASSERT_TRUE(a.is_object() && b.is_object());
    for (const char* key : {"release", "sim_time_s", "posture", "muscles", "selected", "paused"}) {
        EXPECT_EQ(a[key], b[key]) << key;
    }
    EXPECT_GT(a["release"].get<double>(), 0.0) << "the massage ran: the comparison covers a changing scene";
    const std::string png_a = file_bytes(dir + "/plain.png");
    ASSERT_FALSE(png_a.empty());
    EXPECT_TRUE(png_a == file_bytes(dir + "/mapped.png")) << "the map changed the pixels";
    const auto map = read_json(dir + "/mapped-map.json");
    ASSERT_TRUE(map.is_object());
    EXPECT_EQ(map["frame"], 40);
    EXPECT_EQ(map["release"], b["release"]) << "the map's release is the report's";
}

TEST(UiMapOption, APathThatCannotBeWrittenIsAnInputErrorBeforeAnyFrame) {
    const std::string dir = temp_dir("ui-map-bad");
    const std::string bad = dir + "/no-such-folder/map.json";
    const auto r = run_process({executable(), "--headless", "--size", "320x240", "--ui-map", bad}, with_timeout(60.0));
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.signal, 0);
    EXPECT_THAT(r.err, HasSubstr(bad));
    EXPECT_THAT(r.err, HasSubstr("--ui-map"));
    EXPECT_THAT(r.err, ::testing::Not(HasSubstr("first frame"))) << "refused before rendering";

    const auto no_render = run_process({executable(), "--no-render", "--ui-map", dir + "/m.json"}, with_timeout(60.0));
    EXPECT_EQ(no_render.exit_code, 2);
    EXPECT_THAT(no_render.err, HasSubstr("--ui-map needs rendering"));
}

}  // namespace
}  // namespace myoview::testing
