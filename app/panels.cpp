#include "panels.h"

#include "footprint.h"
#include "patient_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <array>
#include <cstdio>
#include <vector>

namespace myoview::app {
namespace {

constexpr std::size_t kHistory = 240;
constexpr std::array<const char*, 4> kPresets{"neutral", "desk-worker", "driver", "phone-user"};

ImU32 to_imgui(glm::vec3 srgb) {
    return IM_COL32(static_cast<int>(srgb.r * 255.0f + 0.5f), static_cast<int>(srgb.g * 255.0f + 0.5f),
                    static_cast<int>(srgb.b * 255.0f + 0.5f), 255);
}

void push_history(std::deque<float>& h, float v) {
    h.push_back(v);
    while (h.size() > kHistory) h.pop_front();
}

void plot(const char* label, const std::deque<float>& h, const char* overlay, float height) {
    std::vector<float> values(h.begin(), h.end());
    if (values.empty()) values.push_back(0.0f);
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    const float pad = std::max(0.5f, (*hi - *lo) * 0.15f);
    ImGui::PlotLines(label, values.data(), static_cast<int>(values.size()), 0, overlay, *lo - pad, *hi + pad,
                     ImVec2(-1.0f, height));
}

// One line of text already formatted (Strings::format): no printf format that a translation could break.
void text(const std::string& line) { ImGui::TextUnformatted(line.c_str()); }

}  // namespace

void Panels::record_history(const sim::Snapshot& snapshot) {
    const double shoulder = snapshot.posture.mean.forward_shoulder_mm;
    const double back = sim::upper_back_load(snapshot) * 100.0;
    if (!start_forward_shoulder_mm_) start_forward_shoulder_mm_ = shoulder;
    if (!start_back_load_) start_back_load_ = back;
    push_history(shoulder_history_, static_cast<float>(shoulder));
    push_history(back_history_, static_cast<float>(back));
}

void Panels::clear_history() {
    shoulder_history_.clear();
    back_history_.clear();
    start_forward_shoulder_mm_.reset();
    start_back_load_.reset();
}

// The two numbers of the story and how they changed since the start, with the plots and the model's caveat.
void Panels::draw_measures(const sim::Snapshot& s, const i18n::Strings& tr, float scale, ImFont* large_font,
                           bool plots) const {
    const double shoulder = s.posture.mean.forward_shoulder_mm;
    const double back = sim::upper_back_load(s) * 100.0;
    if (large_font) ImGui::PushFont(large_font);
    text(tr.format("panel.shoulders_forward", {{"mm", i18n::fixed(shoulder, 0)}}));
    text(tr.format("panel.upper_back_load", {{"pct", i18n::fixed(back, 0)}}));
    if (large_font) ImGui::PopFont();
    if (start_forward_shoulder_mm_ && start_back_load_) {
        const double back_change = *start_back_load_ > 0.0 ? (back / *start_back_load_ - 1.0) * 100.0 : 0.0;
        ImGui::TextWrapped("%s", tr.format("panel.since_start",
                                           {{"mm", i18n::fixed(shoulder - *start_forward_shoulder_mm_, 1, true)},
                                            {"pct", i18n::fixed(back_change, 0, true)}})
                                     .c_str());
    }
    if (plots && shoulder_history_.size() > 1) {
        plot("##shoulder", shoulder_history_, tr.c_str("panel.plot.shoulders_forward"), 54.0f * scale);
        plot("##back", back_history_, tr.c_str("panel.plot.upper_back_load"), 54.0f * scale);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", tr.c_str("panel.model_predictions"));
    ImGui::PopStyleColor();
}

void Panels::draw_presentation(const sim::Snapshot& snapshot, const i18n::Strings& tr, float scale,
                               ImFont* large_font) const {
    const ImGuiIO& io = ImGui::GetIO();
    const float width = 340.0f * scale;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - width - 12.0f * scale, io.DisplaySize.y - 12.0f * scale),
                            ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("###measures", nullptr, flags)) draw_measures(snapshot, tr, scale, large_font, false);
    ImGui::End();
}

