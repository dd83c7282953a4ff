// The myoview executable's command line, driven as a user would: exit codes and the words they read.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "process.h"
#include "stop_signal.h"

namespace myoview::testing {
namespace {

using ::testing::HasSubstr;

ProcessResult myoview(const std::vector<std::string>& args, ProcessOptions options = {}) {
    std::vector<std::string> argv{executable()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, options);
}

TEST(Cli, HelpListsTheMainOptionsAndExitsZero) {
    const auto r = myoview({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* option : {"--headless", "--screenshot", "--model", "check-model", "--report", "--validate",
                               "--gpu", "--frames", "--size"}) {
        EXPECT_THAT(r.out, HasSubstr(option));
    }
}

TEST(Cli, UnknownOptionExitsTwoAndNamesIt) {
    const auto r = myoview({"--frobnicate"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr("--frobnicate"));
}

TEST(Cli, MalformedValuesAreRejectedWithTheExpectedForm) {
    struct Case {
        std::vector<std::string> args;
        const char* says;
    };
    const Case cases[] = {
        {{"--size", "12x"}, "WIDTHxHEIGHT"},       {{"--size", "0x100"}, "WIDTHxHEIGHT"},
        {{"--frames", "-3"}, "--frames"},          {{"--frames", "ten"}, "--frames"},
        {{"--release", "1.5"}, "from 0 to 1"},     {{"--view", "top"}, "front, back"},
        {{"--ui-scale", "nan"}, "--ui-scale"},     {{"--model"}, "needs a value"},
        {{"--seconds", "-1"}, "--seconds"},
    };
    for (const auto& c : cases) {
        const auto r = myoview(c.args);
        EXPECT_EQ(r.exit_code, 2) << c.args[0];
        EXPECT_THAT(r.err, HasSubstr(c.says)) << c.args[0];
    }
}

TEST(Cli, NoDisplayWithoutHeadlessFailsFastAndSuggestsHeadless) {
    ProcessOptions options;
    options.env["DISPLAY"] = std::nullopt;
    options.env["WAYLAND_DISPLAY"] = std::nullopt;
    options.timeout_s = 20.0;
    const auto r = myoview({"--frames", "1"}, options);
    EXPECT_FALSE(r.timed_out);
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(r.signal, 0) << "must exit, not crash";
    EXPECT_LT(r.seconds, 5.0);
    EXPECT_THAT(r.err, HasSubstr("DISPLAY"));
    EXPECT_THAT(r.err, HasSubstr("--headless"));
}

TEST(Cli, UnreachableDisplayFailsFastWithTheDisplayName) {
    ProcessOptions options;
    options.env["DISPLAY"] = ":987";
    options.env["WAYLAND_DISPLAY"] = std::nullopt;
    options.timeout_s = 20.0;
    const auto r = myoview({"--frames", "1"}, options);
    EXPECT_NE(r.exit_code, 0);
    EXPECT_EQ(r.signal, 0);
    EXPECT_LT(r.seconds, 5.0);
    EXPECT_THAT(r.err, HasSubstr(":987"));
    EXPECT_THAT(r.err, HasSubstr("--headless"));
}

TEST(Cli, CheckModelPrintsOneLineForAGoodFile) {
    const std::string dir = temp_dir("check-model-good");
    const std::string path = dir + "/tri.obj";
    std::ofstream(path) << "v 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1 2 3\nf 1 3 4\n";
    const auto r = myoview({"check-model", path});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("1 meshes"));
    EXPECT_THAT(r.out, HasSubstr("2 triangles"));
    EXPECT_THAT(r.out, HasSubstr("0 bones"));
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1);
}

TEST(Cli, CheckModelOnTheBundledAnatomyReportsBones) {
    const auto r = myoview({"check-model", std::string(MYOVIEW_SOURCE_DIR) + "/assets/models/anatomy.glb"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("triangles"));
    EXPECT_THAT(r.out, ::testing::Not(HasSubstr(" 0 bones")));
}

TEST(Cli, CheckModelFailsWithExitTwoOnMissingEmptyAndGarbageFiles) {
    const std::string dir = temp_dir("check-model-bad");
    std::ofstream(dir + "/empty.obj");
    std::ofstream(dir + "/garbage.glb") << "glTF\x02\x00\x00\x00 this is not a binary glTF at all";
    std::ofstream(dir + "/bad-index.obj") << "v 0 0 0\nv 1 0 0\nf 1 2 9\n";
    for (const std::string name : {"missing.obj", "empty.obj", "garbage.glb", "bad-index.obj"}) {
        const auto r = myoview({"check-model", dir + "/" + name});
        EXPECT_EQ(r.exit_code, 2) << name << ": " << r.out;
        EXPECT_EQ(r.signal, 0) << name;
        EXPECT_THAT(r.err, HasSubstr(name)) << "the message names the file";
    }
}

TEST(Cli, ViewerRefusesABrokenModelWithExitTwoBeforeOpeningAnything) {
    const std::string dir = temp_dir("viewer-bad-model");
    std::ofstream(dir + "/broken.stl") << "solid x\n facet normal 0 0 1\n outer loop\n vertex 0 0\n";
    const auto r = myoview({"--headless", "--model", dir + "/broken.stl"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr("broken.stl"));
}

}  // namespace
}  // namespace myoview::testing

namespace myoview::testing {
namespace {

TEST(Cli, ListStructuresGivesEveryMuscleOnBothSidesWithTextMeshAndSimulation) {
    const auto r = run_process({executable(), "--list-structures"}, with_timeout(60.0));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto json = nlohmann::json::parse(r.out);
    ASSERT_TRUE(json.is_array());
    int muscles = 0;
    std::set<std::string> ids;
    for (const auto& s : json) {
        ids.insert(s["id"].get<std::string>());
        for (const char* field : {"id", "kind", "side", "name", "latin", "layer", "origin", "insertion", "action",
                                  "innervation", "has_mesh", "has_muscle"}) {
            EXPECT_TRUE(s.contains(field)) << s["id"] << " lacks " << field;
        }
        EXPECT_GE(s["name"].size(), 2u) << s["id"] << ": names in at least two languages";
        if (s["kind"] != "muscle") continue;
        ++muscles;
        EXPECT_TRUE(s["has_mesh"].get<bool>()) << s["id"];
        EXPECT_TRUE(s["has_muscle"].get<bool>()) << s["id"];
        for (const char* field : {"origin", "insertion", "action", "innervation"}) {
            EXPECT_FALSE(s[field]["en"].get<std::string>().empty()) << s["id"] << " " << field;
        }
    }
    EXPECT_EQ(muscles, 48);  // 24 per side: every BodyParts3D muscle of tools/bake/structures.tsv
    // Every structure of the data folder (one per file, both sides) is listed with a mesh; muscles also simulated.
    std::ifstream tsv(std::string(MYOVIEW_SOURCE_DIR) + "/tools/bake/structures.tsv");
    ASSERT_TRUE(tsv.good());
    std::string line;
    int rows = 0;
    while (std::getline(tsv, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("id\t", 0) == 0) continue;
        const std::string id = line.substr(0, line.find('\t'));
        ++rows;
        const auto it = std::find_if(json.begin(), json.end(), [&](const auto& s) { return s["id"] == id; });
        ASSERT_NE(it, json.end()) << id << " is not listed";
        EXPECT_TRUE((*it)["has_mesh"].get<bool>()) << id;
        if ((*it)["kind"] == "muscle") {
            EXPECT_TRUE((*it)["has_muscle"].get<bool>()) << id;
        }
    }
    EXPECT_EQ(rows, 140);  // 92 bones and 48 muscles
    for (const char* base : {"pec_major_clavicular", "pec_major_sternal", "pec_major_costal", "pec_minor",
                             "rhomboid_major", "rhomboid_minor", "trapezius_upper", "trapezius_middle",
                             "trapezius_lower", "deltoid_posterior", "levator_scapulae", "serratus_anterior",
                             "sternocleidomastoid", "splenius_capitis", "splenius_cervicis", "supraspinatus",
                             "infraspinatus", "teres_minor", "teres_major", "subscapularis", "latissimus_dorsi",
                             "subclavius"}) {
        EXPECT_TRUE(ids.count(std::string(base) + "_r")) << base;
        EXPECT_TRUE(ids.count(std::string(base) + "_l")) << base;
    }
}

}  // namespace
}  // namespace myoview::testing

namespace myoview::testing {
namespace {

nlohmann::json simulate(const std::string& release, const std::string& dir) {
    const std::string report = dir + "/r" + release + ".json";
    const auto r = run_process({executable(), "--no-render", "--preset", "desk-worker", "--release", release,
                                "--seconds", "30", "--report", report},
                               with_timeout(120.0));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::ifstream in(report);
    return nlohmann::json::parse(in, nullptr, false);
}

TEST(Cli, NoRenderReleaseMovesTheShouldersBackWithZeroWarningsAndIsDeterministic) {
    const std::string dir = temp_dir("no-render");
    const auto tight = simulate("0", dir);
    const auto released = simulate("1", dir);
    ASSERT_TRUE(tight.is_object() && released.is_object());
    EXPECT_EQ(tight["warnings"], 0);
    EXPECT_EQ(released["warnings"], 0);
    EXPECT_EQ(tight["preset"], "desk-worker");
    EXPECT_DOUBLE_EQ(released["release"].get<double>(), 1.0);
    EXPECT_NEAR(tight["sim_time_s"].get<double>(), 30.0, 0.02);
    const auto& a = tight["posture"];
    const auto& b = released["posture"];
    EXPECT_GE(a["forward_shoulder_mm"].get<double>() - b["forward_shoulder_mm"].get<double>(), 10.0);
    EXPECT_GT(b["craniovertebral_angle_deg"].get<double>(), a["craniovertebral_angle_deg"].get<double>());
    EXPECT_GT(b["pec_minor_length_mm"].get<double>(), a["pec_minor_length_mm"].get<double>());
    EXPECT_EQ(tight["muscles"].size(), 48u);
    // The same command twice gives the same numbers.
    const auto again = simulate("0", dir);
    EXPECT_EQ(again["posture"], tight["posture"]);
    EXPECT_EQ(again["muscles"], tight["muscles"]);
}

TEST(Cli, UnknownPresetIsRejectedWithTheValidNames) {
    const auto r = run_process({executable(), "--no-render", "--preset", "astronaut"}, with_timeout(60.0));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr("astronaut"));
    EXPECT_THAT(r.err, HasSubstr("desk-worker"));
}

}  // namespace
}  // namespace myoview::testing

namespace myoview::testing {
namespace {

TEST(Cli, NoRenderSigtermAndSigintEndTheRunWithItsReport) {
    const std::string dir = temp_dir("no-render-signals");
    for (const int sig : {SIGTERM, SIGINT}) {
        const SignalledRun run = end_with_signal(
            {executable(), "--no-render", "--preset", "desk-worker", "--seconds", "100000"}, sig, "simulating", dir);
        ASSERT_TRUE(run.report.is_object());
        EXPECT_LT(run.report["sim_time_s"].get<double>(), 100000.0) << "stopped early";
        EXPECT_EQ(run.report["muscles"].size(), 48u);
    }
}

}  // namespace
}  // namespace myoview::testing
