#pragma once
// The Assimp import itself, run in whatever process calls it: the isolated child or, for trusted files, the
// caller. Returns a validated Model or an Error whose message starts with the file's path.

#include <filesystem>

#include "myoview/assets/import.h"

namespace myoview::assets::detail {

Result<Model> import_with_assimp(const std::filesystem::path& path, const ImportOptions& options);

}  // namespace myoview::assets::detail
