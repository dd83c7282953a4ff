#include "myoview/scenario/scenario.h"

#include <unistd.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <new>
#include <sstream>
#include <system_error>

#include "myoview/scenario/json_lines.h"

namespace myoview::scenario {
namespace {

using nlohmann::json;

// The checker below reports the first problem by throwing a Fault, caught in parse(): every field read would
// otherwise need its own early return. No exception leaves this file.
struct Fault {
    std::string path;     // the field at fault ("" : the file as a whole)
    std::string message;  // what is wrong with it
};

constexpr std::array<std::string_view, 17> kKindNames = {
    "release", "part_release", "massage", "intervention", "time_lapse", "view",  "orbit",    "zoom", "camera",
    "layers",  "select",       "isolate", "story_step",   "caption",    "pause", "language", "end"};
static_assert(std::variant_size_v<Action> == kKindNames.size());
constexpr std::array<std::string_view, 3> kInterventionNames = {"massage_session", "doorway_stretch", "strengthening"};
constexpr std::array<std::string_view, 2> kEasingNames = {"linear", "smooth"};
constexpr std::array<std::string_view, 9> kLayerNames = {"skin",  "superficial", "xray", "deep",      "bones",
                                                         "labels", "ghost",      "cut",  "labels_all"};

// A short, printable rendering of a value for "got ..." (a long string or a large object is cut).
std::string describe(const json& value) {
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

std::string join(std::initializer_list<std::string_view> names) {
    std::string text;
    for (const auto name : names) {
        if (!text.empty()) text += ", ";
        text += name;
    }
    return text;
}

template <typename Range>
std::string join(const Range& names) {
    std::string text;
    for (const auto& name : names) {
        if (!text.empty()) text += ", ";
        text += name;
    }
    return text;
}

std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Reads one JSON object at `path`, checking every field against the allowed names.
class ObjectReader {
public:
    ObjectReader(const json& value, std::string path, std::string_view what) : value_(value), path_(std::move(path)) {
        if (!value.is_object())
            throw Fault{path_, "expected " + std::string(what) + " (a JSON object), got " + describe(value)};
    }

    // Every field present must be one of `allowed`.
    void allow_only(std::initializer_list<std::string_view> allowed, std::string_view what) const {
        for (const auto& [key, _] : value_.items()) {
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                throw Fault{field(key),
                            "unknown field '" + key + "' in " + std::string(what) + "; allowed: " + join(allowed)};
        }
    }

    bool has(std::string_view key) const { return value_.contains(key); }
    std::string field(std::string_view key) const { return detail::child_path(path_, key); }
    const json& at(std::string_view key) const { return value_.at(std::string(key)); }
    const std::string& path() const { return path_; }

    const json& required(std::string_view key, std::string_view what) const {
        if (!has(key)) throw Fault{field(key), "missing: " + std::string(what) + " is required here"};
        return at(key);
    }

    double number(std::string_view key, double lo, double hi, std::optional<double> fallback) const {
        if (!has(key)) {
            if (fallback) return *fallback;
            throw Fault{field(key), "missing: expected a number in " + format_number(lo) + ".." + format_number(hi)};
        }
        const json& v = at(key);
        if (!v.is_number() || v.get<double>() < lo || v.get<double>() > hi)
            throw Fault{field(key), "expected a number in " + format_number(lo) + ".." + format_number(hi) + ", got " +
                                        describe(v)};
        return v.get<double>();
    }

    bool boolean(std::string_view key, bool fallback) const {
        if (!has(key)) return fallback;
        const json& v = at(key);
        if (!v.is_boolean()) throw Fault{field(key), "expected true or false, got " + describe(v)};
        return v.get<bool>();
    }

    std::optional<bool> optional_boolean(std::string_view key) const {
        if (!has(key)) return std::nullopt;
        return boolean(key, false);
    }

    std::string string(std::string_view key, std::optional<std::string> fallback, std::size_t max_size = 4096) const {
        if (!has(key)) {
            if (fallback) return *fallback;
            throw Fault{field(key), "missing: expected a string"};
        }
        const json& v = at(key);
        if (!v.is_string()) throw Fault{field(key), "expected a string, got " + describe(v)};
        const auto& s = v.get_ref<const std::string&>();
        if (s.size() > max_size)
            throw Fault{field(key), "a string of " + std::to_string(s.size()) + " bytes; at most " +
                                        std::to_string(max_size) + " are allowed"};
        return s;
    }

    // One of `names` (their index), or the default's index when absent.
    template <std::size_t N>
    std::size_t choice(std::string_view key, const std::array<std::string_view, N>& names,
                       std::optional<std::size_t> fallback) const {
        if (!has(key)) {
            if (fallback) return *fallback;
            throw Fault{field(key), "missing: expected one of " + join(names)};
        }
        const json& v = at(key);
        if (v.is_string()) {
            const auto& s = v.get_ref<const std::string&>();
            for (std::size_t i = 0; i < N; ++i)
                if (names[i] == s) return i;
        }
        throw Fault{field(key), "expected one of " + join(names) + ", got " + describe(v)};
    }

private:
    const json& value_;
    std::string path_;
};

// A name that must be in a vocabulary list (an empty list is not checked).
void check_name(const std::string& value, const std::vector<std::string>& list, const std::string& path,
                std::string_view what, bool empty_allowed) {
    if (empty_allowed && value.empty()) return;
    if (list.empty()) return;
    if (std::find(list.begin(), list.end(), value) != list.end()) return;
    std::string message = "unknown " + std::string(what) + " \"" + value + "\"";
    if (list.size() <= 12) message += "; known: " + join(list);
    throw Fault{path, message};
}

class ScenarioReader {
public:
    explicit ScenarioReader(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {}

    Scenario read(const json& top, const std::map<std::string, int, std::less<>>& lines) {
        lines_ = &lines;
        ObjectReader file(top, "", "a scenario");
        if (!file.has("myoview_scenario"))
            throw Fault{"", "not a myoview scenario: the field 'myoview_scenario' (the format version, " +
                                std::to_string(kFormatVersion) + ") is missing"};
        const json& version = file.at("myoview_scenario");
        if (!version.is_number_integer())
            throw Fault{"myoview_scenario", "expected the format version (an integer), got " + describe(version)};
        if (version.get<std::int64_t>() != kFormatVersion)
            throw Fault{"myoview_scenario", "format version " + describe(version) + " is not one this myoview reads (" +
                                                std::to_string(kFormatVersion) + ")"};
        file.allow_only({"myoview_scenario", "title", "start", "events"}, "the scenario");

        Scenario s;
        s.version = kFormatVersion;
        s.title = file.string("title", std::string(), 400);
        if (file.has("start")) s.start = read_start(ObjectReader(file.at("start"), "start", "the start state"));
        if (file.has("events")) {
            const json& events = file.at("events");
            if (!events.is_array()) throw Fault{"events", "expected an array of events, got " + describe(events)};
            s.events.reserve(events.size());
            for (std::size_t i = 0; i < events.size(); ++i) s.events.push_back(read_event(events[i], i));
        }
        check_order(s.events);
        check_steps(s.events);
        s.steps = make_steps(s.events);
        return s;
    }

private:
    int line_of(const std::string& path) const {
        const auto it = lines_->find(path);
        return it != lines_->end() ? it->second : 0;
    }

    Start read_start(const ObjectReader& in) const {
        in.allow_only({"preset", "release", "part_release", "view", "camera", "layers", "language", "select", "isolate",
                       "tension_colours", "settle_s", "tissue"},
                      "the start state");
        Start start;
        start.preset = in.string("preset", start.preset, 64);
        check_name(start.preset, vocabulary_.presets, in.field("preset"), "preset", false);
        start.release = in.number("release", 0.0, 1.0, 0.0);
        if (in.has("part_release")) {
            const ObjectReader parts(in.at("part_release"), in.field("part_release"), "the release per part");
            parts.allow_only({kPecPartNames[0], kPecPartNames[1], kPecPartNames[2], kPecPartNames[3]},
                             "the release per part");
            for (std::size_t i = 0; i < kPecPartNames.size(); ++i)
                if (parts.has(kPecPartNames[i])) start.part_release[i] = parts.number(kPecPartNames[i], 0.0, 1.0, {});
        }
        start.view = std::string(kViewNames[in.choice("view", kViewNames, 0)]);
        if (in.has("camera")) start.camera = read_pose(ObjectReader(in.at("camera"), in.field("camera"), "a camera"));
        if (in.has("layers")) {
            const ObjectReader layers(in.at("layers"), in.field("layers"), "the layers");
            start.layers = apply(start.layers, read_layer_change(layers));
        }
        start.language = in.string("language", start.language, 16);
        check_name(start.language, vocabulary_.languages, in.field("language"), "language", false);
        start.select = in.string("select", std::string(), 128);
        check_name(start.select, vocabulary_.structure_ids, in.field("select"), "structure id", true);
        start.isolate = in.string("isolate", std::string(), 128);
        check_name(start.isolate, vocabulary_.structure_ids, in.field("isolate"), "structure id", true);
        start.tension_colours = in.boolean("tension_colours", true);
        start.settle_s = in.number("settle_s", 0.0, 600.0, 30.0);
        if (in.has("tissue")) {
            if (!in.at("tissue").is_object())
                throw Fault{in.field("tissue"),
                            "expected the tissue state (a JSON object), got " + describe(in.at("tissue"))};
            start.tissue = in.at("tissue");
        }
        return start;
    }

    static CameraPose read_pose(const ObjectReader& in) {
        in.allow_only({"yaw_deg", "pitch_deg", "distance_m", "target"}, "a camera pose");
        CameraPose pose;
        pose.yaw_deg = static_cast<float>(in.number("yaw_deg", -360.0, 360.0, {}));
        pose.pitch_deg = static_cast<float>(in.number("pitch_deg", -89.0, 89.0, {}));
        pose.distance_m = static_cast<float>(in.number("distance_m", 0.05, 50.0, {}));
        const json& target = in.required("target", "the target [x, y, z] in metres");
        if (!target.is_array() || target.size() != 3)
            throw Fault{in.field("target"), "expected [x, y, z] (three numbers, metres), got " + describe(target)};
        for (std::size_t i = 0; i < 3; ++i) {
            if (!target[i].is_number() || std::abs(target[i].get<double>()) > 100.0)
                throw Fault{detail::child_path(in.field("target"), i),
                            "expected a number in -100..100 (metres), got " + describe(target[i])};
            pose.target[static_cast<int>(i)] = static_cast<float>(target[i].get<double>());
        }
        return pose;
    }

    static LayerChange read_layer_change(const ObjectReader& in) {
        in.allow_only({kLayerNames[0], kLayerNames[1], kLayerNames[2], kLayerNames[3], kLayerNames[4], kLayerNames[5],
                       kLayerNames[6], kLayerNames[7], kLayerNames[8]},
                      "the layers");
        LayerChange c;
        c.skin = in.optional_boolean("skin");
        c.superficial = in.optional_boolean("superficial");
        c.xray = in.optional_boolean("xray");
        c.deep = in.optional_boolean("deep");
        c.bones = in.optional_boolean("bones");
        c.labels = in.optional_boolean("labels");
        c.ghost = in.optional_boolean("ghost");
        c.cut = in.optional_boolean("cut");
        c.labels_all = in.optional_boolean("labels_all");
        return c;
    }

    // A caption: an i18n key or an object of text per language.
    Caption read_caption(const ObjectReader& in, std::string_view key) const {
        Caption caption;
        const json& v = in.required(key, "a caption (an i18n key, or {\"en\": \"...\", ...})");
        const std::string path = in.field(key);
        if (v.is_string()) {
            caption.key = v.get<std::string>();
            if (caption.key.empty()) throw Fault{path, "an empty caption key"};
            check_name(caption.key, vocabulary_.caption_keys, path, "caption key", false);
        } else if (v.is_object()) {
            if (v.empty()) throw Fault{path, "a caption needs text in at least one language"};
            const ObjectReader texts(v, path, "a caption");
            for (const auto& [language, text] : v.items()) {
                check_name(language, vocabulary_.languages, texts.field(language), "language", false);
                caption.text[language] = texts.string(language, {});
            }
        } else {
            throw Fault{path, "expected a caption: an i18n key string or {\"en\": \"...\", \"es\": \"...\"}, got " +
                                  describe(v)};
        }
        return caption;
    }

    static double duration(const ObjectReader& in, double fallback) {
        return in.number("duration_s", 0.0, kMaxDuration, fallback);
    }
    static Easing easing(const ObjectReader& in) {
        return static_cast<Easing>(in.choice("easing", kEasingNames, static_cast<std::size_t>(Easing::kSmooth)));
    }

    Event read_event(const json& value, std::size_t index) const {
        const std::string path = detail::child_path("events", index);
        const ObjectReader in(value, path, "an event");
        Event e;
        e.line = line_of(path);
        e.t = in.number("t", 0.0, kMaxTime, {});
        const Kind kind = static_cast<Kind>(in.choice("do", kKindNames, {}));
        const std::string what = "a \"" + std::string(to_string(kind)) + "\" event";
        switch (kind) {
            case Kind::kRelease:
                in.allow_only({"t", "do", "value", "duration_s"}, what);
                e.action = Release{in.number("value", 0.0, 1.0, {}), duration(in, 0.0)};
                break;
            case Kind::kPartRelease:
                in.allow_only({"t", "do", "part", "value"}, what);
                e.action = PartRelease{static_cast<PecPart>(in.choice("part", kPecPartNames, {})),
                                       in.number("value", 0.0, 1.0, {})};
                break;
            case Kind::kMassage:
                in.allow_only({"t", "do"}, what);
                e.action = Massage{};
                break;
            case Kind::kIntervention:
                in.allow_only({"t", "do", "kind", "dose"}, what);
                e.action = Intervention{static_cast<InterventionKind>(in.choice("kind", kInterventionNames, {})),
                                        in.number("dose", 0.0, 10.0, 1.0)};
                break;
            case Kind::kTimeLapse:
                in.allow_only({"t", "do", "value"}, what);
                e.action = TimeLapse{in.number("value", 0.0, 604800.0, {})};
                break;
            case Kind::kView:
                in.allow_only({"t", "do", "preset", "duration_s", "easing"}, what);
                e.action =
                    View{std::string(kViewNames[in.choice("preset", kViewNames, {})]), duration(in, 1.5), easing(in)};
                break;
            case Kind::kOrbit:
                in.allow_only({"t", "do", "yaw_deg", "pitch_deg", "duration_s", "easing"}, what);
                e.action = Orbit{in.number("yaw_deg", -720.0, 720.0, 0.0), in.number("pitch_deg", -180.0, 180.0, 0.0),
                                 duration(in, 1.5), easing(in)};
                break;
            case Kind::kZoom:
                in.allow_only({"t", "do", "factor", "duration_s", "easing"}, what);
                e.action = Zoom{in.number("factor", 0.01, 100.0, {}), duration(in, 1.5), easing(in)};
                break;
            case Kind::kCamera: {
                in.allow_only({"t", "do", "pose", "duration_s", "easing"}, what);
                const CameraPose pose =
                    read_pose(ObjectReader(in.required("pose", "a camera pose"), in.field("pose"), "a camera pose"));
                e.action = CameraMove{pose, duration(in, 1.5), easing(in)};
                break;
            }
            case Kind::kLayers: {
                in.allow_only({"t", "do", "set"}, what);
                const ObjectReader set(in.required("set", "the layers to set"), in.field("set"), "the layers to set");
                e.action = LayersEvent{read_layer_change(set)};
                break;
            }
            case Kind::kSelect:
            case Kind::kIsolate: {
                in.allow_only({"t", "do", "id"}, what);
                std::string id = in.string("id", {}, 128);
                check_name(id, vocabulary_.structure_ids, in.field("id"), "structure id", true);
                if (kind == Kind::kSelect)
                    e.action = Select{std::move(id)};
                else
                    e.action = Isolate{std::move(id)};
                break;
            }
            case Kind::kStoryStep: {
                in.allow_only({"t", "do", "index", "title"}, what);
                const double step_index = in.number("index", 1.0, 1000.0, {});
                if (step_index != std::floor(step_index))
                    throw Fault{in.field("index"), "expected a whole number, got " + describe(in.at("index"))};
                e.action = StoryStep{static_cast<int>(step_index), read_caption(in, "title")};
                break;
            }
            case Kind::kCaption: {
                in.allow_only({"t", "do", "text", "duration_s"}, what);
                Caption caption = read_caption(in, "text");
                caption.duration_s = duration(in, 0.0);
                e.action = CaptionEvent{std::move(caption)};
                break;
            }
            case Kind::kPause: {
                in.allow_only({"t", "do", "duration_s"}, what);
                const double d = in.number("duration_s", 0.0, kMaxDuration, {});
                if (d <= 0.0) throw Fault{in.field("duration_s"), "a pause needs a duration above 0 s"};
                e.action = Pause{d};
                break;
            }
            case Kind::kLanguage: {
                in.allow_only({"t", "do", "language"}, what);
                std::string language = in.string("language", {}, 16);
                check_name(language, vocabulary_.languages, in.field("language"), "language", false);
                e.action = LanguageEvent{std::move(language)};
                break;
            }
            case Kind::kEnd:
                in.allow_only({"t", "do"}, what);
                e.action = End{};
                break;
        }
        return e;
    }

    void check_order(const std::vector<Event>& events) const {
        for (std::size_t i = 1; i < events.size(); ++i) {
            if (events[i].t < events[i - 1].t)
                throw Fault{detail::child_path(detail::child_path("events", i), "t"),
                            "events out of order: t = " + format_number(events[i].t) + " (line " +
                                std::to_string(events[i].line) + ") comes after t = " + format_number(events[i - 1].t) +
                                " of events[" + std::to_string(i - 1) + "] (line " +
                                std::to_string(events[i - 1].line) + "); events must be in non-decreasing t"};
            if (events[i - 1].kind() == Kind::kEnd)
                throw Fault{detail::child_path("events", i),
                            "an event after the \"end\" event (line " + std::to_string(events[i - 1].line) + ")"};
        }
    }

    static void check_steps(const std::vector<Event>& events) {
        int expected = 1;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const auto* step = std::get_if<StoryStep>(&events[i].action);
            if (!step) continue;
            if (step->index != expected)
                throw Fault{detail::child_path(detail::child_path("events", i), "index"),
                            "story step " + std::to_string(step->index) + " where step " + std::to_string(expected) +
                                " comes next (steps are numbered 1, 2, 3, ... in time order)"};
            ++expected;
        }
    }

    const Vocabulary& vocabulary_;
    const std::map<std::string, int, std::less<>>* lines_ = nullptr;
};

// The line of `path`, or of the nearest enclosing field that has one (a missing field: its object's line).
int line_for(const std::map<std::string, int, std::less<>>& lines, std::string path) {
    while (true) {
        const auto it = lines.find(path);
        if (it != lines.end()) return it->second;
        if (path.empty()) return 1;
        const auto cut = path.find_last_of(".[");
        path = cut == std::string::npos ? std::string() : path.substr(0, cut);
    }
}

Error located_error(const std::string& file_name, int line, const std::string& path, const std::string& message) {
    std::string text = file_name + ":" + std::to_string(line) + ": ";
    // A path 64 levels deep is a wall of "[0]": keep its two ends.
    if (path.size() > 100)
        text += "field '" + path.substr(0, 48) + "..." + path.substr(path.size() - 48) + "': ";
    else if (!path.empty())
        text += "field '" + path + "': ";
    return Error(text + message);
}

json caption_json(const Caption& c) {
    if (!c.key.empty()) return c.key;
    json text = json::object();
    for (const auto& [language, words] : c.text) text[language] = words;
    return text;
}

json pose_json(const CameraPose& p) {
    return {{"yaw_deg", p.yaw_deg},
            {"pitch_deg", p.pitch_deg},
            {"distance_m", p.distance_m},
            {"target", {p.target.x, p.target.y, p.target.z}}};
}

json layer_change_json(const LayerChange& c) {
    json out = json::object();
    const std::array<const std::optional<bool>*, 9> fields = {&c.skin,  &c.superficial, &c.xray, &c.deep,
                                                              &c.bones, &c.labels,      &c.ghost, &c.cut,
                                                              &c.labels_all};
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (*fields[i]) out[std::string(kLayerNames[i])] = **fields[i];
    return out;
}

json event_json(const Event& e) {
    json out = {{"t", e.t}, {"do", to_string(e.kind())}};
    std::visit(
        [&out](const auto& a) {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, Release>) {
                out["value"] = a.value;
                out["duration_s"] = a.duration_s;
            } else if constexpr (std::is_same_v<A, PartRelease>) {
                out["part"] = to_string(a.part);
                out["value"] = a.value;
            } else if constexpr (std::is_same_v<A, Intervention>) {
                out["kind"] = to_string(a.kind);
                out["dose"] = a.dose;
            } else if constexpr (std::is_same_v<A, TimeLapse>) {
                out["value"] = a.value;
            } else if constexpr (std::is_same_v<A, View>) {
                out["preset"] = a.preset;
                out["duration_s"] = a.duration_s;
                out["easing"] = to_string(a.easing);
            } else if constexpr (std::is_same_v<A, Orbit>) {
                out["yaw_deg"] = a.yaw_deg;
                out["pitch_deg"] = a.pitch_deg;
                out["duration_s"] = a.duration_s;
                out["easing"] = to_string(a.easing);
            } else if constexpr (std::is_same_v<A, Zoom>) {
                out["factor"] = a.factor;
                out["duration_s"] = a.duration_s;
                out["easing"] = to_string(a.easing);
            } else if constexpr (std::is_same_v<A, CameraMove>) {
                out["pose"] = pose_json(a.pose);
                out["duration_s"] = a.duration_s;
                out["easing"] = to_string(a.easing);
            } else if constexpr (std::is_same_v<A, LayersEvent>) {
                out["set"] = layer_change_json(a.change);
            } else if constexpr (std::is_same_v<A, Select> || std::is_same_v<A, Isolate>) {
                out["id"] = a.id;
            } else if constexpr (std::is_same_v<A, StoryStep>) {
                out["index"] = a.index;
                out["title"] = caption_json(a.title);
            } else if constexpr (std::is_same_v<A, CaptionEvent>) {
                out["text"] = caption_json(a.caption);
                out["duration_s"] = a.caption.duration_s;
            } else if constexpr (std::is_same_v<A, Pause>) {
                out["duration_s"] = a.duration_s;
            } else if constexpr (std::is_same_v<A, LanguageEvent>) {
                out["language"] = a.language;
            }  // Massage, End: no fields
        },
        e.action);
    return out;
}

// The whole file, or an Error when it is missing, unreadable or over kMaxFileBytes (checked before reading, and
// again while reading: a file that grows meanwhile is still cut off).
Result<std::string> read_bounded(const std::filesystem::path& path, std::string_view what) {
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return Error(name + ": no such " + std::string(what) + " file (or not a regular file)");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return Error(name + ": cannot read the size of the file: " + ec.message());
    const std::string limit = std::to_string(kMaxFileBytes >> 20) + " MiB limit for a " + std::string(what) + " file";
    if (size > kMaxFileBytes) return Error(name + ": " + std::to_string(size) + " bytes, over the " + limit);
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error(name + ": cannot open the file");
    std::string text(kMaxFileBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) return Error(name + ": a read error");
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes) return Error(name + ": over the " + limit);
    return text;
}

}  // namespace

