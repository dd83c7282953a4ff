#pragma once
// The scene: everything the viewer shows and why, owned in one place. It holds the simulation, the therapy
// (massage ramp, single sessions, time-lapse), the binding from snapshot to meshes, the camera, selection, layers,
// the story position and the language. update(dt, input) applies one frame's requests and advances time; it yields
// one render::SceneFrame, which the renderer draws and nothing else writes. The window and headless modes use the
// same update: they differ only in where dt comes from (wall clock or a fixed step) and where the frame goes.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "myoview/anatomy/catalog.h"
#include "myoview/assets/model.h"
#include "myoview/base/result.h"
#include "myoview/render/frame.h"
#include "myoview/scene/binding.h"
#include "myoview/scene/mesh_set.h"
#include "myoview/scene/therapy.h"
#include "myoview/scene/visibility.h"
#include "myoview/scenario/scenario.h"
#include "myoview/sim/simulation.h"

namespace myoview::scene {

// Which anatomical layers are drawn; superficial muscles may be see-through (x-ray) to show the deep ones.
struct LayerVisibility {
    bool skin = true;
    bool superficial = true;
    bool xray_superficial = false;
    bool deep = true;
    bool bones = true;
    bool labels = true;
    // "Label everything": every structure the eye sees now, not only the story's muscles (with `labels` on).
    bool labels_all = false;
    bool ghost = true;  // the starting posture's bones as a faint outline (before / after)
    // The cutting plane: the near half of the skin and the superficial muscles (a vertical plane through the
    // camera's target, facing the camera) is cut away to show the deep layer: pec minor under pec major, the rhomboids
    // under the trapezius.
    bool cut = false;
    bool operator==(const LayerVisibility&) const = default;
};

// The same layers as a scenario file names them (scenario::Layers: "xray" for xray_superficial) and back, field for
// field: a scenario's start state, its "layers" events (scenario::apply) and a saved scene all cross here.
LayerVisibility to_visibility(const scenario::Layers& layers);
scenario::Layers to_scenario_layers(const LayerVisibility& layers);

// One frame's requests from the panels, the keys or a scenario: applied together at the start of update().
struct Requests {
    std::optional<std::string> preset;
    std::optional<double> release;  // stops a massage ramp
    std::optional<std::pair<sim::PecPart, double>> part_release;
    std::optional<sim::InterventionKind> intervention;  // one session of it, now
    double intervention_dose = 1.0;
    std::optional<double> time_lapse;
    bool massage = false;
    bool reset = false;
    bool toggle_pause = false;
    std::optional<bool> paused;
    std::optional<render::ViewPreset> view;  // a preset view, framed to the window
    int story = 0;                           // +1 next step (PageDown), -1 previous (PageUp)
    std::optional<int> story_step;           // 1-based, go straight there
    std::optional<LayerVisibility> layers;
    std::optional<std::string> language;
    std::optional<bool> tension_colours;
    std::optional<render::TensionView> tension_view;
    std::optional<std::string> select;   // a structure id; "" closes the card
    std::optional<std::string> isolate;  // a structure id; "" shows everything again
    bool toggle_isolate_selected = false;

