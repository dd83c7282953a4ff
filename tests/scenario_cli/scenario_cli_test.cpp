// The scenario options of the real executable: --scenario (headless, deterministic), --export (MP4 and PNG
// sequence, decoded back with FFmpeg), --save-scene and reopening, and bad scenario files.
#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "myoview/gpu/png.h"
#include "process.h"
#include "scratch_dir.h"
#include "video_probe.h"

namespace myoview::testing {
namespace {

using exporter::testing::ScratchDir;

const std::string kClinicStory = std::string(MYOVIEW_SOURCE_DIR) + "/assets/scenarios/clinic-story.json";

ProcessResult myoview(std::vector<std::string> args, double timeout_s = 240.0) {
    args.insert(args.begin(), MYOVIEW_EXECUTABLE);
    return run_process(args, with_timeout(timeout_s));
}

nlohmann::json read_json(const std::filesystem::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
}

// Mean absolute difference per channel (0..255) and the fraction of pixels differing by more than 24 in any channel.
std::pair<double, double> difference(const gpu::Pixels& a, const gpu::Pixels& b) {
    double sum = 0.0;
    std::size_t failing = 0;
    const std::size_t n = static_cast<std::size_t>(a.width) * a.height;
    for (std::size_t i = 0; i < n; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) {
            const int d = std::abs(int(a.rgba[i * 4 + c]) - int(b.rgba[i * 4 + c]));
            sum += d;
            worst = std::max(worst, d);
        }
        if (worst > 24) ++failing;
    }
    return {sum / (3.0 * static_cast<double>(n)), static_cast<double>(failing) / static_cast<double>(n)};
}

TEST(ScenarioCli, TheClinicStoryPlayedTwiceGivesTheSameNumbersAndTheSamePixels) {
    ScratchDir dir;
    std::vector<nlohmann::json> reports;
    std::vector<std::string> pngs;
    for (int run = 0; run < 2; ++run) {
        const auto png = dir / ("story" + std::to_string(run) + ".png");
        const auto report = dir / ("story" + std::to_string(run) + ".json");
        const auto r = myoview({"--scenario", kClinicStory, "--headless", "--size", "160x100", "--fps", "2",
                                "--screenshot", png.string(), "--report", report.string()});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        reports.push_back(read_json(report));
        pngs.push_back(read_bytes(png));
    }
    const nlohmann::json& a = reports[0];
    EXPECT_EQ(a["timing"]["frames"], 82 * 2 + 1) << "the story's 82 s at 2 frames a second, both ends";
    EXPECT_TRUE(a["scenario"]["finished"].get<bool>());
    EXPECT_EQ(a["scenario"]["step"], 6);
    EXPECT_DOUBLE_EQ(a["release"].get<double>(), 1.0) << "step 4's massage released the chest";
    EXPECT_LT(a["posture"]["forward_shoulder_mm"].get<double>(),
              a["posture_start"]["forward_shoulder_mm"].get<double>() - 5.0);
    EXPECT_EQ(a["posture"], reports[1]["posture"]);
    EXPECT_EQ(a["muscles"], reports[1]["muscles"]);
    EXPECT_EQ(a["sim_time_s"], reports[1]["sim_time_s"]);
    EXPECT_EQ(pngs[0], pngs[1]) << "the last frame is the same, pixel for pixel";
}

constexpr const char* kShort = R"({
  "myoview_scenario": 1,
  "title": "three seconds",
  "start": {"preset": "desk-worker", "view": "front", "settle_s": 10},
  "events": [
    {"t": 0, "do": "caption", "text": {"en": "A short test", "es": "Una prueba corta"}},
    {"t": 0, "do": "view", "preset": "three-quarter", "duration_s": 2},
    {"t": 0.5, "do": "massage"},
    {"t": 3, "do": "end"}
  ]
})";

TEST(ScenarioCli, AShortScenarioExportsToAnMp4ThatDecodesBackAndToAPngSequence) {
    ScratchDir dir;
    write(dir / "short.json", kShort);
    const auto mp4 = dir / "short.mp4";
    const auto r = myoview({"--scenario", (dir / "short.json").string(), "--export", mp4.string(), "--size", "320x180",
                            "--fps", "10", "--report", (dir / "r.json").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "short.partial.mp4"));
    const exporter::testing::ProbedVideo v = exporter::testing::probe_video(mp4);
    ASSERT_TRUE(v.error.empty()) << v.error;
    EXPECT_EQ(v.codec, "h264");
    EXPECT_EQ(v.pixel_format, "yuv420p");
    EXPECT_EQ(v.width, 320);
    EXPECT_EQ(v.height, 180);
    EXPECT_EQ(v.frames, 31u) << "3 s at 10 frames a second, both ends";
    EXPECT_NEAR(v.duration_s, 3.1, 0.11);
    ASSERT_GE(v.mean_rgb.size(), 31u);
    double change = 0.0;  // the camera turns and the massage cools the muscles: the pictures differ
    for (int c = 0; c < 3; ++c) change += std::abs(v.mean_rgb.front()[c] - v.mean_rgb.back()[c]);
    EXPECT_GT(change, 1.0);
    const nlohmann::json report = read_json(dir / "r.json");
    EXPECT_EQ(report["export"]["frames"], 31);
    EXPECT_TRUE(report["export"]["finished"].get<bool>());

    const auto frames = dir / "frames";
    const auto p = myoview({"--scenario", (dir / "short.json").string(), "--export", frames.string() + "/", "--size",
                            "160x96", "--fps", "5"});
    ASSERT_EQ(p.exit_code, 0) << p.err;
    int count = 0;
    for (const auto& e : std::filesystem::directory_iterator(frames)) count += e.path().extension() == ".png";
    EXPECT_EQ(count, 16);
    auto last = gpu::read_png(frames / "frame_00016.png");
    ASSERT_TRUE(last) << last.error().message;
    EXPECT_EQ(last->width, 160u);
}

