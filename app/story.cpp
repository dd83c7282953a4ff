#include "story.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "myoview/scene/scenario_files.h"

namespace myoview::app {

// The clinic story's captions (story.<lang>.json) follow ../shared/REFERENCES.md: a short pectoralis minor goes with
// a scapula tipped forward and turned in (Borstad & Ludewig 2005, JOSPT 35:227), an association, not a proven cause;
// a forward head goes with slumped sitting and thoracic kyphosis (Caneiro et al. 2010, Man Ther 15:54; Quek et al.
// 2013, Man Ther 18:65); trigger-point referral maps are Travell & Simons' (Myofascial Pain and Dysfunction, 2nd ed.,
// 1999) and a point "may" refer pain; the back muscles' load is the model's illustration, never a measurement;
// massage gives short-term relief of pain and felt tension (Bervoets et al. 2015, J Physiother 61:106); stretching
// and strengthening over weeks change posture modestly (Lynch et al. 2010, Br J Sports Med 44:376).
void draw_story_caption(const scene::Playback& playback, const i18n::Strings& tr, float scale, ImFont* large_font,
                        bool keys) {
    const std::string title = playback.step_title ? scene::caption_text(*playback.step_title, tr) : std::string();
    const std::string text = playback.caption ? scene::caption_text(*playback.caption, tr) : std::string();
    if (title.empty() && text.empty()) return;
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
        if (playback.step > 0) {
            ImGui::TextDisabled("%s", tr.format("story.progress", {{"step", std::to_string(playback.step)},
                                                                   {"count", std::to_string(playback.step_count)}})
                                          .c_str());
        }
        if (!title.empty()) {
            if (large_font) ImGui::PushFont(large_font);
            ImGui::TextWrapped("%s", title.c_str());
            if (large_font) ImGui::PopFont();
        }
        if (!text.empty()) ImGui::TextWrapped("%s", text.c_str());
        if (keys && playback.step_count > 0) ImGui::TextDisabled("%s", tr.c_str("story.keys"));
    }
    ImGui::End();
}

void draw_attract_hint(const i18n::Strings& tr, float scale, ImFont* large_font) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 16.0f * scale), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("attract", nullptr, flags)) {
        if (large_font) ImGui::PushFont(large_font);
        ImGui::TextUnformatted(tr.c_str("kiosk.touch"));
        if (large_font) ImGui::PopFont();
    }
    ImGui::End();
}

}  // namespace myoview::app
