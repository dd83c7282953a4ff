#include "viewer.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <cmath>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "frame_stats.h"
#include "info_card.h"
#include "interaction.h"
#include "labels.h"
#include "panels.h"
#include "referral.h"
#include "sim_binding.h"
#include "story.h"
#include "myoview/anatomy/catalog.h"
#include "myoview/assets/import.h"
#include "myoview/base/log.h"
#include "myoview/gpu/png.h"
#include "myoview/platform/window.h"
#include "myoview/render/context.h"
#include "myoview/render/imgui_layer.h"
#include "myoview/render/presenter.h"
#include "myoview/render/scene_renderer.h"

namespace myoview::app {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kExitRuntime = 1;  // no display, no GPU, a failed frame
constexpr int kExitInput = 2;    // a bad model file or a file that cannot be written
constexpr double kHeadlessFrameSeconds = 1.0 / 60.0;
constexpr float kXrayOpacity = 0.6f;  // see-through superficial muscles, at the silhouette
constexpr float kSkinOpacity = 0.45f;  // at the silhouette; face-on it is 12 % of this

std::filesystem::path default_model_path() { return std::filesystem::path(MYOVIEW_ASSET_DIR) / "models/anatomy.glb"; }

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

Status write_report(const std::string& path, const nlohmann::json& report) {
    std::ofstream out(path);
    if (!out) return Error("cannot write the report to " + path);
    out << report.dump(2) << "\n";
    if (!out) return Error("writing the report to " + path + " failed");
    return Ok{};
}

float choose_ui_scale(const Options& o, const platform::Window* window) {
    if (o.ui_scale) return *o.ui_scale;
    if (window) return window->content_scale();
    // Headless: scale with the image so a 4K screenshot has readable text.
    return std::clamp(static_cast<float>(o.height) / 1080.0f, 1.0f, 3.0f);
}

}  // namespace

