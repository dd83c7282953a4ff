#pragma once
// The MJCF model's bodies at rest (qpos0): the skin joints of the baked model and the frames its inverse bind
// matrices come from. Read through MuJoCo (mj_loadXML, mj_forward), as the simulation reads it.

#include <filesystem>
#include <string>
#include <vector>

#include "mesh.h"
#include "myoview/base/result.h"

namespace myoview::bake {

// Bodies in MJCF order (a parent before its children), MuJoCo's world body excluded.
Result<std::vector<BodyFrame>> load_rest_pose(const std::filesystem::path& mjcf_path);

// Index of the body named `name`, or of its nearest anatomical ancestor that the model has (forearm -> humerus ->
// scapula -> clavicle -> thorax; head -> neck -> thorax), so that a structure whose body the MJCF does not have yet
// still rides on something sensible. -1 when nothing on the chain exists. `fell_back` tells whether it did.
int resolve_body(const std::vector<BodyFrame>& bodies, const std::string& name, bool* fell_back = nullptr);

}  // namespace myoview::bake
