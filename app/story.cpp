#include "story.h"

#include <imgui.h>

#include <algorithm>
#include <array>

namespace myoview::app {
namespace {

using render::ViewPreset;

const std::array<StoryStep, kStoryStepCount> kSteps{{
    {"Your posture at the desk",
     "Hours at a desk, at the wheel or on the phone keep the chest muscles short. They pull the shoulders forward "
     "and in, and the head follows.",
     "Tu postura en el escritorio",
     "Las horas frente al ordenador, al volante o con el móvil acortan los músculos del pecho. Tiran de los hombros "
     "hacia delante y hacia dentro, y la cabeza los sigue.",
     ViewPreset::kLeft, "", 0.0, false},
    {"The tight chest",
     "Pectoralis major and minor are short and tight: the bright colours. Knots in them (trigger points) can send "
     "pain to the shoulder, the arm and even the back. Chest pain is always checked by a doctor first.",
     "El pecho tenso",
     "El pectoral mayor y el menor están cortos y tensos: los colores brillantes. Sus nudos (puntos gatillo) pueden "
     "enviar dolor al hombro, al brazo e incluso a la espalda. El dolor en el pecho lo valora siempre antes un médico.",
     ViewPreset::kFront, "pec_minor_r", std::nullopt, false},
    {"The overworked back",
     "The rhomboids and the middle trapezius hold the shoulder blades back all day against the chest's pull. They "
     "are long, strained and sore.",
     "La espalda sobrecargada",
     "Los romboides y el trapecio medio sujetan las escápulas todo el día contra el tirón del pecho. Están largos, "
     "forzados y doloridos.",
     ViewPreset::kBack, "trapezius_middle_r", std::nullopt, false},
    {"Releasing the chest",
     "Massage releases the chest muscles. Watch them cool down and the shoulders settle back.",
     "Liberar el pecho",
     "El masaje libera los músculos del pecho. Observa cómo se enfrían y cómo los hombros vuelven atrás.",
     ViewPreset::kFront, "", std::nullopt, true},
    {"The back can rest",
     "With the chest released, the back muscles need far less force to hold the shoulders: their load drops.",
     "La espalda descansa",
     "Con el pecho liberado, los músculos de la espalda necesitan mucha menos fuerza para sujetar los hombros: su "
     "carga baja.",
     ViewPreset::kBack, "", std::nullopt, false},
    {"Keeping the gain",
     "One session moves the shoulder a few millimetres. Doorway stretches keep the chest long; strengthening the "
     "upper back keeps the shoulders back. Over weeks the posture comes back toward neutral.",
     "Mantener lo ganado",
     "Una sesión mueve el hombro unos milímetros. Los estiramientos en el marco de una puerta mantienen largo el "
     "pecho; fortalecer la parte alta de la espalda mantiene los hombros atrás. En semanas, la postura vuelve hacia "
     "la normal.",
     ViewPreset::kThreeQuarter, "", std::nullopt, false},
}};

}  // namespace

const StoryStep& story_step(int index) { return kSteps[static_cast<std::size_t>(index)]; }

void draw_story_caption(int index, std::string_view language, float scale, ImFont* large_font) {
    const StoryStep& step = story_step(index);
    const bool es = language == "es";
    const std::string_view title = es ? step.title_es : step.title_en;
    const std::string_view text = es ? step.text_es : step.text_en;
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
        ImGui::TextDisabled("%d / %d", index + 1, kStoryStepCount);
        if (large_font) ImGui::PushFont(large_font);
        ImGui::TextWrapped("%.*s", static_cast<int>(title.size()), title.data());
        if (large_font) ImGui::PopFont();
        ImGui::TextWrapped("%.*s", static_cast<int>(text.size()), text.data());
        ImGui::TextDisabled(es ? "RePág / AvPág: anterior / siguiente" : "PageUp / PageDown: previous / next");
    }
    ImGui::End();
}

}  // namespace myoview::app
