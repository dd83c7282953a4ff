#include "viewer.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <cmath>
#include <optional>
#include <thread>
#include <utility>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "footprint.h"
#include "info_card.h"
#include "interaction.h"
#include "labels.h"
#include "panels.h"
#include "quiz_panel.h"
#include "stop_signals.h"
#include "story.h"
#include "ui_map.h"
#include "myoview/anatomy/catalog.h"
#include "myoview/i18n/strings.h"
#include "myoview/assets/import.h"
#include "myoview/base/frame_clock.h"
#include "myoview/base/frame_stats.h"
#include "myoview/base/log.h"
#include "myoview/base/memory.h"
#include "myoview/base/paths.h"
#include "myoview/gpu/png.h"
#include "myoview/quiz/quiz.h"
#include "myoview/platform/window.h"
#include "myoview/render/context.h"
#include "myoview/render/imgui_layer.h"
#include "myoview/render/presenter.h"
#include "myoview/render/scene_renderer.h"
#include "myoview/export/frame_sink.h"
#include "myoview/export/progress.h"
#include "myoview/scenario/scenario.h"
#include "myoview/scene/attract_loop.h"
#include "myoview/scene/scenario_files.h"
#include "myoview/scene/scene.h"

namespace myoview::app {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kExitRuntime = 1;  // no display, no GPU, a failed frame (device lost, a failed submit or present)
constexpr int kExitInput = 2;    // a bad model file or a file that cannot be written
// SIGTERM and SIGINT end the session like Q: exit 0, report written (app/README.md).

std::filesystem::path default_model_path() { return paths::asset_path("models/anatomy.glb"); }

Result<assets::Model> load_model(const Options& o) {
    assets::ImportOptions import;
    import.convert_y_up_to_z_up = true;
    std::filesystem::path path = o.model;
    if (path.empty()) {
        path = default_model_path();
        import.isolate = false;  // our own generated file: trusted, and faster in-process
    }
    return assets::import_model(path, import);
}


struct StatusInfo {
    std::string device;
    std::string model;
    assets::ModelStats stats;
    const FrameStats* frames = nullptr;
    VkExtent2D extent{};
    bool validate = false;
    int validation_messages = 0;
};

void draw_status_panel(const StatusInfo& s, float scale) {
    ImGui::SetNextWindowPos(ImVec2(12.0f * scale, 12.0f * scale), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.72f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("status", nullptr, flags)) {
        ImGui::TextUnformatted("myoview");
        ImGui::Separator();
        ImGui::Text("GPU      %s", s.device.c_str());
        const double ms = s.frames ? s.frames->last() : 0.0;
        ImGui::Text("Frame    %.1f ms (%.0f fps)", ms, ms > 0.0 ? 1000.0 / ms : 0.0);
        ImGui::Text("Size     %u x %u", s.extent.width, s.extent.height);
        ImGui::Text("Model    %s", s.model.c_str());
        ImGui::Text("         %zu meshes, %zu triangles", s.stats.meshes, s.stats.triangles);
        if (s.validate) ImGui::Text("Vulkan validation: %d messages", s.validation_messages);
    }
    ImGui::End();
}

// Written to a temporary file beside `path` and renamed over it, so that a reader (or a second signal, which ends
// the process at once) never sees half a report. Where no file can be made beside it (a device such as
// /dev/stdout), it is written in place.
Status write_report(const std::string& path, const nlohmann::json& report) {
    const std::string text = report.dump(2) + "\n";
    const std::string temporary = path + ".partial";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (out) {
            out << text;
            out.close();
            std::error_code ec;
            if (out && (std::filesystem::rename(temporary, path, ec), !ec)) return Ok{};
            std::filesystem::remove(temporary, ec);
        }
    }
    std::ofstream out(path);
    if (!out) return Error("cannot write the report to " + path);
    out << text;
    out.close();
    if (!out) return Error("writing the report to " + path + " failed");
    return Ok{};
}

// How a session ended: "closed" (Q, Esc, the window's close button), "frames" (--frames reached), "SIGTERM",
// "SIGINT", or "error" with the message.
struct SessionEnd {
    std::string reason;
    std::string error;
};

// The viewer's clock as the report shows it: wall seconds from the first frame to the last, the seconds the
// simulation followed, the seconds it dropped after a stall (Therapy::kMaxCatchUpSeconds) and the longest frame.
struct ClockFigures {
    double wall_s = 0.0;
    double simulated_s = 0.0;
    double dropped_s = 0.0;
    double longest_frame_s = 0.0;
};

// --inject-fault as the presenters take it; stall is the viewer's own.
std::optional<render::FaultInjection> gpu_fault(const Options& o) {
    if (!o.inject_fault || o.inject_fault->kind == "stall") return std::nullopt;
    render::FaultInjection fault;
    fault.at_frame = o.inject_fault->frame;
    fault.kind = o.inject_fault->kind == "submit"    ? render::FaultInjection::Kind::kSubmit
                 : o.inject_fault->kind == "present" ? render::FaultInjection::Kind::kPresent
                                                     : render::FaultInjection::Kind::kDeviceLost;
    return fault;
}

long stall_frame(const Options& o) {
    return o.inject_fault && o.inject_fault->kind == "stall" ? o.inject_fault->frame : 0;
}

void stall() {
    std::this_thread::sleep_for(std::chrono::duration<double>(Options::kStallSeconds));
}

