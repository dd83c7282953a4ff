// Levels of detail read from a GLB's MSFT_lod (src/glb_lods.cpp): the bundled model's are found and index its own
// vertices; a hostile level (out-of-range accessors, counts beyond the file, indices past the mesh's vertices) is
// dropped without failing the import.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "glb_lods.h"
#include "myoview/assets/import.h"

namespace myoview::assets::detail {
namespace {

const std::filesystem::path kGlb = std::filesystem::path(MYOVIEW_SOURCE_DIR) / "assets/models/anatomy.glb";

std::vector<char> read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The bundled GLB with `from` replaced by `to` (same length) in its JSON chunk, once or everywhere.
std::filesystem::path patched(const std::string& name, const std::string& from, const std::string& to,
                              bool everywhere = false) {
    std::vector<char> bytes = read_all(kGlb);
    EXPECT_EQ(from.size(), to.size());
    std::uint32_t json_size = 0;
    std::memcpy(&json_size, bytes.data() + 12, 4);
    std::string json(bytes.data() + 20, json_size);
    std::size_t at = json.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    while (at != std::string::npos) {
        json.replace(at, from.size(), to);
        at = everywhere ? json.find(from, at + to.size()) : std::string::npos;
    }
    std::memcpy(bytes.data() + 20, json.data(), json.size());
    const auto out = std::filesystem::temp_directory_path() / ("myoview-glb-lods-" + name + ".glb");
    std::ofstream(out, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return out;
}

Model imported(const std::filesystem::path& path) {
    ImportOptions options;
    options.isolate = false;
    auto model = import_model(path, options);
    EXPECT_TRUE(model) << (model ? "" : model.error().full_text());
    return model ? std::move(model).value() : Model{};
}

std::size_t meshes_with_levels(const Model& model) {
    std::size_t n = 0;
    for (const auto& m : model.meshes) n += m.lods.empty() ? 0 : 1;
    return n;
}

std::size_t levels(const Model& model) {
    std::size_t n = 0;
    for (const auto& m : model.meshes) n += m.lods.size();
    return n;
}

TEST(AssetsGlbLods, TheBundledModelsLevelsIndexItsOwnVertices) {
    const Model model = imported(kGlb);
    EXPECT_GT(meshes_with_levels(model), model.meshes.size() / 2);
    for (const auto& m : model.meshes) {
        for (const auto& level : m.lods) {
            ASSERT_EQ(level.size() % 3, 0u);
            for (std::uint32_t i : level) ASSERT_LT(i, m.positions.size()) << m.name;
        }
    }
}

TEST(AssetsGlbLods, AFileWithoutMsftLodHasNoLevels) {
    // The extension's name changed: the levels are not MSFT_lod any more, and nothing else is read.
    const Model model = imported(patched("renamed", "\"MSFT_lod\":{\"ids\"", "\"MSFT_xyz\":{\"ids\"", true));
    EXPECT_EQ(meshes_with_levels(model), 0u);
    EXPECT_FALSE(model.meshes.empty());
}

TEST(AssetsGlbLods, HostileLevelsAreDroppedAndTheImportStillSucceeds) {
    const std::size_t all = levels(imported(kGlb));
    // The first mesh's first level pointing at a node that does not exist: that mesh's levels go, the rest stay.
    const std::vector<char> original = read_all(kGlb);
    const std::string key = "\"MSFT_lod\":{\"ids\":[";
    const std::string text(original.begin(), original.end());
    const std::string first = key + text[text.find(key) + key.size()];  // the first level's node id: a few hundred
    const Model missing = imported(patched("missing", first, key + "9"));
    EXPECT_FALSE(missing.meshes.empty());
    EXPECT_LT(levels(missing), all);
    EXPECT_GE(levels(missing) + 2, all);
    // The last level's index accessor (the bake appends them last) counting far more indices than the file holds:
    // that level alone is dropped.
    std::uint32_t json_size = 0;
    std::memcpy(&json_size, original.data() + 12, 4);
    const std::string json(original.data() + 20, json_size);
    const std::size_t scalar = json.rfind("\"count\":", json.rfind("\"type\":\"SCALAR\""));
    ASSERT_NE(scalar, std::string::npos);
    const std::size_t digits_end = json.find_first_not_of("0123456789", scalar + 8);
    const std::string count = json.substr(scalar, digits_end - scalar);
    const std::string huge = "\"count\":" + std::string(count.size() - 8, '9');
    const Model too_many = imported(patched("count", count, huge));
    EXPECT_FALSE(too_many.meshes.empty());
    EXPECT_EQ(levels(too_many) + 1, all);
}

}  // namespace
}  // namespace myoview::assets::detail
