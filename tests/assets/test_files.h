#pragma once
// Test helpers: a temporary directory that removes itself, and writers for small model files.

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace myoview::assets::test_files {

class TempDir {
  public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "myoview_assets_XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) std::abort();
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path write(const std::string& name, const std::string& contents) const {
        const std::filesystem::path file = path_ / name;
        std::ofstream out(file, std::ios::binary);
        out << contents;
        return file;
    }

  private:
    std::filesystem::path path_;
};

// A cube as OBJ: 8 positions, 6 quads, no normals (the importer must generate them), in object "Cube".
inline std::string cube_obj() {
    return "# unit cube, quads, no normals\n"
           "o Cube\n"
           "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nv 0 0 1\nv 1 0 1\nv 1 1 1\nv 0 1 1\n"
           "f 1 4 3 2\nf 5 6 7 8\nf 1 2 6 5\nf 2 3 7 6\nf 3 4 8 7\nf 4 1 5 8\n";
}

// A regular-ish tetrahedron as ASCII STL: 4 facets.
inline std::string tetrahedron_stl() {
    return "solid tetra\n"
           "facet normal 0 0 -1\n outer loop\n  vertex 0 0 0\n  vertex 0 2 0\n  vertex 2 0 0\n endloop\nendfacet\n"
           "facet normal 0 -1 0\n outer loop\n  vertex 0 0 0\n  vertex 2 0 0\n  vertex 0 0 3\n endloop\nendfacet\n"
           "facet normal -1 0 0\n outer loop\n  vertex 0 0 0\n  vertex 0 0 3\n  vertex 0 2 0\n endloop\nendfacet\n"
           "facet normal 1 1 1\n outer loop\n  vertex 2 0 0\n  vertex 0 2 0\n  vertex 0 0 3\n endloop\nendfacet\n"
           "endsolid tetra\n";
}

// A coloured quad as ASCII PLY: 4 vertices with rgb, one quad face (two triangles once triangulated).
inline std::string colored_quad_ply() {
    return "ply\nformat ascii 1.0\n"
           "element vertex 4\nproperty float x\nproperty float y\nproperty float z\n"
           "property uchar red\nproperty uchar green\nproperty uchar blue\n"
           "element face 1\nproperty list uchar int vertex_indices\nend_header\n"
           "0 0 0 255 0 0\n4 0 0 0 255 0\n4 2 0 0 0 255\n0 2 0 255 255 255\n"
           "4 0 1 2 3\n";
}

// Builds a glTF 2.0 file (JSON with the buffer embedded as a base64 data URI).
class GltfWriter {
  public:
    // Appends raw values to the buffer as one bufferView + accessor; returns the accessor index.
    template <typename T>
    int add_accessor(const std::vector<T>& values, int component_type, const std::string& type, int count,
                     int target = 0) {
        while (buffer_.size() % 4 != 0) buffer_.push_back(0);
        const std::size_t offset = buffer_.size();
        const auto* bytes = reinterpret_cast<const uint8_t*>(values.data());
        buffer_.insert(buffer_.end(), bytes, bytes + values.size() * sizeof(T));
        const int view = static_cast<int>(views_.size());
        views_.push_back(R"({"buffer":0,"byteOffset":)" + std::to_string(offset) + R"(,"byteLength":)" +
                         std::to_string(values.size() * sizeof(T)) +
                         (target != 0 ? R"(,"target":)" + std::to_string(target) : std::string()) + "}");
        accessors_.push_back(R"({"bufferView":)" + std::to_string(view) + R"(,"componentType":)" +
                             std::to_string(component_type) + R"(,"count":)" + std::to_string(count) + R"(,"type":")" +
                             type + R"("})");
        return static_cast<int>(accessors_.size()) - 1;
    }

    // `rest` holds the remaining top-level members (scene, scenes, nodes, meshes, skins), without braces.
    std::string json(const std::string& rest) const {
        std::string text = R"({"asset":{"version":"2.0"},"buffers":[{"byteLength":)" + std::to_string(buffer_.size()) +
                           R"(,"uri":"data:application/octet-stream;base64,)" + base64(buffer_) + R"("}],)";
        text += R"("bufferViews":[)" + join(views_) + "],";
        text += R"("accessors":[)" + join(accessors_) + "],";
        return text + rest + "}";
    }

  private:
    static std::string join(const std::vector<std::string>& parts) {
        std::string text;
        for (std::size_t i = 0; i < parts.size(); ++i) text += (i > 0 ? "," : "") + parts[i];
        return text;
    }
    static std::string base64(const std::vector<uint8_t>& data) {
        static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        std::string text;
        for (std::size_t i = 0; i < data.size(); i += 3) {
            const uint32_t b0 = data[i];
            const uint32_t b1 = i + 1 < data.size() ? data[i + 1] : 0u;
            const uint32_t b2 = i + 2 < data.size() ? data[i + 2] : 0u;
            const uint32_t triple = (b0 << 16) | (b1 << 8) | b2;
            text += kAlphabet[(triple >> 18) & 63];
            text += kAlphabet[(triple >> 12) & 63];
            text += i + 1 < data.size() ? kAlphabet[(triple >> 6) & 63] : '=';
            text += i + 2 < data.size() ? kAlphabet[triple & 63] : '=';
        }
        return text;
    }
    std::vector<uint8_t> buffer_;
    std::vector<std::string> views_;
    std::vector<std::string> accessors_;
};

