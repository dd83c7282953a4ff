// The scene layer on the CPU, no Vulkan: picking and skinning against a frame's palette, and the scene's update
// on the shipped model and the real simulation (massage, layers, isolation, selection, story, determinism).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>
#include <string>
#include <utility>

#include <glm/gtc/matrix_transform.hpp>

#include "myoview/anatomy/catalog.h"
#include "myoview/assets/import.h"
#include "myoview/i18n/strings.h"
#include "myoview/scenario/scenario.h"
#include "myoview/scene/mesh_set.h"
#include "myoview/scene/scenario_files.h"
#include "myoview/scene/scene.h"
#include "myoview/sim/patient_fit.h"
#include "myoview/sim/simulation.h"
#include "shipped_scene.h"
#include "test_models.h"

namespace myoview::scene {
namespace {

using testing::box;
using testing::model_of;

constexpr glm::vec4 kRed{0.8f, 0.08f, 0.06f, 1.0f};
constexpr glm::vec4 kBlue{0.05f, 0.1f, 0.85f, 1.0f};

render::SceneFrame front_view_of(const MeshSet& set) {
    render::SceneFrame frame;
    frame.meshes.resize(set.size());
    frame.camera.set_preset(render::ViewPreset::kFront);  // on +x
    assets::Bounds b;
    b.extend(glm::vec3(-0.75f));
    b.extend(glm::vec3(0.75f));
    frame.camera.frame(b, 1.0f);
    return frame;
}

// Where world point p lands in a width x height view, in pixels.
glm::vec2 to_pixel(const render::OrbitCamera& camera, glm::vec3 p, float width, float height) {
    const glm::vec4 clip = camera.projection(width / height) * camera.view() * glm::vec4(p, 1.0f);
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    return {(ndc.x + 1.0f) * 0.5f * width, (ndc.y + 1.0f) * 0.5f * height};
}

TEST(Picking, TheMeshUnderThePixelIsPickedAndTheNearerOneWins) {
    auto set = MeshSet::from_model(model_of({box("near", glm::vec3(0.3f, 0.0f, 0.0f), glm::vec3(0.15f), kRed),
                                             box("far", glm::vec3(-0.3f, 0.0f, 0.0f), glm::vec3(0.3f), kBlue)}));
    ASSERT_TRUE(set) << set.error().full_text();
    render::SceneFrame frame = front_view_of(*set);
    const auto center = set->pick(frame, 200.0f, 200.0f, 400.0f, 400.0f);
    ASSERT_TRUE(center.has_value());
    EXPECT_EQ(set->mesh(*center).id, "near");
    const auto side = set->pick(frame, 250.0f, 200.0f, 400.0f, 400.0f);  // beside the small near box
    ASSERT_TRUE(side.has_value());
    EXPECT_EQ(set->mesh(*side).id, "far");
    EXPECT_FALSE(set->pick(frame, 2.0f, 2.0f, 400.0f, 400.0f).has_value()) << "a corner hits nothing";
    frame.meshes[*center].visible = false;  // hidden meshes are not pickable
    const auto behind = set->pick(frame, 200.0f, 200.0f, 400.0f, 400.0f);
    ASSERT_TRUE(behind.has_value());
    EXPECT_EQ(set->mesh(*behind).id, "far");
    frame.meshes[*center].visible = true;
    frame.meshes[*center].outline = true;  // nor is an outline (the skin veil)
    EXPECT_EQ(set->mesh(*set->pick(frame, 200.0f, 200.0f, 400.0f, 400.0f)).id, "far");
}

TEST(Picking, AMovedBoneMovesWhatIsPickedAndItsCentre) {
    assets::Mesh arm = box("near", glm::vec3(0.3f, 0.0f, 0.0f), glm::vec3(0.15f), kRed);
    arm.bones.push_back({"arm", glm::mat4(1.0f)});
    arm.joints.assign(arm.positions.size(), glm::uvec4(0u));
    arm.weights.assign(arm.positions.size(), glm::vec4(1.0f, 0.0f, 0.0f, 0.0f));
    auto set = MeshSet::from_model(model_of({std::move(arm), box("far", glm::vec3(-0.3f, 0.0f, 0.0f),
                                                                  glm::vec3(0.3f), kBlue)}));
    ASSERT_TRUE(set);
    ASSERT_EQ(set->bone_names(), std::vector<std::string>{"arm"});
    render::SceneFrame frame = front_view_of(*set);
    const glm::vec2 raised = to_pixel(frame.camera, glm::vec3(0.45f, 0.0f, 0.45f), 400.0f, 400.0f);
    auto name_at = [&](glm::vec2 px) {
        const auto hit = set->pick(frame, px.x, px.y, 400.0f, 400.0f);
        return hit ? set->mesh(*hit).id : std::string("(nothing)");
    };
    ASSERT_EQ(name_at({200.0f, 200.0f}), "near");
    ASSERT_NE(name_at(raised), "near");
    frame.palette[0] = glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.0f, 0.45f));
    EXPECT_EQ(name_at({200.0f, 200.0f}), "far") << "the raised box no longer hides the far one";
    EXPECT_EQ(name_at(raised), "near") << "the box is picked where its bone put it";
    EXPECT_NEAR(set->posed_center(*set->find("near"), frame).z, 0.45f, 1e-4f);
    EXPECT_NEAR(set->posed_center(*set->find("far"), frame).z, 0.0f, 1e-4f) << "a static mesh stays";
}

