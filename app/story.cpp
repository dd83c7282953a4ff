#include "story.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "footprint.h"
#include "ui_map.h"
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
                        bool keys, bool touch, UiMap& map) {
    const std::string title = playback.step_title ? scene::caption_text(*playback.step_title, tr) : std::string();
    const std::string text = playback.caption ? scene::caption_text(*playback.caption, tr) : std::string();
    if (title.empty() && text.empty() && !touch) return;
    const ImGuiIO& io = ImGui::GetIO();
    // Across the top, from the left edge to the controls (drawn before it): wide, so that it is short and stands
    // above the card (which opens 200 px down) and leaves the figure, framed below it (free_area), most of the
    // height. Lines no longer than about 110 characters, for reading.
    const float margin = 12.0f * scale;
    float right = io.DisplaySize.x - margin;
    for (const glm::vec4& p : panels_so_far()) {
        // Any panel right of the middle, tall or not yet: an auto-sized panel has no height on its first frame,
        // and a caption that narrowed on the second would be cut for a frame (a headless screenshot's).
        if ((p.x + p.z) * 0.5f > io.DisplaySize.x * 0.5f) {
            right = std::min(right, p.x - margin);
        }
    }
    const float span = std::max(right - margin, 300.0f * scale);
    const float width = std::min(span, 900.0f * scale);
    ImGui::SetNextWindowPos(ImVec2(margin + span * 0.5f, margin), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("story", nullptr, flags)) {
        map.window("story");
        if (playback.step > 0) {
            ImGui::TextDisabled("%s", tr.format("story.progress", {{"step", std::to_string(playback.step)},
                                                                   {"count", std::to_string(playback.step_count)}})
                                          .c_str());
        }
        if (large_font) ImGui::PushFont(large_font);
        // The hint to the right of the title when both fit on its line (the caption stays as short as without it),
        // else on a line of its own.
        const float title_w = title.empty() ? 0.0f : ImGui::CalcTextSize(title.c_str()).x;
        const float touch_w = touch ? ImGui::CalcTextSize(tr.c_str("kiosk.touch")).x : 0.0f;
        const float line_w = ImGui::GetContentRegionAvail().x;
        const bool one_line = !title.empty() && title_w + touch_w + 40.0f * scale <= line_w;
        if (!title.empty()) ImGui::TextWrapped("%s", title.c_str());
        if (touch) {
            if (one_line) ImGui::SameLine(ImGui::GetCursorPosX() + line_w - touch_w);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.84f, 0.25f, 1.0f));
            ImGui::TextUnformatted(tr.c_str("kiosk.touch"));
            ImGui::PopStyleColor();
            map.item("attract");
        }
        if (large_font) ImGui::PopFont();
        if (!text.empty()) ImGui::TextWrapped("%s", text.c_str());
        if (keys && playback.step_count > 0) ImGui::TextDisabled("%s", tr.c_str("story.keys"));
    }
    note_panel();  // a band across the top: the figure is framed below it
    ImGui::End();
}

void draw_attract_hint(const i18n::Strings& tr, float scale, ImFont* large_font, UiMap& map) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 16.0f * scale), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("attract", nullptr, flags)) {
        map.window("attract");
        if (large_font) ImGui::PushFont(large_font);
        ImGui::TextUnformatted(tr.c_str("kiosk.touch"));
        if (large_font) ImGui::PopFont();
    }
    note_panel();  // a band across the bottom: the figure is framed above it
    ImGui::End();
}

}  // namespace myoview::app