constexpr int kFloat = 5126;
constexpr int kUnsignedShort = 5123;
constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;

// A skinned strip: 6 vertices in 3 rows (y = 0, 1, 2), 4 triangles, two joints "upper" (at y=0) and "lower"
// (child, at y=1). Rows 0 and 2 belong fully to one joint; row 1 is shared with weights 0.6 / 0.2 (which the
// importer must renormalise to 0.75 / 0.25). The mesh node "arm_skin" is translated by x+5, which a skinned
// mesh must NOT bake into its bind-pose vertices.
inline std::string skinned_strip_gltf() {
    GltfWriter w;
    const std::vector<float> positions = {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 2, 0, 1, 2, 0};
    const std::vector<float> normals = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
    const std::vector<uint16_t> joints = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0};
    const std::vector<float> weights = {1,    0,    0, 0, 1, 0, 0, 0, 0.6f, 0.2f, 0, 0,
                                        0.6f, 0.2f, 0, 0, 1, 0, 0, 0, 1,    0,    0, 0};
    const std::vector<uint16_t> indices = {0, 1, 3, 0, 3, 2, 2, 3, 5, 2, 5, 4};
    // Inverse bind matrices, column-major: identity for "upper", translation (0, -1, 0) for "lower".
    const std::vector<float> inverse_bind = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0,  0, 1,
                                             1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, -1, 0, 1};
    const int pos = w.add_accessor(positions, kFloat, "VEC3", 6, kArrayBuffer);
    const int nrm = w.add_accessor(normals, kFloat, "VEC3", 6, kArrayBuffer);
    const int jnt = w.add_accessor(joints, kUnsignedShort, "VEC4", 6, kArrayBuffer);
    const int wgt = w.add_accessor(weights, kFloat, "VEC4", 6, kArrayBuffer);
    const int idx = w.add_accessor(indices, kUnsignedShort, "SCALAR", 12, kElementArrayBuffer);
    const int ibm = w.add_accessor(inverse_bind, kFloat, "MAT4", 2);
    // Fix the accessor min/max requirement of POSITION by hand.
    std::string json =
        w.json(R"("scene":0,"scenes":[{"nodes":[0]}],)"
               R"("nodes":[{"name":"body","children":[1,2]},)"
               R"({"name":"arm_skin","mesh":0,"skin":0,"translation":[5,0,0]},)"
               R"({"name":"upper","children":[3]},{"name":"lower","translation":[0,1,0]}],)"
               R"("skins":[{"joints":[2,3],"inverseBindMatrices":)" +
               std::to_string(ibm) + R"(}],"meshes":[{"name":"arm","primitives":[{"attributes":{"POSITION":)" +
               std::to_string(pos) + R"(,"NORMAL":)" + std::to_string(nrm) + R"(,"JOINTS_0":)" + std::to_string(jnt) +
               R"(,"WEIGHTS_0":)" + std::to_string(wgt) + R"(},"indices":)" + std::to_string(idx) + "}]}]");
    const std::string needle = R"("type":"VEC3"})";
    const std::size_t at = json.find(needle);  // the first VEC3 accessor is POSITION
    json.replace(at, needle.size(), R"("type":"VEC3","min":[0,0,0],"max":[1,2,0]})");
    return json;
}

// One triangle in a node with the given TRS members (e.g. R"("translation":[10,0,0])"), no normals.
inline std::string static_triangle_gltf(const std::string& node_transform) {
    GltfWriter w;
    const std::vector<float> positions = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    const std::vector<uint16_t> indices = {0, 1, 2, 0};  // padded to 4-byte multiple; count says 3
    const int pos = w.add_accessor(positions, kFloat, "VEC3", 3, kArrayBuffer);
    const int idx = w.add_accessor(indices, kUnsignedShort, "SCALAR", 3, kElementArrayBuffer);
    std::string json = w.json(R"("scene":0,"scenes":[{"nodes":[0]}],"nodes":[{"name":"tri_node","mesh":0)" +
                              (node_transform.empty() ? std::string() : "," + node_transform) +
                              R"(}],"meshes":[{"name":"tri","primitives":[{"attributes":{"POSITION":)" +
                              std::to_string(pos) + R"(},"indices":)" + std::to_string(idx) + "}]}]");
    const std::string needle = R"("type":"VEC3"})";
    json.replace(json.find(needle), needle.size(), R"("type":"VEC3","min":[0,0,0],"max":[1,1,0]})");
    return json;
}

}  // namespace myoview::assets::test_files