TEST(MeshSet, TooManyBonesOrNoTrianglesAreErrors) {
    assets::Model empty;
    empty.source_path = "empty.obj";
    auto none = MeshSet::from_model(empty);
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().message.find("empty.obj"), std::string::npos);
    assets::Mesh many = box("many", glm::vec3(0.0f), glm::vec3(0.1f), kRed);
    for (int i = 0; i < 40; ++i) many.bones.push_back({"bone" + std::to_string(i), glm::mat4(1.0f)});
    auto too_many = MeshSet::from_model(model_of({many}));
    ASSERT_FALSE(too_many);
    EXPECT_NE(too_many.error().message.find("more than 32"), std::string::npos);
}

// A scenario file's layers and the scene's are the same nine, each under its own name ("xray" is the x-ray of the
// superficial muscles): a start state, a "layers" event and a saved scene cross here.
TEST(LayerVisibility, EachLayerCrossesToTheScenarioFileAndBackUnderItsOwnName) {
    const std::pair<bool LayerVisibility::*, bool scenario::Layers::*> fields[] = {
        {&LayerVisibility::skin, &scenario::Layers::skin},
        {&LayerVisibility::superficial, &scenario::Layers::superficial},
        {&LayerVisibility::xray_superficial, &scenario::Layers::xray},
        {&LayerVisibility::deep, &scenario::Layers::deep},
        {&LayerVisibility::bones, &scenario::Layers::bones},
        {&LayerVisibility::labels, &scenario::Layers::labels},
        {&LayerVisibility::ghost, &scenario::Layers::ghost},
        {&LayerVisibility::cut, &scenario::Layers::cut},
        {&LayerVisibility::labels_all, &scenario::Layers::labels_all}};
    EXPECT_EQ(to_scenario_layers(LayerVisibility{}), scenario::Layers{}) << "the same defaults";
    for (std::size_t i = 0; i < std::size(fields); ++i) {
        const auto& [scene_field, file_field] = fields[i];
        LayerVisibility flipped;
        flipped.*scene_field = !(flipped.*scene_field);
        scenario::Layers expected;
        expected.*file_field = !(expected.*file_field);
        EXPECT_EQ(to_scenario_layers(flipped), expected) << "field " << i;
        EXPECT_EQ(to_visibility(expected), flipped) << "field " << i;
    }
}

double forward_shoulder(const Scene& s) { return s.simulation()->snapshot().posture.mean.forward_shoulder_mm; }

