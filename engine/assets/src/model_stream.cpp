#include "model_stream.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace myoview::assets::detail {
namespace {

constexpr uint32_t kMagic = 0x564f594du;  // "MYOV" in little-endian byte order
constexpr uint32_t kVersion = 2;  // 2: levels of detail after the indices
constexpr uint8_t kKindModel = 0;
constexpr uint8_t kKindError = 1;
// Names and messages longer than this are corruption, not data.
constexpr uint32_t kMaxStringBytes = 1u << 20;

static_assert(sizeof(glm::vec2) == 8 && sizeof(glm::vec3) == 12 && sizeof(glm::vec4) == 16);
static_assert(sizeof(glm::uvec4) == 16 && sizeof(glm::mat4) == 64);

class Encoder {
  public:
    explicit Encoder(ByteSink& sink) : sink_(sink) {}

    template <typename T>
    void pod(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes(reinterpret_cast<const char*>(&value), sizeof(T));
    }
    void string(const std::string& s) {
        const auto size = static_cast<uint32_t>(std::min<std::size_t>(s.size(), kMaxStringBytes));
        pod(size);
        bytes(s.data(), size);
    }
    template <typename T>
    void array(const std::vector<T>& values) {
        static_assert(std::is_trivially_copyable_v<T>);
        pod(static_cast<uint64_t>(values.size()));
        bytes(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
    }
    bool ok() const { return ok_; }

  private:
    void bytes(const char* data, std::size_t size) {
        if (ok_ && size > 0) ok_ = sink_.write(data, size);
    }
    ByteSink& sink_;
    bool ok_ = true;
};

class Decoder {
  public:
    explicit Decoder(std::span<const char> bytes) : bytes_(bytes) {}

    template <typename T>
    bool pod(T& value) {
        static_assert(std::is_trivially_copyable_v<T>);
        if (remaining() < sizeof(T)) return fail("truncated");
        std::memcpy(&value, bytes_.data() + offset_, sizeof(T));
        offset_ += sizeof(T);
        return true;
    }
    bool string(std::string& s) {
        uint32_t size = 0;
        if (!pod(size)) return false;
        if (size > kMaxStringBytes || size > remaining()) return fail("string length out of range");
        s.assign(bytes_.data() + offset_, size);
        offset_ += size;
        return true;
    }
    template <typename T>
    bool array(std::vector<T>& values) {
        uint64_t count = 0;
        if (!pod(count)) return false;
        // Checked before any allocation: a count the received bytes cannot hold is corruption.
        if (count > remaining() / sizeof(T)) return fail("array length out of range");
        const auto n = static_cast<std::size_t>(count);
        values.resize(n);
        if (n == 0) return true;  // memcpy's pointers must not be null, even for zero bytes
        std::memcpy(values.data(), bytes_.data() + offset_, n * sizeof(T));
        offset_ += n * sizeof(T);
        return true;
    }
    // A count of records each taking at least min_bytes: bounded by the bytes left.
    bool count(std::size_t& n, std::size_t min_bytes) {
        uint64_t value = 0;
        if (!pod(value)) return false;
        if (value > remaining() / min_bytes) return fail("record count out of range");
        n = static_cast<std::size_t>(value);
        return true;
    }
    std::size_t remaining() const { return bytes_.size() - offset_; }
    bool fail(const char* why) {
        if (error_.empty()) error_ = why;
        return false;
    }
    const std::string& error() const { return error_; }

