#include "quiz_panel.h"

#include "ui_map.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "footprint.h"
#include "info_card.h"
#include "panels.h"

namespace myoview::app {
namespace {

using quiz::QuestionKind;

const ImVec4 kRightInk(0.35f, 0.85f, 0.45f, 1.0f);
const ImVec4 kWrongInk(1.0f, 0.55f, 0.45f, 1.0f);

// The question as a student reads it, in the language of the moment (the structure's name from the catalog).
std::string question_text(const quiz::Question& q, const anatomy::Catalog& catalog, const i18n::Strings& tr,
                          std::string_view language) {
    const anatomy::Structure* s = catalog.find(q.structure);
    const std::string name(s ? s->name(language) : std::string_view(q.structure));
    switch (q.kind) {
        case QuestionKind::kFind:
            return tr.format("quiz.ask.find", {{"name", name}});
        case QuestionKind::kName:
            return tr("quiz.ask.name");
        case QuestionKind::kOrigin:
            return tr.format("quiz.ask.origin", {{"name", name}});
        case QuestionKind::kInsertion:
            return tr.format("quiz.ask.insertion", {{"name", name}});
        case QuestionKind::kAction:
            return tr.format("quiz.ask.action", {{"name", name}});
        case QuestionKind::kInnervation:
            return tr.format("quiz.ask.innervation", {{"name", name}});
    }
    return name;
}

// The view that shows a structure best: its region's side ("upper back" and the spine from behind).
render::ViewPreset view_for(const anatomy::Structure& s) {
    return s.group == "upper back" || s.group == "spine" ? render::ViewPreset::kBack : render::ViewPreset::kFront;
}

enum class ChoiceState { kOpen, kRight, kWrongPick, kOther };

// A full-width button whose text wraps (a Dear ImGui Button does not): origins and actions run to two lines.
bool choice_button(int index, std::string_view text, ChoiceState state, float scale) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 pad(10.0f * scale, 8.0f * scale);
    const std::string label = std::string(1, static_cast<char>('A' + index)) + "   " + std::string(text);
    const float wrap = width - 2.0f * pad.x;
    const ImVec2 text_size = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
    const ImVec2 size(width, text_size.y + 2.0f * pad.y);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushID(index);
    const bool pressed = ImGui::InvisibleButton("choice", size) && state == ChoiceState::kOpen;
    ImGui::PopID();
    ImVec4 fill = ImGui::GetStyle().Colors[ImGui::IsItemActive()    ? ImGuiCol_ButtonActive
                                           : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered
                                                                    : ImGuiCol_Button];
    if (state == ChoiceState::kRight) fill = ImVec4(0.16f, 0.50f, 0.24f, 1.0f);
    if (state == ChoiceState::kWrongPick) fill = ImVec4(0.62f, 0.20f, 0.16f, 1.0f);
    if (state == ChoiceState::kOther) fill.w *= 0.45f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), ImGui::GetColorU32(fill), 5.0f * scale);
    const ImU32 ink = ImGui::GetColorU32(state == ChoiceState::kOther ? ImGuiCol_TextDisabled : ImGuiCol_Text);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + pad.x, at.y + pad.y), ink, label.c_str(),
                  nullptr, wrap);
    return pressed;
}

void wrapped(const std::string& text) {
    ImGui::TextWrapped("%s", text.c_str());
}

void coloured(const ImVec4& colour, const std::string& text, ImFont* font) {
    if (font) ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    wrapped(text);
    ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

// What the body shows during a question: no labels and no ghost (names and clutter); the superficial muscles as
// x-ray when the structure asked about is deep, so that it can be seen and clicked (a click passes through x-ray).
scene::LayerVisibility layers_for(const quiz::Question* q, const anatomy::Catalog& catalog) {
    scene::LayerVisibility layers;
    layers.labels = false;
    layers.ghost = false;
    const anatomy::Structure* s = q ? catalog.find(q->structure) : nullptr;
    layers.xray_superficial = s && s->layer == anatomy::Layer::kDeep;
    return layers;
}

}  // namespace