TEST_F(ShippedScene, MassageRampsTheReleaseAndTheShouldersComeBack) {
    auto scene = make();
    ASSERT_TRUE(scene);
    const double before = forward_shoulder(*scene);
    const double load_before = sim::upper_back_load(scene->simulation()->snapshot());
    Input input;
    input.requests.massage = true;
    ASSERT_TRUE(scene->update(0.0, input, kViewport));
    EXPECT_TRUE(scene->therapy()->massaging());
    ASSERT_TRUE(scene->update(2.0, {}, kViewport));
    EXPECT_GT(scene->therapy()->release(), 0.3) << "halfway through the 4 s ramp";
    EXPECT_LT(scene->therapy()->release(), 0.7);
    for (int i = 0; i < 28; ++i) ASSERT_TRUE(scene->update(1.0, {}, kViewport));
    EXPECT_DOUBLE_EQ(scene->therapy()->release(), 1.0);
    EXPECT_FALSE(scene->therapy()->massaging());
    EXPECT_LT(forward_shoulder(*scene), before - 5.0) << "the shoulders settle back by millimetres";
    EXPECT_LT(sim::upper_back_load(scene->simulation()->snapshot()), load_before) << "the back's load drops";
}

TEST_F(ShippedScene, TheFrameCarriesThePoseTensionAndGhost) {
    auto scene = make();
    ASSERT_TRUE(scene);
    const render::SceneFrame& f = scene->frame();
    ASSERT_EQ(f.meshes.size(), scene->meshes().size());
    const auto pec = scene->meshes().find("pec_minor_r");
    const auto rhomboid = scene->meshes().find("rhomboid_major_r");
    ASSERT_TRUE(pec && rhomboid);
    EXPECT_GT(f.meshes[*pec].tension, 0.0f) << "muscles are coloured by tension";
    EXPECT_LT(f.meshes[*pec].length_ratio, 1.0f) << "the desk worker's pec minor is shorter than healthy";
    EXPECT_FALSE(f.ghost_meshes.empty());
    int moved = 0;  // the live pose differs from the rest pose (identity) for the moving bodies
    for (std::size_t b = 0; b < scene->meshes().bone_names().size(); ++b) {
        if (f.palette[b] != glm::mat4(1.0f)) ++moved;
    }
    EXPECT_GE(moved, 8);
    const glm::mat4 ghost_before = f.palette[render::kMaxBones + 4];
    Input massage;
    massage.requests.release = 1.0;
    ASSERT_TRUE(scene->update(0.0, massage, kViewport));
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(scene->update(0.5, {}, kViewport));
    EXPECT_EQ(f.palette[render::kMaxBones + 4], ghost_before) << "the ghost keeps the starting posture";
    EXPECT_NE(f.palette[4], ghost_before) << "while the live pose moves";
    EXPECT_LT(scene->frame().meshes[*pec].tension, 0.9f);
}

// Picking poses only the meshes whose bound a ray meets: the bound, from per-bone boxes, must hold every posed vertex
// of every mesh, in the desk worker's pose and after the massage has moved the shoulders.
TEST_F(ShippedScene, EveryPosedVertexLiesInsideItsMeshsPosedBox) {
    auto scene = make();
    ASSERT_TRUE(scene);
    auto check = [&](const char* when) {
        const render::SceneFrame& f = scene->frame();
        const MeshSet& set = scene->meshes();
        std::size_t boxed = 0;
        for (std::size_t m = 0; m < set.size(); ++m) {
            const SceneMesh::Box box = set.posed_box(m, f);
            boxed += set.mesh(m).boxed ? 1 : 0;
            for (std::size_t v = 0; v < set.mesh(m).positions.size(); ++v) {
                const glm::vec3 p = set.posed_vertex(m, v, f);
                const glm::vec3 slack(1e-5f);
                ASSERT_TRUE(glm::all(glm::greaterThanEqual(p, box.lo - slack)) &&
                            glm::all(glm::lessThanEqual(p, box.hi + slack)))
                    << when << ": vertex " << v << " of " << set.mesh(m).id << " lies outside its box";
            }
        }
        EXPECT_EQ(boxed, set.size()) << when << ": the bundled model's weights all allow the bound";
    };
    check("at the start");
    Input massage;
    massage.requests.release = 1.0;
    ASSERT_TRUE(scene->update(0.0, massage, kViewport));
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(scene->update(0.5, {}, kViewport));
    check("after the massage");
}