  private:
    std::span<const char> bytes_;
    std::size_t offset_ = 0;
    std::string error_;
};

// Lower bounds of an encoded record, used only to reject impossible counts early.
constexpr std::size_t kMinMeshBytes = 3 * 4 + 16 + 8 * 8 + 8 + 8;
constexpr std::size_t kMinLodBytes = 8;
constexpr std::size_t kMinNodeBytes = 4 + 4 + 64 + 8;
constexpr std::size_t kMinBoneBytes = 4 + 64;

void encode_header(Encoder& e, uint8_t kind) {
    e.pod(kMagic);
    e.pod(kVersion);
    e.pod(kind);
}

bool decode_mesh(Decoder& d, Mesh& mesh) {
    if (!d.string(mesh.name) || !d.string(mesh.node_name) || !d.string(mesh.material_name) || !d.pod(mesh.base_color) ||
        !d.array(mesh.positions) || !d.array(mesh.normals) || !d.array(mesh.tangents) || !d.array(mesh.colors) ||
        !d.array(mesh.uvs) || !d.array(mesh.joints) || !d.array(mesh.weights) || !d.array(mesh.indices)) {
        return false;
    }
    std::size_t lod_count = 0;
    if (!d.count(lod_count, kMinLodBytes)) return false;
    mesh.lods.resize(lod_count);
    for (auto& lod : mesh.lods) {
        if (!d.array(lod)) return false;
    }
    std::size_t bone_count = 0;
    if (!d.count(bone_count, kMinBoneBytes)) return false;
    mesh.bones.resize(bone_count);
    for (Bone& bone : mesh.bones) {
        if (!d.string(bone.name) || !d.pod(bone.offset)) return false;
    }
    return true;
}

bool decode_node(Decoder& d, Node& node) {
    int32_t parent = 0;
    std::vector<int32_t> meshes;
    if (!d.string(node.name) || !d.pod(parent) || !d.pod(node.local) || !d.array(meshes)) return false;
    node.parent = parent;
    node.meshes.assign(meshes.begin(), meshes.end());
    return true;
}

}  // namespace

bool encode_model(ByteSink& sink, const Model& model) {
    Encoder e(sink);
    encode_header(e, kKindModel);
    e.string(model.source_path);
    e.pod(static_cast<uint64_t>(model.meshes.size()));
    for (const Mesh& mesh : model.meshes) {
        e.string(mesh.name);
        e.string(mesh.node_name);
        e.string(mesh.material_name);
        e.pod(mesh.base_color);
        e.array(mesh.positions);
        e.array(mesh.normals);
        e.array(mesh.tangents);
        e.array(mesh.colors);
        e.array(mesh.uvs);
        e.array(mesh.joints);
        e.array(mesh.weights);
        e.array(mesh.indices);
        e.pod(static_cast<uint64_t>(mesh.lods.size()));
        for (const auto& lod : mesh.lods) e.array(lod);
        e.pod(static_cast<uint64_t>(mesh.bones.size()));
        for (const Bone& bone : mesh.bones) {
            e.string(bone.name);
            e.pod(bone.offset);
        }
    }
    e.pod(static_cast<uint64_t>(model.nodes.size()));
    for (const Node& node : model.nodes) {
        e.string(node.name);
        e.pod(static_cast<int32_t>(node.parent));
        e.pod(node.local);
        std::vector<int32_t> meshes(node.meshes.begin(), node.meshes.end());
        e.array(meshes);
    }
    e.pod(kMagic);  // end marker: a stream cut short is detected even when it ends on a record boundary
    return e.ok();
}

bool encode_error(ByteSink& sink, const std::string& message) {
    Encoder e(sink);
    encode_header(e, kKindError);
    e.string(message);
    return e.ok();
}

DecodedPayload decode_payload(std::span<const char> bytes) {
    DecodedPayload result;
    Decoder d(bytes);
    uint32_t magic = 0;
    uint32_t version = 0;
    uint8_t kind = 0;
    if (!d.pod(magic) || !d.pod(version) || !d.pod(kind) || magic != kMagic || version != kVersion) {
        result.message = bytes.empty() ? "no data" : "bad header";
        return result;
    }
    if (kind == kKindError) {
        if (!d.string(result.message) || d.remaining() != 0) {
            result.message = "bad error record";
            return result;
        }
        result.kind = DecodedPayload::Kind::kError;
        return result;
    }
    if (kind != kKindModel) {
        result.message = "unknown record kind";
        return result;
    }
    Model& model = result.model;
    std::size_t mesh_count = 0;
    std::size_t node_count = 0;
    bool ok = d.string(model.source_path) && d.count(mesh_count, kMinMeshBytes);
    if (ok) model.meshes.resize(mesh_count);
    for (std::size_t i = 0; ok && i < mesh_count; ++i) ok = decode_mesh(d, model.meshes[i]);
    ok = ok && d.count(node_count, kMinNodeBytes);
    if (ok) model.nodes.resize(node_count);
    for (std::size_t i = 0; ok && i < node_count; ++i) ok = decode_node(d, model.nodes[i]);
    uint32_t end = 0;
    ok = ok && d.pod(end);
    if (!ok || end != kMagic || d.remaining() != 0) {
        result.model = Model{};
        result.message = d.error().empty() ? "bad end marker" : d.error();
        return result;
    }
    model.bounds = compute_bounds(model);
    result.kind = DecodedPayload::Kind::kModel;
    return result;
}

}  // namespace myoview::assets::detail
