#include "glb_lods.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace myoview::assets::detail {
namespace {

constexpr std::uint32_t kGlbMagic = 0x46546C67u;  // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534Au;
constexpr std::uint32_t kChunkBin = 0x004E4942u;
constexpr int kUnsignedByte = 5121;
constexpr int kUnsignedShort = 5123;
constexpr int kUnsignedInt = 5125;

std::uint32_t read_u32(const std::vector<char>& bytes, std::size_t at) {
    std::uint32_t v = 0;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
}

struct Glb {
    nlohmann::json json;
    std::size_t bin_offset = 0;
    std::size_t bin_size = 0;
    std::vector<char> bytes;
};

std::optional<Glb> read_glb(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return std::nullopt;
    const std::streamoff file_size = in.tellg();
    if (file_size < 20) return std::nullopt;
    Glb glb;
    glb.bytes.resize(4);
    in.seekg(0);
    // Only a GLB is read whole: any other file costs four bytes.
    if (!in.read(glb.bytes.data(), 4) || read_u32(glb.bytes, 0) != kGlbMagic) return std::nullopt;
    glb.bytes.resize(static_cast<std::size_t>(file_size));
    if (!in.read(glb.bytes.data() + 4, file_size - 4)) return std::nullopt;
    const std::vector<char>& b = glb.bytes;
    if (b.size() < 20 || read_u32(b, 0) != kGlbMagic || read_u32(b, 4) != 2) return std::nullopt;
    const std::size_t json_size = read_u32(b, 12);
    if (read_u32(b, 16) != kChunkJson || json_size > b.size() - 20) return std::nullopt;
    glb.json =
        nlohmann::json::parse(b.begin() + 20, b.begin() + 20 + static_cast<std::ptrdiff_t>(json_size), nullptr, false);
    if (glb.json.is_discarded() || !glb.json.is_object()) return std::nullopt;
    const std::size_t bin_header = 20 + ((json_size + 3) & ~std::size_t{3});
    if (bin_header <= b.size() && b.size() - bin_header >= 8 && read_u32(b, bin_header + 4) == kChunkBin) {
        const std::size_t size = read_u32(b, bin_header);
        if (size <= b.size() - bin_header - 8) {
            glb.bin_offset = bin_header + 8;
            glb.bin_size = size;
        }
    }
    return glb;
}

// j[key] as a non-negative integer, if it is one.
std::optional<std::size_t> index_at(const nlohmann::json& j, const char* key) {
    if (!j.is_object()) return std::nullopt;
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned()) return std::nullopt;
    return it->get<std::size_t>();
}

const nlohmann::json* element(const nlohmann::json& json, const char* array, std::optional<std::size_t> i) {
    if (!i) return nullptr;
    const auto it = json.find(array);
    if (it == json.end() || !it->is_array() || *i >= it->size()) return nullptr;
    return &(*it)[*i];
}

// The first primitive of node `node`'s mesh.
const nlohmann::json* primitive_of(const nlohmann::json& json, std::size_t node) {
    const nlohmann::json* n = element(json, "nodes", node);
    const nlohmann::json* mesh = n ? element(json, "meshes", index_at(*n, "mesh")) : nullptr;
    if (mesh == nullptr || !mesh->is_object()) return nullptr;
    const auto prims = mesh->find("primitives");
    if (prims == mesh->end() || !prims->is_array() || prims->empty() || !(*prims)[0].is_object()) return nullptr;
    return &(*prims)[0];
}

std::optional<std::size_t> position_accessor(const nlohmann::json& primitive) {
    const auto attributes = primitive.find("attributes");
    if (attributes == primitive.end()) return std::nullopt;
    return index_at(*attributes, "POSITION");
}

