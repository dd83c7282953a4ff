// --labels all headless: the report's labelled ids (every structure the eye sees, none it cannot), and the boxes the
// labels took: none overlaps another, the "N more" box or any panel, card or legend open in that frame.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "process.h"

namespace myoview::testing {
namespace {

namespace fs = std::filesystem;

struct LabelsRun {
    ProcessResult process;
    nlohmann::json report;
    std::vector<std::string> ids;
};

// Runs myoview headless at 1920x1080 with `args` and reads the report's labels.
LabelsRun run_labels(const std::string& name, std::vector<std::string> args, const std::string& scenario = "") {
    const fs::path dir = fs::temp_directory_path() / ("myoview-labels-cli-" + std::to_string(::getpid()) + "-" + name);
    fs::create_directories(dir);
    std::vector<std::string> argv = {
        executable(), "--headless", "--validate", "--size", "1920x1080", "--report", (dir / "r.json").string()};
    if (!scenario.empty()) {
        std::ofstream(dir / "s.json") << scenario;
        argv.insert(argv.end(), {"--scenario", (dir / "s.json").string(), "--frames", "1"});  // its first frame
    }
    argv.insert(argv.end(), args.begin(), args.end());
    LabelsRun run;
    run.process = run_process(argv, with_timeout(240.0));
    std::ifstream in(dir / "r.json");
    if (in) run.report = nlohmann::json::parse(in, nullptr, false);
    if (run.report.is_object() && run.report.contains("labels")) {
        for (const auto& id : run.report["labels"]["ids"]) run.ids.push_back(id.get<std::string>());
    }
    fs::remove_all(dir);
    return run;
}

bool any_starts_with(const std::vector<std::string>& ids, const std::string& prefix) {
    for (const std::string& id : ids) {
        if (id.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

struct Box {
    double x0, y0, x1, y1;
};
Box box_of(const nlohmann::json& j) {
    return {j[0].get<double>(), j[1].get<double>(), j[2].get<double>(), j[3].get<double>()};
}
bool overlap(const Box& a, const Box& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// No two label boxes overlap, none touches a panel, all lie in the picture.
void expect_clear_of_each_other_and_the_panels(const nlohmann::json& labels) {
    std::vector<Box> boxes;
    for (const auto& b : labels["boxes"]) boxes.push_back(box_of(b));
    if (labels.contains("more_box")) boxes.push_back(box_of(labels["more_box"]));
    std::vector<Box> panels;
    for (const auto& p : labels["panels"]) panels.push_back(box_of(p));
    ASSERT_FALSE(panels.empty()) << "the control panel and the legend are open";
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        EXPECT_GE(boxes[i].x0, 0.0);
        EXPECT_GE(boxes[i].y0, 0.0);
        EXPECT_LE(boxes[i].x1, 1920.0);
        EXPECT_LE(boxes[i].y1, 1080.0);
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            EXPECT_FALSE(overlap(boxes[i], boxes[j])) << i << " and " << j;
        for (std::size_t p = 0; p < panels.size(); ++p) {
            EXPECT_FALSE(overlap(boxes[i], panels[p])) << "label " << i << " over panel " << p;
        }
    }
}

TEST(LabelsAll, FromTheFrontPecMajorAndTheDeltoidAreLabelledAndPecMinorUnderItIsNot) {
    const LabelsRun run = run_labels("front", {"--labels", "all", "--view", "front"});
    ASSERT_EQ(run.process.exit_code, 0) << run.process.err;
    ASSERT_TRUE(run.report.is_object()) << "no report";
    EXPECT_EQ(run.report["validation"]["messages"], 0);
    const auto& labels = run.report["labels"];
    EXPECT_EQ(labels["mode"], "all");
    EXPECT_TRUE(any_starts_with(run.ids, "pec_major_"));
    EXPECT_TRUE(any_starts_with(run.ids, "deltoid_"));
    EXPECT_TRUE(any_starts_with(run.ids, "sternocleidomastoid_"));
    EXPECT_FALSE(any_starts_with(run.ids, "pec_minor_")) << "hidden under pec major";
    EXPECT_GT(run.ids.size(), 40u) << "every structure seen, not the story's dozen";
    EXPECT_EQ(labels["boxes"].size(), run.ids.size());
    expect_clear_of_each_other_and_the_panels(labels);
}

TEST(LabelsAll, TheCuttingPlaneShowsPecMinorAndItIsLabelled) {
    const LabelsRun run = run_labels(
        "cut", {},
        R"({"myoview_scenario": 1, "title": "labels", "start": {"view": "front", "layers": {"cut": true, "labels_all": true}}, "events": []})");
    ASSERT_EQ(run.process.exit_code, 0) << run.process.err;
    ASSERT_TRUE(run.report.is_object());
    EXPECT_EQ(run.report["validation"]["messages"], 0);
    EXPECT_TRUE(any_starts_with(run.ids, "pec_minor_"));
    EXPECT_FALSE(any_starts_with(run.ids, "pec_major_")) << "the cut took it away";
    expect_clear_of_each_other_and_the_panels(run.report["labels"]);
}

TEST(LabelsAll, FromTheBackTheTrapeziusIsLabelledAndTheRhomboidsUnderItAreNot) {
    const LabelsRun run = run_labels("back", {"--labels", "all", "--view", "back"});
    ASSERT_EQ(run.process.exit_code, 0) << run.process.err;
    ASSERT_TRUE(run.report.is_object());
    EXPECT_TRUE(any_starts_with(run.ids, "trapezius_"));
    EXPECT_TRUE(any_starts_with(run.ids, "latissimus_dorsi_"));
    EXPECT_FALSE(any_starts_with(run.ids, "rhomboid_"));
    EXPECT_FALSE(any_starts_with(run.ids, "pec_")) << "the chest faces away";
    expect_clear_of_each_other_and_the_panels(run.report["labels"]);
    const LabelsRun cut = run_labels(
        "back-cut", {},
        R"({"myoview_scenario": 1, "title": "labels", "start": {"view": "back", "layers": {"cut": true, "labels_all": true}}, "events": []})");
    ASSERT_EQ(cut.process.exit_code, 0) << cut.process.err;
    EXPECT_TRUE(any_starts_with(cut.ids, "rhomboid_")) << "the cut shows them";
}

TEST(LabelsAll, AnOpenCardInSpanishKeepsTheLabelsClearOfEveryPanel) {
    // The card of pec major opens beside the panel; in Spanish the names are longer.
    const LabelsRun card = run_labels("card", {"--labels", "all", "--select", "pec_major_sternal_r", "--lang", "es"});
    ASSERT_EQ(card.process.exit_code, 0) << card.process.err;
    ASSERT_TRUE(card.report.is_object());
    EXPECT_GE(card.report["labels"]["panels"].size(), 3u) << "the panel, the card and the legend";
    EXPECT_FALSE(card.ids.empty());
    expect_clear_of_each_other_and_the_panels(card.report["labels"]);
}

TEST(LabelsAll, TheDefaultLabelsOnlyTheStoryMusclesAndOffLabelsNothing) {
    const LabelsRun some = run_labels("some", {"--view", "front"});
    ASSERT_EQ(some.process.exit_code, 0) << some.process.err;
    EXPECT_EQ(some.report["labels"]["mode"], "some");
    EXPECT_LE(some.ids.size(), 12u);
    EXPECT_FALSE(any_starts_with(some.ids, "rib_"));
    const LabelsRun off = run_labels("off", {"--labels", "off"});
    ASSERT_EQ(off.process.exit_code, 0) << off.process.err;
    EXPECT_EQ(off.report["labels"]["mode"], "off");
    EXPECT_TRUE(off.ids.empty());
    const auto bad = run_process({executable(), "--headless", "--labels", "everything"}, with_timeout(60.0));
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("--labels must be all, some or off"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace myoview::testing
