#pragma once
// Levels of detail of a binary glTF (MSFT_lod), which Assimp 5.2 does not read: myoview's bake writes, per mesh node,
// MSFT_lod levels whose primitives share the full mesh's vertex accessors and carry their own indices. Read here
// from the file itself, every offset and count checked against the file (it is untrusted input), and attached as
// Mesh::lods to the skinned meshes of the nodes that list them.

#include <filesystem>

#include "myoview/assets/model.h"
#include "myoview/base/result.h"

namespace myoview::assets::detail {

// A file that is not a GLB, or a GLB without MSFT_lod, leaves `model` as it is (Ok). A level whose primitive does not
// share the full mesh's POSITION accessor, or whose indices do not fit the file, is skipped with the levels after it:
// levels are an optimisation, never needed to draw. A GLB whose JSON does not parse is Assimp's business (Ok here).
Status attach_glb_lods(const std::filesystem::path& path, Model& model);

}  // namespace myoview::assets::detail