// The panels' requests as the scene takes them.
scene::Requests to_scene_requests(const UiRequests& ui) {
    static constexpr render::ViewPreset kPresets[] = {render::ViewPreset::kFront, render::ViewPreset::kBack,
                                                      render::ViewPreset::kLeft, render::ViewPreset::kRight,
                                                      render::ViewPreset::kThreeQuarter};
    scene::Requests r;
    r.preset = ui.preset;
    r.release = ui.release;
    r.part_release = ui.part_release;
    r.intervention = ui.intervention;
    r.time_lapse = ui.time_lapse;
    r.massage = ui.apply_massage;
    r.reset = ui.reset;
    r.toggle_pause = ui.toggle_pause;
    if (ui.view && *ui.view >= 0 && *ui.view < 5) r.view = kPresets[*ui.view];
    r.story = ui.story;
    return r;
}

// Where the panel's "Save this scene" writes: the home folder (the working directory without one), a name with the
// date and time, so that saving twice keeps both.
std::filesystem::path default_scene_path() {
    const char* home = std::getenv("HOME");
    const std::time_t now = std::time(nullptr);
    char name[64];
    std::strftime(name, sizeof name, "myoview-scene-%Y%m%d-%H%M%S.json", std::localtime(&now));
    return (home && home[0] != '\0' ? std::filesystem::path(home) : std::filesystem::current_path()) / name;
}

float choose_ui_scale(const Options& o, const platform::Window* window) {
    if (o.ui_scale) return *o.ui_scale;
    // Scale with the picture so a 4K screen (or screenshot) has readable text; a HiDPI window's own scale when larger.
    const float height = window ? static_cast<float>(window->framebuffer_size().height) : static_cast<float>(o.height);
    const float by_size = std::clamp(height / 1080.0f, 1.0f, 3.0f);
    return window ? std::max(window->content_scale(), by_size) : by_size;
}

}  // namespace

