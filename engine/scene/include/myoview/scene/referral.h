#pragma once
// Referred-pain zones of the pectoral trigger points, drawn on the body outline when a muscle with trigger points is
// selected. The zones are anatomy data: the catalog places each as a few spots on the bind-pose body (world
// coordinates, right side; mirrored here for the left), carried by the MJCF body they belong to (anatomy::Catalog::
// referral_zones, from tools/catalog/make_catalog.py, Travell & Simons' maps).

#include <string_view>
#include <vector>

#include "myoview/anatomy/catalog.h"
#include "myoview/render/frame.h"
#include "myoview/scene/binding.h"

namespace myoview::scene {

// Hot spots on mesh `skin_mesh` for every trigger point of muscle `muscle_id` (e.g. "pec_minor_r").
std::vector<render::HotSpot> referral_spots(std::string_view muscle_id, const sim::Snapshot& now,
                                            const SimBinding& binding, const anatomy::Catalog& catalog,
                                            std::size_t skin_mesh);

}  // namespace myoview::scene
