#include "patient_panel.h"

#include <imgui.h>

#include <cmath>
#include <string>

#include "commands.h"
#include "ui_map.h"

namespace myoview::app {

namespace {

// A limit of the fit in the language of the moment (engine/sim words it in English for the report and the log).
// Each key written out, so that tests/i18n finds it in every language.
std::string limit_words(const sim::FitLimit& limit, const i18n::Strings& tr) {
    const bool shoulder = limit.measure == sim::FitLimit::Measure::kForwardShoulder;
    const int decimals = shoulder ? 0 : 1;
    const std::string min = i18n::fixed(limit.reach_min, decimals), max = i18n::fixed(limit.reach_max, decimals);
    const std::string measured = i18n::fixed(limit.measured, decimals), nearest = i18n::fixed(limit.nearest, decimals);
    if (shoulder && limit.beyond) {
        return tr.format("patient.limit.forward_shoulder_beyond",
                         {{"min", min}, {"max", max}, {"measured", measured}, {"nearest", nearest}});
    }
    if (shoulder) {
        return tr.format("patient.limit.forward_shoulder_together", {{"measured", measured}, {"nearest", nearest}});
    }
    if (limit.beyond) {
        return tr.format("patient.limit.cva_beyond",
                         {{"min", min}, {"max", max}, {"measured", measured}, {"nearest", nearest}});
    }
    return tr.format("patient.limit.cva_together", {{"measured", measured}, {"nearest", nearest}});
}

}  // namespace

void draw_patient_section(const PatientStart& patient, const sim::Snapshot& now, const i18n::Strings& tr,
                          bool& show_healthy, UiMap& map) {
    if (!ImGui::CollapsingHeader(tr.c_str("patient.title"), ImGuiTreeNodeFlags_DefaultOpen)) return;
    const sim::PatientFit& fit = patient.fit;
    auto text = [](const std::string& s) { ImGui::TextWrapped("%s", s.c_str()); };
    if (ImGui::BeginTable("##patient", 3, ImGuiTableFlags_SizingStretchProp)) {
        // The numbers take what they need; the names the rest.
        ImGui::TableSetupColumn("##measure", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("##measured", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("##model", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr.c_str("patient.measure"));
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr.c_str("patient.measured"));
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", tr.c_str("patient.model"));
        auto row = [&](const char* key, double measured, double model, int decimals, const char* unit) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(tr.c_str(key));
            ImGui::TableNextColumn();
            ImGui::Text("%.*f%s", decimals, measured, unit);
            ImGui::TableNextColumn();
            ImGui::Text("%.*f%s", decimals, model, unit);
        };
        row("patient.cva", fit.measures.cva_deg, now.posture.craniovertebral_angle_deg, 1, "°");
        row("patient.forward_shoulder", fit.measures.forward_shoulder_mm, now.posture.mean.forward_shoulder_mm, 0,
            " mm");
        ImGui::EndTable();
    }
    if (fit.measures.pec_minor_index) {
        text(tr.format("patient.pmi", {{"pmi", i18n::fixed(*fit.measures.pec_minor_index, 2)}}));
    }
    if (fit.within_tolerance) {
        text(tr("patient.fit_ok"));
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.8f, 0.3f, 1.0f));
        text(tr("patient.fit_limit"));
        for (const sim::FitLimit& limit : fit.limit_values) text(limit_words(limit, tr));
        ImGui::PopStyleColor();
    }
    // "##patient": the same words as the Layers section's checkbox, another control.
    ImGui::Checkbox((tr("patient.ghost") + "##patient").c_str(), &show_healthy);
    map.item("patient_ghost");
    if (!patient.prediction.empty()) {
        ImGui::Separator();
        text(tr("patient.prediction"));
        if (ImGui::BeginTable("##course", 3, ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("##week", ImGuiTableColumnFlags_WidthStretch, 0.7f);
            ImGui::TableSetupColumn("##cva", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("##fwd", ImGuiTableColumnFlags_WidthStretch, 1.5f);
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", tr.c_str("patient.week"));
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", tr.c_str("patient.cva_short"));
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", tr.c_str("patient.forward_shoulder"));
            for (const sim::WeekPrediction& w : patient.prediction) {
                if (w.week % 2 != 0) continue;  // weeks 0, 2, 4, 6: enough to read the course
                ImGui::TableNextColumn();
                ImGui::Text("%d", w.week);
                ImGui::TableNextColumn();
                ImGui::Text("%.1f°", w.cva_deg);  // the sign, not "deg": read the same in every language
                ImGui::TableNextColumn();
                ImGui::Text("%.0f mm", w.forward_shoulder_mm);
            }
            ImGui::EndTable();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text(tr("patient.prediction_note"));
        ImGui::PopStyleColor();
    }
}

}  // namespace myoview::app
