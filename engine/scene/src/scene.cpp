#include "myoview/scene/scene.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <exception>
#include <string_view>

#include "myoview/base/log.h"
#include "myoview/scene/referral.h"

namespace myoview::scene {
namespace {

float aspect_of(glm::uvec2 viewport) {
    return static_cast<float>(std::max(viewport.x, 1u)) / static_cast<float>(std::max(viewport.y, 1u));
}

// Muscles of the story that carry a label; each is labelled on one side only (whichever the screen shows further
// left, away from the controls on the right).
constexpr std::array<std::string_view, 12> kLabelled{
    "pec_major_sternal", "pec_major_clavicular", "pec_minor",       "deltoid_anterior",
    "trapezius_upper",   "trapezius_middle",     "trapezius_lower", "rhomboid_major",
    "deltoid_posterior", "serratus_anterior",    "sternocleidomastoid", "levator_scapulae"};
constexpr int kLabelRecheckCalls = 15;

// Runs simulation work; a MuJoCo error that escaped the simulation's own handling becomes an Error.
template <typename Work>
Status guarded(Work&& work) {
    try {
        work();
        return Ok{};
    } catch (const std::exception& e) {
        return Error(std::string("the simulation failed: ") + e.what());
    }
}

// Where world point p lands in a w x h view (pixels, y down as the framebuffer), or nothing behind the eye.
std::optional<glm::vec2> to_pixels(const glm::mat4& view_proj, glm::vec3 p, float w, float h) {
    const glm::vec4 clip = view_proj * glm::vec4(p, 1.0f);
    if (clip.w <= 0.0f) return std::nullopt;
    return glm::vec2((clip.x / clip.w * 0.5f + 0.5f) * w, (clip.y / clip.w * 0.5f + 0.5f) * h);
}

// A label layout begun: the figure's centre (returned) and the free area, in pixels; nothing when the camera's target
// is behind the eye.
std::optional<glm::vec2> begin_layout(LabelLayout& out, const render::OrbitCamera& camera, const glm::mat4& view_proj,
                                      float w, float h) {
    const auto centre = to_pixels(view_proj, camera.target(), w, h);
    if (!centre) return std::nullopt;
    out.figure_centre = *centre;
    out.free_px = camera.screen_window() * glm::vec4(w, h, w, h);
    return centre;
}

}  // namespace

// Designated initialisers: the two structs list their fields in different orders, and a field added to one is a
// compile error here until it is added to the other.
LayerVisibility to_visibility(const scenario::Layers& l) {
    return {.skin = l.skin, .superficial = l.superficial, .xray_superficial = l.xray, .deep = l.deep,
            .bones = l.bones, .labels = l.labels, .labels_all = l.labels_all, .ghost = l.ghost, .cut = l.cut};
}

scenario::Layers to_scenario_layers(const LayerVisibility& l) {
    return {.skin = l.skin, .superficial = l.superficial, .xray = l.xray_superficial, .deep = l.deep,
            .bones = l.bones, .labels = l.labels, .ghost = l.ghost, .cut = l.cut, .labels_all = l.labels_all};
}

Scene::Scene(MeshSet meshes, std::optional<sim::Simulation> simulation, std::optional<anatomy::Catalog> catalog)
    : meshes_(std::move(meshes)), simulation_(std::move(simulation)), catalog_(std::move(catalog)) {}

Result<std::unique_ptr<Scene>> Scene::create(const assets::Model& model, std::optional<sim::Simulation> simulation,
                            std::optional<anatomy::Catalog> catalog, const SceneOptions& options, glm::uvec2 viewport) {
    auto meshes = MeshSet::from_model(model);
    if (!meshes) return meshes.error();
    std::unique_ptr<Scene> owner(new Scene(std::move(meshes).value(), std::move(simulation), std::move(catalog)));
    Scene& scene = *owner;
    const MeshSet& set = scene.meshes_;
    scene.language_ = options.language;
    if (options.layers) scene.layers_ = *options.layers;
    scene.tension_colours_ = options.tension_colours;
    scene.story_ = options.story;
    scene.frame_.meshes.resize(set.size());
    scene.mesh_layers_.resize(set.size());
    for (std::size_t i = 0; i < set.size(); ++i) {
        render::MeshDrawState& st = scene.frame_.meshes[i];
        st.tint = glm::vec4(1.0f, 1.0f, 1.0f, set.mesh(i).base_color.a);
        // The body outline is a faint veil over the muscles: enough to show the silhouette, too little to wash out
        // the tension colours.
        if (set.mesh(i).id == "skin") {
            scene.skin_mesh_ = i;
            st.tint.a = kSkinOpacity;
            st.outline = true;
        }
        if (scene.catalog_) {
            if (const anatomy::Structure* s = scene.catalog_->find(set.mesh(i).id)) scene.mesh_layers_[i] = s->layer;
        }
    }
    scene.default_tint_.reserve(set.size());
    for (const auto& st : scene.frame_.meshes) scene.default_tint_.push_back(st.tint);
    for (std::string_view base : kLabelled) {
        const auto right = set.find(std::string(base) + "_r");
        const auto left = set.find(std::string(base) + "_l");
        if (right && left) {
            scene.labels_.push_back({*right, *left, false});
            scene.label_meshes_.insert(scene.label_meshes_.end(), {*right, *left});
        }
    }

    scene.isolated_id_ = options.isolate;
    scene.frame_bounds_ = model.bounds;
    if (!options.isolate.empty()) {
        const auto isolated = set.find(options.isolate);
        if (!isolated) {
            return Error("--isolate " + options.isolate +
                         ": no structure with that id in the model (see --list-structures)");
        }
        scene.frame_bounds_ = {};
        for (const auto& p : set.mesh(*isolated).positions) scene.frame_bounds_.extend(p);
    }
    if (!options.select.empty()) {
        if (auto s = scene.select(options.select); !s) return s.error();
    }
    scene.frame_.camera.set_preset(options.view);
    scene.frame_camera(viewport);

    if (scene.simulation_) {
        sim::Simulation& simulation_ref = *scene.simulation_;
        // The bind pose is the simulation's rest pose (MJCF qpos0), before any step: what the meshes were baked in.
        scene.binding_.emplace(set, simulation_ref.snapshot());
        scene.binding_->bind_trigger_points(model, simulation_ref.snapshot(), set);
        scene.therapy_.emplace(simulation_ref);
        // Settle into the preset's posture before the first frame (deterministic: fixed steps, no clock), so the
        // picture starts from the rounded posture, not from the model's neutral rest pose.
        scene.settle_s_ = options.settle_s;
        if (auto s = guarded([&] { simulation_ref.advance(options.settle_s); }); !s) return s.error();
        scene.posture_start_ = simulation_ref.report_json()["posture"];
        if (options.massage) scene.therapy_->start_massage();
        scene.binding_->apply(simulation_ref.snapshot(), scene.frame_, scene.tension_colours_);
        // The bones as they stand now: the ghost the session is compared with.
        if (options.ghost_pose) {
            // Another posture as the ghost: bind its poses into a scratch frame and take that frame's bones.
            render::SceneFrame ghost = scene.frame_;
            scene.binding_->apply(*options.ghost_pose, ghost, false);
            std::copy_n(ghost.palette.begin(), render::kMaxBones, scene.frame_.palette.begin() + render::kMaxBones);
        } else {
            std::copy_n(scene.frame_.palette.begin(), render::kMaxBones,
                        scene.frame_.palette.begin() + render::kMaxBones);
        }
        for (std::size_t i = 0; i < set.size(); ++i) {
            const anatomy::Structure* st = scene.catalog_ ? scene.catalog_->find(set.mesh(i).id) : nullptr;
            if (st != nullptr && st->kind == anatomy::Kind::kBone && st->body != "thorax") {
                scene.frame_.ghost_meshes.push_back(i);  // the bones that move against the trunk
            }
        }
        log::debug("bound " + std::to_string(scene.binding_->bound_bones()) + " bones, " +
                   std::to_string(scene.binding_->bound_muscles()) + " muscles to the simulation");
    }
    if (options.scenario) {
        if (auto s = scene.start_player(*options.scenario, false, viewport); !s) return s.error();
    } else if (options.story_start > 0 && scene.story_ && scene.therapy_) {
        if (auto s = scene.start_player(*scene.story_, true, viewport); !s) return s.error();
        if (auto s = scene.seek_step(options.story_start, viewport, true); !s) return s.error();
    }
    scene.apply_layers();
    scene.update_bound_state();
    return owner;
}

// Fits the bounds into the free part of the viewport (the camera's screen window).
void Scene::frame_camera(glm::uvec2 viewport) {
    frame_.camera.frame(frame_bounds_, frame_.camera.window_aspect(aspect_of(viewport)));
}

Status Scene::select(const std::string& id) {
    if (id.empty()) {
        selected_.reset();
        return Ok{};
    }
    const auto found = meshes_.find(id);
    if (!found) return Error("--select " + id + ": no structure with that id in the model (see --list-structures)");
    selected_ = found;
    return Ok{};
}

void Scene::apply_layers() {
    frame_.show_ghost = layers_.ghost;
    // The cutting plane faces the camera (its horizontal direction) through the target.
    glm::vec3 toward = frame_.camera.position() - frame_.camera.target();
    toward.z = 0.0f;
    const glm::vec3 n = glm::length(toward) > 1e-6f ? glm::normalize(toward) : glm::vec3(1.0f, 0.0f, 0.0f);
    frame_.cut_plane = glm::vec4(n, glm::dot(n, frame_.camera.target()));
    for (std::size_t i = 0; i < frame_.meshes.size(); ++i) {
        render::MeshDrawState& st = frame_.meshes[i];
        if (!isolated_id_.empty()) {  // isolation decides alone
            st.visible = meshes_.mesh(i).id == isolated_id_;
            continue;
        }
        st.cut = false;
        if (!mesh_layers_[i]) continue;
        st.cut = layers_.cut && (*mesh_layers_[i] == anatomy::Layer::kSkin || *mesh_layers_[i] == anatomy::Layer::kSuperficial);
        switch (*mesh_layers_[i]) {
            case anatomy::Layer::kSkin: st.visible = layers_.skin; break;
            case anatomy::Layer::kBone: st.visible = layers_.bones; break;
            case anatomy::Layer::kDeep: st.visible = layers_.deep; break;
            case anatomy::Layer::kSuperficial:
                st.visible = layers_.superficial;
                st.tint.a = layers_.xray_superficial ? kXrayOpacity : default_tint_[i].a;
                st.outline = layers_.xray_superficial;
                break;
        }
    }
}

Status Scene::apply(const Requests& r, glm::uvec2 viewport, UpdateInfo& info) {
    if (r.language) language_ = *r.language;
    if (r.tension_colours) tension_colours_ = *r.tension_colours;
    if (r.tension_view) frame_.tension_view = *r.tension_view;
    if (r.layers) layers_ = *r.layers;
    if (r.isolate) isolated_id_ = *r.isolate;
    if (r.toggle_isolate_selected) isolated_id_ = isolated_id_.empty() ? selected_id() : std::string();
    if (r.select) {
        if (auto s = select(*r.select); !s) return s;
    }
    if (r.view) {
        frame_.camera.set_preset(*r.view);
        frame_camera(viewport);
    }
    if (!therapy_) return Ok{};
    // PageDown / PageUp: the steps of the scenario playing, or else the clinic story, which starts at step 1.
    auto story_move = [&]() -> Status {
        if (r.story_step == std::nullopt && r.story == 0) return Ok{};
        if (!player_ || player_->scenario.steps.empty()) {
            if (!story_) return Ok{};
            if (auto s = start_player(*story_, true, viewport); !s) return s;
            return seek_step(r.story_step.value_or(1), viewport);
        }
        return seek_step(r.story_step.value_or(player_->step + r.story), viewport);
    };
    if (auto s = story_move(); !s) return s;
    return guarded([&] {
        if (r.preset) {
            if (auto s = therapy_->set_preset(*r.preset); !s) throw std::runtime_error(s.error().message);
            info.history_reset = true;
        }
        if (r.release) therapy_->set_release(*r.release);
        if (r.part_release) therapy_->set_part_release(r.part_release->first, r.part_release->second);
        if (r.intervention) simulation_->apply_intervention({*r.intervention, r.intervention_dose});
        if (r.time_lapse) simulation_->set_time_lapse(*r.time_lapse);
        if (r.massage) therapy_->start_massage();
        if (r.reset) {
            therapy_->reset();
            info.history_reset = true;
        }
        if (r.toggle_pause) therapy_->set_paused(!therapy_->paused());
        if (r.paused) therapy_->set_paused(*r.paused);
    });
}

void Scene::update_bound_state() {
    if (binding_ && simulation_) {
        binding_->apply(simulation_->snapshot(), frame_, tension_colours_);
        // The referred-pain zones of the selected muscle's trigger points, on the body outline.
        if (selected_ && skin_mesh_ && catalog_) {
            for (const render::HotSpot& spot :
                 referral_spots(meshes_.mesh(*selected_).id, simulation_->snapshot(), *binding_, *catalog_, *skin_mesh_)) {
                frame_.hot_spots.push_back(spot);
            }
        }
    }
    for (std::size_t i = 0; i < frame_.meshes.size(); ++i) {
        frame_.meshes[i].highlight = i == selected_ ? 0.45f : i == hovered_ ? 0.25f : 0.0f;
    }
}

Result<UpdateInfo> Scene::update(double dt, const Input& input, glm::uvec2 viewport) {
    UpdateInfo info;
    if (auto s = apply(input.requests, viewport, info); !s) return s.error();
    // The scenario's clock: its events fall due as requests; the simulation follows it except during a pause.
    double sim_dt = dt;
    if (player_) {
        Requests due;
        sim_dt = advance_player(dt, viewport, due);
        if (auto s = apply(due, viewport, info); !s) return s.error();
    }
    // The free area beside the panels: the picture moves there smoothly (about 0.15 s), at once the first time.
    if (input.free_area) {
        const glm::vec4 target = glm::clamp(*input.free_area, glm::vec4(0.0f), glm::vec4(1.0f));
        const glm::vec4 now = frame_.camera.screen_window();
        const bool first = !free_area_seen_;
        free_area_seen_ = true;
        const float w = first ? 1.0f : 1.0f - static_cast<float>(std::exp(-std::max(dt, 0.0) / 0.15));
        frame_.camera.set_screen_window(now + (target - now) * w);
        if (first) frame_camera(viewport);
    }
    if (input.orbit != glm::vec2(0.0f)) frame_.camera.orbit(input.orbit.x, input.orbit.y);
    if (input.pan != glm::vec2(0.0f)) frame_.camera.pan(input.pan.x, input.pan.y, static_cast<float>(viewport.y));
    if (input.zoom != 0.0f) frame_.camera.zoom(input.zoom);
    apply_layers();
    // Hover and click: a CPU ray cast against the posed meshes, only when the pointer moved or clicked.
    const float w = static_cast<float>(viewport.x), h = static_cast<float>(viewport.y);
    if (input.hover_lost) hovered_.reset();
    if (input.hover) hovered_ = meshes_.pick(frame_, input.hover->x, input.hover->y, w, h);
    if (input.click) selected_ = meshes_.pick(frame_, input.click->x, input.click->y, w, h);
    if (therapy_ && sim_dt > 0.0) {
        double dropped = 0.0;
        if (auto s = guarded([&] { dropped = therapy_->step(sim_dt); }); !s) return s.error();
        info.dropped_s = dropped;
    }
    if (dt > 0.0) time_s_ += dt;
    frame_.time_s = time_s_;
    update_bound_state();
    return info;
}

void Requests::merge(const Requests& more) {
    auto take = [](auto& a, const auto& b) {
        if (b) a = b;
    };
    take(preset, more.preset);
    take(release, more.release);
    take(part_release, more.part_release);
    if (more.intervention) {
        intervention = more.intervention;
        intervention_dose = more.intervention_dose;
    }
    take(time_lapse, more.time_lapse);
    massage = massage || more.massage;
    reset = reset || more.reset;
    toggle_pause = toggle_pause != more.toggle_pause;
    take(paused, more.paused);
    take(view, more.view);
    story += more.story;
    take(story_step, more.story_step);
    take(layers, more.layers);
    take(language, more.language);
    take(tension_colours, more.tension_colours);
    take(tension_view, more.tension_view);
    take(select, more.select);
    take(isolate, more.isolate);
    toggle_isolate_selected = toggle_isolate_selected || more.toggle_isolate_selected;
}

double Scene::length_vs_healthy(const sim::MuscleState& muscle) const {
    if (!binding_ || !simulation_) return 1.0;
    const auto& muscles = simulation_->snapshot().muscles;
    const auto index = static_cast<std::size_t>(&muscle - muscles.data());
    return index < muscles.size() ? binding_->length_vs_healthy(simulation_->snapshot(), index) : 1.0;
}

LabelLayout Scene::label_anchors(glm::uvec2 viewport) {
    LabelLayout out;
    if (viewport.x == 0 || viewport.y == 0) return out;
    const float w = static_cast<float>(viewport.x), h = static_cast<float>(viewport.y);
    const glm::mat4 view_proj = frame_.camera.projection(w / h) * frame_.camera.view();
    if (layers_.labels_all && catalog_) return all_anchors(viewport, view_proj);
    auto to_screen = [&](glm::vec3 p) { return to_pixels(view_proj, p, w, h); };
    const auto centre = begin_layout(out, frame_.camera, view_proj, w, h);
    if (!centre) return out;
    const bool recheck = label_calls_++ % kLabelRecheckCalls == 0;
    // The labelled meshes posed once per pose, not every frame.
    if (labels_.empty()) return out;
    if (posed_.update(meshes_, frame_, label_meshes_)) visibility_pose_dirty_ = true;
    struct Candidate {
        Label* label;
        std::size_t mesh;
        glm::vec2 anchor;
    };
    std::vector<Candidate> candidates;
    for (Label& label : labels_) {
        const auto right = to_screen(posed_.center(label.right));
        const auto left = to_screen(posed_.center(label.left));
        if (!right || !left) continue;
        const std::size_t mesh = right->x <= left->x ? label.right : label.left;
        if (!frame_.meshes[mesh].visible) continue;
        candidates.push_back({&label, mesh, mesh == label.right ? *right : *left});
    }
    // Shown only where this muscle is what the eye sees at its centre (not hidden behind another): one ray cast for
    // all the labels, every kLabelRecheckCalls calls.
    if (recheck) {
        std::vector<glm::vec2> pixels;
        for (const Candidate& c : candidates) pixels.push_back(c.anchor);
        const auto hits = meshes_.pick_all(frame_, pixels, w, h);
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            candidates[i].label->visible = hits[i] && *hits[i] == candidates[i].mesh;
        }
    }
    for (const Candidate& c : candidates) {
        if (c.label->visible) out.anchors.push_back({c.mesh, c.anchor, c.anchor.x < centre->x});
    }
    return out;
}

