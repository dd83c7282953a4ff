// The shipped clinic story (assets/scenarios/clinic-story.json) with the vocabulary the viewer passes, and its
// caption strings (assets/i18n/story.<lang>.json).

#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "vocabulary.h"

namespace myoview::scenario {
namespace {

using testing::clinic_story_path;
using ::testing::HasSubstr;
using testing::real_vocabulary;
using testing::story_strings_path;

// The events of kind A at or after `from` and before `to`.
template <typename A>
std::vector<const A*> actions_between(const Scenario& s, double from, double to) {
    std::vector<const A*> found;
    for (const Event& e : s.events)
        if (e.t >= from && e.t < to)
            if (const auto* a = std::get_if<A>(&e.action)) found.push_back(a);
    return found;
}

TEST(ClinicStory, ParsesWithTheRealVocabularyIntoSixStepsOfAbout75Seconds) {
    const auto story = load(clinic_story_path(), real_vocabulary());
    ASSERT_TRUE(story.has_value()) << story.error().message;
    ASSERT_EQ(story->steps.size(), 6u);
    for (std::size_t i = 0; i < story->steps.size(); ++i) {
        EXPECT_EQ(story->steps[i].index, static_cast<int>(i) + 1);
        EXPECT_EQ(story->steps[i].title.key, "story." + std::to_string(i + 1) + ".title");
        if (i > 0) {
            EXPECT_GT(story->steps[i].t, story->steps[i - 1].t);
        }
    }
    EXPECT_EQ(story->steps[0].t, 0.0);
    EXPECT_GE(story->duration_s(), 60.0);
    EXPECT_LE(story->duration_s(), 90.0);
    // PageDown / PageUp: the step in progress at a time.
    EXPECT_EQ(story->step_at(0.0), 1);
    EXPECT_EQ(story->step_at(story->steps[1].t - 0.01), 1);
    EXPECT_EQ(story->step_at(story->steps[1].t), 2);
    EXPECT_EQ(story->step_at(story->duration_s()), 6);
    EXPECT_EQ(Scenario{}.step_at(5.0), 0);
    EXPECT_EQ(story->start.preset, "desk-worker");
    EXPECT_EQ(story->start.release, 0.0);
}

// What app/story.cpp did at each step: the view, the card, the massage at step 4.
TEST(ClinicStory, EachStepMovesToItsViewSelectsItsStructureAndStep4Massages) {
    const auto story = load(clinic_story_path(), real_vocabulary());
    ASSERT_TRUE(story.has_value()) << story.error().message;
    const std::array<std::string, 6> views = {"left", "front", "back", "front", "back", "three-quarter"};
    const std::array<std::string, 6> selects = {"", "pec_minor_r", "trapezius_middle_r", "", "", ""};
    for (std::size_t i = 0; i < 6; ++i) {
        const double from = story->steps[i].t;
        const double to = i + 1 < 6 ? story->steps[i + 1].t : story->duration_s();
        SCOPED_TRACE("step " + std::to_string(i + 1));
        const auto moves = actions_between<View>(*story, from, to);
        ASSERT_EQ(moves.size(), 1u);
        EXPECT_EQ(moves[0]->preset, views[i]);
        EXPECT_GT(moves[0]->duration_s, 0.0);  // an eased move, not a jump
        const auto selections = actions_between<Select>(*story, from, to);
        ASSERT_EQ(selections.size(), 1u);
        EXPECT_EQ(selections[0]->id, selects[i]);
        const auto captions = actions_between<CaptionEvent>(*story, from, to);
        ASSERT_EQ(captions.size(), 1u);
        EXPECT_EQ(captions[0]->caption.key, "story." + std::to_string(i + 1) + ".text");
        EXPECT_EQ(actions_between<Massage>(*story, from, to).size(), i == 3 ? 1u : 0u);
        // The massage ramp ends before the next step starts.
        for (const Event& e : story->events)
            if (e.kind() == Kind::kMassage && e.t >= from && e.t < to) {
                EXPECT_LE(e.t + e.duration_s(), to);
            }
    }
}

TEST(ClinicStory, EveryCaptionKeyHasTextInEnglishAndSpanish) {
    const auto en = load_strings(story_strings_path("en"));
    const auto es = load_strings(story_strings_path("es"));
    ASSERT_TRUE(en.has_value()) << en.error().message;
    ASSERT_TRUE(es.has_value()) << es.error().message;
    std::set<std::string> en_keys, es_keys;
    for (const auto& [k, text] : *en) {
        en_keys.insert(k);
        EXPECT_FALSE(text.empty()) << k;
    }
    for (const auto& [k, text] : *es) {
        es_keys.insert(k);
        EXPECT_FALSE(text.empty()) << k;
    }
    EXPECT_EQ(en_keys, es_keys);
    const auto story = load(clinic_story_path(), real_vocabulary());
    ASSERT_TRUE(story.has_value()) << story.error().message;
    for (const Event& e : story->events) {
        if (const auto* c = std::get_if<CaptionEvent>(&e.action)) {
            EXPECT_TRUE(es_keys.count(c->caption.key)) << e.line;
        }
        if (const auto* s = std::get_if<StoryStep>(&e.action)) {
            EXPECT_TRUE(es_keys.count(s->title.key)) << e.line;
        }
    }
}

// The reviewed wording (associations, not causes; model predictions, not measurements; medical cautions).
TEST(ClinicStory, CaptionsKeepTheReviewedCautions) {
    const auto en = load_strings(story_strings_path("en"));
    const auto es = load_strings(story_strings_path("es"));
    ASSERT_TRUE(en.has_value() && es.has_value());
    EXPECT_THAT(en->at("story.2.text"), HasSubstr("may refer pain"));
    EXPECT_THAT(en->at("story.2.text"), HasSubstr("are checked by a doctor first"));
    EXPECT_THAT(en->at("story.3.text"), HasSubstr("an illustration from the model, not a measurement"));
    EXPECT_THAT(en->at("story.5.text"), HasSubstr("This is the model's prediction, not a measurement."));
    EXPECT_THAT(en->at("story.4.text"), HasSubstr("one session changes posture by a few millimetres at most"));
    EXPECT_THAT(es->at("story.2.text"), HasSubstr("los valora primero un médico"));
    EXPECT_THAT(es->at("story.5.text"), HasSubstr("Es una predicción del modelo, no una medida."));
}

TEST(ClinicStory, AnUnknownCaptionKeyIsAnErrorOnlyWhenKeysAreChecked) {
    const std::string text = R"({"myoview_scenario": 1,
  "events": [{"t": 0, "do": "caption", "text": "story.7.text"}]})";
    const auto checked = parse(text, "s.json", real_vocabulary());
    ASSERT_FALSE(checked.has_value());
    EXPECT_THAT(checked.error().message,
                HasSubstr("s.json:2: field 'events[0].text': unknown caption key \"story.7.text\""));
    // A tool that validates the format alone passes empty lists: nothing is looked up.
    EXPECT_TRUE(parse(text, "s.json", Vocabulary{}).has_value());
}

// The example in docs/scenarios.md is a valid scenario (the reference cannot drift from the parser).
TEST(ScenarioDocs, TheCompleteExampleInTheReferenceParses) {
    const std::string doc = testing::read_text(testing::source_dir() / "docs" / "scenarios.md");
    const auto heading = doc.find("## A complete example");
    ASSERT_NE(heading, std::string::npos);
    const auto begin = doc.find("```json\n", heading);
    ASSERT_NE(begin, std::string::npos);
    const auto end = doc.find("```", begin + 8);
    ASSERT_NE(end, std::string::npos);
    const auto example =
        parse(std::string_view(doc).substr(begin + 8, end - begin - 8), "docs example", real_vocabulary());
    ASSERT_TRUE(example.has_value()) << example.error().message;
    EXPECT_EQ(example->steps.size(), 2u);
    EXPECT_EQ(example->duration_s(), 40.0);
    EXPECT_FALSE(example->start.layers.skin);
}

}  // namespace
}  // namespace myoview::scenario
