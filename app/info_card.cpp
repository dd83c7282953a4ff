#include "info_card.h"

#include "footprint.h"

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

// One line already formatted (Strings::format): no printf format that a translation could break.
void text(const std::string& line) { ImGui::TextUnformatted(line.c_str()); }

}  // namespace

InfoCardActions draw_info_card(const anatomy::Structure& s, const sim::MuscleState* muscle, double length_vs_healthy,
                               const std::vector<std::string>& languages, std::string& language,
                               const i18n::Strings& tr, bool isolated, float scale, ImFont* large_font,
                               UiMap& map) {
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
    if (ImGui::Begin((tr("card.title") + "###card").c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        map.window("card");
        for (const std::string& lang : languages) {
            ImGui::SameLine(0.0f, lang == languages.front() ? 0.0f : -1.0f);
            if (ImGui::RadioButton(lang.c_str(), language == lang)) language = lang;
            map.item("card_language_" + lang);
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
            text(tr.format("card.tension", {{"pct", i18n::fixed(muscle->tension * 100.0, 1)}}));
            text(tr.format("card.force", {{"total", i18n::fixed(muscle->total_n, 0)},
                                          {"active", i18n::fixed(muscle->active_n, 0)},
                                          {"passive", i18n::fixed(muscle->passive_n, 0)}}));
            const double pct = (length_vs_healthy - 1.0) * 100.0;
            const std::string& state = pct > 2.0    ? tr("card.length.lengthened")
                                       : pct < -2.0 ? tr("card.length.shortened")
                                                    : tr("card.length.normal");
            text(tr.format("card.length", {{"pct", i18n::fixed(length_vs_healthy * 100.0, 0)}, {"state", state}}));
            text(tr.format("card.resting_length", {{"pct", i18n::fixed(muscle->length_ratio * 100.0, 0)}}));
            if (muscle->model_prediction) ImGui::TextDisabled("%s", tr.c_str("card.model_prediction"));
        }
        ImGui::Separator();
        field(tr.c_str("card.for_patients"), s.patient_line, language);
        field(tr.c_str("card.origin"), s.origin, language);
        field(tr.c_str("card.insertion"), s.insertion, language);
        field(tr.c_str("card.action"), s.action, language);
        field(tr.c_str("card.innervation"), s.innervation, language);
        field(tr.c_str("card.for_students"), s.notes, language);
        for (const anatomy::TriggerPoint& tp : s.trigger_points) {
            field(tr.c_str("card.trigger_point"), tp.location, language);
            field(tr.c_str("card.referred_pain"), tp.referral, language);
        }
        if (!s.caution.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.45f, 1.0f));
            field(tr.c_str("card.caution"), s.caution, language);
            ImGui::PopStyleColor();
        }
        ImGui::Separator();
        if (ImGui::Button(isolated ? tr.c_str("card.show_everything") : tr.c_str("card.isolate"))) {
            out.toggle_isolate = true;
        }
        map.item("card_isolate");
        ImGui::SameLine();
        if (ImGui::Button(tr.c_str("card.close"))) out.close = true;
        map.item("card_close");
    }
    note_panel();
    ImGui::End();
    if (!open) out.close = true;
    return out;
}

}  // namespace myoview::app

