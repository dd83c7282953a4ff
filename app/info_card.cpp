#include "info_card.h"

#include <imgui.h>

#include <algorithm>

namespace myoview::app {
namespace {

// TR(english, spanish): see panels.cpp; formats stay literals for -Wformat=2.
#define TR(english, spanish_text) (language == "es" ? (spanish_text) : (english))

void field(const char* label, const anatomy::LocalizedText& text, const std::string& language) {
    const std::string_view value = anatomy::localized(text, language);
    if (value.empty()) return;
    ImGui::TextDisabled("%s", label);
    ImGui::TextWrapped("%.*s", static_cast<int>(value.size()), value.data());
}

}  // namespace

InfoCardActions draw_info_card(const anatomy::Structure& s, const sim::MuscleState* muscle, double length_vs_healthy,
                               const std::vector<std::string>& languages, std::string& language, bool isolated,
                               float scale, ImFont* large_font) {
    InfoCardActions out;
    const float width = 420.0f * scale;
    ImGui::SetNextWindowPos(ImVec2(12.0f * scale, 200.0f * scale), ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(width, ImGui::GetIO().DisplaySize.y - 370.0f * scale), ImGuiCond_Appearing);
    // Between the status panel and the legend.
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f),
                                        ImVec2(width, std::max(ImGui::GetIO().DisplaySize.y - 370.0f * scale,
                                                               160.0f * scale)));
    ImGui::SetNextWindowBgAlpha(0.90f);
    bool open = true;
    if (ImGui::Begin(TR("Structure###card", "Estructura###card"), &open, ImGuiWindowFlags_NoCollapse)) {
        for (const std::string& lang : languages) {
            ImGui::SameLine(0.0f, lang == languages.front() ? 0.0f : -1.0f);
            if (ImGui::RadioButton(lang.c_str(), language == lang)) language = lang;
        }
        const std::string_view name = s.name(language);
        if (large_font) ImGui::PushFont(large_font);
        ImGui::TextWrapped("%.*s", static_cast<int>(name.size()), name.data());
        if (large_font) ImGui::PopFont();
        if (!s.latin.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            ImGui::TextWrapped("%s", s.latin.c_str());
            ImGui::PopStyleColor();
        }

        if (muscle) {
            ImGui::Separator();
            ImGui::Text(TR("Tension  %.1f %% of maximum force", "Tensión  %.1f %% de la fuerza máxima"),
                        muscle->tension * 100.0);
            ImGui::Text(TR("Force    %.0f N (active %.0f, passive %.0f)", "Fuerza   %.0f N (activa %.0f, pasiva %.0f)"),
                        muscle->total_n, muscle->active_n, muscle->passive_n);
            const double pct = (length_vs_healthy - 1.0) * 100.0;
            ImGui::Text(TR("Length   %.0f %% of healthy (%s)", "Longitud %.0f %% de la sana (%s)"),
                        length_vs_healthy * 100.0,
                        pct > 2.0 ? TR("lengthened", "alargado") : pct < -2.0 ? TR("shortened", "acortado")
                                                                              : TR("normal", "normal"));
            ImGui::Text(TR("         %.0f %% of its current resting length", "         %.0f %% de su longitud de reposo actual"),
                        muscle->length_ratio * 100.0);
            if (muscle->model_prediction) {
                ImGui::TextDisabled("%s", TR("Model prediction: not measured in patients.",
                                             "Predicción del modelo: no medida en pacientes."));
            }
        }
        ImGui::Separator();
        field(TR("For patients", "Para pacientes"), s.patient_line, language);
        field(TR("Origin", "Origen"), s.origin, language);
        field(TR("Insertion", "Inserción"), s.insertion, language);
        field(TR("Action", "Acción"), s.action, language);
        field(TR("Innervation", "Inervación"), s.innervation, language);
        field(TR("For students", "Para estudiantes"), s.notes, language);
        for (const anatomy::TriggerPoint& tp : s.trigger_points) {
            field(TR("Trigger point", "Punto gatillo"), tp.location, language);
            field(TR("Referred pain (Travell & Simons)", "Dolor referido (Travell y Simons)"), tp.referral, language);
        }
        if (!s.caution.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.45f, 1.0f));
            field(TR("Caution", "Precaución"), s.caution, language);
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
        if (ImGui::Button(isolated ? TR("Show everything", "Mostrar todo") : TR("Isolate", "Aislar"))) {
            out.toggle_isolate = true;
        }
        ImGui::SameLine();
        if (ImGui::Button(TR("Close", "Cerrar"))) out.close = true;
    }
    ImGui::End();
    if (!open) out.close = true;
    return out;
}

}  // namespace myoview::app

#undef TR
