#include "story.h"

#include <imgui.h>

#include <algorithm>
#include <array>

namespace myoview::app {
namespace {

using render::ViewPreset;

// The claims follow ../shared/REFERENCES.md: a short pectoralis minor goes with a scapula tipped forward and
// turned in (Borstad & Ludewig 2005, JOSPT 35:227), an association, not a proven cause; a forward head goes with
// slumped sitting and thoracic kyphosis (Caneiro et al. 2010, Man Ther 15:54; Quek et al. 2013, Man Ther 18:65);
// trigger-point referral maps are Travell & Simons' (Myofascial Pain and Dysfunction, 2nd ed., 1999) and a point
// "may" refer pain; the back muscles' load is the model's illustration, never a measurement; massage gives
// short-term relief of pain and felt tension (Bervoets et al. 2015, J Physiother 61:106); stretching and
// strengthening over weeks change posture modestly (Lynch et al. 2010, Br J Sports Med 44:376).
const std::array<StoryStep, kStoryStepCount> kSteps{{
    {"Your posture at the desk",
     "Hours at a desk, at the wheel or on the phone often mean slumped sitting: the upper back rounds, the "
     "shoulders roll forward and the head drifts forward. Tight chest muscles go with rounded shoulders; the "
     "forward head goes more with slumped sitting and a rounded upper back.",
     "Tu postura en el escritorio",
     "Las horas frente al ordenador, al volante o con el móvil suelen ir unidas a sentarse encorvado: la espalda "
     "alta se redondea, los hombros se adelantan y la cabeza también. Los músculos del pecho tensos van unidos a "
     "hombros redondeados; la cabeza adelantada se relaciona más con sentarse encorvado y con una espalda alta "
     "redondeada.",
     ViewPreset::kLeft, "", 0.0, false},
    {"The tight chest",
     "In the model, pectoralis major and minor are short and tight: the bright colours. A short pectoralis minor "
     "goes with a shoulder blade tipped forward. According to Travell & Simons, their trigger points may refer "
     "pain to the shoulder, the chest and the arm. Chest pain, and numbness or weakness in the arm or hand, are "
     "checked by a doctor first.",
     "El pecho tenso",
     "En el modelo, el pectoral mayor y el menor están cortos y tensos: los colores brillantes. Un pectoral menor "
     "corto va unido a un omóplato inclinado hacia delante. Según Travell y Simons, sus puntos gatillo pueden "
     "referir dolor al hombro, al pecho y al brazo. El dolor en el pecho, y el adormecimiento o la debilidad del "
     "brazo o de la mano, los valora primero un médico.",
     ViewPreset::kFront, "pec_minor_r", std::nullopt, false},
    {"The upper back in the model",
     "In the model, the rhomboids and the middle trapezius hold the shoulder blades against the chest's pull, and "
     "their load rises. This upper-back load is an illustration from the model, not a measurement: an ache "
     "between the shoulder blades has many causes, the neck among them.",
     "La espalda alta en el modelo",
     "En el modelo, los romboides y el trapecio medio sujetan las escápulas contra el tirón del pecho, y su carga "
     "aumenta. Esta carga de la espalda alta es una ilustración del modelo, no una medida: el dolor entre los "
     "omóplatos tiene muchas causas, entre ellas el cuello.",
     ViewPreset::kBack, "trapezius_middle_r", std::nullopt, false},
    {"Releasing the chest",
     "Massage gives short-term relief of pain and of the tension felt in the chest muscles. In the model, watch "
     "them cool down and the shoulders settle back; in people, one session changes posture by a few millimetres "
     "at most.",
     "Liberar el pecho",
     "El masaje alivia a corto plazo el dolor y la tensión que se nota en los músculos del pecho. En el modelo, "
     "observa cómo se enfrían y cómo los hombros vuelven atrás; en las personas, una sesión cambia la postura "
     "unos pocos milímetros como mucho.",
     ViewPreset::kFront, "", std::nullopt, true},
    {"Less load on the back (model)",
     "With the chest released, the model's back muscles need less force to hold the shoulders: the illustrated "
     "load drops. This is the model's prediction, not a measurement.",
     "Menos carga en la espalda (modelo)",
     "Con el pecho liberado, los músculos de la espalda del modelo necesitan menos fuerza para sujetar los "
     "hombros: la carga ilustrada baja. Es una predicción del modelo, no una medida.",
     ViewPreset::kBack, "", std::nullopt, false},
    {"Keeping the gain",
     "Massage relieves for a while. Lasting change comes from doorway stretches for the chest and strengthening "
     "of the upper back, done over weeks, and it is modest: under a centimetre at the shoulder. Expect gains in "
     "comfort and function more than a new posture.",
     "Mantener lo ganado",
     "El masaje alivia durante un tiempo. El cambio duradero viene de los estiramientos del pecho en el marco de "
     "una puerta y del fortalecimiento de la espalda alta durante semanas, y es modesto: menos de un centímetro en "
     "el hombro. Cabe esperar mejoras en comodidad y función más que una postura nueva.",
     ViewPreset::kThreeQuarter, "", std::nullopt, false},
}};

}  // namespace

const StoryStep& story_step(int index) { return kSteps[static_cast<std::size_t>(index)]; }

std::vector<scene::StoryStep> story_steps() {
    std::vector<scene::StoryStep> out;
    for (const StoryStep& step : kSteps) out.push_back({step.view, std::string(step.select), step.release, step.massage});
    return out;
}

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