QuizPanel::QuizPanel(quiz::Session session, anatomy::LocalizedText title)
    : session_(std::move(session)), title_(std::move(title)) {}

// Sets the scene up once per question: a name or text question highlights its structure and turns the body to show
// it; a find question clears the selection (so a click is the student's) and leaves the camera to the student.
void QuizPanel::prepare_question(const anatomy::Catalog& catalog, std::string_view selected_id, scene::Requests& out) {
    const quiz::Question* q = session_.current();
    if (!q || prepared_ == session_.index()) return;
    prepared_ = session_.index();
    review_card_.reset();
    out.layers = layers_for(q, catalog);
    if (q->kind == QuestionKind::kFind) {
        out.select = std::string();
        stale_selection_ = std::string(selected_id);
        return;
    }
    out.select = q->structure;
    if (const anatomy::Structure* s = catalog.find(q->structure)) out.view = view_for(*s);
}

void QuizPanel::start(const anatomy::Catalog& catalog, scene::SceneOptions& options) {
    scene::Requests first;
    prepare_question(catalog, options.select, first);
    if (first.select) options.select = *first.select;
    if (first.view) options.view = *first.view;
    if (first.layers) options.layers = *first.layers;
}

scene::Requests QuizPanel::draw(const scene::Scene& scene, glm::uvec2 viewport, const i18n::Library& strings,
                                float scale, ImFont* large_font, UiMap& map) {
    const std::string selected = scene.selected_id();
    isolated_ = !scene.isolated_id().empty();
    tension_.reset();
    if (scene.tension_colours()) tension_ = scene.tension_view();
    scene::Requests out = draw_panel(*scene.catalog(), selected, strings, scene.language(), scale, large_font, map);
    if (map.enabled()) find_click_points(scene, viewport);
    // The highlight is a faint rim on the mesh: a ring on screen makes "the highlighted structure" unmistakable on a
    // laptop. Drawn behind the panels, while the question's structure is the selection.
    const quiz::Question* q = session_.current();
    if (!q || selected != q->structure || viewport.x == 0 || viewport.y == 0) return out;
    if (q->kind == QuestionKind::kFind && !session_.answered()) return out;
    const auto mesh = scene.meshes().find(q->structure);
    if (!mesh) return out;
    const render::SceneFrame& frame = scene.frame();
    const float w = static_cast<float>(viewport.x), h = static_cast<float>(viewport.y);
    const glm::vec4 clip = frame.camera.projection(w / h) * frame.camera.view() *
                           glm::vec4(scene.meshes().posed_center(*mesh, frame), 1.0f);
    if (clip.w <= 0.0f) return out;
    const ImVec2 at((clip.x / clip.w * 0.5f + 0.5f) * w, (clip.y / clip.w * 0.5f + 0.5f) * h);
    const float pulse = 0.5f + 0.5f * std::sin(static_cast<float>(ImGui::GetTime()) * 4.0f);
    const float radius = (30.0f + 4.0f * pulse) * scale;
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->AddCircle(at, radius + 2.0f * scale, IM_COL32(20, 20, 20, 160), 48, 6.0f * scale);
    draw->AddCircle(at, radius, IM_COL32(255, 214, 64, 255), 48, 3.5f * scale);
    return out;
}

