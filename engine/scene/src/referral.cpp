#include "myoview/scene/referral.h"

#include <algorithm>
#include <array>
#include <string>

namespace myoview::scene {
namespace {

struct ZoneSpot {
    std::string_view body;  // MJCF body that carries it
    glm::vec3 point;        // bind pose, world, right side (the left mirrors y); metres
    float radius;
};

struct Zone {
    std::string_view id;  // the simulation's referral-zone id
    std::vector<ZoneSpot> spots;
};

// Points ON the body outline (the baked `skin` mesh) in the rest pose, right side, world metres: each is where a
// ray from a landmark of tools/mjcf/landmarks.json (humeral head, clavicle, ribs 4 and 5, points along the humerus
// toward the medial epicondyle, along the forearm from the elbow to the wrist) leaves the outline. Areas according
// to Travell & Simons' referral maps (catalog sources): where a trigger point may refer pain, not where it must; the
// catalog's cautions go with them (chest pain, breast pain or a lump, numbness or weakness toward the little finger:
// a medical check first). The data has no hand, so the ulnar-finger referral stops at the distal forearm.
const std::array<Zone, 4>& zones() {
    static const std::array<Zone, 4> kZones{{
        {"referral.front_shoulder_clavicular",
         {{"humerus_r", {-0.043f, -0.163f, 1.330f}, 0.050f}, {"clavicle_r", {0.017f, -0.082f, 1.330f}, 0.040f}}},
        {"referral.chest_inner_arm_medial_elbow",
         {{"thorax", {0.074f, -0.095f, 1.252f}, 0.060f}, {"humerus_r", {-0.070f, -0.160f, 1.252f}, 0.035f},
          {"humerus_r", {-0.070f, -0.162f, 1.154f}, 0.035f}, {"humerus_r", {-0.066f, -0.178f, 1.056f}, 0.035f}}},
        {"referral.breast", {{"thorax", {0.068f, -0.109f, 1.173f}, 0.060f}}},
        {"referral.front_shoulder_arm_ulnar_fingers",
         {{"humerus_r", {-0.043f, -0.163f, 1.330f}, 0.050f}, {"thorax", {0.074f, -0.095f, 1.252f}, 0.055f},
          {"humerus_r", {-0.070f, -0.160f, 1.252f}, 0.035f}, {"humerus_r", {-0.072f, -0.173f, 1.089f}, 0.035f},
          {"forearm_r", {-0.073f, -0.198f, 0.978f}, 0.035f}, {"forearm_r", {-0.048f, -0.215f, 0.883f}, 0.035f}}},
    }};
    return kZones;
}

// The spots lie on the outline itself; the wash reaches a little past the radius for a soft edge.
constexpr float kReachOutline = 1.2f;

}  // namespace

std::vector<render::HotSpot> referral_spots(std::string_view muscle_id, const sim::Snapshot& now,
                                            const SimBinding& binding, std::size_t skin_mesh) {
    std::vector<render::HotSpot> out;
    const bool left = muscle_id.size() > 2 && muscle_id.substr(muscle_id.size() - 2) == "_l";
    std::vector<std::string_view> seen;
    for (const sim::TriggerPointState& tp : now.trigger_points) {
        if (tp.muscle_id != muscle_id) continue;
        for (const Zone& zone : zones()) {
            if (zone.id != tp.referral_zone) continue;
            if (std::find(seen.begin(), seen.end(), zone.id) != seen.end()) continue;  // two points, one zone
            seen.push_back(zone.id);
            for (const ZoneSpot& spot : zone.spots) {
                std::string body(spot.body);
                glm::vec3 p = spot.point;
                if (left) {
                    p.y = -p.y;
                    if (body.size() > 2 && body.substr(body.size() - 2) == "_r") body.back() = 'l';
                }
                const auto posed = binding.pose_point(body, p, now);
                if (!posed) continue;
                render::HotSpot hot;
                hot.center = *posed;
                hot.radius = spot.radius * kReachOutline;
                hot.strength = 0.8f;
                hot.mesh = skin_mesh;
                hot.zone = true;
                out.push_back(hot);
            }
        }
    }
    return out;
}

}  // namespace myoview::scene
