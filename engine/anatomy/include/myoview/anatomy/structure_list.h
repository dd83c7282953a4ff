#pragma once
// The structure listing printed by `myoview --list-structures`.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "myoview/anatomy/catalog.h"

namespace myoview::anatomy {

// A JSON array, one object per catalog structure in catalog order, with:
//   id, kind, side, layer, group (strings); body (string, "" unless a bone); spans (array of strings);
//   name, origin, insertion, action, innervation, patient_line (objects keyed by language code; empty objects
//   where the catalog has no text, e.g. the origin of a bone); latin (string);
//   has_mesh (true when `mesh_nodes` contains the id); has_muscle (true when `mjcf_muscles` contains the id);
//   trigger_points (array of {location, referral} objects keyed by language) and caution (object), present only
//   where the catalog has them; sources (array of citation strings).
nlohmann::json list_structures_json(const Catalog& catalog, const std::vector<std::string>& mjcf_muscles,
                                    const std::vector<std::string>& mesh_nodes);

}  // namespace myoview::anatomy