scene::Requests QuizPanel::draw_panel(const anatomy::Catalog& catalog, std::string_view selected_id,
                                      const i18n::Library& strings, std::string_view language, float scale,
                                      ImFont* large_font, UiMap& map) {
    scene::Requests out;
    const i18n::Strings& tr = strings.get(language);
    prepare_question(catalog, selected_id, out);
    if (const quiz::Question* q = session_.current(); q && !session_.answered()) {
        if (q->kind == QuestionKind::kFind) {
            // A click on the figure selects a structure: that is the answer (the selection from before is not).
            if (selected_id.empty())
                stale_selection_.clear();
            else if (selected_id != stale_selection_)
                (void)session_.answer_pick(selected_id, catalog);
        } else if (selected_id != q->structure && !out.select) {
            out.select = q->structure;  // a click elsewhere does not move the highlight off the question's structure
        }
    }

    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(470.0f * scale, display.x * 0.42f);
    ImGui::SetNextWindowPos(ImVec2(display.x - width - 12.0f * scale, 12.0f * scale), ImGuiCond_Always);
    // The full height, whatever the question: the figure is framed beside the panel (note_panel) and would move with
    // every question if the panel's height followed its text.
    ImGui::SetNextWindowSize(ImVec2(width, display.y - 24.0f * scale), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.92f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    const std::string title = std::string(anatomy::localized(title_, language));
    // A window of its own per question ("###quiz<n>"): each opens scrolled to its top, whatever the last one's
    // answer scrolled to.
    const std::string id = "###quiz" + std::to_string(session_.index());
    if (ImGui::Begin((tr.format("quiz.window", {{"title", title}}) + id).c_str(), nullptr, flags)) {
        map.window("quiz_panel");
        review_drawn_ = false;
        for (const std::string& lang : strings.languages()) {
            if (lang != strings.languages().front()) ImGui::SameLine();
            if (ImGui::RadioButton(strings.get(lang).c_str("language.name"), language == lang)) out.language = lang;
            map.item("quiz_language_" + lang);
        }
        // The body's views, touch-sized: a find question's structure may be on the far side, and a class's
        // touchscreen has no keys 1-5 and no wheel.
        static constexpr std::array<std::string_view, 5> kViewIds{"quiz_view_front", "quiz_view_back",
                                                                  "quiz_view_left", "quiz_view_right",
                                                                  "quiz_view_three_quarter"};
        static constexpr std::array<render::ViewPreset, 5> kViews{
            render::ViewPreset::kFront, render::ViewPreset::kBack, render::ViewPreset::kLeft,
            render::ViewPreset::kRight, render::ViewPreset::kThreeQuarter};
        const std::array<const char*, 5> kViewNames{tr.c_str("view.front"), tr.c_str("view.back"),
                                                    tr.c_str("view.left"), tr.c_str("view.right"),
                                                    tr.c_str("view.three_quarter")};
        const float fifth = (ImGui::GetContentRegionAvail().x - 4.0f * ImGui::GetStyle().ItemSpacing.x) / 5.0f;
        for (std::size_t i = 0; i < kViews.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            if (ImGui::Button(kViewNames[i], ImVec2(fifth, 0.0f))) out.view = kViews[i];
            map.item(kViewIds[i]);
        }
        ImGui::Separator();
        if (session_.finished()) {
            draw_review(catalog, tr, language, large_font, out, map);
        } else {
            draw_question(catalog, tr, language, scale, large_font, out, map);
        }
        // The colours' legend at the panel's foot, in the room the questions leave: as a corner card it took the
        // figure's hands on a laptop, or the figure's height beside it.
        if (tension_) {
            const ImGuiStyle& style = ImGui::GetStyle();
            const float legend_h = 4.0f * ImGui::GetTextLineHeightWithSpacing() + 20.0f * scale +
                                   (tension_->stripes > 0.0f ? ImGui::GetTextLineHeightWithSpacing() : 0.0f) +
                                   style.ItemSpacing.y * 2.0f;
            const float foot = ImGui::GetWindowHeight() - style.WindowPadding.y - legend_h;
            ImGui::Spacing();
            if (ImGui::GetCursorPosY() < foot) ImGui::SetCursorPosY(foot);
            ImGui::Separator();
            draw_legend_content(*tension_, scale, tr);
            map.item("quiz_legend");
        }
    }
    note_panel();
    ImGui::End();

    if (review_card_) {
        if (const anatomy::Structure* s = catalog.find(*review_card_)) {
            std::string card_language(language);
            UiMap no_map;  // the review's cards are not test targets
            const InfoCardActions card =
                draw_info_card(*s, nullptr, 1.0, catalog.languages(), card_language, tr, isolated_, scale, large_font,
                               no_map);
            if (card_language != language) out.language = card_language;
            if (card.toggle_isolate) out.toggle_isolate_selected = true;
            if (card.close) {
                review_card_.reset();
                out.select = std::string();
                out.isolate = std::string();
            }
        }
    }
    return out;
}

void QuizPanel::draw_question(const anatomy::Catalog& catalog, const i18n::Strings& tr, std::string_view language,
                              float scale, ImFont* large_font, scene::Requests& out, UiMap& map) {
    const quiz::Question& q = *session_.current();
    ImGui::TextDisabled("%s", tr.format("quiz.progress", {{"n", std::to_string(session_.index() + 1)},
                                                          {"total", std::to_string(session_.size())},
                                                          {"score", std::to_string(session_.score())}})
                                  .c_str());
    ImGui::Spacing();
    if (large_font) ImGui::PushFont(large_font);
    wrapped(question_text(q, catalog, tr, language));
    if (large_font) ImGui::PopFont();
    ImGui::Spacing();

    const bool answered = session_.answered();
    const std::string given = answered ? *session_.given() : std::string();
    if (q.kind == QuestionKind::kFind) {
        if (!answered) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            wrapped(tr("quiz.find_hint"));
            ImGui::PopStyleColor();
        } else {
            const anatomy::Structure* picked = catalog.find(given);
            wrapped(tr.format("quiz.you_clicked",
                              {{"name", std::string(picked ? picked->name(language) : std::string_view(given))}}));
        }
    } else {
        if (q.kind == QuestionKind::kName && !answered) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
            wrapped(tr("quiz.name_hint"));
            ImGui::PopStyleColor();
            ImGui::Spacing();
        }
        for (std::size_t i = 0; i < q.choices.size(); ++i) {
            ChoiceState state = ChoiceState::kOpen;
            if (answered) {
                state = i == q.correct          ? ChoiceState::kRight
                        : q.choices[i] == given ? ChoiceState::kWrongPick
                                                : ChoiceState::kOther;
            }
            if (choice_button(static_cast<int>(i), quiz::choice_text(q, i, catalog, language), state, scale)) {
                (void)session_.answer_choice(i);
            }
            map.item("quiz_choice_" + std::to_string(i));
            ImGui::Dummy(ImVec2(0.0f, 2.0f * scale));
        }
    }

    if (session_.answered()) {
        ImGui::Spacing();
        if (session_.last_correct()) {
            coloured(kRightInk, tr("quiz.right"), large_font);
        } else {
            if (q.kind == QuestionKind::kFind) {
                coloured(kWrongInk, tr("quiz.wrong"), large_font);
                wrapped(tr.format("quiz.answer_was",
                                  {{"answer", std::string(quiz::choice_text(q, q.correct, catalog, language))}}));
                out.select = q.structure;  // circled where it was
            } else {
                // The letter as well as the green: a student who cannot tell red from green still reads it.
                coloured(
                    kWrongInk,
                    tr.format("quiz.wrong_letter", {{"letter", std::string(1, static_cast<char>('A' + q.correct))}}),
                    large_font);
            }
        }
        ImGui::Spacing();
        const bool last = session_.index() + 1 == session_.size();
        // Shown at once: long choices (a muscle's action) fill a laptop's panel, and the feedback and the button
        // would otherwise wait below its edge for a student to scroll.
        const bool scroll_to_button = scrolled_to_ != session_.index();
        scrolled_to_ = session_.index();
        if (ImGui::Button(last ? tr.c_str("quiz.see_score") : tr.c_str("quiz.next"),
                          ImVec2(ImGui::GetContentRegionAvail().x, 0.0f))) {
            session_.next();
            if (session_.finished()) {
                out.select = std::string();
                out.layers = layers_for(nullptr, catalog);
            }
        }
        if (scroll_to_button) ImGui::SetScrollHereY(1.0f);
        map.item("quiz_next");
    }
}