TEST_F(ShippedScene, LayersIsolationAndSelection) {
    auto scene = make();
    ASSERT_TRUE(scene);
    const auto humerus = scene->meshes().find("humerus_r");
    const auto pec_major = scene->meshes().find("pec_major_sternal_r");
    const auto skin = scene->meshes().find("skin");
    ASSERT_TRUE(humerus && pec_major && skin);
    EXPECT_TRUE(scene->frame().meshes[*humerus].visible);
    Input input;
    LayerVisibility layers;
    layers.bones = false;
    layers.xray_superficial = true;
    input.requests.layers = layers;
    ASSERT_TRUE(scene->update(0.0, input, kViewport));
    EXPECT_FALSE(scene->frame().meshes[*humerus].visible);
    EXPECT_FLOAT_EQ(scene->frame().meshes[*pec_major].tint.a, Scene::kXrayOpacity);
    EXPECT_TRUE(scene->frame().meshes[*pec_major].outline);
    EXPECT_FLOAT_EQ(scene->frame().meshes[*skin].tint.a, Scene::kSkinOpacity);

    Input isolate;
    isolate.requests.isolate = "pec_major_sternal_r";
    ASSERT_TRUE(scene->update(0.0, isolate, kViewport));
    int visible = 0;
    for (const auto& m : scene->frame().meshes) visible += m.visible ? 1 : 0;
    EXPECT_EQ(visible, 1);
    EXPECT_TRUE(scene->frame().meshes[*pec_major].visible);

    Input select;
    select.requests.select = "pec_minor_l";
    select.requests.isolate = "";
    ASSERT_TRUE(scene->update(0.0, select, kViewport));
    EXPECT_EQ(scene->selected_id(), "pec_minor_l");
    EXPECT_FLOAT_EQ(scene->frame().meshes[*scene->meshes().find("pec_minor_l")].highlight, 0.45f);
    bool zone = false;  // a pec minor's trigger points refer to zones drawn on the body outline
    for (const auto& h : scene->frame().hot_spots) zone = zone || (h.zone && h.mesh == *skin);
    EXPECT_TRUE(zone);
    Input bad;
    bad.requests.select = "no_such_muscle";
    EXPECT_FALSE(scene->update(0.0, bad, kViewport));
}

// The cutting plane takes away the near half of the skin and the superficial muscles: from the front, pec minor
// shows under pec major, and a click there picks it.
TEST_F(ShippedScene, TheCuttingPlaneRevealsTheDeepLayer) {
    auto scene = make();
    ASSERT_TRUE(scene);
    const auto pec_minor = *scene->meshes().find("pec_minor_r");
    const auto pec_major = *scene->meshes().find("pec_major_sternal_r");
    const glm::vec3 centre = scene->meshes().posed_center(pec_minor, scene->frame());
    const glm::vec2 px = to_pixel(scene->frame().camera, centre, 640.0f, 400.0f);
    Input click;
    click.click = px;
    ASSERT_TRUE(scene->update(0.0, click, kViewport));
    ASSERT_TRUE(scene->selected());
    EXPECT_NE(scene->selected_id(), "pec_minor_r") << "without the cut, pec major (or the skin's muscles) hide it";
    Input cut;
    LayerVisibility layers;
    layers.cut = true;
    cut.requests.layers = layers;
    cut.click = px;
    ASSERT_TRUE(scene->update(0.0, cut, kViewport));
    const render::SceneFrame& f = scene->frame();
    EXPECT_TRUE(f.meshes[pec_major].cut);
    EXPECT_TRUE(f.meshes[*scene->meshes().find("skin")].cut);
    EXPECT_FALSE(f.meshes[pec_minor].cut) << "the deep layer stays whole";
    EXPECT_NEAR(f.cut_plane.x, 1.0f, 0.01f) << "from the front (camera on +x) the plane faces +x";
    EXPECT_EQ(scene->selected_id(), "pec_minor_r") << "through the cut, the click reaches pec minor";
}

