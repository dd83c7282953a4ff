// The kiosk's attract loop (engine/scene), without Vulkan, on the shipped scene: left alone it starts after the idle
// time, input stops it and brings back the start state, it starts again at the scenario's end, and it counts.
// tests/kiosk drives the same loop through the viewer in a real window.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <utility>

#include "myoview/scenario/scenario.h"
#include "myoview/scene/attract_loop.h"
#include "myoview/scene/scene.h"
#include "shipped_scene.h"
#include "test_models.h"

namespace myoview::scene {

// A step's name in a failed expectation (found by argument-dependent lookup, so outside the anonymous namespace).
void PrintTo(AttractLoop::Step step, std::ostream* os) {
    constexpr const char* kNames[] = {"kNone", "kStarted", "kStopped"};
    *os << kNames[static_cast<int>(step)];
}

namespace {

using Step = AttractLoop::Step;

scenario::Event event(double t, scenario::Action action) {
    scenario::Event e;
    e.t = t;
    e.action = std::move(action);
    return e;
}

// A 3 s story: pec minor's card at 0.5 s, the chest released over 1 s from 1 s. Its start state is the default
// (desk worker, no release, nothing selected), settled briefly so that each start stays quick.
scenario::Scenario short_story() {
    scenario::Scenario s;
    s.title = "attract loop test";
    s.start.settle_s = 2.0;
    s.events = {event(0.5, scenario::Select{"pec_minor_r"}), event(1.0, scenario::Release{1.0, 1.0}),
                event(3.0, scenario::End{})};
    return s;
}

// Each test on a fresh desk-worker scene (scene_), as the kiosk starts.
class KioskAttractLoop : public ShippedScene {
protected:
    void SetUp() override {
        ShippedScene::SetUp();
        scene_ = make();
        ASSERT_TRUE(scene_);
    }
    // One frame as the viewer runs it: the loop's step, then the scene's update (without the input that woke it).
    static Step frame(AttractLoop& loop, Scene& scene, double dt, bool any_input = false) {
        const Step step = loop.step(scene, dt, any_input, kViewport);
        EXPECT_TRUE(scene.update(dt, {}, kViewport));
        return step;
    }
    Step frame(AttractLoop& loop, double dt, bool any_input = false) { return frame(loop, *scene_, dt, any_input); }
    // Left alone for the idle time at once, without the scene running on (the story stays at its start).
    void start(AttractLoop& loop) {
        ASSERT_EQ(loop.step(*scene_, loop.idle_seconds(), false, kViewport), Step::kStarted);
        ASSERT_TRUE(scene_->playback());
    }