Layers apply(Layers layers, const LayerChange& change) {
    layers.skin = change.skin.value_or(layers.skin);
    layers.superficial = change.superficial.value_or(layers.superficial);
    layers.xray = change.xray.value_or(layers.xray);
    layers.deep = change.deep.value_or(layers.deep);
    layers.bones = change.bones.value_or(layers.bones);
    layers.labels = change.labels.value_or(layers.labels);
    layers.ghost = change.ghost.value_or(layers.ghost);
    layers.cut = change.cut.value_or(layers.cut);
    layers.labels_all = change.labels_all.value_or(layers.labels_all);
    return layers;
}

double Event::duration_s() const {
    return std::visit(
        [](const auto& a) -> double {
            using A = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<A, Massage>)
                return kMassageRampS;
            else if constexpr (std::is_same_v<A, CaptionEvent>)
                return a.caption.duration_s;
            else if constexpr (requires { a.duration_s; })
                return a.duration_s;
            else
                return 0.0;
        },
        action);
}

double Scenario::duration_s() const {
    double end = 0.0;
    for (const Event& e : events) {
        if (e.kind() == Kind::kEnd) return e.t;
        end = std::max(end, e.t + e.duration_s());
    }
    return end + kEndMarginS;
}

int Scenario::step_at(double t) const {
    int current = 0;
    for (const StepMark& step : steps)
        if (step.t <= t) current = step.index;
    return current;
}