// "Label everything": the ids the scene anchors a label to, seen from `view` with the cutting plane on or off.
std::vector<std::string> labelled(Scene& scene, render::ViewPreset view, bool cut, glm::uvec2 viewport) {
    Input input;
    LayerVisibility layers;
    layers.labels_all = true;
    layers.cut = cut;
    input.requests.layers = layers;
    input.requests.view = view;
    EXPECT_TRUE(scene.update(0.0, input, viewport));
    const LabelLayout layout = scene.label_anchors(viewport);
    EXPECT_TRUE(layout.all);
    std::vector<std::string> ids;
    for (const LabelAnchor& a : layout.anchors) {
        ids.push_back(scene.meshes().mesh(a.mesh).id);
        EXPECT_GE(a.visible_px, Scene::kMinLabelPixels);
    }
    return ids;
}

bool any_starts_with(const std::vector<std::string>& ids, std::string_view prefix) {
    return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return id.rfind(prefix, 0) == 0; });
}

TEST_F(ShippedScene, LabelEverythingNamesWhatTheEyeSeesAndNotWhatIsHidden) {
    auto scene = make();
    ASSERT_TRUE(scene);
    constexpr glm::uvec2 kWide{1280, 720};
    const auto front = labelled(*scene, render::ViewPreset::kFront, false, kWide);
    EXPECT_TRUE(any_starts_with(front, "pec_major_")) << "the chest's surface";
    EXPECT_TRUE(any_starts_with(front, "deltoid_"));
    EXPECT_TRUE(any_starts_with(front, "clavicle_"));
    EXPECT_FALSE(any_starts_with(front, "pec_minor_")) << "under pec major";
    EXPECT_FALSE(any_starts_with(front, "skin")) << "the veil is not a label";
    EXPECT_GT(front.size(), 30u);
    const auto back = labelled(*scene, render::ViewPreset::kBack, false, kWide);
    EXPECT_TRUE(any_starts_with(back, "trapezius_"));
    EXPECT_TRUE(any_starts_with(back, "latissimus_dorsi_"));
    EXPECT_FALSE(any_starts_with(back, "rhomboid_")) << "under the trapezius";
    EXPECT_FALSE(any_starts_with(back, "pec_")) << "the chest is on the far side";
    // The back view straight after the front (a jump): the ID image is redrawn at once, not a few frames later.
    const auto back_cut = labelled(*scene, render::ViewPreset::kBack, true, kWide);
    EXPECT_TRUE(any_starts_with(back_cut, "rhomboid_")) << "the cut takes the trapezius away";
    const auto front_cut = labelled(*scene, render::ViewPreset::kFront, true, kWide);
    EXPECT_TRUE(any_starts_with(front_cut, "pec_minor_")) << "the cut takes pec major away";
    EXPECT_FALSE(any_starts_with(front_cut, "pec_major_"));
    // x-ray: the superficial muscles are see-through, so both they and the deep layer under them are seen.
    Input xray;
    LayerVisibility layers;
    layers.labels_all = true;
    layers.xray_superficial = true;
    xray.requests.layers = layers;
    xray.requests.view = render::ViewPreset::kFront;
    ASSERT_TRUE(scene->update(0.0, xray, kWide));
    std::vector<std::string> ids;
    for (const LabelAnchor& a : scene->label_anchors(kWide).anchors) ids.push_back(scene->meshes().mesh(a.mesh).id);
    EXPECT_TRUE(any_starts_with(ids, "pec_minor_"));
    EXPECT_TRUE(any_starts_with(ids, "pec_major_"));
}

