// The classroom quiz played to its score in a real window, as a student plays it: every question of the default set
// (assets/quiz/default.json) answered by a click, a choice button for the name / origin / insertion / action /
// innervation questions and a point on the figure for the find questions (where the viewer's --ui-map says the
// structure is under the pointer as the camera stands). Some answers are wrong on purpose; the score, the misses and
// the review at the end must say exactly which.
#include <gtest/gtest.h>

#include <unistd.h>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.h"
#include "ui_driver.h"

namespace myoview::testing {
namespace {

nlohmann::json quiz_of(const nlohmann::json& m) {
    return m.contains("quiz") ? m["quiz"] : nlohmann::json::object();
}

TEST(QuizWindow, TheDefaultSetPlayedByClicksEndsWithTheScoreItsMissesAndTheReview) {
    ASSERT_EQ(access("/usr/bin/xdotool", X_OK), 0) << "xdotool is missing: run tools/setup";
    // A laptop's window; the render scale fixed so that the frame time does not move the picture between the map
    // and the click.
    UiDriver ui("quiz-window", {"--quiz", "--size", "1280x720", "--render-scale", "0.5", "--report", "{dir}/r.json"});
    ASSERT_EQ(ui.problem(), "");
    ASSERT_TRUE(ui.start()) << ui.seen();
    const auto first = ui.wait_until([](const nlohmann::json& m) { return quiz_of(m).contains("size"); });
    ASSERT_TRUE(first) << "the map has no quiz; " << ui.seen();
    const int size = quiz_of(*first)["size"].get<int>();
    ASSERT_EQ(size, 12) << "the default set has 12 questions";

    // Wrong on purpose: the first find question (a click on another structure), an origin and the scapula's name.
    const std::set<int> wrong{1, 2, 9};
    std::vector<std::string> expected_misses;
    int expected_score = 0;
    std::set<std::string> kinds;
    for (int i = 0; i < size; ++i) {
        const auto open = ui.wait_until(
            [&](const nlohmann::json& m) { return quiz_of(m)["index"] == i && quiz_of(m)["answered"] == false; });
        ASSERT_TRUE(open) << "question " << i + 1 << " did not open; " << ui.seen();
        const nlohmann::json q = quiz_of(*open);
        const std::string kind = q["kind"];
        kinds.insert(kind);
        const bool right = wrong.count(i) == 0;
        if (kind == "find") {
            // The structure may be on the side away from the camera: turn the body as a student would, with the
            // panel's view buttons, until the map has a point where a click picks it.
            const char* point = right ? "target" : "decoy";
            std::optional<nlohmann::json> seen_point;
            for (const char* view : {"", "quiz_view_front", "quiz_view_back", "quiz_view_left", "quiz_view_right"}) {
                if (*view) {
                    ASSERT_TRUE(ui.click(view)) << ui.seen();
                }
                seen_point = ui.wait_until(
                    [&](const nlohmann::json& m) { return quiz_of(m)["index"] == i && quiz_of(m)[point].is_array(); },
                    5.0);
                if (seen_point) break;
            }
            ASSERT_TRUE(seen_point) << "no view shows question " << i + 1 << "'s " << q["structure"] << "; "
                                    << ui.seen();
            const auto at = quiz_of(*seen_point)[point];
            ASSERT_TRUE(ui.click_at(at[0].get<double>(), at[1].get<double>())) << ui.seen();
        } else {
            ASSERT_EQ(q["choices"].size(), 4u) << q.dump();
            const int correct = q["correct"].get<int>();
            const int choice = right ? correct : (correct + 1) % 4;
            ASSERT_TRUE(ui.click("quiz_choice_" + std::to_string(choice))) << ui.seen();
        }
        const auto answered = ui.wait_until(
            [&](const nlohmann::json& m) { return quiz_of(m)["index"] == i && quiz_of(m)["answered"] == true; });
        ASSERT_TRUE(answered) << "question " << i + 1 << " (" << kind << ") took no answer from the click; "
                              << ui.seen();
        EXPECT_EQ(quiz_of(*answered)["last_correct"], right) << "question " << i + 1 << " (" << kind << ")";
        if (right) {
            ++expected_score;
        } else {
            expected_misses.push_back(q["structure"]);
        }
        EXPECT_EQ(quiz_of(*answered)["score"], expected_score) << "after question " << i + 1;
        ASSERT_TRUE(ui.click("quiz_next")) << "question " << i + 1 << ": " << ui.seen();
    }
    EXPECT_EQ(kinds, (std::set<std::string>{"find", "name", "origin", "insertion", "action", "innervation"}))
        << "the default set asks every kind";

    const auto end = ui.wait_until([](const nlohmann::json& m) { return quiz_of(m)["finished"] == true; });
    ASSERT_TRUE(end) << ui.seen();
    const nlohmann::json done = quiz_of(*end);
    EXPECT_EQ(done["score"], size - static_cast<int>(wrong.size()));
    EXPECT_EQ(done["score"], expected_score);
    ASSERT_EQ(done["misses"].size(), wrong.size()) << done.dump();
    std::vector<int> missed_questions;
    std::vector<std::string> missed_structures;
    for (const auto& miss : done["misses"]) {
        missed_questions.push_back(miss["question"]);
        missed_structures.push_back(miss["structure"]);
        EXPECT_NE(miss["given"], miss["structure"]) << miss.dump();
    }
    EXPECT_EQ(missed_questions, (std::vector<int>{1, 2, 9}));
    EXPECT_EQ(missed_structures, expected_misses);
    // The review: one card button per miss and "Play again", inside the window.
    EXPECT_EQ(done["review"], true);
    for (const std::string id : {"quiz_open_card_0", "quiz_open_card_1", "quiz_open_card_2", "quiz_play_again"}) {
        EXPECT_TRUE(ui.item(id)) << id << " not shown; " << ui.seen();
    }
    // A miss's button opens its structure's card.
    ASSERT_TRUE(ui.click("quiz_open_card_0")) << ui.seen();
    EXPECT_TRUE(ui.wait_until([&](const nlohmann::json& m) { return m["selected"] == expected_misses[0]; }))
        << "the review's first card is " << expected_misses[0] << "; " << ui.seen();

    const auto r = ui.quit();
    ASSERT_FALSE(r.timed_out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto report = read_json(ui.dir() + "/r.json");
    ASSERT_TRUE(report.contains("quiz")) << report.dump();
    EXPECT_EQ(report["quiz"]["score"], expected_score);
    EXPECT_EQ(report["quiz"]["finished"], true);
    EXPECT_EQ(report["quiz"]["answered"], size);
}

}  // namespace
}  // namespace myoview::testing