int run_viewer(const Options& o) {
    // Import before any GPU or window work: the isolated importer forks, which is safest in a single-threaded process.
    auto model = load_model(o);
    if (!model) {
        std::fprintf(stderr, "myoview: %s\n", model.error().full_text().c_str());
        return kExitInput;
    }
    const assets::ModelStats stats = assets::compute_stats(model.value());

    // The simulation drives the bundled model only; a user's --model is shown as it is.
    std::optional<sim::Simulation> simulation;
    if (o.model.empty()) {
        auto started = start_simulation(o);
        if (!started) {
            std::fprintf(stderr, "myoview: %s\n", started.error().full_text().c_str());
            return kExitInput;
        }
        simulation.emplace(std::move(started).value());
    }

    std::unique_ptr<platform::Window> window;
    if (!o.headless) {
        platform::WindowOptions wo;
        wo.width = o.width;
        wo.height = o.height;
        wo.fullscreen = o.fullscreen;
        wo.title = "myoview";
        auto created = platform::Window::create(wo);
        if (!created) {
            std::fprintf(stderr, "myoview: %s\n", created.error().full_text().c_str());
            return kExitRuntime;
        }
        window = std::move(created).value();
    }

    render::GpuOptions gpu_options;
    gpu_options.validate = o.validate;
    gpu_options.gpu_filter = o.gpu;
    auto ctx_result = render::create_gpu_context(gpu_options, window.get());
    if (!ctx_result) {
        std::fprintf(stderr, "myoview: %s\n", ctx_result.error().full_text().c_str());
        return kExitRuntime;
    }
    std::unique_ptr<render::GpuContext> ctx = std::move(ctx_result).value();

    render::RenderTargetDesc target;
    target.samples = static_cast<VkSampleCountFlagBits>(o.msaa);
    if (window) {
        auto format = render::WindowPresenter::surface_format(*ctx);
        if (!format) {
            std::fprintf(stderr, "myoview: %s\n", format.error().full_text().c_str());
            return kExitRuntime;
        }
        target.color_format = format.value();
        target.final_layout = render::WindowPresenter::kFinalLayout;
    } else {
        target.color_format = gpu::OffscreenTarget::kFormat;
        target.final_layout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    }

    int exit_code = 0;
    FrameStats frame_stats;
    std::optional<nlohmann::json> posture_start;  // the settled posture the session starts from
    std::string selected_id;                      // for the report
    int recreations = 0;
    {
        // Everything created from the device lives in this scope and is gone before the context.
        auto ring_result = gpu::FrameRing::create(ctx->device);
        auto renderer_result = render::SceneRenderer::create(ctx->device, target);
        if (!ring_result || !renderer_result) {
            const Error& e = !ring_result ? ring_result.error() : renderer_result.error();
            std::fprintf(stderr, "myoview: %s\n", e.full_text().c_str());
            return kExitRuntime;
        }
        gpu::FrameRing ring = std::move(ring_result).value();
        std::unique_ptr<render::SceneRenderer> renderer = std::move(renderer_result).value();
        // The bundled model's meshes are closed and outward-wound (the generator's tests check it).
        if (auto s = renderer->set_model(model.value(), &ring, o.model.empty()); !s) {
            std::fprintf(stderr, "myoview: %s\n", s.error().full_text().c_str());
            return kExitInput;
        }
        // The body outline is a faint veil over the muscles: enough to show the silhouette, too little to wash out
        // the tension colours.
        for (std::size_t i = 0; i < renderer->mesh_count(); ++i) {
            if (renderer->mesh_name(i) != "skin") continue;
            renderer->draw_state(i).tint.a = kSkinOpacity;
            renderer->draw_state(i).outline = true;
        }
        if (!o.isolate.empty()) {
            bool found = false;
            for (std::size_t i = 0; i < renderer->mesh_count(); ++i) {
                const bool match = renderer->mesh_name(i) == o.isolate;
                renderer->draw_state(i).visible = match;
                found = found || match;
            }
            if (!found) {
                std::fprintf(stderr, "myoview: --isolate %s: no structure with that id in the model (see "
                                     "--list-structures)\n", o.isolate.c_str());
                return kExitInput;
            }
        }

        std::unique_ptr<render::ImGuiLayer> ui;
        if (!o.no_ui) {
            auto created = render::ImGuiLayer::create(ctx->instance, ctx->device, *renderer,
                                                      window ? window->handle() : nullptr,
                                                      choose_ui_scale(o, window.get()));
            if (!created) {
                std::fprintf(stderr, "myoview: %s\n", created.error().full_text().c_str());
                return kExitRuntime;
            }
            ui = std::move(created).value();
        }

        // Anatomical layer of each mesh, from the catalog (bundled model only); a user's model has none.
        std::vector<std::optional<anatomy::Layer>> mesh_layers(renderer->mesh_count());
        std::optional<anatomy::Catalog> catalog;
        if (simulation) {
            auto loaded = anatomy::Catalog::load(anatomy::default_catalog_path());
            if (!loaded) {
                std::fprintf(stderr, "myoview: %s\n", loaded.error().full_text().c_str());
                return kExitInput;
            }
            catalog.emplace(std::move(loaded).value());
            for (std::size_t i = 0; i < renderer->mesh_count(); ++i) {
                if (const anatomy::Structure* st = catalog->find(renderer->mesh_name(i))) mesh_layers[i] = st->layer;
            }
        }
        std::optional<std::size_t> hovered, selected;
        if (!o.select.empty()) {
            for (std::size_t i = 0; i < renderer->mesh_count(); ++i) {
                if (renderer->mesh_name(i) == o.select) selected = i;
            }
            if (!selected) {
                std::fprintf(stderr, "myoview: --select %s: no structure with that id in the model (see "
                                     "--list-structures)\n", o.select.c_str());
                return kExitInput;
            }
        }
        std::string isolated_id = o.isolate;
        std::string language = o.language;
        std::optional<int> story;  // the step shown, 0-based
        Labels labels(*renderer);
        auto apply_layers = [&](const LayerVisibility& layers) {
            renderer->show_ghost = layers.ghost;
            if (!isolated_id.empty()) {  // isolation decides alone
                for (std::size_t i = 0; i < renderer->mesh_count(); ++i) {
                    renderer->draw_state(i).visible = renderer->mesh_name(i) == isolated_id;
                }
                return;
            }
            for (std::size_t i = 0; i < renderer->mesh_count(); ++i) {
                if (!mesh_layers[i]) continue;
                render::MeshDrawState& st = renderer->draw_state(i);
                switch (*mesh_layers[i]) {
                    case anatomy::Layer::kSkin: st.visible = layers.skin; break;
                    case anatomy::Layer::kBone: st.visible = layers.bones; break;
                    case anatomy::Layer::kDeep: st.visible = layers.deep; break;
                    case anatomy::Layer::kSuperficial:
                        st.visible = layers.superficial;
                        st.tint.a = layers.xray_superficial ? kXrayOpacity : 1.0f;
                        st.outline = layers.xray_superficial;
                        break;
                }
            }
        };

        // The bind pose is the simulation's rest pose (MJCF qpos0), before any step: what the meshes were baked in.
        std::optional<SimBinding> binding;
        std::optional<Therapy> therapy;
        Panels panels;
        bool tension_colours = !o.natural_colors;
        if (simulation) {
            binding.emplace(*renderer, simulation->snapshot());
            binding->bind_trigger_points(model.value(), simulation->snapshot(), *renderer);
            therapy.emplace(*simulation);
            // Settle into the preset's posture before the first frame (deterministic: fixed steps, no clock), so the
            // picture starts from the rounded posture, not from the model's neutral rest pose.
            simulation->advance(o.seconds.value_or(kDefaultSimulatedSeconds));
            posture_start = simulation->report_json()["posture"];
            if (o.massage) therapy->apply({}, KeyActions{.massage = true}, panels);
            binding->apply(simulation->snapshot(), *renderer, tension_colours);
            // The bones as they stand now: the ghost the session is compared with.
            renderer->capture_ghost_pose();
            std::vector<std::size_t> ghost;
            for (std::size_t i = 0; i < renderer->mesh_count(); ++i) {
                const anatomy::Structure* st = catalog ? catalog->find(renderer->mesh_name(i)) : nullptr;
                if (st != nullptr && st->kind == anatomy::Kind::kBone && st->body != "thorax") {
                    ghost.push_back(i);  // the bones that move against the trunk: girdles, arms, neck and head
                }
            }
            renderer->set_ghost(std::move(ghost));
            apply_layers(panels.layers);
            log::debug("bound " + std::to_string(binding->bound_bones()) + " bones, " +
                       std::to_string(binding->bound_muscles()) + " muscles to the simulation");
        }

        // The referred-pain zones of the selected muscle's trigger points, on the body outline.
        std::optional<std::size_t> skin_mesh;
        for (std::size_t i = 0; i < renderer->mesh_count(); ++i) {
            if (renderer->mesh_name(i) == "skin") skin_mesh = i;
        }
        auto show_referral = [&]() {
            if (!selected || !skin_mesh || !binding) return;
            for (const render::HotSpot& spot : referral_spots(renderer->mesh_name(*selected),
                                                              simulation->snapshot(), *binding, *skin_mesh)) {
                renderer->hot_spots.push_back(spot);
            }
        };

        ViewState view;
        render::ViewPreset preset = render::ViewPreset::kFront;
        render::parse_view_preset(o.view, preset);
        view.camera.set_preset(preset);
        // A story step sets the view, the card and the release, as a clinician would by hand.
        auto go_to_step = [&](int index, VkExtent2D extent) {
            if (!simulation) return;
            story = std::clamp(index, 0, kStoryStepCount - 1);
            const StoryStep& step = story_step(*story);
            view.camera.set_preset(step.view);
            view.camera.frame(model->bounds, static_cast<float>(extent.width) /
                                                 static_cast<float>(std::max(extent.height, 1u)));
            selected.reset();
            for (std::size_t i = 0; i < renderer->mesh_count(); ++i) {
                if (renderer->mesh_name(i) == step.select) selected = i;
            }
            UiRequests requests_for_step;
            requests_for_step.release = step.release;
            therapy->apply(requests_for_step, KeyActions{.massage = step.massage}, panels);
        };
        assets::Bounds frame_bounds = model->bounds;
        if (!o.isolate.empty()) {
            frame_bounds = {};
            for (const auto& m : model->meshes) {
                if ((m.node_name.empty() ? m.name : m.node_name) != o.isolate) continue;
                for (const auto& p : m.positions) frame_bounds.extend(p);
            }
        }
        view.camera.frame(frame_bounds, static_cast<float>(o.width) / static_cast<float>(o.height));
        if (o.story > 0) go_to_step(o.story - 1, {static_cast<uint32_t>(o.width), static_cast<uint32_t>(o.height)});

        StatusInfo status;
        status.device = ctx->device.physical().name();
        status.model = std::filesystem::path(model->source_path).filename().string();
        status.stats = stats;
        status.frames = &frame_stats;
        status.validate = o.validate;

        UiRequests requests;
        auto build_ui = [&](VkExtent2D extent, float dt) {
            requests = {};
            if (!ui) return;
            status.extent = extent;
            status.validation_messages = ctx->validation_messages();
            ui->begin_frame(extent, dt);
            draw_status_panel(status, ui->scale());
            if (simulation) {
                requests = panels.draw(*simulation, renderer->tension_view, tension_colours, therapy->paused(),
                                       therapy->release(), therapy->massaging(), ui->scale(), ui->large_font(),
                                       language);
                if (tension_colours) draw_legend(renderer->tension_view, ui->scale(), language);
                if (story) draw_story_caption(*story, language, ui->scale(), ui->large_font());
                if (panels.layers.labels && catalog) {
                    labels.draw(*renderer, view.camera, static_cast<float>(extent.width),
                                static_cast<float>(extent.height), *catalog, language, ui->scale());
                }
                const anatomy::Structure* structure =
                    selected && catalog ? catalog->find(renderer->mesh_name(*selected)) : nullptr;
                if (structure) {
                    const sim::Snapshot& snap = simulation->snapshot();
                    const sim::MuscleState* muscle = snap.find_muscle(structure->id);
                    const double vs_healthy =
                        muscle ? binding->length_vs_healthy(snap, static_cast<std::size_t>(muscle - snap.muscles.data()))
                               : 1.0;
                    const InfoCardActions card =
                        draw_info_card(*structure, muscle, vs_healthy, catalog->languages(), language,
                                       !isolated_id.empty(), ui->scale(), ui->large_font());
                    if (card.toggle_isolate) isolated_id = isolated_id.empty() ? structure->id : std::string();
                    if (card.close) selected.reset();
                }
            }
            ui->end_frame();
        };
        auto record = [&](VkCommandBuffer cmd, uint32_t image, uint32_t frame) {
            renderer->record(cmd, image, frame, view.camera, [&](VkCommandBuffer c) {
                if (ui) ui->record(c);
            });
        };

        if (window) {
            auto presenter_result = render::WindowPresenter::create(*ctx, *window, *renderer, ring);
            if (!presenter_result) {
                std::fprintf(stderr, "myoview: %s\n", presenter_result.error().full_text().c_str());
                return kExitRuntime;
            }
            auto presenter = std::move(presenter_result).value();
            auto last = Clock::now();
            while (!window->should_close()) {
                const auto start = Clock::now();
                window->poll_events();
                if (window->minimized()) {
                    window->take_events();
                    window->wait_events(0.1);  // nothing to draw at 0x0: sleep instead of spinning
                    continue;
                }
                const VkExtent2D extent = window->framebuffer_size();
                const KeyActions keys = apply_input(*window, ui.get(), view, extent, frame_bounds);
                const float dt = std::chrono::duration<float>(start - last).count();
                last = start;
                renderer->time_s = std::chrono::duration<float>(start.time_since_epoch()).count();
                if (requests.view) {
                    static constexpr render::ViewPreset kPresets[] = {
                        render::ViewPreset::kFront, render::ViewPreset::kBack, render::ViewPreset::kLeft,
                        render::ViewPreset::kRight, render::ViewPreset::kThreeQuarter};
                    view.camera.set_preset(kPresets[*requests.view]);
                    view.camera.frame(frame_bounds, static_cast<float>(extent.width) /
                                                        static_cast<float>(std::max(extent.height, 1u)));
                }
                if (therapy) {
                    if (keys.story != 0) go_to_step(story ? *story + keys.story : 0, extent);
                    therapy->apply(requests, keys, panels);  // last frame's UI requests and this frame's keys
                    apply_layers(panels.layers);
                    // Hover and click: a CPU ray cast against the posed meshes, only when the mouse moved.
                    const bool mouse_free = !(ui && ui->wants_mouse()) && !view.dragging_orbit && !view.dragging_pan;
                    if (view.mouse_moved || view.click) {
                        view.mouse_moved = false;
                        if (hovered) renderer->draw_state(*hovered).highlight = 0.0f;
                        hovered = mouse_free ? renderer->pick(view.camera, static_cast<float>(view.last_x),
                                                              static_cast<float>(view.last_y),
                                                              static_cast<float>(extent.width),
                                                              static_cast<float>(extent.height))
                                             : std::nullopt;
                    }
                    if (view.click) {
                        const auto [cx, cy] = *view.click;
                        view.click.reset();
                        selected = renderer->pick(view.camera, static_cast<float>(cx), static_cast<float>(cy),
                                                  static_cast<float>(extent.width), static_cast<float>(extent.height));
                    }
                    for (std::size_t i = 0; i < renderer->mesh_count(); ++i) {
                        renderer->draw_state(i).highlight = i == selected ? 0.45f : i == hovered ? 0.25f : 0.0f;
                    }
                    therapy->step(dt);
                    panels.record_history(simulation->snapshot());
                    binding->apply(simulation->snapshot(), *renderer, tension_colours);
                    show_referral();
                }
                build_ui(extent, dt);
                auto outcome = presenter->draw(record);
                if (!outcome) {
                    std::fprintf(stderr, "myoview: %s\n", outcome.error().full_text().c_str());
                    exit_code = kExitRuntime;
                    break;
                }
                if (outcome.value() == render::FrameOutcome::kSkipped) continue;
                frame_stats.add(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                if (o.frames && static_cast<long>(frame_stats.count()) >= *o.frames) break;
            }
            recreations = presenter->recreations();
            ring.drain();
            if (!o.screenshot.empty()) log::warn("--screenshot is written in --headless mode only; ignored");
        } else {
            const VkExtent2D extent{static_cast<uint32_t>(o.width), static_cast<uint32_t>(o.height)};
            auto presenter_result = render::OffscreenPresenter::create(*ctx, extent, *renderer, ring);
            if (!presenter_result) {
                std::fprintf(stderr, "myoview: %s\n", presenter_result.error().full_text().c_str());
                return kExitRuntime;
            }
            auto presenter = std::move(presenter_result).value();
            const long frames = o.frames.value_or(1);
            // Dear ImGui sizes auto-resizing windows on their first frame and shows them from the second: one
            // UI pass that is never drawn makes even a single-frame screenshot show the panels.
            build_ui(extent, 1.0f / 60.0f);
            for (long f = 0; f < frames; ++f) {
                const auto start = Clock::now();
                if (therapy && f > 0) {
                    // Deterministic animation: a fixed 1/60 s of simulated time per frame after the first.
                    therapy->step(kHeadlessFrameSeconds);
                    binding->apply(simulation->snapshot(), *renderer, tension_colours);
                }
                if (therapy) show_referral();
                build_ui(extent, static_cast<float>(kHeadlessFrameSeconds));
                const bool last_frame = f + 1 == frames;
                if (auto s = presenter->draw(record, last_frame && !o.screenshot.empty()); !s) {
                    std::fprintf(stderr, "myoview: %s\n", s.error().full_text().c_str());
                    exit_code = kExitRuntime;
                    break;
                }
                if (last_frame) presenter->wait_idle();
                frame_stats.add(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            }
            presenter->wait_idle();
            if (exit_code == 0 && !o.screenshot.empty()) {
                if (auto s = gpu::write_png(o.screenshot, presenter->pixels()); !s) {
                    std::fprintf(stderr, "myoview: %s\n", s.error().full_text().c_str());
                    exit_code = kExitInput;
                } else {
                    log::info("wrote " + o.screenshot);
                }
            }
        }
        ring.drain();
        if (selected) selected_id = renderer->mesh_name(*selected);
    }

    const int messages = ctx->validation_messages();
    if (!o.report.empty()) {
        nlohmann::json report = simulation ? simulation->report_json() : nlohmann::json::object();
        if (posture_start) report["posture_start"] = *posture_start;
        report["selected"] = selected_id;
        const nlohmann::json sim_timing = report.contains("timing") ? report["timing"] : nlohmann::json::object();
        report["timing"] = {{"frames", frame_stats.count()},
                            {"frame_ms_median", frame_stats.percentile(50.0)},
                            {"frame_ms_p95", frame_stats.percentile(95.0)},
                            {"frame_ms_median_first_tenth", frame_stats.median_of_span(0.0, 0.1)},
                            {"frame_ms_median_last_tenth", frame_stats.median_of_span(0.9, 1.0)}};
        for (const auto& [key, value] : sim_timing.items()) report["timing"][key] = value;
        report["mode"] = window ? "window" : "headless";
        report["device"] = ctx->device.physical().name();
        report["validation"] = {{"enabled", o.validate}, {"messages", messages}};
        report["swapchain_recreations"] = recreations;
        report["model"] = {{"path", model->source_path},
                           {"meshes", stats.meshes},
                           {"vertices", stats.vertices},
                           {"triangles", stats.triangles},
                           {"bones", stats.bones}};
        if (auto s = write_report(o.report, report); !s) {
            std::fprintf(stderr, "myoview: %s\n", s.error().message.c_str());
            if (exit_code == 0) exit_code = kExitInput;
        }
    }
    if (o.validate) log::info("Vulkan validation messages: " + std::to_string(messages));
    // Teardown order: GPU objects (scope above), then the context (device, surface, instance), then the window.
    ctx.reset();
    window.reset();
    return exit_code;
}

}  // namespace myoview::app
