// The referred-pain zones of the catalog: one for every zone engine/sim's trigger points name, each spot carried
// by a body of the MJCF id contract, the numbers the viewer drew before they moved into the catalog; a malformed
// zone is refused naming it.

#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "contract_ids.h"
#include "myoview/anatomy/catalog.h"
#include "myoview/sim/tissue.h"

namespace myoview::anatomy {
namespace {

using ::testing::HasSubstr;

const Catalog& shipped() {
    static const Catalog* catalog = [] {
        auto loaded = Catalog::load(test::source_path("assets/anatomy/catalog.json"));
        if (!loaded) {
            ADD_FAILURE() << loaded.error().full_text();
            std::abort();
        }
        return new Catalog(std::move(loaded).value());
    }();
    return *catalog;
}

// Every referral zone a trigger point of any preset (or of healthy tissue) names.
std::set<std::string> zones_named_by_the_simulation() {
    std::set<std::string> ids;
    auto collect = [&](const sim::TissueState& tissue) {
        for (const sim::TriggerPoint& tp : tissue.trigger_points) ids.insert(tp.referral_zone);
    };
    for (const sim::Preset& preset : sim::presets()) {
        for (const sim::TissueState& tissue : preset.profile.muscles) collect(tissue);
    }
    for (std::size_t i = 0; i < sim::kMuscleIds.size(); ++i) collect(sim::healthy_tissue(i));
    return ids;
}

TEST(ReferralZones, EveryZoneTheSimulationNamesIsPlacedAndNoOther) {
    const std::set<std::string> named = zones_named_by_the_simulation();
    ASSERT_EQ(named.size(), 4u) << "the pectoral trigger points name four zones";
    std::set<std::string> placed;
    for (const ReferralZone& zone : shipped().referral_zones()) placed.insert(zone.id);
    EXPECT_EQ(placed, named);
    for (const std::string& id : named) {
        const ReferralZone* zone = shipped().find_zone(id);
        ASSERT_NE(zone, nullptr) << id;
        EXPECT_EQ(zone->id, id);
    }
    EXPECT_EQ(shipped().find_zone("referral.nowhere"), nullptr);
}

TEST(ReferralZones, SpotsLieOnContractBodiesOnTheRightSideWithTheirSource) {
    const std::set<std::string> bodies(sim::kBodyIds.begin(), sim::kBodyIds.end());
    for (const ReferralZone& zone : shipped().referral_zones()) {
        ASSERT_FALSE(zone.spots.empty()) << zone.id;
        ASSERT_FALSE(zone.sources.empty()) << zone.id;
        EXPECT_THAT(zone.sources.front(), HasSubstr("Travell & Simons")) << zone.id;
        for (const ReferralSpot& spot : zone.spots) {
            EXPECT_TRUE(bodies.count(spot.body)) << zone.id << ": " << spot.body << " is not an MJCF body";
            EXPECT_FALSE(spot.body.ends_with("_l")) << zone.id << ": spots are given for the right side";
            // Rest pose, world metres: the front of the right upper body, from the forearm up to the shoulder.
            EXPECT_LT(spot.point.y, 0.0f) << zone.id;
            EXPECT_GT(spot.point.z, 0.8f) << zone.id;
            EXPECT_LT(spot.point.z, 1.4f) << zone.id;
            EXPECT_GT(spot.radius, 0.02f) << zone.id;
            EXPECT_LT(spot.radius, 0.08f) << zone.id;
        }
    }
}

TEST(ReferralZones, TheNumbersAreTheOnesTheViewerDrewBefore) {
    // app/referral.cpp's table before it moved here (the golden images depend on it).
    const ReferralZone* breast = shipped().find_zone("referral.breast");
    ASSERT_NE(breast, nullptr);
    ASSERT_EQ(breast->spots.size(), 1u);
    EXPECT_EQ(breast->spots[0].body, "thorax");
    EXPECT_EQ(breast->spots[0].point.x, 0.068f);
    EXPECT_EQ(breast->spots[0].point.y, -0.109f);
    EXPECT_EQ(breast->spots[0].point.z, 1.173f);
    EXPECT_EQ(breast->spots[0].radius, 0.060f);
    const ReferralZone* ulnar = shipped().find_zone("referral.front_shoulder_arm_ulnar_fingers");
    ASSERT_NE(ulnar, nullptr);
    ASSERT_EQ(ulnar->spots.size(), 6u);
    EXPECT_EQ(ulnar->spots[5].body, "forearm_r");
    EXPECT_EQ(ulnar->spots[5].point.x, -0.048f);
    EXPECT_EQ(ulnar->spots[5].point.y, -0.215f);
    EXPECT_EQ(ulnar->spots[5].point.z, 0.883f);
    EXPECT_EQ(ulnar->spots[5].radius, 0.035f);
    EXPECT_EQ(shipped().find_zone("referral.front_shoulder_clavicular")->spots.size(), 2u);
    EXPECT_EQ(shipped().find_zone("referral.chest_inner_arm_medial_elbow")->spots.size(), 4u);
}

constexpr const char* kHead = R"({"schema_version": 1, "languages": ["en"], "structures": [], "referral_zones": )";

void expect_rejected(const std::string& zones, std::initializer_list<std::string> fragments) {
    const auto result = Catalog::parse(kHead + zones + "}", "zones.json");
    ASSERT_FALSE(result.has_value()) << "accepted: " << zones;
    for (const auto& fragment : fragments) EXPECT_THAT(result.error().full_text(), HasSubstr(fragment)) << zones;
}

TEST(ReferralZones, AMalformedZoneIsRefusedNamingIt) {
    const std::string spot = R"({"body": "thorax", "point": [0.1, -0.1, 1.2], "radius": 0.05})";
    ASSERT_TRUE(Catalog::parse(kHead + std::string(R"([{"id": "referral.a", "spots": [)") + spot + "]}]}").has_value());
    expect_rejected(R"({"id": "x"})", {"zones.json", "'referral_zones' must be an array"});
    expect_rejected(R"([{"id": "referral.a", "spots": []}])", {"referral zone 'referral.a'", "'spots'"});
    expect_rejected(
        "[{\"id\": \"referral.a\", \"spots\": [" + spot + "]}, {\"id\": \"referral.a\", \"spots\": [" + spot + "]}]",
        {"referral zone 'referral.a'", "duplicate"});
    expect_rejected(R"([{"spots": [{"body": "thorax", "point": [0.1, -0.1, 1.2], "radius": 0.05}]}])",
                    {"referral zone #0", "'id'"});
    expect_rejected(R"([{"id": "referral.b", "spots": [{"body": "thorax", "point": [0.1, -0.1], "radius": 0.05}]}])",
                    {"referral zone 'referral.b'", "'point' must be three numbers"});
    expect_rejected(R"([{"id": "referral.b", "spots": [{"body": "thorax", "point": [0.1, "y", 1], "radius": 0.05}]}])",
                    {"'point' must be three numbers"});
    expect_rejected(R"([{"id": "referral.b", "spots": [{"body": "thorax", "point": [0.1, -0.1, 1.2], "radius": 0}]}])",
                    {"referral zone 'referral.b'", "'radius' must be a positive number"});
    expect_rejected(R"([{"id": "referral.b", "spots": [{"body": "", "point": [0.1, -0.1, 1.2], "radius": 0.05}]}])",
                    {"'body' must be an MJCF body name"});
    expect_rejected(R"([{"id": "referral.b", "spots": [3]}])", {"every spot must be an object"});
}

}  // namespace
}  // namespace myoview::anatomy
