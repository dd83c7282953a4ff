#pragma once
// Scenario files: a versioned JSON file holding a start state and a timeline of events (docs/scenarios.md is the
// format reference). This library only reads, checks and writes them; engine/scene plays them.
//
// Contract: parse / load never throw, never abort and never recurse without bound, whatever the bytes. A file that
// is not a valid scenario gives an Error whose message is one line
//     FILE:LINE: field 'events[3].value': expected a number in 0..1, got "high"
// naming the file, the line of the offending key (or of the syntax error) and the field's path. Unknown fields,
// duplicate keys, values of the wrong type or out of range, events out of time order, ids / presets / languages /
// caption keys not in the Vocabulary, an unknown format version, empty, truncated, binary, oversized (> kMaxFileBytes)
// or too deeply nested (> kMaxDepth) files are all such errors.
//
// A Scenario that parsed is valid, and the writer keeps it so: parse(to_json(s).dump()) == s (Event::line aside).

#include <array>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

#include "myoview/base/result.h"

namespace myoview::scenario {

inline constexpr int kFormatVersion = 1;                // "myoview_scenario": 1 at the top of the file
inline constexpr std::size_t kMaxFileBytes = 4u << 20;  // 4 MiB: a story is a few kB; anything larger is a mistake
inline constexpr int kMaxDepth = 64;                    // JSON nesting; the format itself needs 5
inline constexpr double kMaxTime = 24.0 * 3600.0;       // event times and the end: 0 .. one day
inline constexpr double kMaxDuration = 600.0;           // any duration_s: 0 .. 10 minutes
inline constexpr double kMassageRampS = 4.0;            // the massage ramp to full release (as the M key)
inline constexpr double kEndMarginS = 2.0;              // default end: last event's end + this

// "linear" | "smooth" (smoothstep 3t^2 - 2t^3, the default: camera moves start and stop gently).
enum class Easing { kLinear, kSmooth };

// Pectoral parts, in the order of sim::PecPart: "clavicular" | "sternal" | "costal" | "minor".
enum class PecPart { kClavicular, kSternal, kCostal, kMinor };
inline constexpr std::array<std::string_view, 4> kPecPartNames = {"clavicular", "sternal", "costal", "minor"};

// "massage_session" | "doorway_stretch" | "strengthening", in the order of sim::InterventionKind.
enum class InterventionKind { kMassageSession, kDoorwayStretch, kStrengthening };

// The view presets' spellings, in the order of render::ViewPreset.
inline constexpr std::array<std::string_view, 5> kViewNames = {"front", "back", "left", "right", "three-quarter"};

struct Layers {
    bool skin = true, superficial = true, xray = false, deep = true, bones = true, labels = true, ghost = true;
    bool cut = false;  // the cutting plane (engine/scene: the near half of the skin and superficial muscles away)
    bool labels_all = false;  // label every structure the eye sees (engine/scene: Scene::label_anchors)
    bool operator==(const Layers&) const = default;
};

// A change to some layers: the fields left empty keep their current state.
struct LayerChange {
    std::optional<bool> skin, superficial, xray, deep, bones, labels, ghost, cut, labels_all;
    bool operator==(const LayerChange&) const = default;
};

// `layers` with `change` made: the fields the change sets replace those of `layers`, the others stay. The one place a
// change is applied (a file's start state, a "layers" event, the scene's layers: engine/scene converts).
Layers apply(Layers layers, const LayerChange& change);

// An exact camera (a saved scene): orbit angles around `target`, at `distance_m` from it (engine/render's camera).
struct CameraPose {
    float yaw_deg = 0.0f;     // -360 .. 360
    float pitch_deg = 0.0f;   // -89 .. 89
    float distance_m = 1.0f;  // 0.05 .. 50
    glm::vec3 target{0.0f};   // metres, each component -100 .. 100
    bool operator==(const CameraPose&) const = default;
};

struct Start {
    std::string preset = "desk-worker";                 // one of Vocabulary::presets
    double release = 0.0;                               // chest release, 0..1
    std::array<std::optional<double>, 4> part_release;  // per PecPart, 0..1; empty: follows `release`
    std::string view = "front";                         // one of kViewNames
    std::optional<CameraPose> camera;                   // exact camera (saved scenes); overrides view
    Layers layers;
    std::string language = "en";  // one of Vocabulary::languages
    std::string select, isolate;  // structure ids, "" none
    bool tension_colours = true;
    double settle_s = 30.0;                // simulated seconds to settle before t = 0 (0..600)
    std::optional<nlohmann::json> tissue;  // opaque tissue state of a saved scene (engine/scene's): a JSON
                                           // object, nested at most kMaxDepth - 3 deep
    bool operator==(const Start&) const = default;
};

// Text shown over the scene: an i18n key ("story.1.text", looked up in assets/i18n/story.<lang>.json) or text
// per language ({"en": "...", "es": "..."}); exactly one of the two is set.
struct Caption {
    std::string key;
    std::map<std::string, std::string> text;
    double duration_s = 0.0;  // 0: until the next caption
    bool operator==(const Caption&) const = default;
};

// One struct per event kind ("do" in the file). Durations are seconds of scenario time.
struct Release {         // "release": chest release to `value`, ramped over duration_s (0: at once)
    double value = 0.0;  // 0..1
    double duration_s = 0.0;
    bool operator==(const Release&) const = default;
};
struct PartRelease {  // "part_release": one pectoral part's release
    PecPart part = PecPart::kClavicular;
    double value = 0.0;  // 0..1
    bool operator==(const PartRelease&) const = default;
};
struct Massage {  // "massage": start the kMassageRampS ramp to full release (as the M key)
    bool operator==(const Massage&) const = default;
};
struct Intervention {  // "intervention": one therapy session
    InterventionKind kind = InterventionKind::kMassageSession;
    double dose = 1.0;  // 0..10
    bool operator==(const Intervention&) const = default;
};
struct TimeLapse {       // "time_lapse": tissue seconds per second (1 real time, 86400 a day per second)
    double value = 1.0;  // 0 .. 604800
    bool operator==(const TimeLapse&) const = default;
};
struct View {  // "view": move to a view preset
    std::string preset = "front";
    double duration_s = 1.5;
    Easing easing = Easing::kSmooth;
    bool operator==(const View&) const = default;
};
struct Orbit {               // "orbit": turn the camera by these angles (relative)
    double yaw_deg = 0.0;    // -720 .. 720
    double pitch_deg = 0.0;  // -180 .. 180
    double duration_s = 1.5;
    Easing easing = Easing::kSmooth;
    bool operator==(const Orbit&) const = default;
};
struct Zoom {             // "zoom": distance divided by `factor` (2: twice as close)
    double factor = 1.0;  // 0.01 .. 100
    double duration_s = 1.5;
    Easing easing = Easing::kSmooth;
    bool operator==(const Zoom&) const = default;
};
struct CameraMove {  // "camera": move to an exact pose
    CameraPose pose;
    double duration_s = 1.5;
    Easing easing = Easing::kSmooth;
    bool operator==(const CameraMove&) const = default;
};
struct LayersEvent {  // "layers": any subset of the Layers fields
    LayerChange change;
    bool operator==(const LayersEvent&) const = default;
};
struct Select {  // "select": open a structure's card ("" closes it)
    std::string id;
    bool operator==(const Select&) const = default;
};
struct Isolate {  // "isolate": show one structure alone ("" shows all again)
    std::string id;
    bool operator==(const Isolate&) const = default;
};
struct StoryStep {  // "story_step": step `index` (1..N, in order) begins; PageDown / PageUp land here
    int index = 1;
    Caption title;  // the step's title (duration_s unused)
    bool operator==(const StoryStep&) const = default;
};
struct CaptionEvent {  // "caption"
    Caption caption;
    bool operator==(const CaptionEvent&) const = default;
};
struct Pause {                // "pause": the simulation holds still; camera moves and captions go on
    double duration_s = 1.0;  // > 0
    bool operator==(const Pause&) const = default;
};
struct LanguageEvent {  // "language": switch the UI and captions
    std::string language = "en";
    bool operator==(const LanguageEvent&) const = default;
};
struct End {  // "end": the scenario ends here (optional)
    bool operator==(const End&) const = default;
};

// The alternatives' order is Kind's order.
using Action = std::variant<Release, PartRelease, Massage, Intervention, TimeLapse, View, Orbit, Zoom, CameraMove,
                            LayersEvent, Select, Isolate, StoryStep, CaptionEvent, Pause, LanguageEvent, End>;
enum class Kind {
    kRelease,
    kPartRelease,
    kMassage,
    kIntervention,
    kTimeLapse,
    kView,
    kOrbit,
    kZoom,
    kCamera,
    kLayers,
    kSelect,
    kIsolate,
    kStoryStep,
    kCaption,
    kPause,
    kLanguage,
    kEnd
};

struct Event {
    double t = 0.0;  // seconds of scenario time from its start (the scenario clock runs on during a pause)
    int line = 0;    // line in the file it came from (0: made in code); not part of equality
    Action action;

