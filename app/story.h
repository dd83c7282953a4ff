#pragma once
// The clinic story as steps a clinician walks through with PageDown / PageUp (a presenter clicker sends these):
// the posture, the tight chest, the overworked back, the release, the back at rest, keeping the gain. Each step
// sets the view and what is shown; the caption says it in plain words, in the language's story.<lang>.json.

#include <optional>
#include <string>
#include <string_view>

#include <vector>

#include "myoview/i18n/strings.h"
#include "myoview/render/camera.h"
#include "myoview/scene/scene.h"

struct ImFont;

namespace myoview::app {

struct StoryStep {
    render::ViewPreset view = render::ViewPreset::kFront;
    std::string_view select;          // structure whose card opens ("" none)
    std::optional<double> release;    // chest release to set at once
    bool massage = false;             // start the massage (as M)
};

inline constexpr int kStoryStepCount = 6;
const StoryStep& story_step(int index);  // 0 .. kStoryStepCount - 1
// What each step does, as the scene takes it.
std::vector<scene::StoryStep> story_steps();

// The strings key of step `index`'s `part` ("title" or "text"): "story.<index + 1>.<part>".
std::string story_key(int index, std::string_view part);

// Draws the caption of step `index` at the top centre, in `tr`'s language.
void draw_story_caption(int index, const i18n::Strings& tr, float scale, ImFont* large_font);

}  // namespace myoview::app