TEST_F(ShippedScene, LabelAnchorsLieOnTheStructureTheyName) {
    auto scene = make();
    ASSERT_TRUE(scene);
    constexpr glm::uvec2 kWide{1280, 720};
    (void)labelled(*scene, render::ViewPreset::kFront, false, kWide);
    const LabelLayout layout = scene->label_anchors(kWide);
    ASSERT_FALSE(layout.anchors.empty());
    EXPECT_LT(layout.figure_px.x, layout.figure_px.z);
    // A pick at each of the largest anchors finds the structure named (the ID image is a sixteenth of the pixels,
    // so a small structure's anchor may sit a pixel off its edge: the larger ones are checked).
    int checked = 0, on = 0;
    for (const LabelAnchor& a : layout.anchors) {
        if (a.visible_px < 60) continue;
        ++checked;
        const auto hit = scene->meshes().pick(scene->frame(), a.anchor.x, a.anchor.y, 1280.0f, 720.0f);
        if (hit && *hit == a.mesh) ++on;
        else ADD_FAILURE() << scene->meshes().mesh(a.mesh).id << " at " << a.anchor.x << ", " << a.anchor.y;
    }
    EXPECT_GT(checked, 10);
    EXPECT_EQ(on, checked);
    // Names are given once: a muscle's two sides share theirs.
    std::vector<std::string> names;
    for (const LabelAnchor& a : layout.anchors) {
        names.emplace_back(scene->catalog()->find(scene->meshes().mesh(a.mesh).id)->name("en"));
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
}

TEST_F(ShippedScene, AClickPicksTheMuscleUnderThePointer) {
    auto scene = make();
    ASSERT_TRUE(scene);
    // The right pec major's posed centre, projected: a click there selects it (the skin veil is not pickable).
    const auto pec = *scene->meshes().find("pec_major_sternal_r");
    const glm::vec3 centre = scene->meshes().posed_center(pec, scene->frame());
    const glm::vec2 px = to_pixel(scene->frame().camera, centre, 640.0f, 400.0f);
    Input click;
    click.click = px;
    ASSERT_TRUE(scene->update(0.0, click, kViewport));
    ASSERT_TRUE(scene->selected());
    EXPECT_EQ(scene->selected_id().rfind("pec_major", 0), 0u) << scene->selected_id();
    Input empty_click;
    empty_click.click = glm::vec2(3.0f, 3.0f);
    ASSERT_TRUE(scene->update(0.0, empty_click, kViewport));
    EXPECT_FALSE(scene->selected()) << "a click on the background closes the card";
}

// The clinic story (assets/scenarios/clinic-story.json) as PageDown / PageUp walk it: each step plays from its mark
// and holds at the next one.
TEST_F(ShippedScene, PageDownWalksTheClinicStoryStepByStep) {
    SceneOptions options;
    options.story = clinic_story();
    auto scene = make(options);
    ASSERT_TRUE(scene);
    EXPECT_FALSE(scene->playback()) << "nothing plays until PageDown";
    Input next;
    next.requests.story = +1;
    ASSERT_TRUE(scene->update(0.0, next, kViewport));
    ASSERT_TRUE(scene->playback());
    EXPECT_EQ(scene->playback()->step, 1);
    EXPECT_EQ(scene->playback()->step_count, 6);
    ASSERT_NE(scene->playback()->caption, nullptr);
    EXPECT_EQ(scene->playback()->caption->key, "story.1.text");
    for (int i = 0; i < 30; ++i) ASSERT_TRUE(scene->update(0.1, {}, kViewport));
    EXPECT_NEAR(scene->frame().camera.yaw_deg(), 90.0f, 1.0f) << "step 1 turns to the left view in 2.5 s";
    for (int i = 0; i < 20; ++i) ASSERT_TRUE(scene->update(1.0, {}, kViewport));
    EXPECT_TRUE(scene->playback()->holding) << "it waits at step 2's mark";
    EXPECT_DOUBLE_EQ(scene->playback()->t, 12.0);
    EXPECT_EQ(scene->playback()->step, 1);

    ASSERT_TRUE(scene->update(0.0, next, kViewport));
    ASSERT_TRUE(scene->update(1.0, {}, kViewport));
    EXPECT_EQ(scene->playback()->step, 2);
    EXPECT_EQ(scene->selected_id(), "pec_minor_r") << "step 2 opens pec minor's card";
    ASSERT_TRUE(scene->update(0.0, next, kViewport));
    ASSERT_TRUE(scene->update(0.0, next, kViewport));
    ASSERT_TRUE(scene->update(3.0, {}, kViewport));
    EXPECT_EQ(scene->playback()->step, 4);
    EXPECT_TRUE(scene->therapy()->massaging()) << "step 4 starts the massage";

    Input back;
    back.requests.story = -1;
    ASSERT_TRUE(scene->update(0.0, back, kViewport));
    ASSERT_TRUE(scene->update(1.0, {}, kViewport));
    EXPECT_EQ(scene->playback()->step, 3);
    EXPECT_EQ(scene->selected_id(), "trapezius_middle_r");
    EXPECT_FALSE(scene->therapy()->massaging()) << "going back replays the story up to step 3: no massage yet";
    EXPECT_DOUBLE_EQ(scene->therapy()->release(), 0.0);
}

// A scenario played twice gives the same numbers and the same frames; a saved scene reopened shows the same.
TEST_F(ShippedScene, AScenarioPlaysDeterministicallyAndASavedSceneReopensTheSame) {
    const scenario::Scenario story = clinic_story();
    auto play = [&] {
        SceneOptions options;
        options.scenario = story;
        auto scene = make(options);
        for (int i = 0; i < 84 * 10 && scene; ++i) EXPECT_TRUE(scene->update(0.1, {}, kViewport));
        return scene;
    };
    auto a = play();
    auto b = play();
    ASSERT_TRUE(a && b);
    EXPECT_TRUE(a->playback()->finished);
    EXPECT_EQ(a->simulation()->report_json()["posture"], b->simulation()->report_json()["posture"]);
    EXPECT_EQ(a->frame().palette, b->frame().palette);
    EXPECT_EQ(a->frame().camera.view(), b->frame().camera.view());
    EXPECT_DOUBLE_EQ(a->therapy()->release(), 1.0) << "the story's massage released the chest";

    // Saved and reopened: the same tissue, camera and selection; the posture within a fraction of a millimetre.
    scenario::Scenario saved = a->snapshot_as_scenario();
    auto text = scenario::to_json(saved).dump();
    auto reparsed = scenario::parse(text, "saved.json", shipped_vocabulary());
    ASSERT_TRUE(reparsed) << reparsed.error().full_text();
    SceneOptions options;
    options.scenario = *reparsed;
    auto c = make(options, "neutral");
    ASSERT_TRUE(c);
    ASSERT_TRUE(c->update(0.0, {}, kViewport));
    EXPECT_EQ(c->simulation()->preset(), "desk-worker");
    // The tissue as saved (the 30 s settle on the tissue clock relaxes it by ~1e-6 toward the preset).
    const nlohmann::json saved_muscles = a->simulation()->tissue_json()["muscles"];  // copies: tissue_json() is a value
    const nlohmann::json reopened = c->simulation()->tissue_json()["muscles"];
    ASSERT_EQ(saved_muscles.size(), reopened.size());
    for (std::size_t i = 0; i < saved_muscles.size(); ++i) {
        for (const char* field : {"tone", "shortening", "stiffness"}) {
            EXPECT_NEAR(reopened[i][field].get<double>(), saved_muscles[i][field].get<double>(), 1e-4)
                << saved_muscles[i]["id"] << " " << field;
        }
    }
    const double tone_desk_worker = make({}, "desk-worker")->simulation()->tissue("pec_minor_r").tone;
    EXPECT_GT(tone_desk_worker, c->simulation()->tissue("pec_minor_r").tone + 0.01) << "and not the preset's";
    EXPECT_NEAR(forward_shoulder(*c), forward_shoulder(*a), 0.5);
    EXPECT_NEAR(c->frame().camera.yaw_deg(), a->frame().camera.yaw_deg(), 1e-4f);
    EXPECT_EQ(c->selected_id(), a->selected_id());
}

// The patient view: the fitted posture on screen, the healthy (neutral) posture as the ghost; saved as a scene and
// reopened, the same posture (the fitted profile travels in the tissue blob under the preset name "patient").
TEST_F(ShippedScene, APatientSceneShowsTheHealthyGhostAndReopensWithThePatientsPosture) {
    auto catalog = anatomy::Catalog::load(anatomy::default_catalog_path());
    ASSERT_TRUE(catalog);
    auto sim = sim::Simulation::load();
    ASSERT_TRUE(sim);
    auto fit = sim::fit_patient({42.0, 80.0, std::nullopt}, *sim);
    ASSERT_TRUE(fit) << fit.error().message;
    ASSERT_TRUE(fit->within_tolerance) << fit->to_json().dump();
    auto healthy = sim::Simulation::load();
    ASSERT_TRUE(healthy);
    ASSERT_TRUE(healthy->set_preset("neutral"));
    healthy->advance(30.0);
    SceneOptions options;
    options.ghost_pose = healthy->snapshot();
    ASSERT_TRUE(sim->set_profile(fit->profile, sim::kPatientProfileName));
    auto created = Scene::create(*model_, std::move(sim).value(), *catalog, options, kViewport);
    ASSERT_TRUE(created) << created.error().full_text();
    const Scene& a = *created.value();
    EXPECT_NEAR(a.simulation()->snapshot().posture.craniovertebral_angle_deg, 42.0, sim::kCvaToleranceDeg);
    EXPECT_NEAR(forward_shoulder(a), 80.0, sim::kForwardShoulderToleranceMm);

    // The ghost is the neutral scene's own start, bone for bone, and not the patient's.
    auto neutral = make({}, "neutral");
    ASSERT_TRUE(neutral);
    const auto& pa = a.frame().palette;
    const auto& pn = neutral->frame().palette;
    EXPECT_TRUE(std::equal(pa.begin() + render::kMaxBones, pa.end(), pn.begin() + render::kMaxBones));
    EXPECT_FALSE(std::equal(pa.begin(), pa.begin() + render::kMaxBones, pa.begin() + render::kMaxBones));

    scenario::Scenario saved = a.snapshot_as_scenario();
    EXPECT_EQ(saved.start.preset, "patient");
    auto reparsed = scenario::parse(scenario::to_json(saved).dump(), "saved.json", shipped_vocabulary());
    ASSERT_TRUE(reparsed) << reparsed.error().full_text();
    SceneOptions reopen;
    reopen.scenario = *reparsed;
    auto c = make(reopen, "neutral");
    ASSERT_TRUE(c);
    ASSERT_TRUE(c->update(0.0, {}, kViewport));
    EXPECT_EQ(c->simulation()->preset(), "patient");
    EXPECT_NEAR(c->simulation()->snapshot().posture.craniovertebral_angle_deg,
                a.simulation()->snapshot().posture.craniovertebral_angle_deg, 0.05);
    EXPECT_NEAR(forward_shoulder(*c), forward_shoulder(a), 0.5);

    // "patient" without its profile is refused with a message, not shown as some other posture.
    scenario::Scenario bare = *reparsed;
    bare.start.tissue.reset();
    SceneOptions bare_options;
    bare_options.scenario = bare;
    auto sim2 = sim::Simulation::load();
    ASSERT_TRUE(sim2);
    auto refused = Scene::create(*model_, std::move(sim2).value(), *catalog, bare_options, kViewport);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("patient's tissue profile"), std::string::npos) << refused.error().message;
}

