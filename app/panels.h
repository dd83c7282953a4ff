#pragma once
// The viewer's Dear ImGui panels: therapy controls, posture and back-load readout with history plots, and the
// tension legend. Panels never touch the simulation: they return the user's requests (UiRequests), which the
// viewer applies at one point per frame.

#include <array>
#include <deque>
#include <optional>
#include <string>
#include <utility>

#include "myoview/i18n/strings.h"
#include "myoview/render/frame.h"
#include "myoview/scene/scene.h"
#include "myoview/sim/simulation.h"
#include "ui_map.h"

struct ImFont;

namespace myoview::app {

struct UiRequests {
    std::optional<double> release;         // slider moved
    std::optional<std::pair<sim::PecPart, double>> part_release;
    std::optional<sim::InterventionKind> intervention;  // one session of it, now
    std::optional<double> time_lapse;
    bool apply_massage = false;
    bool reset = false;
    bool toggle_pause = false;
    std::optional<std::string> preset;
    std::optional<int> view;               // preset view index (front, back, left, right, three-quarter)
    bool save_scene = false;               // write the scene as it stands to a scenario file
    int story = 0;                         // +1 next story step, -1 previous (the kiosk's buttons)
};


using scene::LayerVisibility;

struct PatientStart;

class Panels {
public:
    LayerVisibility layers;
    const PatientStart* patient = nullptr;  // --patient-*: the "This patient (model)" section (patient_panel.h)
    std::string saved_scene;  // where the last "Save this scene" wrote, shown under the button
    bool kiosk = false;       // only the clinic controls (release and massage, the story, views, language)

    void record_history(const sim::Snapshot& snapshot);
    // `language` (a language of `strings`: "en", "es", ...) is shared with the cards, the story and the labels; the
    // panel can switch it, among every language `strings` holds. The controls are recorded in `map` under the ids
    // listed in app/README.md (when --ui-map is on).
    UiRequests draw(const sim::Simulation& simulation, render::TensionView& view, bool& tension_colours, bool paused,
                    double release, bool massaging, float scale, ImFont* large_font, const i18n::Library& strings,
                    std::string& language, UiMap& map);
    void clear_history();
    // A presentation (an exported video, a waiting-room screen): no controls, only the measures, bottom right.
    void draw_presentation(const sim::Snapshot& snapshot, const i18n::Strings& tr, float scale,
                           ImFont* large_font) const;

private:
    void draw_measures(const sim::Snapshot& snapshot, const i18n::Strings& tr, float scale, ImFont* large_font,
                       bool plots) const;
    std::array<float, 4> part_pct_{};  // per pec part, as the sliders show it
    int time_lapse_index_ = 0;
    std::deque<float> shoulder_history_;
    std::deque<float> back_history_;
    std::optional<double> start_forward_shoulder_mm_;
    std::optional<double> start_back_load_;
};

void draw_legend(const render::TensionView& view, float scale, const i18n::Strings& tr, UiMap& map);
// The legend's lines alone, in the current window (the quiz panel's foot).
void draw_legend_content(const render::TensionView& view, float scale, const i18n::Strings& tr);

}  // namespace myoview::app