std::vector<StepMark> make_steps(const std::vector<Event>& events) {
    std::vector<StepMark> steps;
    for (const Event& e : events)
        if (const auto* step = std::get_if<StoryStep>(&e.action)) steps.push_back({e.t, step->index, step->title});
    return steps;
}

std::string_view to_string(Kind kind) {
    return kKindNames[static_cast<std::size_t>(kind)];
}
std::string_view to_string(Easing easing) {
    return kEasingNames[static_cast<std::size_t>(easing)];
}
std::string_view to_string(PecPart part) {
    return kPecPartNames[static_cast<std::size_t>(part)];
}
std::string_view to_string(InterventionKind kind) {
    return kInterventionNames[static_cast<std::size_t>(kind)];
}

Result<Scenario> parse(std::string_view text, const std::string& file_name, const Vocabulary& vocabulary) {
    if (text.size() > kMaxFileBytes)
        return Error(file_name + ": " + std::to_string(text.size()) + " bytes, over the " +
                     std::to_string(kMaxFileBytes >> 20) + " MiB limit for a scenario file");
    try {
        detail::JsonReadResult read = detail::read_json_with_lines(text, kMaxDepth);
        if (!read.parsed) return located_error(file_name, read.error.line, read.error.path, read.error.message);
        try {
            return ScenarioReader(vocabulary).read(read.parsed->value, read.parsed->lines);
        } catch (const Fault& fault) {
            return located_error(file_name, line_for(read.parsed->lines, fault.path), fault.path, fault.message);
        }
    } catch (const std::bad_alloc&) {
        return Error(file_name + ": out of memory while reading the scenario");
    } catch (const std::exception& e) {
        // Not expected (every access above is checked first); kept so that no exception leaves the library.
        return Error(file_name + ": could not read the scenario: " + e.what());
    }
}