    Kind kind() const { return static_cast<Kind>(action.index()); }
    // How long the event lasts: its duration_s, kMassageRampS for a massage, 0 for instant events.
    double duration_s() const;
    bool operator==(const Event& other) const { return t == other.t && action == other.action; }
};

// A story step's place in the timeline, for PageDown / PageUp: jump to `t`, show `title`.
struct StepMark {
    double t = 0.0;
    int index = 1;
    Caption title;
    bool operator==(const StepMark&) const = default;
};

struct Scenario {
    int version = kFormatVersion;
    std::string title;
    Start start;
    std::vector<Event> events;    // in non-decreasing t
    std::vector<StepMark> steps;  // derived from the story_step events (parse fills it; so does make_steps)

    // The "end" event's t; without one, the latest end of any event (t + duration_s()) + kEndMarginS.
    double duration_s() const;
    // The story step in progress at time t: the last step mark at or before t (1-based), 0 before the first or
    // when there are none. PageDown goes to steps[step_at(t)] (if any), PageUp to steps[step_at(t) - 2] (if any).
    int step_at(double t) const;
    bool operator==(const Scenario&) const = default;
};

// What names are valid in a file. An empty list is not checked (any value goes): a tool may validate the format
// alone; the viewer passes the real lists (sim presets, catalog ids and languages, the i18n story keys).
struct Vocabulary {
    std::vector<std::string> presets, languages, structure_ids;
    std::vector<std::string> caption_keys;
};

// `file_name` prefixes every message. Errors as in the contract above.
Result<Scenario> parse(std::string_view text, const std::string& file_name, const Vocabulary& vocabulary);
// Reads `path` (a file over kMaxFileBytes is rejected before it is read) and parses it.
Result<Scenario> load(const std::filesystem::path& path, const Vocabulary& vocabulary);

// The file form of `scenario` (every field written, defaults included, so a saved file documents itself).
nlohmann::json to_json(const Scenario& scenario);
// Writes to_json(scenario) to `path` atomically (a temporary file beside it, then rename): a crash leaves the old
// file or the new one, never half of one.
Status save(const Scenario& scenario, const std::filesystem::path& path);

// The step marks of `events` (what parse fills Scenario::steps with): one per story_step event.
std::vector<StepMark> make_steps(const std::vector<Event>& events);

// Spellings used in the file.
std::string_view to_string(Kind kind);
std::string_view to_string(Easing easing);
std::string_view to_string(PecPart part);
std::string_view to_string(InterventionKind kind);

// A flat {"key": "text"} strings file (assets/i18n/story.en.json): the keys and texts, or an Error naming the file.
Result<std::map<std::string, std::string>> load_strings(const std::filesystem::path& path);

}  // namespace myoview::scenario
