#include "myoview/scene/referral.h"

#include <algorithm>
#include <string>

namespace myoview::scene {
namespace {

// The spots lie on the outline itself; the wash reaches a little past the radius for a soft edge.
constexpr float kReachOutline = 1.2f;

}  // namespace

std::vector<render::HotSpot> referral_spots(std::string_view muscle_id, const sim::Snapshot& now,
                                            const SimBinding& binding, const anatomy::Catalog& catalog,
                                            std::size_t skin_mesh) {
    std::vector<render::HotSpot> out;
    const bool left = muscle_id.size() > 2 && muscle_id.substr(muscle_id.size() - 2) == "_l";
    std::vector<std::string_view> seen;
    for (const sim::TriggerPointState& tp : now.trigger_points) {
        if (tp.muscle_id != muscle_id) continue;
        const anatomy::ReferralZone* zone = catalog.find_zone(tp.referral_zone);
        if (!zone) continue;  // a zone the catalog does not place (tests keep the two in step)
        if (std::find(seen.begin(), seen.end(), zone->id) != seen.end()) continue;  // two points, one zone
        seen.push_back(zone->id);
        for (const anatomy::ReferralSpot& spot : zone->spots) {
            std::string body = spot.body;
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
    return out;
}

}  // namespace myoview::scene
