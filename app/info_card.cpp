#include "info_card.h"

#include <imgui.h>

#include <algorithm>

namespace myoview::app {
namespace {

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
    if (ImGui::Begin("Structure", &open, ImGuiWindowFlags_NoCollapse)) {
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
            ImGui::Text("Tension  %.1f %% of maximum force", muscle->tension * 100.0);
            ImGui::Text("Force    %.0f N (active %.0f, passive %.0f)", muscle->total_n, muscle->active_n,
                        muscle->passive_n);
            const double pct = (length_vs_healthy - 1.0) * 100.0;
            ImGui::Text("Length   %.0f %% of healthy (%s)", length_vs_healthy * 100.0,
                        pct > 2.0 ? "lengthened" : pct < -2.0 ? "shortened" : "normal");
            ImGui::Text("         %.0f %% of its current resting length", muscle->length_ratio * 100.0);
            if (muscle->model_prediction) ImGui::TextDisabled("Model prediction: not measured in patients.");
        }
        ImGui::Separator();
        field("For patients", s.patient_line, language);
        field("Origin", s.origin, language);
        field("Insertion", s.insertion, language);
        field("Action", s.action, language);
        field("Innervation", s.innervation, language);
        for (const anatomy::TriggerPoint& tp : s.trigger_points) {
            field("Trigger point", tp.location, language);
            field("Refers pain to", tp.referral, language);
        }
        if (!s.caution.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.45f, 1.0f));
            field("Caution", s.caution, language);
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
        if (ImGui::Button(isolated ? "Show everything" : "Isolate")) out.toggle_isolate = true;
        ImGui::SameLine();
        if (ImGui::Button("Close")) out.close = true;
    }
    ImGui::End();
    if (!open) out.close = true;
    return out;
}

}  // namespace myoview::app
