#pragma once
// Runs import_with_assimp in a forked child bounded by a memory limit and a deadline; see README.md.

#include <filesystem>

#include "myoview/assets/import.h"

namespace myoview::assets::detail {

// Contract: returns only after the child has exited and been reaped (killed first when it overran), whatever
// happened; never throws. The file's existence and readability were checked by the caller, which also set
// options.timeout_s.
Result<Model> import_isolated(const std::filesystem::path& path, const ImportOptions& options);

}  // namespace myoview::assets::detail
