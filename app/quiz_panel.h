#pragma once
// The classroom quiz (--quiz): the question, four choices or "click the structure", the feedback with the right
// answer, the score, and at the end a review of the misses, each with its structure's card. The logic (questions,
// scoring) is engine/quiz's; this panel draws it and returns what the scene should do (highlight, frame, language).

#include <optional>
#include <string>
#include <string_view>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "myoview/anatomy/catalog.h"
#include "myoview/i18n/strings.h"
#include "myoview/quiz/quiz.h"
#include "myoview/scene/scene.h"

struct ImFont;

namespace myoview::app {

class UiMap;

class QuizPanel {
public:
    QuizPanel(quiz::Session session, anatomy::LocalizedText title);

    // The scene's start: the first question's highlight and view, so that even the first frame (a headless
    // screenshot) shows them.
    void start(const anatomy::Catalog& catalog, scene::SceneOptions& options);

    // One frame. The scene's selection is the answer to a find question (a click on the figure selects); the
    // highlighted structure gets a ring on screen. The panel can switch among the languages of `strings` (returned in
    // Requests::language). Needs the scene's catalog.
    // `map` records the quiz's controls (quiz_panel, quiz_language_<lang>, quiz_choice_<i>, quiz_next,
    // quiz_open_card_<m>, quiz_play_again) and, while on, where a find question's structure can be clicked.
    scene::Requests draw(const scene::Scene& scene, glm::uvec2 viewport, const i18n::Library& strings, float scale,
                         ImFont* large_font, UiMap& map);

    const quiz::Session& session() const { return session_; }

    // The quiz as the --ui-map shows it, for tests playing it in the window: {"index", "size", "kind", "structure",
    // "choices" (structure ids, in the buttons' order), "correct" (its index), "answered", "last_correct", "score",
    // "finished", "misses": [{"question", "structure", "given"}], "review" (the score and misses are shown),
    // "target": [x, y] or null, "decoy": [x, y] or null}. `target` is a pixel where a click picks the find question's
    // structure (either side) as the camera stands, inside the free area; `decoy` one that picks another structure.
    nlohmann::json map_state() const;

private:
    scene::Requests draw_panel(const anatomy::Catalog& catalog, std::string_view selected_id,
                               const i18n::Library& strings, std::string_view language, float scale, ImFont* large_font,
                               UiMap& map);
    void prepare_question(const anatomy::Catalog& catalog, std::string_view selected_id, scene::Requests& out);
    void draw_question(const anatomy::Catalog& catalog, const i18n::Strings& tr, std::string_view language, float scale,
                       ImFont* large_font, scene::Requests& out, UiMap& map);
    void draw_review(const anatomy::Catalog& catalog, const i18n::Strings& tr, std::string_view language,
                     ImFont* large_font, scene::Requests& out, UiMap& map);

    // The find question's click points for the map, searched once per question, camera and viewport (a pick is a
    // ray cast against every triangle).
    void find_click_points(const scene::Scene& scene, glm::uvec2 viewport);

    quiz::Session session_;
    anatomy::LocalizedText title_;
    std::optional<std::size_t> prepared_;     // the question the scene was set up for (highlight, view)
    std::string stale_selection_;             // the selection when a find question began: not a click on it
    std::optional<std::string> review_card_;  // the structure whose card the review shows
    bool isolated_ = false;                   // the scene shows one structure alone (the card's Isolate)
    bool review_drawn_ = false;               // the last frame drew the score and the misses
    std::optional<std::size_t> scrolled_to_;  // the question whose answer the panel scrolled to
    std::optional<render::TensionView> tension_;  // the legend's colours, while the muscles show tension
    struct ClickPoints {
        std::size_t question = 0;
        glm::mat4 view_projection{0.0f};
        glm::uvec2 viewport{0};
        std::optional<glm::vec2> target, decoy;
    };
    std::optional<ClickPoints> click_points_;  // only while the map is on
};

}  // namespace myoview::app
