// The ID image "label everything" reads (scene::VisibilityMap) on boxes: the nearer opaque box hides what is behind
// it, a see-through one hides nothing and is seen itself, the cutting plane takes away a cut box's near part, and an
// anchor lies on its box.
#include <gtest/gtest.h>

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "myoview/scene/mesh_set.h"
#include "myoview/scene/visibility.h"
#include "test_models.h"

namespace myoview::scene {
namespace {

using testing::box;
using testing::model_of;

constexpr glm::uvec2 kViewport{640, 400};

struct Boxes {
    MeshSet set;
    render::SceneFrame frame;
    PosedVertices posed;
    VisibilityMap map;
    void build() {
        posed.update(set, frame);
        map.build(set, posed, frame, kViewport);
    }
    int pixels(std::size_t i) const { return map.meshes()[i].pixels; }
};

// A small box in front (camera on +x) of a large one, both opaque.
Boxes front_and_back() {
    auto set =
        MeshSet::from_model(model_of({box("near", glm::vec3(0.3f, 0.0f, 0.0f), glm::vec3(0.1f), glm::vec4(1.0f)),
                                      box("far", glm::vec3(-0.3f, 0.0f, 0.0f), glm::vec3(0.3f), glm::vec4(1.0f))}));
    EXPECT_TRUE(set);
    Boxes b{std::move(set).value(), {}, {}, {}};
    b.frame.meshes.resize(b.set.size());
    b.frame.camera.set_preset(render::ViewPreset::kFront);
    assets::Bounds bounds;
    bounds.extend(glm::vec3(-0.75f));
    bounds.extend(glm::vec3(0.75f));
    b.frame.camera.frame(bounds, 640.0f / 400.0f);
    return b;
}

TEST(VisibilityMap, TheNearerBoxHidesPartOfTheFarOneAndAHiddenBoxIsNotSeen) {
    Boxes b = front_and_back();
    b.build();
    EXPECT_EQ(b.map.width(), VisibilityMap::kWidth);
    EXPECT_EQ(b.map.height(), 200u);
    const int near_px = b.pixels(0), far_px = b.pixels(1);
    EXPECT_GT(near_px, 100);
    EXPECT_GT(far_px, near_px) << "the far box is larger and shows around the near one";
    EXPECT_GT(b.map.meshes()[0].inside_pixels, 0);
    // The far box's middle pixel is the near box's.
    EXPECT_EQ(b.map.opaque_id(b.map.width() / 2, b.map.height() / 2), 1u);
    // Behind a box as large as itself, the near box (now moved behind) is not seen at all.
    b.frame.meshes[0].model = glm::translate(glm::mat4(1.0f), glm::vec3(-0.9f, 0.0f, 0.0f));
    b.build();
    EXPECT_EQ(b.pixels(0), 0) << "hidden behind the large box";
    // Hidden meshes are not drawn: the far box alone.
    b.frame.meshes[0].model = glm::mat4(1.0f);
    b.frame.meshes[0].visible = false;
    b.build();
    EXPECT_EQ(b.pixels(0), 0);
    EXPECT_GT(b.pixels(1), far_px);
}

TEST(VisibilityMap, ASeeThroughBoxIsSeenAndHidesNothing) {
    Boxes b = front_and_back();
    b.build();
    const int far_alone_behind_opaque = b.pixels(1);
    b.frame.meshes[0].tint.a = 0.5f;  // x-ray
    b.build();
    EXPECT_GT(b.pixels(0), 100) << "seen through, and seen";
    EXPECT_GT(b.pixels(1), far_alone_behind_opaque) << "the far box shows through it";
    EXPECT_EQ(b.map.opaque_id(b.map.width() / 2, b.map.height() / 2), 2u);
}

TEST(VisibilityMap, TheCuttingPlaneTakesACutBoxsNearPartAway) {
    Boxes b = front_and_back();
    b.frame.meshes[0].cut = true;
    b.frame.cut_plane = glm::vec4(1.0f, 0.0f, 0.0f, 0.0f);  // drops x > 0: the whole near box
    b.build();
    EXPECT_EQ(b.pixels(0), 0);
    EXPECT_EQ(b.map.opaque_id(b.map.width() / 2, b.map.height() / 2), 2u);
    b.frame.cut_plane = glm::vec4(1.0f, 0.0f, 0.0f, 0.3f);  // through the near box's middle: its back half stays
    b.build();
    EXPECT_GT(b.pixels(0), 0) << "the far half of the cut box, seen through the opening";
}

TEST(VisibilityMap, TheAnchorLiesOnTheBoxAndTheFigureBoxHoldsEverything) {
    Boxes b = front_and_back();
    b.build();
    const glm::vec3 anchor = b.map.meshes()[0].anchor;
    EXPECT_NEAR(anchor.x, 0.4f, 0.02f) << "on the near box's front face";
    EXPECT_LT(std::abs(anchor.y), 0.1f);
    EXPECT_LT(std::abs(anchor.z), 0.1f);
    const glm::vec4 figure = b.map.figure_px();
    EXPECT_LT(figure.x, figure.z);
    EXPECT_GT(figure.x, 0.0f);
    EXPECT_LT(figure.z, 640.0f);
}

}  // namespace
}  // namespace myoview::scene
