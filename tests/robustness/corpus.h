#pragma once
// Where the Assimp test corpus lives and which of its files are models.

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "myoview/assets/import.h"

namespace myoview::assets::robustness {

inline const std::filesystem::path kCorpusRoot = "/usr/share/assimp/models";

// Extensions of files in the corpus that are not models: textures, material libraries, buffers referenced by
// glTF, shaders, documentation. Files without an extension are READMEs and licences.
inline bool is_model_file(const std::filesystem::path& file) {
    static const std::set<std::string> kNotModels = {
        ".png", ".jpg", ".jpeg", ".bmp", ".tga",  ".dds",  ".gif",  ".tif", ".tiff",     ".ktx",  ".ktx2", ".hdr",
        ".txt", ".md",  ".mtl",  ".bin", ".glsl", ".vert", ".frag", ".uc",  ".material", ".skin", ".pdf"};
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return !ext.empty() && kNotModels.count(ext) == 0;
}

// Top-level folders of the corpus, sorted; empty when the package is not installed.
inline std::vector<std::string> corpus_folders() {
    std::vector<std::string> folders;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(kCorpusRoot, ec)) {
        if (entry.is_directory()) folders.push_back(entry.path().filename().string());
    }
    std::sort(folders.begin(), folders.end());
    return folders;
}

inline std::vector<std::filesystem::path> model_files_under(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder, ec)) {
        if (entry.is_regular_file() && is_model_file(entry.path())) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

enum class Outcome { kImported, kCleanError, kTimeout, kCrash, kOutOfMemory };

inline Outcome classify(const Result<Model>& result) {
    if (result.has_value()) return Outcome::kImported;
    const std::string& m = result.error().message;
    if (m.find("import timed out") != std::string::npos) return Outcome::kTimeout;
    if (m.find("importer crashed") != std::string::npos || m.find("importer was killed") != std::string::npos) {
        return Outcome::kCrash;
    }
    if (m.find("ran out of memory") != std::string::npos) return Outcome::kOutOfMemory;
    return Outcome::kCleanError;
}

struct TimedImport {
    Result<Model> result;
    double seconds;
};

inline TimedImport timed_import(const std::filesystem::path& file, const ImportOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    Result<Model> result = import_model(file, options);
    return {std::move(result), std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
}

}  // namespace myoview::assets::robustness
