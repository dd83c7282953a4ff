#include "story.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

namespace myoview::app {
namespace {

using render::ViewPreset;

// The captions' claims (story.<lang>.json) follow ../shared/REFERENCES.md: a short pectoralis minor goes with a
// scapula tipped forward and turned in (Borstad & Ludewig 2005, JOSPT 35:227), an association, not a proven cause;
// a forward head goes with slumped sitting and thoracic kyphosis (Caneiro et al. 2010, Man Ther 15:54; Quek et al. 2013, Man Ther 18:65);
// trigger-point referral maps are Travell & Simons' (Myofascial Pain and Dysfunction, 2nd ed., 1999) and a point
// "may" refer pain; the back muscles' load is the model's illustration, never a measurement; massage gives
// short-term relief of pain and felt tension (Bervoets et al. 2015, J Physiother 61:106); stretching and
// strengthening over weeks change posture modestly (Lynch et al. 2010, Br J Sports Med 44:376).
// What each step does; its caption is in assets/i18n/story.<lang>.json ("story.N.title", "story.N.text", N from 1).
const std::array<StoryStep, kStoryStepCount> kSteps{{
    {ViewPreset::kLeft, "", 0.0, false},                         // your posture at the desk
    {ViewPreset::kFront, "pec_minor_r", std::nullopt, false},     // the tight chest
    {ViewPreset::kBack, "trapezius_middle_r", std::nullopt, false},  // the upper back in the model
    {ViewPreset::kFront, "", std::nullopt, true},                 // releasing the chest
    {ViewPreset::kBack, "", std::nullopt, false},                 // less load on the back (model)
    {ViewPreset::kThreeQuarter, "", std::nullopt, false},         // keeping the gain
}};

}  // namespace

const StoryStep& story_step(int index) { return kSteps[static_cast<std::size_t>(index)]; }

std::vector<scene::StoryStep> story_steps() {
    std::vector<scene::StoryStep> out;
    for (const StoryStep& step : kSteps) out.push_back({step.view, std::string(step.select), step.release, step.massage});
    return out;
}

std::string story_key(int index, std::string_view part) {
    return "story." + std::to_string(index + 1) + "." + std::string(part);
}

void draw_story_caption(int index, const i18n::Strings& tr, float scale, ImFont* large_font) {
    const std::string& title = tr(story_key(index, "title"));
    const std::string& text = tr(story_key(index, "text"));
    const ImGuiIO& io = ImGui::GetIO();
    // Between the status / card column on the left and the controls on the right, where there is room.
    const float width = std::clamp(io.DisplaySize.x - 800.0f * scale, 300.0f * scale, 640.0f * scale);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, 12.0f * scale), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("story", nullptr, flags)) {
        ImGui::TextDisabled("%s", tr.format("story.progress", {{"step", std::to_string(index + 1)},
                                                               {"count", std::to_string(kStoryStepCount)}})
                                      .c_str());
        if (large_font) ImGui::PushFont(large_font);
        ImGui::TextWrapped("%s", title.c_str());
        if (large_font) ImGui::PopFont();
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::TextDisabled("%s", tr.c_str("story.keys"));
    }
    ImGui::End();
}

}  // namespace myoview::app