    // Adds `more`: flags combine, values set in `more` win, story moves add up.
    void merge(const Requests& more);
};

// One frame of input: requests, camera moves in pixels and the pointer (window pixels, origin top left).
struct Input {
    Requests requests;
    glm::vec2 orbit{0.0f};  // drag, pixels
    glm::vec2 pan{0.0f};    // drag, pixels
    float zoom = 0.0f;      // wheel steps, positive closer
    std::optional<glm::vec2> hover;  // the pointer moved to here, over the figure (not the UI, not dragging)
    bool hover_lost = false;         // the pointer is over the UI or dragging: nothing is hovered
    std::optional<glm::vec2> click;  // a click (press and release without a drag)
    // The part of the viewport free of panels (fractions x0, y0, x1, y1; y down): the figure is drawn there.
    std::optional<glm::vec4> free_area;
};

struct SceneOptions {
    render::ViewPreset view = render::ViewPreset::kFront;
    std::string select;   // structure id whose card is open at the start
    std::string isolate;  // structure id shown alone
    std::string language = "en";
    std::optional<LayerVisibility> layers;  // the layers at the start (default: LayerVisibility{})
    bool tension_colours = true;
    double settle_s = 30.0;  // simulated seconds before the first frame: the preset's posture settles
    bool massage = false;    // start the massage at once
    // The story PageDown / PageUp walk when no scenario plays (the clinic story): each step plays from its mark
    // and holds at the next, so the clinician talks over a still picture.
    std::optional<scenario::Scenario> story;
    int story_start = 0;  // 1-based step to start at; 0: none
    // The ghost's posture: these body poses (e.g. the neutral preset settled: the healthy posture a patient's is
    // compared with) instead of the settled start: a snapshot of the same model (its bodies in model order).
    std::optional<sim::Snapshot> ghost_pose;
    // A scenario to play from the start (--scenario): its start state replaces the options above.
    std::optional<scenario::Scenario> scenario;
};

// The scenario being played, as the screen shows it.
struct Playback {
    double t = 0.0;            // scenario seconds
    double duration_s = 0.0;
    bool finished = false;     // past its end (the scene stays interactive)
    bool holding = false;      // held at a story step's mark (story mode), waiting for PageDown
    int step = 0;              // story step in progress, 1-based; 0 none
    int step_count = 0;
    const scenario::Caption* step_title = nullptr;
    const scenario::Caption* caption = nullptr;  // the caption shown now, if any
};

// What one update did beyond the frame.
struct UpdateInfo {
    double dropped_s = 0.0;      // seconds the simulation did not follow (a gap longer than kMaxCatchUpSeconds)
    bool history_reset = false;  // a preset or reset started a new history (plots restart)
};

// A label's anchor this frame: a point of a structure the eye sees, in window pixels.
struct LabelAnchor {
    std::size_t mesh = 0;
    glm::vec2 anchor{0.0f};
    bool left = false;     // left of the figure's centre on screen
    int visible_px = 0;    // how much of it is seen (ID pixels, VisibilityMap); "label everything" only
};
struct LabelLayout {
    glm::vec2 figure_centre{0.0f};  // the camera's target on screen
    glm::vec4 free_px{0.0f};        // the free area in pixels (x0, y0, x1, y1): labels stay inside it
    std::vector<LabelAnchor> anchors;
    bool all = false;               // every seen structure ("label everything"), largest seen first
    glm::vec4 figure_px{0.0f};      // the figure's bounding box on screen (x0, y0, x1, y1); "label everything" only
};

class Scene {
public:
    static constexpr float kXrayOpacity = 0.6f;   // see-through superficial muscles, at the silhouette
    static constexpr float kSkinOpacity = 0.45f;  // at the silhouette; face-on it is 12 % of this

    // `simulation` and `catalog` drive the bundled model; a user's model has neither and is shown as it is.
    // `viewport` frames the camera. Errors: an unknown --select / --isolate id, a simulation that fails to settle.
    // The scene is neither copied nor moved: its therapy refers to its simulation.
    static Result<std::unique_ptr<Scene>> create(const assets::Model& model, std::optional<sim::Simulation> simulation,
                                std::optional<anatomy::Catalog> catalog, const SceneOptions& options,
                                glm::uvec2 viewport);

    // Applies `input`, then advances everything by dt seconds (0: apply only). A MuJoCo error cannot leave the
    // simulation's API; should one all the same, it comes back here as an Error and the scene stays as it was.
    Result<UpdateInfo> update(double dt, const Input& input, glm::uvec2 viewport);
    const render::SceneFrame& frame() const { return frame_; }

    const MeshSet& meshes() const { return meshes_; }
    const sim::Simulation* simulation() const { return simulation_ ? &*simulation_ : nullptr; }
    const Therapy* therapy() const { return therapy_ ? &*therapy_ : nullptr; }
    const anatomy::Catalog* catalog() const { return catalog_ ? &*catalog_ : nullptr; }
    const LayerVisibility& layers() const { return layers_; }
    const std::string& language() const { return language_; }
    bool tension_colours() const { return tension_colours_; }
    const render::TensionView& tension_view() const { return frame_.tension_view; }
    std::optional<std::size_t> selected() const { return selected_; }
    std::string selected_id() const { return selected_ ? meshes_.mesh(*selected_).id : std::string(); }
    const std::string& isolated_id() const { return isolated_id_; }
    // Plays `s` from its start state (a scenario or a saved scene opened in a running session).
    Status play(const scenario::Scenario& s, glm::uvec2 viewport) { return start_player(s, false, viewport); }
    // Stops the scenario or story playing; the scene stays as it is and is interactive.
    void stop_playback() { player_.reset(); }
    // The scenario or story being played, if any.
    std::optional<Playback> playback() const;
    const scenario::Scenario* scenario() const { return player_ ? &player_->scenario : nullptr; }
    // The scene as it stands, as a scenario file's start state (a saved scene): preset, release, camera, layers,
    // language, selection, isolation, colours and the tissue state; no events. Opened again, it shows the same.
    scenario::Scenario snapshot_as_scenario() const;
    double time_s() const { return time_s_; }                 // seconds of updates since the start
    double settle_s() const { return settle_s_; }
    const nlohmann::json& posture_start() const { return posture_start_; }
    const assets::Bounds& frame_bounds() const { return frame_bounds_; }
    // The selected muscle's length over its healthy (neutral rest) length; 1 when none.
    double length_vs_healthy(const sim::MuscleState& muscle) const;

