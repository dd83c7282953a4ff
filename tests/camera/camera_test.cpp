// The orbit camera: preset views look from where a clinician expects, framing keeps the model in view, and
// orbit / pan / zoom move it the way the hand does.
#include <gtest/gtest.h>

#include "myoview/render/camera.h"

namespace myoview::render {
namespace {

assets::Bounds figure() {  // a standing torso: 0.45 m wide, 0.3 m deep, 0.9 m tall
    assets::Bounds b;
    b.extend({-0.15f, -0.225f, 0.0f});
    b.extend({0.15f, 0.225f, 0.9f});
    return b;
}

// Projects a world point; true when it lands inside the view.
bool visible(const OrbitCamera& c, glm::vec3 p, float aspect) {
    const glm::vec4 clip = c.projection(aspect) * c.view() * glm::vec4(p, 1.0f);
    if (clip.w <= 0.0f) return false;
    const glm::vec3 ndc = glm::vec3(clip) / clip.w;
    return std::abs(ndc.x) <= 1.0f && std::abs(ndc.y) <= 1.0f && ndc.z >= 0.0f && ndc.z <= 1.0f;
}

TEST(OrbitCamera, PresetViewsLookFromTheAnatomicalSides) {
    OrbitCamera c;
    const auto b = figure();
    struct Case {
        ViewPreset preset;
        glm::vec3 direction;  // where the camera should sit, from the model
    };
    // myoview's world: x anterior, y to the patient's left, z up.
    for (const Case& k : {Case{ViewPreset::kFront, {1, 0, 0}}, Case{ViewPreset::kBack, {-1, 0, 0}},
                          Case{ViewPreset::kLeft, {0, 1, 0}}, Case{ViewPreset::kRight, {0, -1, 0}}}) {
        c.set_preset(k.preset);
        c.frame(b, 16.0f / 9.0f);
        const glm::vec3 d = glm::normalize(c.position() - c.target());
        EXPECT_GT(glm::dot(d, k.direction), 0.95f);
    }
}

TEST(OrbitCamera, FramingKeepsEveryCornerInViewAtAnyAspect) {
    for (float aspect : {16.0f / 9.0f, 1.0f, 9.0f / 16.0f, 4.0f}) {
        for (ViewPreset p : {ViewPreset::kFront, ViewPreset::kLeft, ViewPreset::kThreeQuarter}) {
            OrbitCamera c;
            c.set_preset(p);
            const auto b = figure();
            c.frame(b, aspect);
            for (int i = 0; i < 8; ++i) {
                const glm::vec3 corner((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y,
                                       (i & 4) ? b.max.z : b.min.z);
                EXPECT_TRUE(visible(c, corner, aspect)) << "aspect " << aspect << " corner " << i;
            }
        }
    }
}

TEST(OrbitCamera, FramingFillsTheViewRatherThanLeavingTheModelSmall) {
    OrbitCamera c;
    c.set_preset(ViewPreset::kFront);
    c.frame(figure(), 16.0f / 9.0f);
    // The top of the figure should be near the top edge: move it 15% further up and it leaves the view.
    EXPECT_TRUE(visible(c, {0.0f, 0.0f, 0.9f}, 16.0f / 9.0f));
    EXPECT_FALSE(visible(c, {0.0f, 0.0f, 0.9f + 0.15f * 0.9f}, 16.0f / 9.0f));
}

TEST(OrbitCamera, OrbitPanAndZoomMoveAsTheHandDoes) {
    OrbitCamera c;
    c.set_preset(ViewPreset::kFront);
    c.frame(figure(), 1.0f);
    const float d0 = c.distance();
    c.zoom(2.0f);
    EXPECT_LT(c.distance(), d0);
    c.zoom(-4.0f);
    EXPECT_GT(c.distance(), d0);
    const float yaw0 = c.yaw_deg();
    c.orbit(100.0f, 0.0f);
    EXPECT_NE(c.yaw_deg(), yaw0);
    c.orbit(0.0f, 10000.0f);
    EXPECT_LE(c.pitch_deg(), 85.0f) << "pitch is clamped short of the pole";
    const glm::vec3 t0 = c.target();
    c.pan(50.0f, 0.0f, 600.0f);
    EXPECT_GT(glm::length(c.target() - t0), 1e-3f);
    EXPECT_NEAR(c.target().z, t0.z, 1e-4f) << "a horizontal drag pans sideways, not up";
}

TEST(OrbitCamera, EachPresetNameParsesToItsOwnPreset) {
    struct Case {
        const char* name;
        ViewPreset preset;
    };
    for (const Case& k : {Case{"front", ViewPreset::kFront}, Case{"back", ViewPreset::kBack},
                          Case{"left", ViewPreset::kLeft}, Case{"right", ViewPreset::kRight},
                          Case{"three-quarter", ViewPreset::kThreeQuarter}}) {
        // Start from a preset other than the expected one, so a parser that leaves `out` alone cannot pass.
        ViewPreset p = k.preset == ViewPreset::kBack ? ViewPreset::kFront : ViewPreset::kBack;
        ASSERT_TRUE(parse_view_preset(k.name, p)) << k.name;
        EXPECT_EQ(p, k.preset) << k.name;
    }
}

TEST(OrbitCamera, AnUnknownPresetNameIsRefusedAndLeavesThePresetAlone) {
    for (const char* name : {"top", "", "Front", "front ", "three quarter", "threequarter"}) {
        ViewPreset p = ViewPreset::kLeft;
        EXPECT_FALSE(parse_view_preset(name, p)) << "\"" << name << "\"";
        EXPECT_EQ(p, ViewPreset::kLeft) << "\"" << name << "\"";
    }
}

}  // namespace
}  // namespace myoview::render