TEST(ScenarioCli, BadScenarioFilesAndExportsExitTwoWithTheFileLineAndField) {
    ScratchDir dir;
    write(dir / "unknown.json", R"({"myoview_scenario": 1,
"start": {"preset": "desk-worker"},
"events": [
  {"t": 0, "do": "release", "value": 0.5, "speed": 3}
]})");
    auto r = myoview({"--scenario", (dir / "unknown.json").string(), "--headless"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("unknown.json:4:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("speed"), std::string::npos) << r.err;

    write(dir / "truncated.json", std::string(kShort).substr(0, 120));
    r = myoview({"--scenario", (dir / "truncated.json").string(), "--headless"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("truncated.json:"), std::string::npos) << r.err;

    write(dir / "muscle.json", R"({"myoview_scenario": 1, "start": {"select": "pec_maximus_r"}, "events": []})");
    r = myoview({"--scenario", (dir / "muscle.json").string(), "--headless"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("pec_maximus_r"), std::string::npos) << r.err;

    r = myoview({"--scenario", (dir / "missing.json").string(), "--headless"});
    EXPECT_EQ(r.exit_code, 2);

    write(dir / "short.json", kShort);
    r = myoview({"--export", (dir / "x.mp4").string()});
    EXPECT_EQ(r.exit_code, 2) << "an export needs a scenario";
    r = myoview({"--scenario", (dir / "short.json").string(), "--export", "/proc/no/such/dir/x.mp4"});
    EXPECT_EQ(r.exit_code, 2);
    r = myoview({"--scenario", (dir / "short.json").string(), "--export", (dir / "x.mp4").string(), "--size",
                 "321x181"});
    EXPECT_EQ(r.exit_code, 2) << "H.264 in yuv420p needs even sides";
    EXPECT_FALSE(std::filesystem::exists(dir / "x.mp4"));
}

// Ctrl-C during an export: a clean exit with the report; the frames rendered so far stay playable under the
// partial name, never under the name a finished video gets.
TEST(ScenarioCli, CtrlCDuringAnExportKeepsAPlayablePartialFileAndNoCompleteLookingOne) {
    ScratchDir dir;
    const auto mp4 = dir / "story.mp4";
    const auto partial = dir / "story.partial.mp4";
    const auto report = dir / "r.json";
    BackgroundProcess p({MYOVIEW_EXECUTABLE, "--scenario", kClinicStory, "--export", mp4.string(), "--size",
                         "320x180", "--fps", "10", "--report", report.string()});
    ASSERT_TRUE(p.wait_for_err("first frame after", 120.0)) << p.err_so_far();
    // Some frames into the story (the export prints nothing per frame when stderr is not a terminal).
    for (int i = 0; i < 200 && p.running(); ++i) {
        std::error_code ec;
        if (std::filesystem::file_size(partial, ec) > 20000 && !ec) break;
        usleep(50'000);
    }
    ASSERT_TRUE(p.running()) << "the export ended before it could be interrupted";
    ::kill(p.pid(), SIGINT);
    const ProcessResult r = p.wait(60.0);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(std::filesystem::exists(mp4)) << "an interrupted export never looks complete";
    ASSERT_TRUE(std::filesystem::exists(partial)) << r.err;
    EXPECT_NE(r.err.find("partial"), std::string::npos) << "it says what was kept: " << r.err;
    const exporter::testing::ProbedVideo v = exporter::testing::probe_video(partial);
    ASSERT_TRUE(v.error.empty()) << v.error;
    EXPECT_GT(v.frames, 0u);
    EXPECT_LT(v.frames, 821u);
    const nlohmann::json rep = read_json(report);
    EXPECT_EQ(rep["ended_by"], "SIGINT");
    EXPECT_FALSE(rep["export"]["finished"].get<bool>());
    EXPECT_EQ(rep["export"]["frames"].get<uint64_t>(), v.frames);
}

TEST(ScenarioCli, ASavedSceneReopensToTheSamePicture) {
    ScratchDir dir;
    const auto saved = dir / "scene.json";
    auto a = myoview({"--headless", "--size", "320x200", "--view", "back", "--select", "rhomboid_major_r",
                      "--release", "0.6", "--lang", "es", "--save-scene", saved.string(), "--screenshot",
                      (dir / "a.png").string()});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const nlohmann::json scene = read_json(saved);
    EXPECT_EQ(scene["start"]["select"], "rhomboid_major_r");
    EXPECT_EQ(scene["start"]["language"], "es");
    EXPECT_TRUE(scene["start"].contains("tissue"));
    auto b = myoview({"--headless", "--size", "320x200", "--scenario", saved.string(), "--frames", "1",
                      "--screenshot", (dir / "b.png").string()});
    ASSERT_EQ(b.exit_code, 0) << b.err;
    auto pa = gpu::read_png(dir / "a.png");
    auto pb = gpu::read_png(dir / "b.png");
    ASSERT_TRUE(pa && pb);
    const auto [mean, failing] = difference(*pa, *pb);
    EXPECT_LT(mean, 1.0) << "the same picture";
    EXPECT_LT(failing, 0.005);
    // And a different scene is not the same picture (the comparison can fail).
    auto c = myoview({"--headless", "--size", "320x200", "--view", "front", "--screenshot", (dir / "c.png").string()});
    ASSERT_EQ(c.exit_code, 0);
    auto pc = gpu::read_png(dir / "c.png");
    ASSERT_TRUE(pc);
    EXPECT_GT(difference(*pa, *pc).first, 3.0);
}

}  // namespace
}  // namespace myoview::testing
