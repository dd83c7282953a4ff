#include "options.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "myoview/i18n/strings.h"

namespace myoview::app {
namespace {

template <typename T>
bool parse_number(const std::string& text, T& out) {
    if (text.empty()) return false;
    if constexpr (std::is_floating_point_v<T>) {
        try {
            std::size_t used = 0;
            const double v = std::stod(text, &used);
            if (used != text.size() || !std::isfinite(v)) return false;
            out = static_cast<T>(v);
            return true;
        } catch (...) {
            return false;
        }
    } else {
        const auto* end = text.data() + text.size();
        auto [ptr, ec] = std::from_chars(text.data(), end, out);
        return ec == std::errc() && ptr == end;
    }
}

bool parse_size(const std::string& text, int& w, int& h) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    return parse_number(text.substr(0, x), w) && parse_number(text.substr(x + 1), h);
}

}  // namespace

const char* usage_text() {
    return R"(myoview — the chest, shoulder girdle, upper back and neck, every muscle coloured by its simulated tension.

Usage:
  myoview [options]                 open the viewer on the built-in model
  myoview check-model FILE          import and validate FILE; print one line; exit 0, or 2 on failure
  myoview --list-structures         print every anatomical structure as JSON

View options:
  --model FILE        show FILE (glTF/GLB, OBJ, FBX, STL, PLY, DAE and the rest Assimp reads) instead
  --view NAME         front | back | left | right | three-quarter (default front)
  --isolate ID        show only the structure ID (see --list-structures)
  --select ID         open the info card of structure ID (click a structure to do the same)
  --story N           start at step N (1-6) of the clinic story; PageDown / PageUp walk through it
  --size WxH          window or image size in pixels (default 1280x720)
  --fullscreen        start fullscreen (F toggles)
  --ui-scale S        UI scale (default: from the monitor's DPI)
  --msaa N            anti-aliasing samples 1, 2, 4 or 8 (default 4 on a GPU, 1 on a CPU (software) device,
                      where each sample costs nearly a full frame)
  --render-scale S    draw the 3D scene at S (0.5 to 1) of the size and stretch it, the UI sharp on top (default:
                      follows the frame time on a CPU device with 1 sample; 1 for --screenshot, --export, a GPU)
  --no-ui             hide the on-screen panels
  --stats             show the developer readout (GPU, frame time, triangles; F2 toggles it)
  --lang LANG          language of the panels, cards, labels and story: en, es or any assets/i18n/LANG.json
                       (default en)
  --colors MODE       tension (default: muscles coloured by simulated tension) or natural (anatomical colours)
  --labels WHICH      all: name every structure the eye sees now (the L key, "Label everything" in the layers);
                      some (default): the story's muscles; off: none. The report lists the labelled ids
  --headless          render offscreen: no window, no display needed
  --screenshot FILE   write the last frame as PNG (implies one frame headless unless --frames)
  --frames N          exit after N frames
  --report FILE       write timing (and simulation) figures as JSON at exit
  --validate          enable the Vulkan validation layer; messages are counted in the report
  --gpu TEXT          use the GPU whose name contains TEXT

Scenarios (docs/scenarios.md):
  --scenario FILE     play a scenario file (the clinic story: assets/scenarios/clinic-story.json) in the window,
                      or with --headless to its end
  --export OUT        with --scenario: render it offscreen at --fps into OUT.mp4 (H.264) or, for OUT ending in /
                      or an existing folder, a numbered PNG sequence; Ctrl-C keeps what was rendered
  --fps N             frames per second of --export and --headless runs (default 30 for --export, 60 otherwise)
  --save-scene FILE   at exit, write the scene as it stands (view, layers, selection, language, preset, release,
                      tissue) as a scenario file; the panel's "Save this scene" does the same at any time

Classroom (docs/quiz.md):
  --quiz [FILE]       a quiz instead of the controls: find the structure, name it, origin, insertion, action,
                      innervation; a score and a review of the misses. FILE: a quiz set (default
                      assets/quiz/default.json)

Clinic kiosk:
  --kiosk             fullscreen, large type, only the clinic controls (release and massage, the story, views,
                      language); Q, Esc and the window's close do nothing: Ctrl+Alt+Q quits
  --idle-seconds S    without input for S seconds (default 180), the kiosk plays the clinic story in a loop (the
                      attract loop); any key, click or touch brings back the interactive view

Simulation options:
  --preset NAME       neutral | desk-worker | driver | phone-user (default desk-worker)
  --release R         chest release 0..1 applied at start (default 0)
  --patient-cva DEG   with --patient-forward-shoulder MM: this patient's craniovertebral angle (C7 spinous to
                      tragus against the horizontal) and forward shoulder (acromion in front of the T1 spinous
                      process, horizontal, mm); the model fits its tissue to them and shows that posture, the
                      healthy one as the ghost ("patient" in --report). --patient-pmi X: pectoralis minor index,
                      recorded in the report
  --massage           start the massage at once (as the M key): the release ramps to 100 % over 4 s
  --seconds S         simulated seconds before the report or screenshot
  --no-render         simulate only (no GPU, no window); use with --report

Testing:
  --inject-fault KIND[@N]  frame N (default 3) fails: submit | present | device-lost (the message, the report and
                      exit code 1 of a real GPU failure), or stall (frame N takes 2.5 s longer)
  --ui-map FILE       keep FILE (JSON) up to date as frames go: frame count, simulated time, release, selection,
                      story step, camera, and every panel control's rectangle by id in window pixels (for tests that
                      click controls by id and wait on progress instead of sleeping; tests/README.md)

  -v, --verbose       more log output
  -h, --help          this text
  --version           print the version

