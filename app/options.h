#pragma once
// Command line of the myoview executable. parse_options never exits: it returns the options or an error message,
// and main decides (usage errors exit 2).

#include <optional>
#include <string>
#include <vector>

#include "myoview/base/result.h"

namespace myoview::app {

enum class Command { kView, kCheckModel, kListStructures, kHelp, kVersion };

struct Options {
    Command command = Command::kView;
    std::string check_model_path;   // check-model FILE
    std::string model;              // --model FILE (default: the bundled anatomy)
    bool headless = false;
    bool no_render = false;         // --no-render: simulation only, no GPU at all
    int width = 1280;
    int height = 720;
    bool size_given = false;
    std::string screenshot;         // --screenshot FILE.png
    std::optional<long> frames;     // --frames N
    std::string report;             // --report FILE.json
    bool validate = false;
    std::string gpu;                // --gpu TEXT
    std::string view = "front";     // --view
    std::optional<float> ui_scale;  // --ui-scale S
    bool no_ui = false;
    bool stats = false;             // --stats: the developer readout (GPU, frame time, triangles); off for patients
    bool natural_colors = false;    // --colors natural: the meshes' own colours instead of tension
    std::string labels;             // --labels all | some | off; empty: the default (some)
    bool fullscreen = false;
    int msaa = 0;                   // --msaa 1|2|4|8 (capped by the device); 0: by device type (CPU 1, GPU 4)
    // --render-scale S (0.5..1) fixes the 3D scene's scale; unset: automatic on a CPU device with one sample (1 for
    // --screenshot and --export, so pictures stay sharp and repeatable), 1 elsewhere.
    std::optional<float> render_scale;
    // Simulation (engine/sim)
    std::string preset = "desk-worker";
    double release = 0.0;
    bool massage = false;           // --massage: start the chest release at once, as the M key does
    std::optional<double> seconds;
    // --patient-cva DEG --patient-forward-shoulder MM [--patient-pmi X]: fit the tissue to this patient's measures
    // (engine/sim/patient_fit.h) and start from that posture (preset "patient"), the healthy posture as the ghost.
    std::optional<double> patient_cva_deg;
    std::optional<double> patient_forward_shoulder_mm;
    std::optional<double> patient_pmi;
    bool patient() const { return patient_cva_deg.has_value(); }
    std::string isolate;            // --isolate ID
    std::string select;             // --select ID: open this structure's info card
    int story = 0;                  // --story N: start at story step N (1-based); 0: no story
    std::string language = "en";   // --lang: en, es or any language with a file in assets/i18n
    std::string scenario;           // --scenario FILE: play it (window or --headless)
    std::string export_path;        // --export OUT.mp4 | DIR/: render the scenario offscreen into a video or PNGs
    int fps = 0;                    // --fps N: frames per second of a headless run or an export (default 60 / 30)
    bool quiz = false;              // --quiz [FILE]: the classroom quiz instead of the controls
    std::string quiz_file;          // its set (docs/quiz.md); empty: the default set, assets/quiz/default.json
    std::string save_scene;         // --save-scene FILE: write the scene as it stands at exit as a scenario file
    bool kiosk = false;             // --kiosk: fullscreen, large type, clinic controls only, exit chord Ctrl+Alt+Q
    double idle_seconds = 180.0;    // --idle-seconds S: without input this long, a kiosk plays the clinic story
    bool verbose = false;
    std::string ui_map;             // --ui-map FILE (tests): controls' rectangles and progress, rewritten as frames go
    // --inject-fault KIND[@FRAME] (tests): frame FRAME (1-based, default 3) fails as a real GPU can and a software
    // renderer cannot on demand: "submit", "present" (window only), "device-lost"; or "stall": that frame takes
    // kStallSeconds longer (a slow frame, for the clock).
    struct InjectedFault {
        std::string kind;
        long frame = 3;
    };
    static constexpr double kStallSeconds = 2.5;
    std::optional<InjectedFault> inject_fault;
};

Result<Options> parse_options(const std::vector<std::string>& args);
const char* usage_text();

}  // namespace myoview::app