Result<Scenario> load(const std::filesystem::path& path, const Vocabulary& vocabulary) {
    Result<std::string> text = read_bounded(path, "scenario");
    if (!text) return text.error();
    return parse(*text, path.string(), vocabulary);
}

json to_json(const Scenario& s) {
    json start = {{"preset", s.start.preset},
                  {"release", s.start.release},
                  {"view", s.start.view},
                  {"language", s.start.language},
                  {"select", s.start.select},
                  {"isolate", s.start.isolate},
                  {"tension_colours", s.start.tension_colours},
                  {"settle_s", s.start.settle_s}};
    json parts = json::object();
    for (std::size_t i = 0; i < s.start.part_release.size(); ++i)
        if (s.start.part_release[i]) parts[std::string(kPecPartNames[i])] = *s.start.part_release[i];
    if (!parts.empty()) start["part_release"] = parts;
    if (s.start.camera) start["camera"] = pose_json(*s.start.camera);
    const Layers& l = s.start.layers;
    start["layers"] = {{"skin", l.skin},   {"superficial", l.superficial}, {"xray", l.xray},  {"deep", l.deep},
                       {"bones", l.bones}, {"labels", l.labels},           {"ghost", l.ghost},
                       {"cut", l.cut},     {"labels_all", l.labels_all}};
    if (s.start.tissue) start["tissue"] = *s.start.tissue;
    json events = json::array();
    for (const Event& e : s.events) events.push_back(event_json(e));
    return {{"myoview_scenario", kFormatVersion}, {"title", s.title}, {"start", start}, {"events", events}};
}