    std::unique_ptr<Scene> scene_;
};

TEST_F(KioskAttractLoop, LeftAloneItStartsAfterTheIdleTimeAndNotBefore) {
    AttractLoop loop(short_story(), 5.0);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(frame(loop, 1.0), Step::kNone) << "after " << i + 1 << " s";
    EXPECT_FALSE(loop.active());
    EXPECT_FALSE(scene_->playback()) << "nothing plays while the idle time runs";
    EXPECT_DOUBLE_EQ(loop.idle_s(), 4.0);
    EXPECT_EQ(frame(loop, 1.0), Step::kStarted) << "5 s alone";
    EXPECT_TRUE(loop.active());
    ASSERT_TRUE(scene_->playback());
    EXPECT_EQ(scene_->scenario()->title, "attract loop test");
    EXPECT_EQ(loop.loops_started(), 1);
    EXPECT_EQ(loop.interactive_returns(), 0);
}

TEST_F(KioskAttractLoop, InputWhileIdleStartsTheIdleTimeAgain) {
    AttractLoop loop(short_story(), 5.0);
    EXPECT_EQ(frame(loop, 4.0), Step::kNone);
    EXPECT_EQ(frame(loop, 0.0, true), Step::kNone) << "input while idle is the user's, not the loop's";
    EXPECT_DOUBLE_EQ(loop.idle_s(), 0.0);
    EXPECT_EQ(frame(loop, 4.0), Step::kNone) << "4 s since the input";
    EXPECT_EQ(frame(loop, 1.0), Step::kStarted);
    EXPECT_EQ(loop.interactive_returns(), 0);
}

TEST_F(KioskAttractLoop, InputStopsItAndBringsBackTheStartState) {
    AttractLoop loop(short_story(), 5.0);
    start(loop);
    for (int i = 0; i < 25; ++i) ASSERT_EQ(frame(loop, 0.1), Step::kNone);
    EXPECT_EQ(scene_->selected_id(), "pec_minor_r") << "the story ran: its card is open";
    EXPECT_GT(scene_->therapy()->release(), 0.5) << "and the chest is being released";

    EXPECT_EQ(frame(loop, 0.1, true), Step::kStopped) << "a touch wakes the kiosk";
    EXPECT_FALSE(loop.active());
    EXPECT_FALSE(scene_->playback()) << "the story no longer plays";
    EXPECT_EQ(scene_->selected_id(), "") << "the story's start state: no card";
    EXPECT_DOUBLE_EQ(scene_->therapy()->release(), 0.0) << "the story's start state: no release";
    EXPECT_EQ(loop.interactive_returns(), 1);
    EXPECT_EQ(frame(loop, 0.1, true), Step::kNone) << "more input is the user's";
    EXPECT_EQ(loop.interactive_returns(), 1);
    EXPECT_EQ(loop.loops_started(), 1);
}

TEST_F(KioskAttractLoop, ItStartsAgainFromTheStartAtTheScenariosEndAndCountsEachStart) {
    AttractLoop loop(short_story(), 1.0);
    start(loop);
    int frames_since_start = 0;
    for (int i = 0; i < 75; ++i) {  // 7.5 s of a 3 s story, in frames of 0.1 s
        const bool finished_before = scene_->playback() && scene_->playback()->finished;
        const Step step = frame(loop, 0.1);
        ++frames_since_start;
        ASSERT_NE(step, Step::kStopped);
        EXPECT_EQ(step == Step::kStarted, finished_before) << "it starts again when the story has ended, only then";
        if (step != Step::kStarted) continue;
        EXPECT_GE(frames_since_start, 30) << "the 3 s story played to its end";
        EXPECT_LE(frames_since_start, 31);
        frames_since_start = 0;
        ASSERT_TRUE(scene_->playback());
        EXPECT_FALSE(scene_->playback()->finished);
        EXPECT_LE(scene_->playback()->t, 0.1 + 1e-9) << "from its start";
    }
    EXPECT_EQ(loop.loops_started(), 3) << "at 0 s, at its end and at its second end";
    EXPECT_TRUE(loop.active());
    EXPECT_EQ(loop.report_json(), (nlohmann::json{{"idle_seconds", 1.0},
                                                  {"attract_loops_started", 3},
                                                  {"interactive_returns", 0},
                                                  {"attract_active", true}}));
}

TEST_F(KioskAttractLoop, WithoutAStoryOrASimulationItNeverStarts) {
    AttractLoop no_story(std::nullopt, 1.0);
    EXPECT_EQ(frame(no_story, 100.0), Step::kNone);
    EXPECT_FALSE(scene_->playback());

    // A user's model: no simulation, nothing to play.
    const assets::Model box =
        testing::model_of({testing::box("box", glm::vec3(0.0f), glm::vec3(0.1f), glm::vec4(1.0f))});
    auto user = Scene::create(box, std::nullopt, std::nullopt, {}, kViewport);
    ASSERT_TRUE(user) << user.error().full_text();
    AttractLoop loop(short_story(), 1.0);
    EXPECT_EQ(frame(loop, **user, 100.0), Step::kNone);
    EXPECT_EQ(frame(loop, **user, 0.0, true), Step::kNone);
    EXPECT_EQ(loop.report_json()["attract_loops_started"], 0);
}

}  // namespace
}  // namespace myoview::scene
