#pragma once
// Referred-pain zones of the pectoral trigger points (Travell & Simons, as the catalog cites them), drawn on the
// body outline when a muscle with trigger points is selected. Each zone is a few spots placed on the bind-pose
// body (world coordinates, right side; mirrored for the left) and carried by the MJCF body they belong to.

#include <string_view>
#include <vector>

#include "myoview/render/frame.h"
#include "myoview/scene/binding.h"

namespace myoview::scene {

// Hot spots on mesh `skin_mesh` for every trigger point of muscle `muscle_id` (e.g. "pec_minor_r").
std::vector<render::HotSpot> referral_spots(std::string_view muscle_id, const sim::Snapshot& now,
                                            const SimBinding& binding, std::size_t skin_mesh);

}  // namespace myoview::scene