void QuizPanel::draw_review(const anatomy::Catalog& catalog, const i18n::Strings& tr, std::string_view language,
                            ImFont* large_font, scene::Requests& out, UiMap& map) {
    review_drawn_ = true;
    if (large_font) ImGui::PushFont(large_font);
    wrapped(tr.format("quiz.score",
                      {{"score", std::to_string(session_.score())}, {"total", std::to_string(session_.size())}}));
    if (large_font) ImGui::PopFont();
    ImGui::Spacing();
    if (session_.misses().empty()) {
        coloured(kRightInk, tr("quiz.no_misses"), nullptr);
    } else {
        wrapped(tr("quiz.review"));
        ImGui::Separator();
        for (std::size_t m = 0; m < session_.misses().size(); ++m) {
            const quiz::Miss& miss = session_.misses()[m];
            const quiz::Question& q = session_.questions()[miss.question];
            const anatomy::Structure* s = catalog.find(q.structure);
            ImGui::PushID(static_cast<int>(m));
            wrapped(question_text(q, catalog, tr, language));
            std::string given(miss.given);
            const auto chosen = std::find(q.choices.begin(), q.choices.end(), miss.given);
            if (chosen != q.choices.end()) {
                given = quiz::choice_text(q, static_cast<std::size_t>(chosen - q.choices.begin()), catalog, language);
            } else if (const anatomy::Structure* picked = catalog.find(miss.given)) {
                given = picked->name(language);
            }
            coloured(kWrongInk, tr.format("quiz.your_answer", {{"answer", given}}), nullptr);
            coloured(kRightInk,
                     tr.format("quiz.right_answer",
                               {{"answer", std::string(quiz::choice_text(q, q.correct, catalog, language))}}),
                     nullptr);
            if (s && ImGui::Button(tr.format("quiz.open_card", {{"name", std::string(s->name(language))}}).c_str())) {
                review_card_ = s->id;
                out.select = s->id;
                out.view = view_for(*s);
                out.layers = layers_for(&q, catalog);
            }
            if (s) map.item("quiz_open_card_" + std::to_string(m));
            ImGui::Separator();
            ImGui::PopID();
        }
    }
    ImGui::Spacing();
    if (ImGui::Button(tr.c_str("quiz.play_again"), ImVec2(ImGui::GetContentRegionAvail().x, 0.0f))) {
        session_.restart();
        scrolled_to_.reset();
        prepared_.reset();
        review_card_.reset();
        out.isolate = std::string();
    }
    map.item("quiz_play_again");
}

