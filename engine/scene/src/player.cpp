// Scenario playback: the scene's side of engine/scenario. The player turns a scenario's timeline into the same
// Requests the panels and keys make, moves the camera along eased paths, holds the simulation during pauses, and
// keeps the caption and story step on screen. Deterministic: the same file and the same dt sequence give the same
// frames (no clock is read here).
#include <algorithm>
#include <cmath>
#include <exception>

#include "myoview/scene/scene.h"

#include "myoview/sim/patient_fit.h"

namespace myoview::scene {
namespace {

constexpr double kSeekStep = 0.1;  // seconds per fast-forward step when a story step is jumped to
// --story N opens a step as the clinician would see it a moment after PageDown: its camera move done, its card open.
constexpr double kStepSetupS = 3.0;

double ease(scenario::Easing easing, double u) {
    u = std::clamp(u, 0.0, 1.0);
    return easing == scenario::Easing::kSmooth ? u * u * (3.0 - 2.0 * u) : u;
}

scenario::CameraPose lerp(const scenario::CameraPose& a, const scenario::CameraPose& b, double w) {
    const auto f = static_cast<float>(w);
    scenario::CameraPose p;
    p.yaw_deg = a.yaw_deg + (b.yaw_deg - a.yaw_deg) * f;
    p.pitch_deg = a.pitch_deg + (b.pitch_deg - a.pitch_deg) * f;
    // Distance eases in log space, so a zoom feels even from start to end.
    p.distance_m = a.distance_m * std::pow(b.distance_m / a.distance_m, f);
    p.target = a.target + (b.target - a.target) * f;
    return p;
}

render::ViewPreset view_of(const std::string& name) {
    render::ViewPreset preset = render::ViewPreset::kFront;
    render::parse_view_preset(name, preset);
    return preset;
}

}  // namespace

scenario::CameraPose Scene::camera_pose() const {
    const render::OrbitCamera& c = frame_.camera;
    return {c.yaw_deg(), c.pitch_deg(), c.distance(), c.target()};
}

scenario::CameraPose Scene::preset_pose(const std::string& view, glm::uvec2 viewport) const {
    render::OrbitCamera c = frame_.camera;
    c.set_preset(view_of(view));
    c.frame(frame_bounds_, c.window_aspect(static_cast<float>(std::max(viewport.x, 1u)) /
                                           static_cast<float>(std::max(viewport.y, 1u))));
    return {c.yaw_deg(), c.pitch_deg(), c.distance(), c.target()};
}

Status Scene::start_player(const scenario::Scenario& s, bool hold_at_steps, glm::uvec2 viewport) {
    player_.emplace();
    player_->scenario = s;
    player_->hold_at_steps = hold_at_steps;
    return restart_player(viewport);
}

Status Scene::restart_player(glm::uvec2 viewport) {
    Player& p = *player_;
    const scenario::Start& st = p.scenario.start;
    if (therapy_) {
        sim::Simulation& sim = *simulation_;
        Status status = Ok{};
        try {
            // A saved patient scene carries its fitted profile in the tissue blob: install it as the preset would be.
            const nlohmann::json* profile =
                st.tissue && st.tissue->contains("profile") ? &(*st.tissue)["profile"] : nullptr;
            if (profile != nullptr) {
                auto loaded = sim::Simulation::profile_from_json(*profile);
                if (!loaded) {
                    status = loaded.error();
                } else if (loaded->second != st.preset) {
                    status = Error("the saved tissue profile is '" + loaded->second + "' but the start's preset is '" +
                                   st.preset + "'");
                } else {
                    status = therapy_->set_profile(loaded->first, loaded->second);
                }
            } else if (st.preset == sim::kPatientProfileName) {
                status = Error("preset 'patient' needs the patient's tissue profile in \"tissue\" (a scene saved by "
                               "myoview with --patient-* carries it)");
            } else {
                status = therapy_->set_preset(st.preset);
            }
            if (status) {
                therapy_->reset();  // release 0, rest pose, t = 0, the preset's tissue
                therapy_->set_paused(false);
                sim.set_time_lapse(1.0);
                sim.set_release(st.release);
                for (std::size_t part = 0; part < st.part_release.size(); ++part) {
                    if (st.part_release[part]) sim.set_part_release(static_cast<sim::PecPart>(part), *st.part_release[part]);
                }
                if (st.tissue) status = sim.restore_tissue(*st.tissue);
                if (status) sim.advance(st.settle_s);
            }
        } catch (const std::exception& e) {
            status = Error(std::string("the simulation failed: ") + e.what());
        }
        if (!status) return status;
        settle_s_ = st.settle_s;
        posture_start_ = sim.report_json()["posture"];
        binding_->apply(sim.snapshot(), frame_, tension_colours_);
        std::copy_n(frame_.palette.begin(), render::kMaxBones, frame_.palette.begin() + render::kMaxBones);
    }
    layers_ = {st.layers.skin,   st.layers.superficial, st.layers.xray,  st.layers.deep, st.layers.bones,
               st.layers.labels, st.layers.labels_all,  st.layers.ghost, st.layers.cut};
    language_ = st.language;
    tension_colours_ = st.tension_colours;
    selected_ = st.select.empty() ? std::nullopt : meshes_.find(st.select);
    isolated_id_ = st.isolate;
    if (st.camera) {
        frame_camera(viewport);  // the scene's zoom range
        frame_.camera.set_pose(st.camera->yaw_deg, st.camera->pitch_deg, st.camera->distance_m, st.camera->target);
    } else {
        frame_.camera.set_preset(view_of(st.view));
        frame_camera(viewport);
    }
    p.t = 0.0;
    p.next = 0;
    p.started = true;
    p.holding = false;
    p.pause_until = -1.0;
    p.step = 0;
    p.caption.reset();
    p.caption_until = 0.0;
    p.camera.clear();
    p.release.reset();
    return Ok{};
}

double Scene::advance_player(double dt, glm::uvec2 viewport, Requests& r) {
    Player& p = *player_;
    const double t0 = p.t;
    double t1 = p.holding ? t0 : t0 + std::max(dt, 0.0);
    // Story mode: the clock stops at the next step's mark; that step's events wait for PageDown.
    std::optional<double> hold_at;
    if (p.hold_at_steps && p.step < static_cast<int>(p.scenario.steps.size())) {
        const double mark = p.scenario.steps[static_cast<std::size_t>(p.step)].t;
        if (p.step > 0 && mark <= t1) {
            t1 = std::max(mark, t0);
            hold_at = mark;
            p.holding = true;
        }
    }
    const auto& events = p.scenario.events;
    for (; p.next < events.size(); ++p.next) {
        const scenario::Event& e = events[p.next];
        if (hold_at ? e.t >= *hold_at : e.t > t1) break;
        std::visit(
            [&](const auto& a) {
                using A = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<A, scenario::Release>) {
                    if (a.duration_s > 0.0 && therapy_) {
                        p.release = ReleaseRamp{e.t, a.duration_s, therapy_->release(), a.value};
                    } else {
                        r.release = a.value;
                    }
                } else if constexpr (std::is_same_v<A, scenario::PartRelease>) {
                    r.part_release = std::make_pair(static_cast<sim::PecPart>(a.part), a.value);
                } else if constexpr (std::is_same_v<A, scenario::Massage>) {
                    r.massage = true;
                } else if constexpr (std::is_same_v<A, scenario::Intervention>) {
                    r.intervention = static_cast<sim::InterventionKind>(a.kind);
                    r.intervention_dose = a.dose;
                } else if constexpr (std::is_same_v<A, scenario::TimeLapse>) {
                    r.time_lapse = a.value;
                } else if constexpr (std::is_same_v<A, scenario::View>) {
                    scenario::CameraPose from = camera_pose();
                    scenario::CameraPose to = preset_pose(a.preset, viewport);
                    from.yaw_deg = std::fmod(from.yaw_deg, 360.0f);
                    while (to.yaw_deg - from.yaw_deg > 180.0f) to.yaw_deg -= 360.0f;  // the short way round
                    while (to.yaw_deg - from.yaw_deg < -180.0f) to.yaw_deg += 360.0f;
                    p.camera.push_back({e.t, a.duration_s, a.easing, from, to});
                } else if constexpr (std::is_same_v<A, scenario::Orbit>) {
                    const scenario::CameraPose from = camera_pose();
                    scenario::CameraPose to = from;
                    to.yaw_deg += static_cast<float>(a.yaw_deg);
                    to.pitch_deg = std::clamp(to.pitch_deg + static_cast<float>(a.pitch_deg), -85.0f, 85.0f);
                    p.camera.push_back({e.t, a.duration_s, a.easing, from, to});
                } else if constexpr (std::is_same_v<A, scenario::Zoom>) {
                    const scenario::CameraPose from = camera_pose();
                    scenario::CameraPose to = from;
                    to.distance_m = from.distance_m / static_cast<float>(a.factor);
                    p.camera.push_back({e.t, a.duration_s, a.easing, from, to});
                } else if constexpr (std::is_same_v<A, scenario::CameraMove>) {
                    p.camera.push_back({e.t, a.duration_s, a.easing, camera_pose(), a.pose});
                } else if constexpr (std::is_same_v<A, scenario::LayersEvent>) {
                    LayerVisibility l = r.layers.value_or(layers_);
                    const scenario::LayerChange& c = a.change;
                    l.skin = c.skin.value_or(l.skin);
                    l.superficial = c.superficial.value_or(l.superficial);
                    l.xray_superficial = c.xray.value_or(l.xray_superficial);
                    l.deep = c.deep.value_or(l.deep);
                    l.bones = c.bones.value_or(l.bones);
                    l.labels = c.labels.value_or(l.labels);
                    l.ghost = c.ghost.value_or(l.ghost);
                    l.cut = c.cut.value_or(l.cut);
                    l.labels_all = c.labels_all.value_or(l.labels_all);
                    r.layers = l;
                } else if constexpr (std::is_same_v<A, scenario::Select>) {
                    // An id the model lacks (a scenario written for the bundled model, shown on another) is ignored.
                    if (a.id.empty() || meshes_.find(a.id)) r.select = a.id;
                } else if constexpr (std::is_same_v<A, scenario::Isolate>) {
                    r.isolate = a.id;
                } else if constexpr (std::is_same_v<A, scenario::StoryStep>) {
                    p.step = a.index;
                } else if constexpr (std::is_same_v<A, scenario::CaptionEvent>) {
                    p.caption = p.next;
                    p.caption_until = a.caption.duration_s > 0.0 ? e.t + a.caption.duration_s : 0.0;
                } else if constexpr (std::is_same_v<A, scenario::Pause>) {
                    p.pause_until = std::max(p.pause_until, e.t + a.duration_s);
                } else if constexpr (std::is_same_v<A, scenario::LanguageEvent>) {
                    r.language = a.language;
                }
            },
            e.action);
    }
    p.t = t1;
    if (p.caption && p.caption_until > 0.0 && p.t >= p.caption_until) p.caption.reset();
    // The camera follows the animations in progress (the latest wins where two overlap); finished ones end at their
    // target and are dropped.
    for (const CameraAnimation& a : p.camera) {
        const double u = a.duration > 0.0 ? (p.t - a.start) / a.duration : 1.0;
        const scenario::CameraPose pose = lerp(a.from, a.to, ease(a.easing, u));
        frame_.camera.set_pose(pose.yaw_deg, pose.pitch_deg, pose.distance_m, pose.target);
    }
    std::erase_if(p.camera, [&](const CameraAnimation& a) { return p.t >= a.start + a.duration; });
    if (p.release && therapy_) {
        const double u = p.release->duration > 0.0 ? (p.t - p.release->start) / p.release->duration : 1.0;
        r.release = p.release->from + (p.release->to - p.release->from) * ease(scenario::Easing::kSmooth, u);
        if (u >= 1.0) p.release.reset();
    }
    // The simulation follows the scenario clock except during a pause.
    const double start = std::max(t0, p.pause_until);
    return std::max(0.0, t1 - start);
}