UiRequests Panels::draw(const sim::Simulation& simulation, render::TensionView& view, bool& tension_colours,
                        bool paused, double release, bool massaging, float scale, ImFont* large_font,
                        const i18n::Library& strings, std::string& language, UiMap& map) {
    UiRequests out;
    const i18n::Strings& tr = strings.get(language);
    const ImGuiIO& io = ImGui::GetIO();
    // The panel fits the window: never wider than a third of it, never taller (it scrolls), and on a small window it
    // starts collapsed to its title bar, which a click opens.
    const float width = std::min(380.0f * scale, io.DisplaySize.x / 3.0f);
    const float margin = 12.0f * scale;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - width - margin, margin), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f),
                                        ImVec2(width, std::max(io.DisplaySize.y - 2.0f * margin, 40.0f * scale)));
    if (io.DisplaySize.x < 900.0f * scale || io.DisplaySize.y < 560.0f * scale) {
        ImGui::SetNextWindowCollapsed(true, ImGuiCond_Once);
    }
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_AlwaysAutoResize;
    // "###controls": the window keeps its identity (place, open sections) when the language changes its title.
    if (ImGui::Begin((tr("panel.title") + "###controls").c_str(), nullptr, flags)) {
        map.window("panel");
        const sim::Snapshot& s = simulation.snapshot();
        // Each language under its own name, as its speakers look for it.
        for (const std::string& lang : strings.languages()) {
            if (lang != strings.languages().front()) ImGui::SameLine();
            if (ImGui::RadioButton(strings.get(lang).c_str("language.name"), language == lang)) language = lang;
            map.item("language_" + lang);
        }
        // Preset views, touch-sized, for a clinician who does not drag.
        static constexpr std::array<std::string_view, 5> kViewIds{"view_front", "view_back", "view_left", "view_right",
                                                                  "view_three_quarter"};
        const std::array<const char*, 5> kViews{tr.c_str("view.front"), tr.c_str("view.back"), tr.c_str("view.left"),
                                                tr.c_str("view.right"), tr.c_str("view.three_quarter")};
        const float fifth = (ImGui::GetContentRegionAvail().x - 4.0f * ImGui::GetStyle().ItemSpacing.x) / 5.0f;
        for (std::size_t i = 0; i < kViews.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            if (ImGui::Button(kViews[i], ImVec2(fifth, 0.0f))) out.view = static_cast<int>(i);
            map.item(kViewIds[i]);
        }
        int preset_index = -1;
        for (std::size_t i = 0; i < kPresets.size(); ++i) {
            if (simulation.preset() == kPresets[i]) preset_index = static_cast<int>(i);
        }
        if (kiosk) {
            // The story, touch-sized: the kiosk has no keyboard.
            const float half_width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
            if (ImGui::Button(tr.c_str("kiosk.story_previous"), ImVec2(half_width, 0.0f))) out.story = -1;
            ImGui::SameLine();
            if (ImGui::Button(tr.c_str("kiosk.story_next"), ImVec2(half_width, 0.0f))) out.story = +1;
        } else {
            // A profile of its own (a fitted patient) shows its name; choosing a preset leaves it.
            const char* preview = preset_index >= 0 ? kPresets[static_cast<std::size_t>(preset_index)]
                                                    : simulation.preset().c_str();
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::BeginCombo("##preset", preview)) {
                for (std::size_t i = 0; i < kPresets.size(); ++i) {
                    if (ImGui::Selectable(kPresets[i], static_cast<int>(i) == preset_index)) out.preset = kPresets[i];
                }
                ImGui::EndCombo();
            }
        }
        if (patient != nullptr) draw_patient_section(*patient, s, tr, layers.ghost, map);
        map.item("preset");

        if (large_font) ImGui::PushFont(large_font);
        float release_pct = static_cast<float>(release * 100.0);
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::SliderFloat("##release", &release_pct, 0.0f, 100.0f,
                               tr.slider_format("panel.release_slider", "pct", "%.0f").c_str())) {
            out.release = static_cast<double>(release_pct) / 100.0;
        }
        map.item("release_slider");
        const ImVec2 big(-1.0f, 0.0f);
        if (ImGui::Button(massaging ? tr.c_str("panel.releasing") : tr.c_str("panel.apply_massage"), big)) {
            out.apply_massage = true;
        }
        map.item("apply_massage");
        if (large_font) ImGui::PopFont();
        // The part sliders follow the overall release whenever their mean no longer matches it (after M, Reset or
        // the main slider); moving one part changes the overall release to the parts' mean.
        float part_mean = 0.0f;
        for (float p : part_pct_) part_mean += p / static_cast<float>(part_pct_.size());
        if (std::abs(part_mean - release_pct) > 0.5f) part_pct_.fill(release_pct);
        const bool by_part = !kiosk && ImGui::TreeNode(tr.c_str("panel.release_by_part"));
        if (!kiosk) map.item("release_by_part");
        if (by_part) {
            // In sim::PecPart's order.
            static constexpr std::array<std::string_view, 4> kPartIds{
                "part_pec_major_clavicular", "part_pec_major_sternal", "part_pec_major_costal", "part_pec_minor"};
            const std::array<std::string, 4> kParts{tr.slider_format("panel.part.pec_major_clavicular", "pct", "%.0f"),
                                                    tr.slider_format("panel.part.pec_major_sternal", "pct", "%.0f"),
                                                    tr.slider_format("panel.part.pec_major_costal", "pct", "%.0f"),
                                                    tr.slider_format("panel.part.pec_minor", "pct", "%.0f")};
            for (std::size_t i = 0; i < kParts.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                ImGui::SetNextItemWidth(-1.0f);
                if (ImGui::SliderFloat("##part", &part_pct_[i], 0.0f, 100.0f, kParts[i].c_str())) {
                    out.part_release = std::make_pair(static_cast<sim::PecPart>(i),
                                                      static_cast<double>(part_pct_[i]) / 100.0);
                }
                map.item(kPartIds[i]);
                ImGui::PopID();
            }
            ImGui::TreePop();
        }
        const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        if (ImGui::Button(paused ? tr.c_str("panel.resume") : tr.c_str("panel.pause"), ImVec2(half, 0.0f))) {
            out.toggle_pause = true;
        }
        map.item("pause");
        ImGui::SameLine();
        if (ImGui::Button(tr.c_str("panel.reset"), ImVec2(half, 0.0f))) out.reset = true;
        map.item("reset");
        ImGui::TextWrapped("%s", tr.c_str("panel.massage_note"));

        ImGui::Separator();
        draw_measures(s, tr, scale, large_font, true);
        // The kiosk shows only the clinic controls: release and massage, the story, views, language (and credits).
        if (!kiosk) {
            const bool over_time_open = ImGui::CollapsingHeader(tr.c_str("panel.over_time"));
            map.item("over_time_header");
            if (over_time_open) {
                ImGui::TextWrapped("%s", tr.c_str("panel.over_time.note"));
                const float third = (ImGui::GetContentRegionAvail().x - 2.0f * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
                if (ImGui::Button(tr.c_str("panel.session.massage"), ImVec2(third, 0.0f))) {
                    out.intervention = sim::InterventionKind::kChestMassage;
                }
                map.item("session_massage");
                ImGui::SameLine();
                if (ImGui::Button(tr.c_str("panel.session.stretch"), ImVec2(third, 0.0f))) {
                    out.intervention = sim::InterventionKind::kDoorwayStretch;
                }
                map.item("session_stretch");
                ImGui::SameLine();
                if (ImGui::Button(tr.c_str("panel.session.strengthen"), ImVec2(third, 0.0f))) {
                    out.intervention = sim::InterventionKind::kUpperBackStrengthening;
                }
                map.item("session_strengthen");
                const std::array<const char*, 3> kLapse{tr.c_str("panel.lapse.real_time"), tr.c_str("panel.lapse.day"),
                                                        tr.c_str("panel.lapse.week")};
                static constexpr std::array<double, 3> kLapseFactor{1.0, 86400.0, 7.0 * 86400.0};
                ImGui::SetNextItemWidth(-1.0f);
                if (ImGui::Combo("##lapse", &time_lapse_index_, kLapse.data(), static_cast<int>(kLapse.size()))) {
                    out.time_lapse = kLapseFactor[static_cast<std::size_t>(time_lapse_index_)];
                }
                map.item("time_lapse");
                text(tr.format("panel.tissue_time", {{"days", i18n::fixed(s.tissue_days, 1)}}));
            }
            const bool layers_open = ImGui::CollapsingHeader(tr.c_str("panel.layers"));
            map.item("layers_header");
            if (layers_open) {
                ImGui::Checkbox(tr.c_str("layer.skin"), &layers.skin);
                map.item("layer_skin");
                ImGui::Checkbox(tr.c_str("layer.superficial"), &layers.superficial);
                map.item("layer_superficial");
                ImGui::SameLine();
                ImGui::Checkbox(tr.c_str("layer.xray"), &layers.xray_superficial);
                map.item("layer_xray");
                ImGui::Checkbox(tr.c_str("layer.deep"), &layers.deep);
                map.item("layer_deep");
                ImGui::Checkbox(tr.c_str("layer.bones"), &layers.bones);
                map.item("layer_bones");
                ImGui::Checkbox(tr.c_str("layer.labels"), &layers.labels);
                map.item("layer_labels");
                ImGui::SameLine();
                // Everything the eye sees named (a class); it needs the labels on, so ticking it turns them on.
                if (ImGui::Checkbox(tr.c_str("layer.labels_all"), &layers.labels_all) && layers.labels_all) {
                    layers.labels = true;
                }
                map.item("layer_labels_all");
                // A patient's ghost is the healthy posture, not the starting one (the start is the patient's own).
                ImGui::Checkbox(patient != nullptr ? tr.c_str("patient.ghost") : tr.c_str("layer.ghost"),
                                &layers.ghost);
                map.item("layer_ghost");
                ImGui::Checkbox(tr.c_str("layer.cut"), &layers.cut);
                map.item("layer_cut");
            }
            const bool posture_open = ImGui::CollapsingHeader(tr.c_str("panel.posture"));
            map.item("posture_header");
            if (posture_open) {
                const sim::SidePosture& mean = s.posture.mean;
                text(tr.format("posture.craniovertebral_angle",
                               {{"deg", i18n::fixed(s.posture.craniovertebral_angle_deg, 1)}}));
                text(tr.format("posture.pec_minor_length", {{"mm", i18n::fixed(mean.pec_minor_length_mm, 0)}}));
                text(tr.format("posture.scapular_internal_rotation",
                               {{"deg", i18n::fixed(mean.scapular_internal_rotation_deg, 1)}}));
                text(tr.format("posture.scapular_upward_rotation",
                               {{"deg", i18n::fixed(mean.scapular_upward_rotation_deg, 1)}}));
                text(tr.format("posture.scapular_anterior_tilt", {{"deg", i18n::fixed(mean.scapular_anterior_tilt_deg, 1)}}));
            }
            const bool colours_open = ImGui::CollapsingHeader(tr.c_str("panel.colours"));
            map.item("colours_header");
            if (colours_open) {
                ImGui::Checkbox(tr.c_str("colours.by_tension"), &tension_colours);
                map.item("colour_by_tension");
                int colormap = static_cast<int>(view.colormap);
                // In render::ColormapId's order.
                const char* names[] = {tr.c_str("colours.magma"), tr.c_str("colours.viridis"), tr.c_str("colours.cividis")};
                ImGui::SetNextItemWidth(-1.0f);
                if (ImGui::Combo("##colormap", &colormap, names, render::kColormapCount)) {
                    view.colormap = static_cast<render::ColormapId>(colormap);
                }
                map.item("colormap");
                bool stripes = view.stripes > 0.0f;
                if (ImGui::Checkbox(tr.c_str("colours.length_bands"), &stripes)) {
                    view.stripes = stripes ? 1.0f : 0.0f;
                }
                map.item("length_bands");
            }
            const bool scene_open = ImGui::CollapsingHeader(tr.c_str("panel.scene"));
            map.item("scene_header");
            if (scene_open) {
                ImGui::TextWrapped("%s", tr.c_str("panel.scene.note"));
                if (ImGui::Button(tr.c_str("panel.scene.save"), ImVec2(-1.0f, 0.0f))) out.save_scene = true;
                map.item("save_scene");
                if (!saved_scene.empty()) {
                    ImGui::TextWrapped("%s", tr.format("panel.scene.saved", {{"path", saved_scene}}).c_str());
                }
            }
        }
        const bool about_open = ImGui::CollapsingHeader(tr.c_str("panel.about"));
        map.item("about_header");
        if (about_open) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(tr.c_str("about.anatomy"));
            ImGui::Spacing();
            ImGui::TextUnformatted(tr.c_str("about.simulation"));
            ImGui::Spacing();
            ImGui::TextUnformatted(tr.c_str("about.code"));
            ImGui::PopTextWrapPos();
        }
    }
    note_panel();
    ImGui::End();
    return out;
}