LabelLayout Scene::all_anchors(glm::uvec2 viewport, const glm::mat4& view_proj) {
    LabelLayout out;
    out.all = true;
    const float w = static_cast<float>(viewport.x), h = static_cast<float>(viewport.y);
    auto to_screen = [&](glm::vec3 p) { return to_pixels(view_proj, p, w, h); };
    const auto centre = begin_layout(out, frame_.camera, view_proj, w, h);
    if (!centre) return out;

    // Rebuild the ID image when what it shows changed (camera, viewport, layers, pose), at most every few calls: a
    // drag or the simulation changes it every frame, and the anchors below follow the camera in between.
    if (posed_.update(meshes_, frame_)) visibility_pose_dirty_ = true;
    VisibilityKey key{view_proj, viewport, {}};
    key.drawn.reserve(frame_.meshes.size());
    for (const render::MeshDrawState& st : frame_.meshes) {
        key.drawn.push_back(static_cast<std::uint8_t>((st.visible ? 1 : 0) | (st.cut ? 2 : 0) |
                                                      (st.tint.a < 0.999f ? 4 : 0)));
    }
    const bool changed = !visibility_key_ || !(*visibility_key_ == key) || visibility_pose_dirty_;
    // At once when the picture jumped (layers, the window's size, a preset view): the old anchors would name what is
    // no longer seen. A drag or the simulation moves it a little each frame: then every few calls.
    const glm::vec3 eye_dir = glm::normalize(frame_.camera.position() - frame_.camera.target());
    const bool jumped = visibility_key_ && (visibility_key_->drawn != key.drawn ||
                                            visibility_key_->viewport != key.viewport ||
                                            glm::dot(eye_dir, visibility_eye_dir_) < kVisibilityJumpCos);
    ++visibility_age_;
    if (!visibility_key_ || (changed && (visibility_age_ >= kVisibilityRecheckCalls || jumped))) {
        visibility_eye_dir_ = eye_dir;
        visibility_.build(meshes_, posed_, frame_, viewport);
        visibility_key_ = std::move(key);
        visibility_pose_dirty_ = false;
        visibility_age_ = 0;
    }
    out.figure_px = visibility_.figure_px();

    // Each name once: a muscle's two sides share their name, so the side seen more carries it.
    struct Candidate {
        std::size_t mesh;
        int pixels;
        std::string_view name;
    };
    std::vector<Candidate> candidates;
    const auto& seen = visibility_.meshes();
    for (std::size_t i = 0; i < seen.size() && i < frame_.meshes.size(); ++i) {
        if (seen[i].pixels < kMinLabelPixels || seen[i].inside_pixels == 0 || !frame_.meshes[i].visible) continue;
        const anatomy::Structure* s = catalog_->find(meshes_.mesh(i).id);
        if (!s || s->layer == anatomy::Layer::kSkin) continue;  // the veil over everything: its label names nothing
        candidates.push_back({i, seen[i].pixels, s->name(language_)});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.pixels > b.pixels; });
    std::vector<std::string_view> named;
    for (const Candidate& c : candidates) {
        if (std::find(named.begin(), named.end(), c.name) != named.end()) continue;
        named.push_back(c.name);
        const auto anchor = to_screen(seen[c.mesh].anchor);
        if (!anchor) continue;
        out.anchors.push_back({c.mesh, *anchor, anchor->x < centre->x, c.pixels});
    }
    return out;
}

}  // namespace myoview::scene