    // The labelled muscles the eye sees (a pick at each anchor, re-checked every few calls: a pick costs ms); with
    // layers().labels_all, every structure the eye sees (the skin's veil aside), each name once (a muscle's two
    // sides share a name: the side seen more), from the ID image (VisibilityMap), rebuilt when the picture changed
    // at most every kVisibilityRecheckCalls calls (at once after a jump: layers, size, a preset view); between
    // rebuilds the anchors follow the camera. A rebuild costs 15-20 ms on one core.
    LabelLayout label_anchors(glm::uvec2 viewport);
    static constexpr int kVisibilityRecheckCalls = 6;
    // A structure is labelled when at least this many ID pixels of it are seen and one of them has its four
    // neighbours seen too: a patch the eye can tell, not a sliver through a gap (the rhomboids' edge between the
    // trapezius and the scapula from the back: a dozen pixels, none inside).
    static constexpr int kMinLabelPixels = 4;

private:
    Scene(MeshSet meshes, std::optional<sim::Simulation> simulation, std::optional<anatomy::Catalog> catalog);
    Scene(const Scene&) = delete;
    Scene& operator=(const Scene&) = delete;
    Status apply(const Requests& requests, glm::uvec2 viewport, UpdateInfo& info);
    struct CameraAnimation {
        double start = 0.0, duration = 0.0;
        scenario::Easing easing = scenario::Easing::kSmooth;
        scenario::CameraPose from, to;
    };
    struct ReleaseRamp {
        double start = 0.0, duration = 0.0, from = 0.0, to = 0.0;
    };
    struct Player {
        scenario::Scenario scenario;
        bool hold_at_steps = false;
        double t = 0.0;
        std::size_t next = 0;  // first event not yet applied
        bool started = false;
        bool holding = false;
        double pause_until = -1.0;
        int step = 0;
        std::optional<std::size_t> caption;  // index of the caption event shown
        double caption_until = 0.0;          // 0: until the next
        std::vector<CameraAnimation> camera;
        std::optional<ReleaseRamp> release;
    };
    Status start_player(const scenario::Scenario& s, bool hold_at_steps, glm::uvec2 viewport);
    Status restart_player(glm::uvec2 viewport);
    // Advances the scenario clock by dt (less when it holds at a mark); returns the seconds the simulation
    // follows (less during a pause) and fills `requests` with the events that fell due.
    double advance_player(double dt, glm::uvec2 viewport, Requests& requests);
    // Jumps to story step `step` (1-based): replays the scenario up to its mark; with settle_step, a few seconds
    // into it (its camera move done, its card open), as --story N opens.
    Status seek_step(int step, glm::uvec2 viewport, bool settle_step = false);
    scenario::CameraPose camera_pose() const;
    scenario::CameraPose preset_pose(const std::string& view, glm::uvec2 viewport) const;
    void frame_camera(glm::uvec2 viewport);
    void apply_layers();
    Status select(const std::string& id);
    void update_bound_state();

    MeshSet meshes_;
    std::optional<sim::Simulation> simulation_;
    std::optional<anatomy::Catalog> catalog_;
    std::optional<SimBinding> binding_;
    std::optional<Therapy> therapy_;
    std::vector<std::optional<anatomy::Layer>> mesh_layers_;
    std::vector<glm::vec4> default_tint_;
    std::optional<std::size_t> skin_mesh_;
    render::SceneFrame frame_;
    LayerVisibility layers_;
    std::string language_ = "en";
    bool tension_colours_ = true;
    std::optional<std::size_t> selected_, hovered_;
    std::string isolated_id_;
    assets::Bounds frame_bounds_;
    std::optional<scenario::Scenario> story_;  // walked by PageDown / PageUp when no scenario plays
    std::optional<Player> player_;
    double time_s_ = 0.0;
    double settle_s_ = 0.0;
    nlohmann::json posture_start_ = nlohmann::json::object();
    struct Label {
        std::size_t right = 0, left = 0;
        bool visible = false;
    };
    std::vector<Label> labels_;
    std::vector<std::size_t> label_meshes_;  // both sides of every Label
    int label_calls_ = 0;
    LabelLayout all_anchors(glm::uvec2 viewport, const glm::mat4& view_proj);
    PosedVertices posed_;
    VisibilityMap visibility_;
    struct VisibilityKey {
        glm::mat4 view_proj{0.0f};
        glm::uvec2 viewport{0u};
        std::vector<std::uint8_t> drawn;  // per mesh: visible, cut, see-through
        bool operator==(const VisibilityKey&) const = default;
    };
    std::optional<VisibilityKey> visibility_key_;
    bool visibility_pose_dirty_ = true;
    int visibility_age_ = 0;  // calls since the last rebuild
    glm::vec3 visibility_eye_dir_{0.0f};
    static constexpr float kVisibilityJumpCos = 0.985f;  // the view turned more than 10 degrees: rebuild at once
    bool free_area_seen_ = false;
};

}  // namespace myoview::scene
