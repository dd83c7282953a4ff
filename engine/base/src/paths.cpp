#include "myoview/base/paths.h"

#include <cstdlib>
#include <system_error>

// Set by engine/base/CMakeLists.txt from the build's layout (GNUInstallDirs, the source and build trees).
#ifndef MYOVIEW_BUILD_ASSET_DIR
#error "MYOVIEW_BUILD_ASSET_DIR must be defined by the build"
#endif
#ifndef MYOVIEW_BUILD_SHADER_DIR
#error "MYOVIEW_BUILD_SHADER_DIR must be defined by the build"
#endif
#ifndef MYOVIEW_ASSET_DIR_FROM_BIN
#error "MYOVIEW_ASSET_DIR_FROM_BIN must be defined by the build"
#endif
#ifndef MYOVIEW_SHADER_DIR_FROM_BIN
#error "MYOVIEW_SHADER_DIR_FROM_BIN must be defined by the build"
#endif

namespace myoview::paths {
namespace {

namespace fs = std::filesystem;

// Whether `dir` holds `marker`; otherwise why not, for the error's details.
bool holds_marker(const fs::path& dir, const fs::path& marker, std::string& why) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        why = "no such directory";
        return false;
    }
    if (!fs::is_regular_file(dir / marker, ec)) {
        why = "no " + marker.string() + " there";
        return false;
    }
    return true;
}

// The places the rules name, in order, each with the words that say where it came from.
struct Candidate {
    fs::path dir;
    std::string origin;
};

std::vector<Candidate> candidates(const DataDirSpec& spec, const char* env_value, const fs::path& exe) {
    if (env_value != nullptr && *env_value != '\0') {
        std::error_code ec;
        fs::path dir = fs::absolute(fs::path(env_value), ec);
        if (ec) dir = env_value;
        return {{dir, "from " + spec.env_var}};
    }
    std::vector<Candidate> list;
    if (!exe.empty())
        list.push_back({(exe.parent_path() / spec.beside_exe).lexically_normal(), "beside the executable"});
    if (!spec.build_tree.empty()) list.push_back({spec.build_tree, "the build tree"});
    return list;
}

Result<fs::path> find_for_this_process(const DataDirSpec& spec) {
    return find_data_dir(spec, std::getenv(spec.env_var.c_str()), executable_path());
}

fs::path path_or_first_candidate(const DataDirSpec& spec, const fs::path& relative) {
    if (auto dir = find_for_this_process(spec)) return dir.value() / relative;
    const auto list = candidates(spec, std::getenv(spec.env_var.c_str()), executable_path());
    return list.empty() ? relative : list.front().dir / relative;
}

}  // namespace

Result<fs::path> find_data_dir(const DataDirSpec& spec, const char* env_value, const fs::path& exe) {
    const bool overridden = env_value != nullptr && *env_value != '\0';
    Error error(overridden ? spec.env_var + " does not name a usable " + spec.what + " directory"
                           : "no " + spec.what + " directory found (install myoview, or set " + spec.env_var +
                                 " to the folder holding " + spec.marker.string() + "); looked in:");
    for (const Candidate& c : candidates(spec, env_value, exe)) {
        std::string why;
        if (holds_marker(c.dir, spec.marker, why)) return c.dir;
        error.details.push_back(c.dir.string() + " (" + c.origin + "): " + why);
    }
    if (!overridden && exe.empty())
        error.details.push_back("the executable's own path could not be read (/proc/self/exe)");
    return error;
}

DataDirSpec asset_dir_spec() {
    return {"asset", kAssetDirEnv, MYOVIEW_ASSET_DIR_FROM_BIN, MYOVIEW_BUILD_ASSET_DIR, "anatomy/catalog.json"};
}

DataDirSpec shader_dir_spec() {
    return {"shader", kShaderDirEnv, MYOVIEW_SHADER_DIR_FROM_BIN, MYOVIEW_BUILD_SHADER_DIR, "mesh.vert.spv"};
}

fs::path executable_path() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe;
}

Result<fs::path> asset_dir() {
    return find_for_this_process(asset_dir_spec());
}
Result<fs::path> shader_dir() {
    return find_for_this_process(shader_dir_spec());
}

fs::path asset_path(const fs::path& relative) {
    return path_or_first_candidate(asset_dir_spec(), relative);
}
fs::path shader_path(const fs::path& relative) {
    return path_or_first_candidate(shader_dir_spec(), relative);
}

}  // namespace myoview::paths