// The triangle list of a primitive's index accessor, every byte inside the BIN chunk.
std::optional<std::vector<std::uint32_t>> read_indices(const Glb& glb, const nlohmann::json& primitive) {
    if (primitive.contains("mode") && !(primitive["mode"].is_number_unsigned() && primitive["mode"] == 4))
        return std::nullopt;
    const nlohmann::json* accessor = element(glb.json, "accessors", index_at(primitive, "indices"));
    if (accessor == nullptr) return std::nullopt;
    const nlohmann::json* view = element(glb.json, "bufferViews", index_at(*accessor, "bufferView"));
    const auto count = index_at(*accessor, "count");
    const auto type = index_at(*accessor, "componentType");
    if (view == nullptr || !count || !type || accessor->value("type", std::string()) != "SCALAR") return std::nullopt;
    if (index_at(*view, "buffer").value_or(1) != 0 || view->contains("byteStride")) return std::nullopt;
    const std::size_t size = *type == kUnsignedInt ? 4 : *type == kUnsignedShort ? 2 : *type == kUnsignedByte ? 1 : 0;
    if (size == 0 || *count == 0 || *count % 3 != 0) return std::nullopt;
    const std::size_t view_offset = index_at(*view, "byteOffset").value_or(0);
    const auto view_length = index_at(*view, "byteLength");
    const std::size_t accessor_offset = index_at(*accessor, "byteOffset").value_or(0);
    if (!view_length || view_offset > glb.bin_size || *view_length > glb.bin_size - view_offset) return std::nullopt;
    if (accessor_offset > *view_length || *count > (*view_length - accessor_offset) / size) return std::nullopt;
    const char* data = glb.bytes.data() + glb.bin_offset + view_offset + accessor_offset;
    std::vector<std::uint32_t> out(*count);
    for (std::size_t i = 0; i < *count; ++i) {
        std::uint32_t v = 0;
        std::memcpy(&v, data + i * size, size);  // little-endian, as glTF and the machines myoview runs on
        out[i] = v;
    }
    return out;
}

}  // namespace

Status attach_glb_lods(const std::filesystem::path& path, Model& model) try {
    const std::optional<Glb> glb = read_glb(path);
    if (!glb || glb->bin_size == 0) return Ok{};
    const nlohmann::json& json = glb->json;
    const auto nodes = json.find("nodes");
    if (nodes == json.end() || !nodes->is_array()) return Ok{};
    std::unordered_map<std::string, std::vector<std::vector<std::uint32_t>>> levels_by_node;
    for (std::size_t n = 0; n < nodes->size(); ++n) {
        const nlohmann::json& node = (*nodes)[n];
        if (!node.is_object() || !node.contains("extensions") || !node["extensions"].is_object()) continue;
        const auto lod = node["extensions"].find("MSFT_lod");
        if (lod == node["extensions"].end() || !lod->is_object() || !lod->contains("ids") || !(*lod)["ids"].is_array())
            continue;
        const nlohmann::json* base = primitive_of(json, n);
        const auto base_positions = base ? position_accessor(*base) : std::nullopt;
        if (!base_positions) continue;
        std::vector<std::vector<std::uint32_t>> levels;
        for (const nlohmann::json& id : (*lod)["ids"]) {
            if (!id.is_number_unsigned()) break;
            const nlohmann::json* prim = primitive_of(json, id.get<std::size_t>());
            // Only a level over the very same vertices can index the full mesh's vertex buffer.
            if (prim == nullptr || position_accessor(*prim) != base_positions) break;
            auto indices = read_indices(*glb, *prim);
            if (!indices) break;
            levels.push_back(std::move(indices).value());
        }
        if (!levels.empty()) levels_by_node[node.value("name", std::string())] = std::move(levels);
    }
    for (Mesh& mesh : model.meshes) {
        // Skinned meshes keep the file's vertices in the file's order (static ones are copied per node and may be
        // transformed with a mirror, which flips the winding): only they take levels.
        if (mesh.bones.empty()) continue;
        const auto it = levels_by_node.find(mesh.node_name);
        if (it == levels_by_node.end()) continue;
        mesh.lods.clear();
        for (const auto& level : it->second) {
            // A level naming a vertex the mesh lacks is dropped here, with those after it, rather than failing the
            // import in validate().
            const std::size_t vertex_count = mesh.positions.size();
            if (std::any_of(level.begin(), level.end(), [&](std::uint32_t i) { return i >= vertex_count; })) break;
            mesh.lods.push_back(level);
        }
    }
    return Ok{};
} catch (const nlohmann::json::exception&) {
    return Ok{};  // a JSON of unexpected types: no levels, the full meshes draw as always
}

}  // namespace myoview::assets::detail