void draw_legend_content(const render::TensionView& view, float scale, const i18n::Strings& tr) {
    const float bar_w = 300.0f * scale, bar_h = 20.0f * scale;
    ImGui::TextUnformatted(tr.c_str("legend.title"));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    constexpr int kSteps = 60;
    for (int i = 0; i < kSteps; ++i) {
        // Equal steps of tension along the bar, coloured through the same scale as the muscles.
        const float t0 = static_cast<float>(i) / kSteps, t1 = static_cast<float>(i + 1) / kSteps;
        const float tension = (t0 + t1) * 0.5f * view.scale.full_scale;
        const ImU32 c = to_imgui(render::colormap_srgb(view.colormap, view.scale.position(tension)));
        draw->AddRectFilled(ImVec2(p.x + t0 * bar_w, p.y), ImVec2(p.x + t1 * bar_w + 1.0f, p.y + bar_h), c);
    }
    ImGui::Dummy(ImVec2(bar_w, bar_h));
    const ImVec2 q = ImGui::GetCursorScreenPos();
    const float full_pct = view.scale.full_scale * 100.0f;
    for (int k = 0; k <= 5; ++k) {
        const float pct = full_pct * static_cast<float>(k) / 5.0f;
        const float x = q.x + static_cast<float>(k) / 5.0f * bar_w;
        char text[16];
        std::snprintf(text, sizeof(text), k == 5 ? "%.0f+" : "%.0f", static_cast<double>(pct));
        const float tw = ImGui::CalcTextSize(text).x;
        draw->AddLine(ImVec2(x, q.y - 4.0f * scale), ImVec2(x, q.y), IM_COL32(230, 230, 230, 255));
        draw->AddText(ImVec2(std::clamp(x - tw * 0.5f, q.x, q.x + bar_w - tw), q.y), IM_COL32(230, 230, 230, 255),
                      text);
    }
    ImGui::Dummy(ImVec2(bar_w, ImGui::GetTextLineHeight()));
    if (view.stripes > 0.0f) {
        ImGui::TextUnformatted(tr.c_str("legend.wide_bands"));
        ImGui::TextUnformatted(tr.c_str("legend.tight_bands"));
    }
}