void QuizPanel::find_click_points(const scene::Scene& scene, glm::uvec2 viewport) {
    const quiz::Question* q = session_.current();
    if (!q || q->kind != QuestionKind::kFind || session_.answered() || !scene.catalog() || viewport.x == 0 ||
        viewport.y == 0) {
        click_points_.reset();
        return;
    }
    const render::SceneFrame& frame = scene.frame();
    const float w = static_cast<float>(viewport.x), h = static_cast<float>(viewport.y);
    const glm::mat4 view_projection = frame.camera.projection(w / h) * frame.camera.view();
    if (click_points_ && click_points_->question == session_.index() && click_points_->viewport == viewport &&
        click_points_->view_projection == view_projection) {
        return;
    }
    ClickPoints points;
    points.question = session_.index();
    points.view_projection = view_projection;
    points.viewport = viewport;
    // Only inside the free area: elsewhere a click may land on a panel.
    const glm::vec4 free = frame.camera.screen_window() * glm::vec4(w, h, w, h);
    auto to_screen = [&](glm::vec3 p) -> std::optional<glm::vec2> {
        const glm::vec4 clip = view_projection * glm::vec4(p, 1.0f);
        if (clip.w <= 0.0f) return std::nullopt;
        const glm::vec2 at((clip.x / clip.w * 0.5f + 0.5f) * w, (clip.y / clip.w * 0.5f + 0.5f) * h);
        if (at.x < free.x + 2.0f || at.x > free.z - 2.0f || at.y < free.y + 2.0f || at.y > free.w - 2.0f) {
            return std::nullopt;
        }
        return glm::round(at);  // a click lands on a whole pixel
    };
    const scene::MeshSet& meshes = scene.meshes();
    const anatomy::Catalog& catalog = *scene.catalog();
    // The structure and its other side; each tried at its centre, then at points between the centre and its vertices.
    auto answers = [&](std::size_t m) { return quiz::same_structure(catalog, q->structure, meshes.mesh(m).id); };
    for (std::size_t m = 0; m < meshes.size() && !points.target; ++m) {
        const scene::SceneMesh& mesh = meshes.mesh(m);
        if (!answers(m) || mesh.positions.empty()) continue;
        if (m < frame.meshes.size() && !frame.meshes[m].visible) continue;
        const glm::vec3 centre = meshes.posed_center(m, frame);
        constexpr std::size_t kSamples = 16;
        for (std::size_t k = 0; k <= kSamples && !points.target; ++k) {
            glm::vec3 p = centre;
            if (k > 0) {
                const std::size_t v = (k - 1) * mesh.positions.size() / kSamples;
                p = glm::mix(centre, meshes.posed_vertex(m, v, frame), 0.6f);
            }
            const auto at = to_screen(p);
            if (!at) continue;
            const auto hit = meshes.pick(frame, at->x, at->y, w, h);
            if (hit && answers(*hit)) points.target = *at;
        }
    }
    // Another structure: the first other mesh whose centre, on screen, picks something that is not the answer.
    int tries = 0;
    for (std::size_t m = 0; m < meshes.size() && !points.decoy && tries < 24; ++m) {
        if (answers(m) || meshes.mesh(m).positions.empty()) continue;
        if (m < frame.meshes.size() && (!frame.meshes[m].visible || frame.meshes[m].outline)) continue;
        const auto at = to_screen(meshes.posed_center(m, frame));
        if (!at) continue;
        ++tries;
        const auto hit = meshes.pick(frame, at->x, at->y, w, h);
        if (hit && !answers(*hit)) points.decoy = *at;
    }
    click_points_ = points;
}

nlohmann::json QuizPanel::map_state() const {
    auto point = [](const std::optional<glm::vec2>& p) {
        return p ? nlohmann::json::array({p->x, p->y}) : nlohmann::json(nullptr);
    };
    const quiz::Question* q = session_.current();
    nlohmann::json misses = nlohmann::json::array();
    for (const quiz::Miss& miss : session_.misses()) {
        misses.push_back({{"question", miss.question},
                          {"structure", session_.questions()[miss.question].structure},
                          {"given", miss.given}});
    }
    return {{"index", session_.index()},
            {"size", session_.size()},
            {"kind", q ? std::string(quiz::to_string(q->kind)) : std::string()},
            {"structure", q ? q->structure : std::string()},
            {"choices", q ? q->choices : std::vector<std::string>{}},
            {"correct", q ? q->correct : 0},
            {"answered", session_.answered()},
            {"last_correct", session_.last_correct()},
            {"score", session_.score()},
            {"finished", session_.finished()},
            {"misses", misses},
            {"review", review_drawn_},
            {"target", point(click_points_ ? click_points_->target : std::nullopt)},
            {"decoy", point(click_points_ ? click_points_->decoy : std::nullopt)}};
}

}  // namespace myoview::app