TEST_F(ShippedScene, TheSameInputsGiveTheSameFrames) {
    auto a = make();
    auto b = make();
    ASSERT_TRUE(a && b);
    for (int i = 0; i < 90; ++i) {
        Input input;
        if (i == 10) input.requests.massage = true;
        if (i == 40) input.orbit = glm::vec2(30.0f, -5.0f);
        ASSERT_TRUE(a->update(1.0 / 30.0, input, kViewport));
        ASSERT_TRUE(b->update(1.0 / 30.0, input, kViewport));
    }
    ASSERT_EQ(a->frame().palette, b->frame().palette);
    for (std::size_t i = 0; i < a->frame().meshes.size(); ++i) {
        ASSERT_EQ(a->frame().meshes[i].tension, b->frame().meshes[i].tension);
    }
    EXPECT_EQ(a->frame().camera.view(), b->frame().camera.view());
    EXPECT_EQ(a->simulation()->report_json()["posture"], b->simulation()->report_json()["posture"]);
}

TEST_F(ShippedScene, UnknownIdsAtTheStartAreErrors) {
    for (const char* field : {"select", "isolate"}) {
        SceneOptions options;
        (std::string(field) == "select" ? options.select : options.isolate) = "pec_maximus";
        auto sim = sim::Simulation::load();
        ASSERT_TRUE(sim);
        auto scene = Scene::create(*model_, std::move(sim).value(), std::nullopt, options, kViewport);
        ASSERT_FALSE(scene);
        EXPECT_NE(scene.error().message.find(std::string("--") + field + " pec_maximus"), std::string::npos)
            << scene.error().message;
    }
}

}  // namespace
}  // namespace myoview::scene