Status save(const Scenario& scenario, const std::filesystem::path& path) {
    std::string text;
    try {
        text = to_json(scenario).dump(2) + "\n";
    } catch (const std::exception& e) {  // invalid UTF-8 in a string made in code
        return Error(path.string() + ": cannot write the scenario: " + e.what());
    }
    // A scene made in code may hold what no file may (a NaN, a release of 2, events out of order): refuse to write
    // a file that load() would then refuse, and say why now, while the user still has the scene.
    if (const auto check = parse(text, path.string(), Vocabulary{}); !check)
        return Error("not saved: the scene would not load back: " + check.error().message);
    const std::filesystem::path tmp = path.string() + ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return Error(path.string() + ": cannot write (cannot create " + tmp.string() + ")");
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            return Error(path.string() + ": cannot write (disk full?)");
        }
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        return Error(path.string() + ": cannot replace the file: " + ec.message());
    }
    return Ok{};
}

Result<std::map<std::string, std::string>> load_strings(const std::filesystem::path& path) {
    const std::string name = path.string();
    const Result<std::string> file = read_bounded(path, "strings");
    if (!file) return file.error();
    const std::string& text = *file;
    try {
        detail::JsonReadResult read = detail::read_json_with_lines(text, kMaxDepth);
        if (!read.parsed) return located_error(name, read.error.line, read.error.path, read.error.message);
        const json& top = read.parsed->value;
        if (!top.is_object()) return located_error(name, 1, "", "expected a flat {\"key\": \"text\"} object");
        std::map<std::string, std::string> strings;
        for (const auto& [key, value] : top.items()) {
            if (!value.is_string())
                return located_error(name, line_for(read.parsed->lines, key), key,
                                     "expected a string, got " + describe(value));
            strings[key] = value.get<std::string>();
        }
        return strings;
    } catch (const std::exception& e) {
        return Error(name + ": could not read the strings: " + e.what());
    }
}

}  // namespace myoview::scenario