Status Scene::seek_step(int step, glm::uvec2 viewport, bool settle_step) {
    Player& p = *player_;
    const auto& steps = p.scenario.steps;
    if (steps.empty()) return Ok{};
    step = std::clamp(step, 1, static_cast<int>(steps.size()));
    const double target = steps[static_cast<std::size_t>(step) - 1].t;
    if (p.t > target || (p.t == target && p.step >= step)) {
        if (auto s = restart_player(viewport); !s) return s;
    }
    const bool hold = p.hold_at_steps;
    p.hold_at_steps = false;
    p.holding = false;
    Status status = Ok{};
    // Fast-forward without drawing: the simulation and the tissue clock follow, so the picture at the mark is the
    // one the scenario played through would show.
    auto run = [&](double dt) {
        Requests r;
        UpdateInfo info;
        const double sim_dt = advance_player(dt, viewport, r);
        if (status) status = apply(r, viewport, info);
        if (status && therapy_ && sim_dt > 0.0) {
            try {
                therapy_->step(sim_dt);
            } catch (const std::exception& e) {
                status = Error(std::string("the simulation failed: ") + e.what());
            }
        }
    };
    while (status && p.t < target) run(std::min(kSeekStep, target - p.t));
    if (status) run(0.0);  // the events at the mark itself
    p.hold_at_steps = hold;
    if (status && settle_step) {
        // Into the step, never past the next mark.
        const double end = step < static_cast<int>(steps.size()) ? std::min(target + kStepSetupS, steps[step].t) - 1e-9
                                                                  : target + kStepSetupS;
        p.hold_at_steps = false;
        while (status && p.t < end) run(std::min(kSeekStep, end - p.t));
        p.hold_at_steps = hold;
    }
    return status;
}

