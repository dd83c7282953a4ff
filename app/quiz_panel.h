#pragma once
// The classroom quiz (--quiz): the question, four choices or "click the structure", the feedback with the right
// answer, the score, and at the end a review of the misses, each with its structure's card. The logic (questions,
// scoring) is engine/quiz's; this panel draws it and returns what the scene should do (highlight, frame, language).

#include <optional>
#include <string>
#include <string_view>

#include "myoview/anatomy/catalog.h"
#include "myoview/i18n/strings.h"
#include "myoview/quiz/quiz.h"
#include "myoview/scene/scene.h"

struct ImFont;

namespace myoview::app {

class QuizPanel {
public:
    QuizPanel(quiz::Session session, anatomy::LocalizedText title);

    // The scene's start: the first question's highlight and view, so that even the first frame (a headless
    // screenshot) shows them.
    void start(const anatomy::Catalog& catalog, scene::SceneOptions& options);

    // One frame. The scene's selection is the answer to a find question (a click on the figure selects); the
    // highlighted structure gets a ring on screen. The panel can switch among the languages of `strings` (returned in
    // Requests::language). Needs the scene's catalog.
    scene::Requests draw(const scene::Scene& scene, glm::uvec2 viewport, const i18n::Library& strings, float scale,
                         ImFont* large_font);

    const quiz::Session& session() const { return session_; }

private:
    scene::Requests draw_panel(const anatomy::Catalog& catalog, std::string_view selected_id,
                               const i18n::Library& strings, std::string_view language, float scale,
                               ImFont* large_font);
    void prepare_question(const anatomy::Catalog& catalog, std::string_view selected_id, scene::Requests& out);
    void draw_question(const anatomy::Catalog& catalog, const i18n::Strings& tr, std::string_view language, float scale,
                       ImFont* large_font, scene::Requests& out);
    void draw_review(const anatomy::Catalog& catalog, const i18n::Strings& tr, std::string_view language,
                     ImFont* large_font, scene::Requests& out);

    quiz::Session session_;
    anatomy::LocalizedText title_;
    std::optional<std::size_t> prepared_;     // the question the scene was set up for (highlight, view)
    std::string stale_selection_;             // the selection when a find question began: not a click on it
    std::optional<std::string> review_card_;  // the structure whose card the review shows
    bool isolated_ = false;                   // the scene shows one structure alone (the card's Isolate)
};

}  // namespace myoview::app
