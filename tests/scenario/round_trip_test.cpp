// The writer: parse(save(s)) == s for the clinic story and for a scene that uses every field and every event kind;
// saving is atomic; durations; a layer change applied.

#include <atomic>
#include <cmath>
#include <fstream>
#include <iterator>
#include <set>
#include <utility>

#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "vocabulary.h"

namespace myoview::scenario {
namespace {

using testing::clinic_story_path;
using ::testing::HasSubstr;
using testing::real_vocabulary;

class ScenarioFiles : public ::testing::Test {
protected:
    void SetUp() override {
        static std::atomic<int> counter{0};
        dir_ = std::filesystem::temp_directory_path() /
               ("myoview_scenario_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
};

Event event(double t, Action action) {
    Event e;
    e.t = t;
    e.action = std::move(action);
    return e;
}

// A saved scene that sets every start field away from its default and holds one event of every kind.
Scenario every_field_scenario() {
    Scenario s;
    s.title = "Saved scene: \"élan\" \xE2\x80\x94 every field";
    s.start.preset = "driver";
    s.start.release = 0.37;
    s.start.part_release = {0.1, std::nullopt, 0.3333333333333333, 1.0};
    s.start.view = "three-quarter";
    s.start.camera = CameraPose{-123.456f, 12.5f, 1.7320508f, glm::vec3(0.01f, 1.3f, -0.2f)};
    s.start.layers = Layers{false, true, true, false, true, false, false};
    s.start.language = "es";
    s.start.select = "pec_minor_r";
    s.start.isolate = "pec_major_sternal_r";
    s.start.tension_colours = false;
    s.start.settle_s = 0.1;
    s.start.tissue = nlohmann::json{{"pec_minor", {{"tone", 0.8}, {"shortening", 0.1}}}, {"week", 3}};
    s.events.push_back(event(0.0, Release{0.5, 2.0}));
    s.events.push_back(event(0.0, PartRelease{PecPart::kMinor, 0.9}));
    s.events.push_back(event(0.25, Massage{}));
    s.events.push_back(event(1.0, Intervention{InterventionKind::kDoorwayStretch, 3.5}));
    s.events.push_back(event(1.0, TimeLapse{86400.0}));
    s.events.push_back(event(2.0, View{"back", 0.0, Easing::kLinear}));
    s.events.push_back(event(2.5, Orbit{-45.0, 10.0, 3.0, Easing::kSmooth}));
    s.events.push_back(event(3.0, Zoom{0.5, 1.0, Easing::kLinear}));
    s.events.push_back(
        event(4.0, CameraMove{CameraPose{10.0f, -5.0f, 0.9f, glm::vec3(0.0f, 1.2f, 0.0f)}, 2.0, Easing::kSmooth}));
    LayerChange layers;
    layers.xray = true;
    layers.skin = false;
    s.events.push_back(event(5.0, LayersEvent{layers}));
    s.events.push_back(event(5.0, Select{"trapezius_middle_r"}));
    s.events.push_back(event(5.5, Isolate{""}));
    s.events.push_back(event(6.0, StoryStep{1, Caption{"", {{"en", "One"}, {"es", "Uno"}}, 0.0}}));
    s.events.push_back(event(6.0, CaptionEvent{Caption{"story.1.text", {}, 4.5}}));
    s.events.push_back(event(7.0, Pause{3.0}));
    s.events.push_back(event(8.0, LanguageEvent{"en"}));
    s.events.push_back(event(8.0, StoryStep{2, Caption{"story.2.title", {}, 0.0}}));
    s.events.push_back(event(30.0, End{}));
    s.steps = make_steps(s.events);
    return s;
}

TEST(ScenarioWriter, EveryFieldAndEveryEventKindSurviveTheRoundTrip) {
    const Scenario original = every_field_scenario();
    // Every kind is in it, so a kind the writer forgets fails here.
    std::set<Kind> kinds;
    for (const Event& e : original.events) kinds.insert(e.kind());
    ASSERT_EQ(kinds.size(), std::variant_size_v<Action>);

    const std::string text = to_json(original).dump(2);
    const auto back = parse(text, "saved.json", real_vocabulary());
    ASSERT_TRUE(back.has_value()) << back.error().message;
    EXPECT_EQ(*back, original);
    EXPECT_EQ(to_json(*back), to_json(original));
    ASSERT_EQ(back->steps.size(), 2u);
    EXPECT_EQ(back->steps[1].t, 8.0);
    EXPECT_EQ(back->steps[1].title.key, "story.2.title");
    // Lines are where the events are in the written file (one event per several lines with dump(2)).
    for (std::size_t i = 1; i < back->events.size(); ++i) EXPECT_GT(back->events[i].line, back->events[i - 1].line);
}

// A change sets the layers it names and keeps the others: a start state's "layers", a "layers" event and the scene
// all use this one function.
TEST(LayerChange, EachFieldItSetsReplacesThatLayerAndTheOthersStay) {
    const std::pair<std::optional<bool> LayerChange::*, bool Layers::*> fields[] = {
        {&LayerChange::skin, &Layers::skin},   {&LayerChange::superficial, &Layers::superficial},
        {&LayerChange::xray, &Layers::xray},   {&LayerChange::deep, &Layers::deep},
        {&LayerChange::bones, &Layers::bones}, {&LayerChange::labels, &Layers::labels},
        {&LayerChange::ghost, &Layers::ghost}, {&LayerChange::cut, &Layers::cut},
        {&LayerChange::labels_all, &Layers::labels_all}};
    const Layers start;
    EXPECT_EQ(apply(start, LayerChange{}), start) << "an empty change keeps every layer";
    for (std::size_t i = 0; i < std::size(fields); ++i) {
        const auto& [change_field, layer_field] = fields[i];
        LayerChange change;
        change.*change_field = !(start.*layer_field);
        Layers expected = start;
        expected.*layer_field = !(start.*layer_field);
        EXPECT_EQ(apply(start, change), expected) << "field " << i;
        change.*change_field = start.*layer_field;  // set to what it already is: no change
        EXPECT_EQ(apply(start, change), start);
    }
}

TEST_F(ScenarioFiles, TheClinicStorySavedAndLoadedAgainIsEqual) {
    const Vocabulary vocabulary = real_vocabulary();
    const auto story = load(clinic_story_path(), vocabulary);
    ASSERT_TRUE(story.has_value()) << story.error().message;
    const auto path = dir_ / "story-copy.json";
    const Status saved = save(*story, path);
    ASSERT_TRUE(saved.has_value()) << saved.error().message;
    const auto back = load(path, vocabulary);
    ASSERT_TRUE(back.has_value()) << back.error().message;
    EXPECT_EQ(*back, *story);
    EXPECT_EQ(back->duration_s(), story->duration_s());
}

TEST_F(ScenarioFiles, SaveReplacesTheFileWholeAndLeavesNoTemporaryFile) {
    const auto path = dir_ / "scene.json";
    { std::ofstream(path) << "old contents"; }
    const Scenario s = every_field_scenario();
    ASSERT_TRUE(save(s, path).has_value());
    const auto back = load(path, Vocabulary{});
    ASSERT_TRUE(back.has_value()) << back.error().message;
    EXPECT_EQ(*back, s);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir_)) ++files;
    EXPECT_EQ(files, 1u);
}

TEST_F(ScenarioFiles, SaveIntoAMissingFolderIsAnErrorNamingThePath) {
    const auto path = dir_ / "no" / "such" / "scene.json";
    const Status saved = save(every_field_scenario(), path);
    ASSERT_FALSE(saved.has_value());
    EXPECT_THAT(saved.error().message, HasSubstr(path.string()));
}

TEST_F(ScenarioFiles, ASceneThatWouldNotLoadBackIsNotSaved) {
    Scenario s = every_field_scenario();
    s.start.release = std::nan("");  // JSON has no NaN: it would be written as null
    const auto path = dir_ / "scene.json";
    const Status saved = save(s, path);
    ASSERT_FALSE(saved.has_value());
    EXPECT_THAT(saved.error().message, HasSubstr("not saved: the scene would not load back: "));
    EXPECT_THAT(saved.error().message, HasSubstr("field 'start.release': expected a number in 0..1, got null"));
    EXPECT_FALSE(std::filesystem::exists(path));
    s = every_field_scenario();
    std::swap(s.events[0], s.events[5]);  // out of time order
    EXPECT_THAT(save(s, path).error().message, HasSubstr("events out of order"));
}

TEST(ScenarioDuration, WithoutAnEndItIsTheLatestEventEndPlusTwoSeconds) {
    Scenario s;
    s.events.push_back(event(1.0, View{"back", 5.0, Easing::kSmooth}));  // ends at 6
    s.events.push_back(event(3.0, Massage{}));                           // ends at 3 + 4 = 7
    s.events.push_back(event(4.0, Select{""}));                          // ends at 4
    EXPECT_DOUBLE_EQ(s.duration_s(), 7.0 + kEndMarginS);
    s.events.push_back(event(5.0, Pause{10.0}));  // ends at 15
    EXPECT_DOUBLE_EQ(s.duration_s(), 15.0 + kEndMarginS);
    s.events.push_back(event(9.0, End{}));
    EXPECT_DOUBLE_EQ(s.duration_s(), 9.0);
    EXPECT_DOUBLE_EQ(Scenario{}.duration_s(), kEndMarginS);
}

TEST(ScenarioDefaults, AMinimalFileGetsTheDocumentedDefaults) {
    const auto s = parse(R"({"myoview_scenario": 1, "events": [
        {"t": 1, "do": "view", "preset": "back"},
        {"t": 2, "do": "intervention", "kind": "strengthening"},
        {"t": 3, "do": "caption", "text": {"en": "Hello"}}]})",
                         "min.json", real_vocabulary());
    ASSERT_TRUE(s.has_value()) << s.error().message;
    EXPECT_EQ(s->start, Start{});
    EXPECT_EQ(s->title, "");
    const auto& view = std::get<View>(s->events[0].action);
    EXPECT_EQ(view.duration_s, 1.5);
    EXPECT_EQ(view.easing, Easing::kSmooth);
    EXPECT_EQ(std::get<Intervention>(s->events[1].action).dose, 1.0);
    EXPECT_EQ(std::get<CaptionEvent>(s->events[2].action).caption.duration_s, 0.0);
    EXPECT_EQ(s->events[0].line, 2);
    EXPECT_EQ(s->events[2].line, 4);
}

}  // namespace
}  // namespace myoview::scenario