std::optional<Playback> Scene::playback() const {
    if (!player_) return std::nullopt;
    const Player& p = *player_;
    Playback out;
    out.t = p.t;
    out.duration_s = p.scenario.duration_s();
    out.finished = p.t >= out.duration_s - 1e-6;  // the clock sums frame steps: allow their rounding
    out.holding = p.holding;
    out.step = p.step;
    out.step_count = static_cast<int>(p.scenario.steps.size());
    if (p.step > 0 && p.step <= out.step_count) out.step_title = &p.scenario.steps[static_cast<std::size_t>(p.step) - 1].title;
    if (p.caption) out.caption = &std::get<scenario::CaptionEvent>(p.scenario.events[*p.caption].action).caption;
    return out;
}

scenario::Scenario Scene::snapshot_as_scenario() const {
    scenario::Scenario s;
    s.title = "Saved scene";
    scenario::Start& st = s.start;
    if (simulation_) {
        st.preset = simulation_->preset();
        st.release = simulation_->release();
        st.tissue = simulation_->tissue_json();
        st.settle_s = 30.0;  // the posture settles on the restored tissue from the rest pose, as at any start
    }
    st.camera = camera_pose();
    st.layers = {layers_.skin,  layers_.superficial, layers_.xray_superficial, layers_.deep, layers_.bones,
                 layers_.labels, layers_.ghost,      layers_.cut,              layers_.labels_all};
    st.language = language_;
    st.select = selected_id();
    st.isolate = isolated_id_;
    st.tension_colours = tension_colours_;
    return s;
}

}  // namespace myoview::scene
