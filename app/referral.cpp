#include "referral.h"

#include <algorithm>
#include <array>
#include <string>

namespace myoview::app {
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

// Rest-pose positions from the MJCF landmarks (sternal notch at (0, 0, 1.430); right acromion near
// (-0.01, -0.19, 1.44); right humeral head centre near (-0.02, -0.17, 1.40); medial epicondyle ~0.29 m below),
// pushed out to the body outline. Areas according to Travell & Simons' referral maps (catalog sources): where a
// trigger point may refer pain, not where it must; the catalog's cautions go with them (chest pain, breast pain
// or a lump, numbness or weakness toward the little finger: a medical check first).
const std::array<Zone, 4>& zones() {
    static const std::array<Zone, 4> kZones{{
        {"referral.front_shoulder_clavicular",
         {{"humerus_r", {0.07f, -0.20f, 1.39f}, 0.050f}, {"clavicle_r", {0.07f, -0.10f, 1.40f}, 0.040f}}},
        {"referral.chest_inner_arm_medial_elbow",
         {{"thorax", {0.13f, -0.07f, 1.30f}, 0.060f}, {"humerus_r", {0.01f, -0.15f, 1.27f}, 0.040f},
          {"humerus_r", {0.01f, -0.16f, 1.18f}, 0.040f}, {"humerus_r", {0.0f, -0.17f, 1.10f}, 0.040f}}},
        {"referral.breast", {{"thorax", {0.14f, -0.09f, 1.22f}, 0.060f}}},
        {"referral.front_shoulder_arm_ulnar_fingers",
         {{"humerus_r", {0.07f, -0.20f, 1.39f}, 0.050f}, {"thorax", {0.13f, -0.09f, 1.30f}, 0.055f},
          {"humerus_r", {0.01f, -0.15f, 1.24f}, 0.040f}, {"humerus_r", {0.0f, -0.17f, 1.12f}, 0.040f}}},
    }};
    return kZones;
}

// The spots mark areas under the skin; the outline lies 2-4 cm further out, so the wash must reach it.
constexpr float kReachOutline = 1.7f;

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

}  // namespace myoview::app
