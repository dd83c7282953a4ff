#include "panels.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <array>
#include <cstdio>
#include <vector>

// TR(english, spanish): the text in the panel's language. A macro, so printf-style formats stay string literals
// the compiler checks (-Wformat=2).
#define TR(english, spanish_text) (spanish ? (spanish_text) : (english))

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

UiRequests Panels::draw(const sim::Simulation& simulation, render::TensionView& view, bool& tension_colours,
                        bool paused, double release, bool massaging, float scale, ImFont* large_font,
                        std::string& language) {
    UiRequests out;
    const bool spanish = language == "es";
    const ImGuiIO& io = ImGui::GetIO();
    const float width = 380.0f * scale;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - width - 12.0f * scale, 12.0f * scale), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.85f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize;
    if (ImGui::Begin(TR("Chest release###controls", "Liberación del pecho###controls"), nullptr, flags)) {
        const sim::Snapshot& s = simulation.snapshot();
        if (ImGui::RadioButton("English", language == "en")) language = "en";
        ImGui::SameLine();
        if (ImGui::RadioButton("Español", language == "es")) language = "es";
        // Preset views, touch-sized, for a clinician who does not drag.
        const std::array<const char*, 5> kViews{TR("Front", "Frente"), TR("Back", "Dorso"), TR("Left", "Izq."), TR("Right", "Der."), "3/4"};
        const float fifth = (ImGui::GetContentRegionAvail().x - 4.0f * ImGui::GetStyle().ItemSpacing.x) / 5.0f;
        for (std::size_t i = 0; i < kViews.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            if (ImGui::Button(kViews[i], ImVec2(fifth, 0.0f))) out.view = static_cast<int>(i);
        }
        int preset_index = 1;
        for (std::size_t i = 0; i < kPresets.size(); ++i) {
            if (simulation.preset() == kPresets[i]) preset_index = static_cast<int>(i);
        }
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::Combo("##preset", &preset_index, kPresets.data(), static_cast<int>(kPresets.size()))) {
            out.preset = kPresets[static_cast<std::size_t>(preset_index)];
        }

        if (large_font) ImGui::PushFont(large_font);
        float release_pct = static_cast<float>(release * 100.0);
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::SliderFloat("##release", &release_pct, 0.0f, 100.0f, TR("Chest release %.0f %%", "Liberación del pecho %.0f %%"))) {
            out.release = static_cast<double>(release_pct) / 100.0;
        }
        const ImVec2 big(-1.0f, 0.0f);
        if (ImGui::Button(massaging ? TR("Releasing...", "Liberando...") : TR("Apply massage  (M)", "Aplicar masaje  (M)"), big)) out.apply_massage = true;
        if (large_font) ImGui::PopFont();
        // The part sliders follow the overall release whenever their mean no longer matches it (after M, Reset or
        // the main slider); moving one part changes the overall release to the parts' mean.
        float part_mean = 0.0f;
        for (float p : part_pct_) part_mean += p / static_cast<float>(part_pct_.size());
        if (std::abs(part_mean - release_pct) > 0.5f) part_pct_.fill(release_pct);
        if (ImGui::TreeNode(TR("Release by part", "Liberación por partes"))) {
            const std::array<const char*, 4> kParts{TR("Pec major, clavicular %.0f %%", "Pectoral mayor, clavicular %.0f %%"),
                                                               TR("Pec major, sternal %.0f %%", "Pectoral mayor, esternal %.0f %%"),
                                                               TR("Pec major, costal %.0f %%", "Pectoral mayor, costal %.0f %%"), TR("Pec minor %.0f %%", "Pectoral menor %.0f %%")};
            for (std::size_t i = 0; i < kParts.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                ImGui::SetNextItemWidth(-1.0f);
                if (ImGui::SliderFloat("##part", &part_pct_[i], 0.0f, 100.0f, kParts[i])) {
                    out.part_release = std::make_pair(static_cast<sim::PecPart>(i),
                                                      static_cast<double>(part_pct_[i]) / 100.0);
                }
                ImGui::PopID();
            }
            ImGui::TreePop();
        }
        const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        if (ImGui::Button(paused ? TR("Resume  (Space)", "Seguir  (Espacio)") : TR("Pause  (Space)", "Pausa  (Espacio)"), ImVec2(half, 0.0f))) out.toggle_pause = true;
        ImGui::SameLine();
        if (ImGui::Button(TR("Reset  (R)", "Reiniciar  (R)"), ImVec2(half, 0.0f))) out.reset = true;
        ImGui::TextWrapped("%s", TR("The massage releases the pectoral muscles fully over a few seconds: what "
                                   "repeated sessions, stretching and strengthening reach over weeks. One session "
                                   "moves the shoulder a few millimetres.",
                                   "El masaje libera del todo los pectorales en unos segundos: lo que logran en "
                                   "semanas las sesiones repetidas, los estiramientos y el fortalecimiento. Una "
                                   "sesión mueve el hombro unos milímetros."));

        ImGui::Separator();
        const double shoulder = s.posture.mean.forward_shoulder_mm;
        const double back = sim::upper_back_load(s) * 100.0;
        if (large_font) ImGui::PushFont(large_font);
        ImGui::Text(TR("Shoulders forward  %.0f mm", "Hombros adelante  %.0f mm"), shoulder);
        ImGui::Text(TR("Upper-back load    %.0f %%", "Carga de la espalda alta  %.0f %%"), back);
        if (large_font) ImGui::PopFont();
        if (start_forward_shoulder_mm_ && start_back_load_) {
            ImGui::TextWrapped(TR("Since start: shoulders %+.1f mm, back load %+.0f %%",
                                 "Desde el inicio: hombros %+.1f mm, carga de la espalda %+.0f %%"), shoulder - *start_forward_shoulder_mm_,
                        *start_back_load_ > 0.0 ? (back / *start_back_load_ - 1.0) * 100.0 : 0.0);
        }
        if (shoulder_history_.size() > 1) {
            plot("##shoulder", shoulder_history_, "shoulders forward (mm)", 54.0f * scale);
            plot("##back", back_history_, "upper-back load (%)", 54.0f * scale);
        }
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped(TR("Back load and muscle forces are model predictions, not measured in patients.", "La carga de la espalda y las fuerzas musculares son predicciones del modelo, no medidas en pacientes."));
        ImGui::PopStyleColor();
        if (ImGui::CollapsingHeader(TR("Over days and weeks", "Durante días y semanas"))) {
            ImGui::TextWrapped(TR("One session each, applied now; their effects unfold on the tissue clock.", "Una sesión de cada, aplicada ahora; sus efectos se despliegan en el reloj del tejido."));
            const float third = (ImGui::GetContentRegionAvail().x - 2.0f * ImGui::GetStyle().ItemSpacing.x) / 3.0f;
            if (ImGui::Button(TR("Massage", "Masaje"), ImVec2(third, 0.0f))) out.intervention = sim::InterventionKind::kChestMassage;
            ImGui::SameLine();
            if (ImGui::Button(TR("Stretch", "Estirar"), ImVec2(third, 0.0f))) {
                out.intervention = sim::InterventionKind::kDoorwayStretch;
            }
            ImGui::SameLine();
            if (ImGui::Button(TR("Strengthen", "Fortalecer"), ImVec2(third, 0.0f))) {
                out.intervention = sim::InterventionKind::kUpperBackStrengthening;
            }
            const std::array<const char*, 3> kLapse{TR("real time", "tiempo real"), TR("1 s = 1 day", "1 s = 1 día"), TR("1 s = 1 week", "1 s = 1 semana")};
            static constexpr std::array<double, 3> kLapseFactor{1.0, 86400.0, 7.0 * 86400.0};
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::Combo("##lapse", &time_lapse_index_, kLapse.data(), static_cast<int>(kLapse.size()))) {
                out.time_lapse = kLapseFactor[static_cast<std::size_t>(time_lapse_index_)];
            }
            ImGui::Text(TR("Tissue time: day %.1f", "Tiempo del tejido: día %.1f"), s.tissue_days);
        }
        if (ImGui::CollapsingHeader(TR("Layers", "Capas"))) {
            ImGui::Checkbox(TR("Skin outline", "Contorno de la piel"), &layers.skin);
            ImGui::Checkbox(TR("Superficial muscles", "Músculos superficiales"), &layers.superficial);
            ImGui::SameLine();
            ImGui::Checkbox("x-ray", &layers.xray_superficial);
            ImGui::Checkbox(TR("Deep muscles", "Músculos profundos"), &layers.deep);
            ImGui::Checkbox(TR("Bones", "Huesos"), &layers.bones);
            ImGui::Checkbox(TR("Labels", "Nombres"), &layers.labels);
            ImGui::Checkbox(TR("Ghost of the starting posture", "Silueta de la postura inicial"), &layers.ghost);
        }
        if (ImGui::CollapsingHeader(TR("Posture (clinical measures)", "Postura (medidas clínicas)"))) {
            ImGui::Text(TR("Craniovertebral angle   %.1f deg", "Ángulo craneovertebral  %.1f°"), s.posture.craniovertebral_angle_deg);
            ImGui::Text(TR("Pectoralis minor length %.0f mm", "Longitud del pectoral menor %.0f mm"), s.posture.mean.pec_minor_length_mm);
            ImGui::Text(TR("Scapular internal rot.  %.1f deg", "Rotación interna escapular %.1f°"), s.posture.mean.scapular_internal_rotation_deg);
            ImGui::Text(TR("Scapular upward rot.    %.1f deg", "Rotación superior escapular %.1f°"), s.posture.mean.scapular_upward_rotation_deg);
            ImGui::Text(TR("Scapular anterior tilt  %.1f deg", "Inclinación anterior escapular %.1f°"), s.posture.mean.scapular_anterior_tilt_deg);
        }
        if (ImGui::CollapsingHeader(TR("Colours", "Colores"))) {
            ImGui::Checkbox(TR("Colour muscles by tension", "Colorear los músculos por tensión"), &tension_colours);
            int map = static_cast<int>(view.colormap);
            const char* names[] = {TR("magma (heat)", "magma (calor)"), "viridis", TR("cividis (colour-blind safe)", "cividis (apto para daltonismo)")};
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::Combo("##colormap", &map, names, render::kColormapCount)) {
                view.colormap = static_cast<render::ColormapId>(map);
            }
            bool stripes = view.stripes > 0.0f;
            if (ImGui::Checkbox(TR("Length bands (longer / shorter than healthy)", "Bandas de longitud (más largo / más corto que sano)"), &stripes)) {
                view.stripes = stripes ? 1.0f : 0.0f;
            }
        }
        if (ImGui::CollapsingHeader(TR("About and credits", "Acerca de y créditos"))) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(TR(
                "Anatomy: BodyParts3D, (c) The Database Center for Life Science (DBCLS), licensed under CC "
                "Attribution-Share Alike 2.1 Japan. The meshes shipped here are derived from it (decimated, skinned) "
                "and carry the same licence. Re-exports used: zlatnaspirala/matrix-engine-starter (Nikola Lukic), "
                "aHer-dev/3DAnatomy, mtorregrosadev/HTN-Surgery.",
                "Anatomía: BodyParts3D, (c) The Database Center for Life Science (DBCLS), con licencia CC "
                "Reconocimiento-CompartirIgual 2.1 Japón. Las mallas que se incluyen derivan de ella (simplificadas, "
                "con pesos de piel) y llevan la misma licencia. Reexportaciones usadas: "
                "zlatnaspirala/matrix-engine-starter (Nikola Lukic), aHer-dev/3DAnatomy, mtorregrosadev/HTN-Surgery."));
            ImGui::Spacing();
            ImGui::TextUnformatted(TR(
                "Simulation: MuJoCo. Muscle parameters: Wu shoulder model, Neck6D (Mortensen et al. 2018). "
                "Forces, tensions and the back load are model predictions, not measurements.",
                "Simulación: MuJoCo. Parámetros musculares: modelo de hombro de Wu, Neck6D (Mortensen et al. 2018). "
                "Las fuerzas, tensiones y la carga de la espalda son predicciones del modelo, no mediciones."));
            ImGui::Spacing();
            ImGui::TextUnformatted(TR("myoview code: Apache License 2.0.", "Código de myoview: licencia Apache 2.0."));
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::End();
    return out;
}

void draw_legend(const render::TensionView& view, float scale, const std::string& language) {
    const bool spanish = language == "es";
    const ImGuiIO& io = ImGui::GetIO();
    const float bar_w = 300.0f * scale, bar_h = 20.0f * scale;
    ImGui::SetNextWindowPos(ImVec2(12.0f * scale, io.DisplaySize.y - 12.0f * scale), ImGuiCond_Always,
                            ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.80f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("legend", nullptr, flags)) {
        ImGui::TextUnformatted(TR("Muscle tension (% of maximum force)", "Tensión muscular (% de la fuerza máxima)"));
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
            ImGui::TextUnformatted(TR("Wide bands: longer than healthy (strained)",
                                     "Bandas anchas: más largo que sano (forzado)"));
            ImGui::TextUnformatted(TR("Tight bands: shorter than healthy (tight)",
                                     "Bandas estrechas: más corto que sano (tenso)"));
        }
    }
    ImGui::End();
}

}  // namespace myoview::app

#undef TR