int run_viewer(const Options& o) {
    // From here on SIGTERM and SIGINT end the session as Q does: the loop stops, the report is written, exit 0.
    const StopSignals stop_signals;
    const auto session_start = Clock::now();
    // What the report tells, filled in as the session goes; finish() writes it on every way out.
    SessionEnd end;
    FrameStats frame_stats;
    struct Drawn {
        float render_scale = 1.0f;
        std::size_t triangles = 0;
    } last_drawn;  // what the last frame drew, for the report
    ClockFigures clock_figures;
    std::optional<nlohmann::json> posture_start;  // the settled posture the session starts from
    double settle_s = 0.0;
    int recreations = 0;
    int pause_toggles = 0, fullscreen_toggles = 0;
    platform::Window::MinimizeStats minimize;
    long frames_since_restore = 0;
    std::optional<assets::Model> model;
    assets::ModelStats stats;
    std::optional<sim::Simulation> simulation;  // until the scene takes it
    std::optional<PatientStart> patient;         // --patient-*: the fit, its predicted course, the healthy ghost
    scenario::Vocabulary vocabulary;            // the names a scenario file may use
    const scene::Scene* report_source = nullptr;
    nlohmann::json export_figures;
    std::optional<QuizPanel> quiz_panel;  // --quiz: the quiz instead of the controls
    nlohmann::json kiosk_figures;
    LabelsShown labels_shown;  // the last frame's labels
    double rss_first_frame_mb = 0.0;
    // At frame 100: a CPU driver (lavapipe) runs the first frames after they are counted, compiling shaders and
    // sizing its buffers (~50 MB), so growth is measured from here (docs/memory.md).
    double rss_frame_100_mb = 0.0;
    MemoryTrace memory_trace;  // resident MB every 100 frames (thinned on a long run): does it level off?
    std::unique_ptr<platform::Window> window;
    std::unique_ptr<render::GpuContext> ctx;  // declared after the window: destroyed before it

    auto finish = [&](int exit_code) -> int {
        const int messages = ctx ? ctx->validation_messages() : 0;
        if (!o.report.empty()) {
            const sim::Simulation* sim = report_source ? report_source->simulation() : nullptr;
            nlohmann::json report = sim ? sim->report_json() : nlohmann::json::object();
            if (posture_start) report["posture_start"] = *posture_start;
            if (patient) report["patient"] = patient->to_json();
            report["selected"] = report_source ? report_source->selected_id() : std::string();
            const nlohmann::json sim_timing =
                report.contains("timing") ? report["timing"] : nlohmann::json::object();
            report["timing"] = {{"frames", frame_stats.count()},
                                {"frame_ms_median", frame_stats.percentile(50.0)},
                                {"frame_ms_p95", frame_stats.percentile(95.0)},
                                {"frame_ms_median_first_tenth", frame_stats.median_of_span(0.0, 0.1)},
                                {"frame_ms_median_last_tenth", frame_stats.median_of_span(0.9, 1.0)},
                                // 1 while every frame's time is kept; 2, 4, ... once a long run has them thinned.
                                {"frame_ms_stride", frame_stats.stride()}};
            for (const auto& [key, value] : sim_timing.items()) report["timing"][key] = value;
            report["render"] = {{"scale", last_drawn.render_scale}, {"triangles_drawn", last_drawn.triangles}};
            report["mode"] = o.headless ? "headless" : "window";
            report["device"] = ctx ? ctx->device.physical().name() : std::string();
            report["validation"] = {{"enabled", o.validate}, {"messages", messages}};
            report["swapchain_recreations"] = recreations;
            if (model) {
                report["model"] = {{"path", model->source_path},
                                   {"meshes", stats.meshes},
                                   {"vertices", stats.vertices},
                                   {"triangles", stats.triangles},
                                   {"bones", stats.bones}};
            }
            if (report_source && report_source->playback()) {
                const scene::Playback p = *report_source->playback();
                report["scenario"] = {{"file", o.scenario},
                                      {"t", p.t},
                                      {"duration_s", p.duration_s},
                                      {"finished", p.finished},
                                      {"step", p.step}};
            }
            if (!export_figures.is_null()) report["export"] = export_figures;
            if (quiz_panel) {
                const quiz::Session& q = quiz_panel->session();
                report["quiz"] = {{"questions", q.size()}, {"answered", q.index() + (q.answered() ? 1 : 0)},
                                  {"score", q.score()}, {"misses", q.misses().size()}, {"finished", q.finished()}};
            }
            if (!kiosk_figures.is_null()) report["kiosk"] = kiosk_figures;
            {
                auto box_json = [](const glm::vec4& b) { return nlohmann::json::array({b.x, b.y, b.z, b.w}); };
                nlohmann::json boxes = nlohmann::json::array(), panels = nlohmann::json::array();
                for (const glm::vec4& b : labels_shown.boxes) boxes.push_back(box_json(b));
                for (const glm::vec4& b : labels_shown.panels) panels.push_back(box_json(b));
                report["labels"] = {{"mode", labels_shown.mode}, {"ids", labels_shown.ids}, {"boxes", boxes},
                                    {"more", labels_shown.more}, {"panels", panels}};
                if (labels_shown.more_box) report["labels"]["more_box"] = box_json(*labels_shown.more_box);
                report["labels"]["free"] = box_json(labels_shown.free_px);
                report["labels"]["figure"] = box_json(labels_shown.figure_px);
                report["labels"]["anchors_left_right"] = {labels_shown.left, labels_shown.right};
            }
            nlohmann::json trace = nlohmann::json::array();
            for (const MemoryTrace::Point& p : memory_trace.points()) {
                trace.push_back({p.frame, p.mb, p.heap.in_use_mb, p.heap.from_system_mb});
            }
            report["memory"] = {{"rss_first_frame_mb", rss_first_frame_mb},
                                {"rss_frame_100_mb", rss_frame_100_mb},
                                {"rss_end_mb", resident_mb().value_or(0.0)},
                                {"trace_every_frames", memory_trace.every()},
                                {"trace_columns", {"frame", "rss_mb", "heap_in_use_mb", "heap_from_system_mb"}},
                                {"trace", std::move(trace)}};
            report["ended_by"] = end.reason;
            if (!end.error.empty()) report["error"] = end.error;
            report["exit_code"] = exit_code;
            report["clock"] = {{"settle_s", settle_s},
                               {"wall_s", clock_figures.wall_s},
                               {"simulated_s", clock_figures.simulated_s},
                               {"dropped_s", clock_figures.dropped_s},
                               {"longest_frame_s", clock_figures.longest_frame_s}};
            report["paused"] = report_source && report_source->therapy() && report_source->therapy()->paused();
            report["input"] = {{"pause_toggles", pause_toggles}, {"fullscreen_toggles", fullscreen_toggles}};
            if (window) {
                report["window"] = {{"iconified", minimize.iconified},
                                    {"restored", minimize.restored},
                                    {"minimized_s", minimize.minimized_s},
                                    {"frames_since_restore", frames_since_restore}};
            }
            if (auto s = write_report(o.report, report); !s) {
                std::fprintf(stderr, "myoview: %s\n", s.error().message.c_str());
                if (exit_code == 0) exit_code = kExitInput;
            } else if (exit_code != 0) {
                std::fprintf(stderr, "myoview: the report was written to %s\n", o.report.c_str());
            }
        }
        if (o.validate) log::info("Vulkan validation messages: " + std::to_string(messages));
        // Teardown order: GPU objects (the scope they live in ends before this runs), then the context (device,
        // surface, instance), then the window: run_viewer's locals go in reverse order of declaration.
        return exit_code;
    };
    // A failure: one clear line, the report with the reason, the exit code.
    auto fail = [&](int exit_code, const Error& error) -> int {
        end.reason = "error";
        end.error = error.full_text();
        std::fprintf(stderr, "myoview: %s\n", end.error.c_str());
        return finish(exit_code);
    };

    // Import before any GPU or window work: the isolated importer forks, which is safest in a single-threaded process.
    if (auto loaded = load_model(o); loaded) {
        model.emplace(std::move(loaded).value());
    } else {
        return fail(kExitInput, loaded.error());
    }
    stats = assets::compute_stats(model.value());

    // The simulation drives the bundled model only; a user's --model is shown as it is.
    if (o.model.empty()) {
        auto started = start_simulation(o, &patient);
        if (!started) return fail(kExitInput, started.error());
        simulation.emplace(std::move(started).value());
    }

    // Words, anatomy and scenarios are read before any window or GPU work: a bad file ends the session at once.
    auto strings_loaded = i18n::Library::load(i18n::default_dir());
    if (!strings_loaded) return fail(kExitInput, strings_loaded.error());
    const i18n::Library strings = std::move(strings_loaded).value();
    std::optional<anatomy::Catalog> catalog;
    std::optional<scenario::Scenario> story, played;
    if (simulation) {
        auto loaded = anatomy::Catalog::load(anatomy::default_catalog_path());
        if (!loaded) return fail(kExitInput, loaded.error());
        catalog.emplace(std::move(loaded).value());
        vocabulary = scene::vocabulary(&*catalog, strings);
        auto clinic = scenario::load(scene::clinic_story_path(), vocabulary);
        if (!clinic) return fail(kExitInput, clinic.error());
        story.emplace(std::move(clinic).value());
        if (!o.scenario.empty()) {
            auto file = scenario::load(o.scenario, vocabulary);
            if (!file) return fail(kExitInput, file.error());
            played.emplace(std::move(file).value());
        }
        if (o.quiz) {
            const std::filesystem::path file =
                o.quiz_file.empty() ? quiz::default_set_path() : std::filesystem::path(o.quiz_file);
            auto set = quiz::load(file, *catalog);
            if (!set) return fail(kExitInput, set.error());
            auto questions = quiz::generate(*set, *catalog);
            if (!questions) return fail(kExitInput, questions.error());
            quiz_panel.emplace(quiz::Session(std::move(questions).value()), set->title);
        }
    }
    // An export checks where it writes before anything is rendered.
    std::unique_ptr<exporter::FrameSink> sink;
    const int fps = o.fps > 0 ? o.fps : (o.export_path.empty() ? 60 : 30);
    if (!o.export_path.empty()) {
        exporter::ExportOptions eo;
        eo.out = o.export_path;
        eo.fps = fps;
        eo.width = static_cast<uint32_t>(o.width);
        eo.height = static_cast<uint32_t>(o.height);
        auto opened = exporter::open_export(eo);
        if (!opened) return fail(kExitInput, opened.error());
        sink = std::move(opened).value();
    }

    // --ui-map (tests): an unwritable path is an input error before any window opens.
    UiMap ui_map;
    if (!o.ui_map.empty()) {
        auto opened = UiMap::open(o.ui_map);
        if (!opened) return fail(kExitInput, opened.error());
        ui_map = std::move(opened).value();
    }

    if (!o.headless) {
        platform::WindowOptions wo;
        wo.width = o.width;
        wo.height = o.height;
        wo.fullscreen = o.fullscreen || o.kiosk;
        wo.title = "myoview";
        auto created = platform::Window::create(wo);
        if (!created) return fail(kExitRuntime, created.error());
        window = std::move(created).value();
    }

    render::GpuOptions gpu_options;
    gpu_options.validate = o.validate;
    gpu_options.gpu_filter = o.gpu;
    auto ctx_result = render::create_gpu_context(gpu_options, window.get());
    if (!ctx_result) return fail(kExitRuntime, ctx_result.error());
    ctx = std::move(ctx_result).value();

    render::RenderTargetDesc target;
    // The sample count: --msaa when given, else per device type: on a CPU (software) device such as lavapipe every
    // sample is shaded and resolved on the CPU (4x costs ~3.5x the 1-sample frame), so it draws 1; a GPU draws 4.
    const int msaa = o.msaa > 0 ? o.msaa
                                : (ctx->device.physical().properties.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU ? 1 : 4);
    target.samples = static_cast<VkSampleCountFlagBits>(msaa);
    if (window) {
        auto format = render::WindowPresenter::surface_format(*ctx);
        if (!format) return fail(kExitRuntime, format.error());
        target.color_format = format.value();
        target.final_layout = render::WindowPresenter::kFinalLayout;
    } else {
        target.color_format = gpu::OffscreenTarget::kFormat;
        target.final_layout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    }

    // The scene: the simulation (bundled model only; a user's --model is shown as it is), the catalog, the camera
    // and everything shown. Settling the preset's posture happens here, before the first frame.
    std::unique_ptr<scene::Scene> the_scene;
    {
        scene::SceneOptions so;
        render::parse_view_preset(o.view, so.view);
        so.select = o.select;
        so.isolate = o.isolate;
        so.language = o.language;
        so.tension_colours = !o.natural_colors;
        so.settle_s = o.seconds.value_or(kDefaultSimulatedSeconds);
        so.massage = o.massage;
        so.story = story;
        so.story_start = o.story;
        so.scenario = played;
        if (!o.labels.empty()) {
            scene::LayerVisibility layers;
            layers.labels = o.labels != "off";
            layers.labels_all = o.labels == "all";
            so.layers = layers;
        }
        if (patient) so.ghost_pose = patient->healthy;  // this patient against the healthy posture
        if (quiz_panel) quiz_panel->start(*catalog, so);
        auto created = scene::Scene::create(model.value(), std::move(simulation), std::move(catalog), so,
                                            {static_cast<uint32_t>(o.width), static_cast<uint32_t>(o.height)});
        simulation.reset();
        if (!created) {
            const bool input_error = created.error().message.rfind("--", 0) == 0;
            return fail(input_error ? kExitInput : kExitRuntime, created.error());
        }
        the_scene = std::move(created).value();
    }
    scene::Scene& scene = *the_scene;
    settle_s = scene.settle_s();
    if (scene.simulation()) posture_start = scene.posture_start();
    report_source = &scene;

    int exit_code = 0;
    {
        // Everything created from the device lives in this scope and is gone before the context.
        auto ring_result = gpu::FrameRing::create(ctx->device);
        auto renderer_result = render::SceneRenderer::create(ctx->device, target);
        if (!ring_result || !renderer_result) {
            return fail(kExitRuntime, !ring_result ? ring_result.error() : renderer_result.error());
        }
        gpu::FrameRing ring = std::move(ring_result).value();
        std::unique_ptr<render::SceneRenderer> renderer = std::move(renderer_result).value();
        // Render scale: a CPU device spends its frame shading fragments (README, Performance), so there the scene's
        // scale follows the frame time unless fixed; a screenshot or an export is sharp and repeatable at 1.
        const bool cpu_device = ctx->device.physical().properties.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
        if (o.render_scale) renderer->set_render_scale(*o.render_scale);
        else if (cpu_device && o.screenshot.empty() && o.export_path.empty()) {
            renderer->set_render_scale(0.0f);
            // And coarser levels of detail: within 2 pixels of the scaled scene instead of 1. The stretch blurs the
            // picture more than that (at the default view the 68 k-triangle level is ~1.2 px off at scale 0.5), and
            // the triangles are a fixed cost the scale does not reduce: 1280x720 CPU time per frame 70 -> 56 ms.
            renderer->set_lod_pixel_error(2.0f);
        }
        // The bundled model's meshes are closed and outward-wound (the bake's tests check it).
        if (auto s = renderer->set_model(model.value(), &ring, o.model.empty()); !s) {
            // A model the GPU cannot take (an upload that failed on a lost device included) ends here.
            return fail(s.error().vk_result != 0 ? kExitRuntime : kExitInput, s.error());
        }

        std::unique_ptr<render::ImGuiLayer> ui;
        if (!o.no_ui) {
            auto created = render::ImGuiLayer::create(ctx->instance, ctx->device, *renderer,
                                                      window ? window->handle() : nullptr,
                                                      choose_ui_scale(o, window.get()) * (o.kiosk ? 1.35f : 1.0f));
            if (!created) return fail(kExitRuntime, created.error());
            ui = std::move(created).value();
        }

        Panels panels;
        panels.patient = patient ? &*patient : nullptr;
        panels.kiosk = o.kiosk;
        // The kiosk's attract loop (engine/scene): after --idle-seconds without input the clinic story plays, again
        // and again; any input brings back the interactive view as it started.
        std::optional<scene::AttractLoop> attract;
        if (o.kiosk) attract.emplace(story, o.idle_seconds);
        // Returns true when the input woke the kiosk (and is used up doing so).
        auto attract_step = [&](double dt, bool any_input, glm::uvec2 viewport) -> bool {
            if (!attract) return false;
            const scene::AttractLoop::Step step = attract->step(scene, dt, any_input, viewport);
            if (step != scene::AttractLoop::Step::kNone) panels.clear_history();
            return step == scene::AttractLoop::Step::kStopped;
        };
        bool show_stats = o.stats;  // the developer readout: off by default, a patient has no use for it
        StatusInfo status;
        status.device = ctx->device.physical().name();
        status.model = std::filesystem::path(model->source_path).filename().string();
        status.stats = stats;
        status.frames = &frame_stats;
        status.validate = o.validate;

        // The panels' requests of one frame, applied by the scene at the start of the next.
        // An export is a presentation: no controls, only the story, the figure and the measures.
        const bool presenting = sink != nullptr;
        scene::Requests pending;
        std::optional<glm::vec4> free_area_next;  // beside the panels of the last UI frame: the figure goes there
        bool pending_save = false;  // the panel's "Save this scene", done at the start of the next frame
        // Writes the scene as it stands as a scenario file; the panel says where (or why not).
        auto save_scene = [&](const std::filesystem::path& path) -> Status {
            Status saved = scenario::save(scene.snapshot_as_scenario(), path);
            panels.saved_scene = saved ? path.string() : saved.error().message;
            if (saved) log::info("saved the scene to " + path.string());
            else log::warn("the scene was not saved: " + saved.error().message);
            return saved;
        };
        auto build_ui = [&](glm::uvec2 viewport, float dt) {
            pending = {};
            ui_map.begin_frame();
            if (!ui) return;
            status.extent = {viewport.x, viewport.y};
            status.validation_messages = ctx->validation_messages();
            ui->begin_frame(status.extent, dt);
            if (show_stats) draw_status_panel(status, ui->scale());
            if (const sim::Simulation* sim = scene.simulation()) {
                const i18n::Strings& tr = strings.get(scene.language());
                if (presenting) {
                    panels.draw_presentation(sim->snapshot(), tr, ui->scale(), ui->large_font());
                } else if (quiz_panel && scene.catalog()) {
                    pending = quiz_panel->draw(scene, viewport, strings, ui->scale(), ui->large_font(), ui_map);
                } else {
                    render::TensionView tension_view = scene.tension_view();
                    bool tension_colours = scene.tension_colours();
                    std::string language = scene.language();
                    panels.layers = scene.layers();
                    const UiRequests asked =
                        panels.draw(*sim, tension_view, tension_colours, scene.therapy()->paused(),
                                    scene.therapy()->release(), scene.therapy()->massaging(), ui->scale(),
                                    ui->large_font(), strings, language, ui_map);
                    pending = to_scene_requests(asked);
                    pending_save = asked.save_scene;
                    if (!(tension_view.colormap == scene.tension_view().colormap &&
                          tension_view.stripes == scene.tension_view().stripes)) {
                        pending.tension_view = tension_view;
                    }
                    if (tension_colours != scene.tension_colours()) pending.tension_colours = tension_colours;
                    if (language != scene.language()) pending.language = language;
                    if (!(panels.layers == scene.layers())) pending.layers = panels.layers;
                }
                // The quiz shows the legend at its panel's foot.
                if (scene.tension_colours() && !quiz_panel) draw_legend(scene.tension_view(), ui->scale(), tr, ui_map);
                const bool attracting = attract && attract->active();
                const auto playback = scene.playback();
                if (playback) {
                    draw_story_caption(*playback, tr, ui->scale(), ui->large_font(), !presenting && !o.kiosk,
                                       attracting, ui_map);
                } else if (attracting) {
                    draw_attract_hint(tr, ui->scale(), ui->large_font(), ui_map);
                }
                const anatomy::Structure* structure =
                    scene.selected() && scene.catalog() ? scene.catalog()->find(scene.selected_id()) : nullptr;
                if (structure && !quiz_panel) {
                    const sim::MuscleState* muscle = sim->snapshot().find_muscle(structure->id);
                    const double vs_healthy = muscle ? scene.length_vs_healthy(*muscle) : 1.0;
                    std::string card_language = scene.language();
                    const InfoCardActions card =
                        draw_info_card(*structure, muscle, vs_healthy, scene.catalog()->languages(), card_language, tr,
                                       !scene.isolated_id().empty(), ui->scale(), ui->large_font(), ui_map);
                    if (card_language != scene.language()) pending.language = card_language;
                    if (card.toggle_isolate) pending.toggle_isolate_selected = true;
                    if (card.close) pending.select = std::string();
                }
            }
            // The labels last, when every window of the frame is open: they keep clear of all of them. The quiz hides
            // the labels and the card: they would give the answers away.
            labels_shown = {};
            if (scene.simulation() && scene.layers().labels && scene.catalog() && !quiz_panel) {
                labels_shown = draw_labels(scene.label_anchors(viewport), scene, ui->scale(),
                                           strings.get(scene.language()));
            }
            ui->end_frame();
            free_area_next = free_area(take_panels(), static_cast<float>(viewport.x), static_cast<float>(viewport.y));
        };
        auto record = [&](VkCommandBuffer cmd, uint32_t image, uint32_t frame) {
            renderer->record(cmd, image, frame, scene.frame(), [&](VkCommandBuffer c) {
                if (ui) ui->record(c);
            });
            last_drawn = {renderer->render_scale(), renderer->drawn_triangles()};
        };

        // Said once, when the first frame is done: how long start-up took (and, for tests, that frames are coming).
        auto count_frame = [&](double ms) {
            frame_stats.add(ms);
            memory_trace.sample(static_cast<long>(frame_stats.count()));
            if (frame_stats.count() == 100) rss_frame_100_mb = resident_mb().value_or(0.0);
            if (frame_stats.count() == 1) {
                rss_first_frame_mb = resident_mb().value_or(0.0);
                log::info("first frame after " +
                          std::to_string(std::chrono::duration<double>(Clock::now() - session_start).count()) + " s");
            }
        };
        // --ui-map: how far the session has got and where the controls are, for a test driving the window. Built
        // only when the map is on.
        struct FigureCache {
            glm::mat4 view_projection{0.0f};
            glm::uvec2 viewport{0};
            std::size_t frame = 0;
            std::optional<glm::vec4> rect;
        } figure_cache;
        auto publish_ui_map = [&](glm::uvec2 viewport) {
            if (!ui_map.enabled()) return;
            const scene::Therapy* therapy = scene.therapy();
            const auto playback = scene.playback();
            const render::OrbitCamera& camera = scene.frame().camera;
            nlohmann::json state = {
                {"size", {viewport.x, viewport.y}},
                {"selected", scene.selected_id()},
                {"massaging", therapy && therapy->massaging()},
                {"paused", therapy && therapy->paused()},
                {"story_step", playback ? playback->step : 0},
                {"camera", {{"yaw_deg", camera.yaw_deg()}, {"pitch_deg", camera.pitch_deg()}}},
                {"language", scene.language()},
                {"labels", {{"mode", labels_shown.mode}, {"count", labels_shown.ids.size()}}},
                {"input", {{"pause_toggles", pause_toggles}, {"fullscreen_toggles", fullscreen_toggles}}}};
            if (window) {
                const auto m = window->minimize_stats();
                state["window"] = {{"iconified", m.iconified}, {"restored", m.restored}};
            }
            // Where the figure is and where it may be (the free area beside the panels), in pixels: a test checks
            // that no panel covers it at any window size. The figure's rectangle is recomputed when the camera or
            // the window moved, and every 30 frames for the posture.
            const glm::vec4 free_px =
                camera.screen_window() * glm::vec4(viewport.x, viewport.y, viewport.x, viewport.y);
            state["free_area"] = {free_px.x, free_px.y, free_px.z, free_px.w};
            {
                const glm::mat4 view_projection =
                    camera.projection(static_cast<float>(viewport.x) / static_cast<float>(std::max(viewport.y, 1u))) *
                    camera.view();
                if (view_projection != figure_cache.view_projection || viewport != figure_cache.viewport ||
                    frame_stats.count() >= figure_cache.frame + 30) {
                    figure_cache = {view_projection, viewport, frame_stats.count(),
                                    figure_rect(scene, viewport)};
                }
                if (figure_cache.rect) {
                    const glm::vec4 r = glm::round(*figure_cache.rect);
                    state["figure"] = {r.x, r.y, r.z, r.w};
                } else {
                    state["figure"] = nullptr;
                }
            }
            if (quiz_panel) state["quiz"] = quiz_panel->map_state();
            state["kiosk_attract"] = attract && attract->active();
            // Simulated seconds since the first frame (the therapy's clock; the scene's without a simulation).
            ui_map.publish(static_cast<long>(frame_stats.count()), therapy ? therapy->advanced_s() : scene.time_s(),
                           therapy ? therapy->release() : 0.0, std::move(state));
        };
        // A frame that failed on the GPU, in Dear ImGui's backend or in the simulation: the session ends with the
        // reason.
        auto frame_failed = [&](const Error& error) {
            end.reason = "error";
            end.error = error.full_text();
            std::fprintf(stderr, "myoview: %s\n", end.error.c_str());
            exit_code = kExitRuntime;
        };
        // One update of the scene: this frame's input and the panels' requests of the last, then dt of time. Keeps
        // the clock figures; says so when a stall is not caught up.
        auto update_scene = [&](double dt, scene::Input input, glm::uvec2 viewport) -> bool {
            input.requests.merge(pending);
            input.free_area = free_area_next;
            if (pending_save) {
                pending_save = false;
                (void)save_scene(default_scene_path());  // the panel shows the outcome
            }
            auto updated = scene.update(dt, input, viewport);
            if (!updated) {
                frame_failed(updated.error());
                return false;
            }
            if (updated->history_reset) panels.clear_history();
            if (const sim::Simulation* sim = scene.simulation()) panels.record_history(sim->snapshot());
            if (const scene::Therapy* therapy = scene.therapy()) clock_figures.simulated_s = therapy->advanced_s();
            if (updated->dropped_s > 0.0) {
                clock_figures.dropped_s += updated->dropped_s;
                log::warn("the simulation skipped " + std::to_string(updated->dropped_s) + " s after a " +
                          std::to_string(dt) + " s gap between frames (it catches up at most " +
                          std::to_string(scene::Therapy::kMaxCatchUpSeconds) + " s)");
            }
            return true;
        };

        if (window) {
            auto presenter_result = render::WindowPresenter::create(*ctx, *window, *renderer, ring);
            if (!presenter_result) return fail(kExitRuntime, presenter_result.error());
            auto presenter = std::move(presenter_result).value();
            if (auto fault = gpu_fault(o)) presenter->inject_fault(*fault);
            FrameClock clock = FrameClock::wall();
            PointerState pointer;
            int restores_seen = 0;
            end.reason = "closed";
            bool exit_chord = false;
            while (true) {
                if (window->should_close()) {
                    if (!o.kiosk || exit_chord) break;
                    window->cancel_close();  // a kiosk closes only with its exit chord (or SIGTERM)
                }
                if (StopSignals::received()) {
                    end.reason = StopSignals::name();
                    break;
                }
                const auto start = Clock::now();
                window->poll_events();
                if (window->minimized()) {
                    window->take_events();
                    window->wait_events(0.1);  // nothing to draw while minimized: sleep instead of spinning
                    continue;
                }
                if (const int restores = window->minimize_stats().restored; restores != restores_seen) {
                    restores_seen = restores;
                    frames_since_restore = 0;
                }
                const double dt = clock.tick();  // a minimized spell counts as one long frame (caught up, bounded)
                clock_figures.wall_s = clock.elapsed_s();
                clock_figures.longest_frame_s = std::max(clock_figures.longest_frame_s, dt);
                if (clock.ticks() == stall_frame(o)) stall();
                const VkExtent2D extent = window->framebuffer_size();
                const glm::uvec2 viewport(extent.width, extent.height);
                scene::Input input;
                WindowActions actions = read_input(*window, ui.get(), pointer, input, o.kiosk);
                if (actions.exit_chord) exit_chord = true;
                if (attract_step(dt, actions.any_input, viewport)) input = {};  // the touch that woke it
                if (actions.toggle_pause && scene.therapy()) ++pause_toggles;
                if (actions.toggled_fullscreen) ++fullscreen_toggles;
                if (actions.toggle_stats) show_stats = !show_stats;
                if (actions.toggle_labels_all && !quiz_panel) {
                    scene::LayerVisibility layers = scene.layers();
                    layers.labels_all = !layers.labels_all;
                    if (layers.labels_all) layers.labels = true;
                    input.requests.layers = layers;
                }
                for (const std::string& path : actions.dropped) {  // a scenario or saved scene dropped on the window
                    auto file = scenario::load(path, vocabulary);
                    Status opened = file ? scene.play(*file, viewport) : Status(file.error());
                    if (opened) {
                        log::info("playing " + path);
                        panels.clear_history();
                    } else {
                        log::warn(opened.error().message);
                        panels.saved_scene = strings.get(scene.language())
                                                 .format("scene.dropped_error", {{"error", opened.error().message}});
                    }
                }
                if (!update_scene(dt, std::move(input), viewport)) break;
                build_ui(viewport, static_cast<float>(dt));
                auto outcome = presenter->draw(record);
                if (outcome) {
                    if (auto backend = render::ImGuiLayer::take_backend_error(); !backend) outcome = backend.error();
                }
                if (!outcome) {
                    frame_failed(outcome.error());
                    break;
                }
                if (outcome.value() == render::FrameOutcome::kSkipped) {
                    publish_ui_map(viewport);
                    continue;
                }
                ++frames_since_restore;
                count_frame(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                publish_ui_map(viewport);
                if (o.frames && static_cast<long>(frame_stats.count()) >= *o.frames) {
                    end.reason = "frames";
                    break;
                }
            }
            if (end.reason == "closed" && StopSignals::received()) end.reason = StopSignals::name();
            // The swapchain goes with the presenter at the end of this block: nothing of it may still be in use.
            if (auto s = ring.drain(); !s && exit_code == 0) frame_failed(s.error());
            recreations = presenter->recreations();
            minimize = window->minimize_stats();
            if (!o.screenshot.empty()) log::warn("--screenshot is written in --headless mode only; ignored");
        } else {
            const VkExtent2D extent{static_cast<uint32_t>(o.width), static_cast<uint32_t>(o.height)};
            const glm::uvec2 viewport(extent.width, extent.height);
            auto presenter_result = render::OffscreenPresenter::create(*ctx, extent, *renderer, ring);
            if (!presenter_result) return fail(kExitRuntime, presenter_result.error());
            auto presenter = std::move(presenter_result).value();
            if (auto fault = gpu_fault(o)) presenter->inject_fault(*fault);
            // A scenario plays to its end (its last frame at its duration); otherwise one frame unless --frames.
            const auto playback = scene.playback();
            const long frames = o.frames.value_or(
                played && playback ? static_cast<long>(std::ceil(playback->duration_s * fps)) + 1 : 1);
            // Deterministic animation: a fixed 1/fps s of simulated time per frame after the first.
            FrameClock clock = FrameClock::fixed(1.0 / fps);
            std::optional<exporter::Progress> progress;
            if (sink) progress.emplace(frames);
            // Dear ImGui sizes auto-resizing windows on their first frame and shows them from the second: UI passes
            // that are never drawn make even a single-frame screenshot show the panels, and the second gives the
            // panels' real sizes, so the first frame frames the figure beside them (with one, a single-frame
            // screenshot centred the figure on the whole width, under the label column).
            for (int warm_up = 0; warm_up < 2; ++warm_up) {
                build_ui(viewport, 1.0f / 60.0f);
                pending = {};
            }
            bool read_back = false;
            end.reason = "frames";
            for (long f = 0; f < frames; ++f) {
                if (StopSignals::received()) {
                    end.reason = StopSignals::name();
                    break;
                }
                const auto start = Clock::now();
                const double dt = clock.tick();
                clock_figures.wall_s = clock.elapsed_s();
                if (clock.ticks() == stall_frame(o)) stall();
                (void)attract_step(dt, false, viewport);
                if (!update_scene(dt, scene::Input{}, viewport)) break;
                build_ui(viewport, static_cast<float>(1.0 / fps));
                const bool last_frame = f + 1 == frames;
                Status drawn = presenter->draw(record, sink || (last_frame && !o.screenshot.empty()));
                if (drawn) drawn = render::ImGuiLayer::take_backend_error();
                if (drawn && (last_frame || sink)) drawn = presenter->wait_idle();
                if (!drawn) {
                    frame_failed(drawn.error());
                    break;
                }
                if (sink) {
                    if (auto added = sink->add(presenter->pixels()); !added) {
                        frame_failed(added.error());
                        exit_code = kExitInput;  // the output could not be written
                        break;
                    }
                    progress->update(f + 1);
                }
                read_back = last_frame && !o.screenshot.empty();
                const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
                clock_figures.longest_frame_s = std::max(clock_figures.longest_frame_s, ms / 1000.0);
                count_frame(ms);
                publish_ui_map(viewport);
            }
            if (auto s = presenter->wait_idle(); !s && exit_code == 0) {
                frame_failed(s.error());
                read_back = false;
            }
            if (sink) {
                if (progress) progress->finish();
                if (end.reason == "frames" && exit_code == 0) {
                    if (auto done = sink->finish(); !done) {
                        frame_failed(done.error());
                        exit_code = kExitInput;
                    } else {
                        log::info("exported " + std::to_string(sink->frames_written()) + " frames to " +
                                  sink->output_path().string());
                    }
                } else {
                    sink->abort(end.reason == "error" ? end.error : "the session ended (" + end.reason + ")");
                }
                export_figures = {{"path", sink->output_path().string()},
                                  {"frames", sink->frames_written()},
                                  {"fps", fps},
                                  {"finished", end.reason == "frames" && exit_code == 0}};
            }
            if (!o.screenshot.empty() && exit_code == 0 && !read_back) {
                log::warn("the session ended (" + end.reason + ") before the last frame: no screenshot written");
            }
            if (read_back) {
                if (auto s = gpu::write_png(o.screenshot, presenter->pixels()); !s) {
                    end.reason = "error";
                    end.error = s.error().full_text();
                    std::fprintf(stderr, "myoview: %s\n", end.error.c_str());
                    exit_code = kExitInput;
                } else {
                    log::info("wrote " + o.screenshot);
                }
            }
        }
        if (auto s = ring.drain(); !s && exit_code == 0) frame_failed(s.error());
        if (attract) kiosk_figures = attract->report_json();
        ui_map.flush();
        if (!o.save_scene.empty() && exit_code == 0) {
            if (auto saved = save_scene(o.save_scene); !saved) {
                frame_failed(saved.error());
                exit_code = kExitInput;
            }
        }
    }

    return finish(exit_code);
}

}  // namespace myoview::app