void draw_legend(const render::TensionView& view, float scale, const i18n::Strings& tr, UiMap& map) {
    const ImGuiIO& io = ImGui::GetIO();
    const float bar_w = 300.0f * scale;
    ImGui::SetNextWindowPos(ImVec2(12.0f * scale, io.DisplaySize.y - 12.0f * scale), ImGuiCond_Always,
                            ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.80f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("legend", nullptr, flags)) {
        map.window("legend");
        draw_legend_content(view, scale, tr);
    }
    // A corner card: the figure stands beside it where the window is wide enough (free_area), so that the kiosk's
    // larger legend does not cover the figure's hand. Noted where it is anchored, with its width from the first
    // frame: an auto-sized window has neither size nor place until its second, and the figure, framed at once on the
    // first (a screenshot's), would stand behind it.
    float content_w = std::max(bar_w, ImGui::CalcTextSize(tr.c_str("legend.title")).x);
    if (view.stripes > 0.0f) {
        content_w = std::max({content_w, ImGui::CalcTextSize(tr.c_str("legend.wide_bands")).x,
                              ImGui::CalcTextSize(tr.c_str("legend.tight_bands")).x});
    }
    const ImVec2 size = ImGui::GetWindowSize();
    const float w = std::max(size.x, content_w + 2.0f * ImGui::GetStyle().WindowPadding.x);
    const float x0 = 12.0f * scale, y1 = io.DisplaySize.y - 12.0f * scale;
    note_rect(glm::vec4(x0, y1 - size.y, x0 + w, y1));
    ImGui::End();
}

}  // namespace myoview::app

