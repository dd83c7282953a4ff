#pragma once
// Where the program's data lives at run time: the assets (model, MJCF, catalog, words, scenarios) and the compiled
// SPIR-V shaders. The one place that decides; nothing else compiles a data path in.
//
// Each directory is looked for, in order:
//   1. an environment override: MYOVIEW_ASSET_DIR / MYOVIEW_SHADER_DIR. When set (non-empty) it is the only place
//      looked at: a wrong override is an error, never silently replaced by another copy of the data;
//   2. beside the executable (/proc/self/exe), in the GNUInstallDirs layout: <prefix>/bin/myoview finds
//      <prefix>/share/myoview/assets and <prefix>/share/myoview/shaders, wherever the prefix was copied or installed;
//   3. the build tree's own paths, compiled in (source-tree assets/, build-tree shaders/), so a program run from
//      the build tree (and every test) keeps working.
// A directory counts only when it holds its marker file (assets: anatomy/catalog.json; shaders: mesh.vert.spv), so
// an empty or stale folder is passed over. Resolution is a few stat() calls, done afresh on every call.

#include <filesystem>
#include <string>
#include <vector>

#include "myoview/base/result.h"

namespace myoview::paths {

inline constexpr const char* kAssetDirEnv = "MYOVIEW_ASSET_DIR";
inline constexpr const char* kShaderDirEnv = "MYOVIEW_SHADER_DIR";

// One kind of data directory and where to look for it.
struct DataDirSpec {
    std::string what;                  // "asset", "shader": for messages
    std::string env_var;               // the override's name
    std::filesystem::path beside_exe;  // relative to the executable's directory
    std::filesystem::path build_tree;  // absolute, compiled in; empty: none
    std::filesystem::path marker;      // relative to the directory: must exist there
};

// The directory per the rules above: `env_value` is the override's value (nullptr or "" when unset), `exe` the
// executable's path (empty when unknown). On failure the Error's message names the kind of data and the override,
// and its details list every place looked at with why it was passed over. Pure but for the file-system checks.
Result<std::filesystem::path> find_data_dir(const DataDirSpec& spec, const char* env_value,
                                            const std::filesystem::path& exe);

DataDirSpec asset_dir_spec();
DataDirSpec shader_dir_spec();

// This process's executable (/proc/self/exe, symlinks resolved); empty where it cannot be read.
std::filesystem::path executable_path();

// This process's data directories: find_data_dir with the real environment and executable.
Result<std::filesystem::path> asset_dir();
Result<std::filesystem::path> shader_dir();

// For callers that hand a path to a loader with its own "cannot open" error: asset_dir() / relative or
// shader_dir() / relative, or, when no directory is found, that relative path under the first place the rules
// name (so the loader's error still names a file). Programs check asset_dir() / shader_dir() first to give the
// full message (app/main.cpp does).
std::filesystem::path asset_path(const std::filesystem::path& relative);
std::filesystem::path shader_path(const std::filesystem::path& relative);

}  // namespace myoview::paths