Keys: drag = orbit, right/middle drag = pan, wheel = zoom, click = info card, M massage, R reset, Space pause,
PageDown / PageUp story steps, 1-5 preset views, L label everything, F fullscreen, Q quit.
)";
}

Result<Options> parse_options(const std::vector<std::string>& args) {
    Options o;
    std::size_t i = 0;
    auto need_value = [&](const std::string& flag) -> Result<std::string> {
        if (i + 1 >= args.size()) return Error(flag + " needs a value (see --help)");
        return args[++i];
    };
    if (!args.empty() && args[0] == "check-model") {
        if (args.size() != 2) return Error("usage: myoview check-model FILE");
        o.command = Command::kCheckModel;
        o.check_model_path = args[1];
        return o;
    }
    for (; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            o.command = Command::kHelp;
        } else if (a == "--version") {
            o.command = Command::kVersion;
        } else if (a == "--list-structures") {
            o.command = Command::kListStructures;
        } else if (a == "--headless") {
            o.headless = true;
        } else if (a == "--no-render") {
            o.no_render = true;
        } else if (a == "--validate") {
            o.validate = true;
        } else if (a == "--massage") {
            o.massage = true;
        } else if (a == "--no-ui") {
            o.no_ui = true;
        } else if (a == "--stats") {
            o.stats = true;
        } else if (a == "--kiosk") {
            o.kiosk = true;
        } else if (a == "--idle-seconds") {
            auto v = need_value(a);
            if (!v) return v.error();
            if (!parse_number(*v, o.idle_seconds) || !(o.idle_seconds >= 1.0) || o.idle_seconds > 86400.0) {
                return Error("--idle-seconds must be a number of seconds from 1 to 86400, not \"" + *v + "\"");
            }
        } else if (a == "--fullscreen") {
            o.fullscreen = true;
        } else if (a == "-v" || a == "--verbose") {
            o.verbose = true;
        } else if (a == "--model" || a == "--screenshot" || a == "--report" || a == "--gpu" || a == "--view" ||
                   a == "--preset" || a == "--isolate" || a == "--select" || a == "--scenario" || a == "--export" ||
                   a == "--save-scene" || a == "--ui-map") {
            auto v = need_value(a);
            if (!v) return v.error();
            if (v->empty()) return Error(a + " needs a non-empty value");
            if (a == "--model") o.model = *v;
            else if (a == "--screenshot") o.screenshot = *v;
            else if (a == "--report") o.report = *v;
            else if (a == "--gpu") o.gpu = *v;
            else if (a == "--preset") o.preset = *v;
            else if (a == "--isolate") o.isolate = *v;
            else if (a == "--select") o.select = *v;
            else if (a == "--scenario") o.scenario = *v;
            else if (a == "--export") o.export_path = *v;
            else if (a == "--save-scene") o.save_scene = *v;
            else if (a == "--ui-map") o.ui_map = *v;
            else {
                static const std::set<std::string> kViews{"front", "back", "left", "right", "three-quarter"};
                if (!kViews.count(*v)) {
                    return Error("--view must be front, back, left, right or three-quarter, not \"" + *v + "\"");
                }
                o.view = *v;
            }
        } else if (a == "--quiz") {
            // The file is optional: the next argument is it unless it is another option.
            o.quiz = true;
            if (i + 1 < args.size() && args[i + 1].rfind("-", 0) != 0) o.quiz_file = args[++i];
        } else if (a == "--lang") {
            auto v = need_value(a);
            if (!v) return v.error();
            // Any language with a strings file (assets/i18n/<lang>.json): a translation needs no code change.
            const std::vector<std::string> known = i18n::languages(i18n::default_dir());
            if (std::find(known.begin(), known.end(), *v) == known.end()) {
                std::string list;
                for (const std::string& l : known) list += (list.empty() ? "" : ", ") + l;
                return Error("--lang must be one of " + list + " (the files in " + i18n::default_dir().string() +
                             "), not \"" + *v + "\"");
            }
            o.language = *v;
        } else if (a == "--labels") {
            auto v = need_value(a);
            if (!v) return v.error();
            if (*v != "all" && *v != "some" && *v != "off") {
                return Error("--labels must be all, some or off, not \"" + *v + "\"");
            }
            o.labels = *v;
        } else if (a == "--colors") {
            auto v = need_value(a);
            if (!v) return v.error();
            if (*v != "tension" && *v != "natural") return Error("--colors must be tension or natural, not \"" + *v + "\"");
            o.natural_colors = *v == "natural";
        } else if (a == "--size") {
            auto v = need_value(a);
            if (!v) return v.error();
            if (!parse_size(*v, o.width, o.height) || o.width < 1 || o.height < 1 || o.width > 16384 ||
                o.height > 16384) {
                return Error("--size must be WIDTHxHEIGHT with each between 1 and 16384, e.g. 1920x1080, not \"" + *v +
                             "\"");
            }
            o.size_given = true;
        } else if (a == "--frames") {
            auto v = need_value(a);
            if (!v) return v.error();
            long n = 0;
            if (!parse_number(*v, n) || n < 1) return Error("--frames must be a whole number >= 1, not \"" + *v + "\"");
            o.frames = n;
        } else if (a == "--story") {
            auto v = need_value(a);
            if (!v) return v.error();
            if (!parse_number(*v, o.story) || o.story < 1 || o.story > 6) {
                return Error("--story must be a step number from 1 to 6, not \"" + *v + "\"");
            }
        } else if (a == "--fps") {
            auto v = need_value(a);
            if (!v) return v.error();
            if (!parse_number(*v, o.fps) || o.fps < 1 || o.fps > 120) {
                return Error("--fps must be a whole number from 1 to 120, not \"" + *v + "\"");
            }
        } else if (a == "--msaa") {
            auto v = need_value(a);
            if (!v) return v.error();
            if (!parse_number(*v, o.msaa) || (o.msaa != 1 && o.msaa != 2 && o.msaa != 4 && o.msaa != 8)) {
                return Error("--msaa must be 1, 2, 4 or 8, not \"" + *v + "\"");
            }
        } else if (a == "--render-scale") {
            auto v = need_value(a);
            if (!v) return v.error();
            float scale = 0.0f;
            if (!parse_number(*v, scale) || !(scale >= 0.5f && scale <= 1.0f)) {
                return Error("--render-scale must be a number from 0.5 to 1, not \"" + *v + "\"");
            }
            o.render_scale = scale;
        } else if (a == "--ui-scale") {
            auto v = need_value(a);
            if (!v) return v.error();
            float s = 0.0f;
            if (!parse_number(*v, s) || s < 0.5f || s > 6.0f) {
                return Error("--ui-scale must be a number between 0.5 and 6, not \"" + *v + "\"");
            }
            o.ui_scale = s;
        } else if (a == "--release") {
            auto v = need_value(a);
            if (!v) return v.error();
            if (!parse_number(*v, o.release) || o.release < 0.0 || o.release > 1.0) {
                return Error("--release must be a number from 0 to 1, not \"" + *v + "\"");
            }
        } else if (a == "--inject-fault") {
            auto v = need_value(a);
            if (!v) return v.error();
            Options::InjectedFault fault;
            const auto at = v->find('@');
            fault.kind = v->substr(0, at);
            static const std::set<std::string> kKinds{"submit", "present", "device-lost", "stall"};
            const bool frame_ok = at == std::string::npos ||
                                  (parse_number(v->substr(at + 1), fault.frame) && fault.frame >= 1);
            if (!kKinds.count(fault.kind) || !frame_ok) {
                return Error("--inject-fault must be submit, present, device-lost or stall, optionally @FRAME (a "
                             "number >= 1), not \"" + *v + "\"");
            }
            o.inject_fault = fault;
        } else if (a == "--patient-cva" || a == "--patient-forward-shoulder" || a == "--patient-pmi") {
            auto v = need_value(a);
            if (!v) return v.error();
            double x = 0.0;
            if (!parse_number(*v, x) || !std::isfinite(x)) return Error(a + " must be a number, not \"" + *v + "\"");
            if (a == "--patient-cva") o.patient_cva_deg = x;
            else if (a == "--patient-forward-shoulder") o.patient_forward_shoulder_mm = x;
            else o.patient_pmi = x;
        } else if (a == "--seconds") {
            auto v = need_value(a);
            if (!v) return v.error();
            double s = 0.0;
            if (!parse_number(*v, s) || s < 0.0 || s > 1.0e7) {
                return Error("--seconds must be a number of simulated seconds >= 0, not \"" + *v + "\"");
            }
            o.seconds = s;
        } else if (a == "check-model") {
            return Error("check-model must come first: myoview check-model FILE");
        } else {
            return Error("unknown option \"" + a + "\" (see --help)");
        }
    }
    if (o.patient_cva_deg.has_value() != o.patient_forward_shoulder_mm.has_value() ||
        (o.patient_pmi && !o.patient_cva_deg)) {
        return Error("--patient-cva DEG and --patient-forward-shoulder MM go together (--patient-pmi X is optional)");
    }
    if (o.patient() && !o.scenario.empty()) return Error("--patient-* and --scenario exclude each other");
    if (o.no_render && o.headless) return Error("--no-render and --headless exclude each other");
    if (o.no_render && !o.screenshot.empty()) return Error("--screenshot needs rendering; drop --no-render");
    if (o.inject_fault && o.no_render) return Error("--inject-fault needs rendering; drop --no-render");
    if (!o.ui_map.empty() && o.no_render) return Error("--ui-map needs rendering; drop --no-render");
    if (!o.export_path.empty()) {
        if (o.scenario.empty()) return Error("--export needs --scenario FILE: the scenario is what is exported");
        if (o.no_render) return Error("--export needs rendering; drop --no-render");
        if (!o.screenshot.empty()) return Error("--export and --screenshot exclude each other");
        o.headless = true;  // an export renders offscreen at a fixed rate
        if (!o.size_given) {
            o.width = 1920;
            o.height = 1080;
        }
    }
    if (o.quiz && (!o.scenario.empty() || !o.model.empty() || o.no_render || o.story > 0 || o.kiosk)) {
        return Error("--quiz plays on the bundled model, alone: drop --scenario, --model, --story, --kiosk and "
                     "--no-render");
    }
    if (!o.scenario.empty() && !o.model.empty()) return Error("--scenario plays on the bundled model; drop --model");
    if (!o.scenario.empty() && o.no_render) return Error("--scenario needs rendering; drop --no-render");
    if (o.inject_fault && o.inject_fault->kind == "present" && o.headless) {
        return Error("--inject-fault present needs a window: headless frames are never presented");
    }
    return o;
}

}  // namespace myoview::app
