#include <cstring>
#include <fstream>
#include <map>
#include <memory>

#include <assimp/material.h>
#include <assimp/scene.h>
#include <assimp/Exporter.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <nlohmann/json.hpp>

#include "myoview/meshgen/bake.h"

namespace myoview::meshgen {

namespace {

// myoview world (z up) -> glTF (y up): (x, y, z) -> (x, z, -y).
glm::vec3 to_y_up(glm::vec3 v) {
    return {v.x, v.z, -v.y};
}
glm::mat4 y_up_matrix() {
    glm::mat4 c(1.0f);
    c[1] = glm::vec4(0.0f, 0.0f, -1.0f, 0.0f);  // image of the y axis
    c[2] = glm::vec4(0.0f, 1.0f, 0.0f, 0.0f);   // image of the z axis
    return c;
}

aiMatrix4x4 to_ai(const glm::mat4& m) {
    aiMatrix4x4 a;
    a.a1 = m[0][0];
    a.a2 = m[1][0];
    a.a3 = m[2][0];
    a.a4 = m[3][0];
    a.b1 = m[0][1];
    a.b2 = m[1][1];
    a.b3 = m[2][1];
    a.b4 = m[3][1];
    a.c1 = m[0][2];
    a.c2 = m[1][2];
    a.c3 = m[2][2];
    a.c4 = m[3][2];
    a.d1 = m[0][3];
    a.d2 = m[1][3];
    a.d3 = m[2][3];
    a.d4 = m[3][3];
    return a;
}

// World frame of a body at rest, in glTF's y-up world.
glm::mat4 body_world_y_up(const BodyFrame& b) {
    const glm::mat4 t = glm::translate(glm::mat4(1.0f), b.position) * glm::mat4_cast(b.orientation);
    return y_up_matrix() * t;
}

const char* material_name(StructureKind k) {
    switch (k) {
        case StructureKind::bone:
            return "material_bone";
        case StructureKind::muscle:
            return "material_muscle";
        case StructureKind::skin:
            return "material_skin";
    }
    return "material_bone";
}

aiMaterial* make_material(StructureKind kind, glm::vec3 color) {
    auto* mat = new aiMaterial();
    const aiString name(material_name(kind));
    mat->AddProperty(&name, AI_MATKEY_NAME);
    const aiColor4D diffuse(color.r, color.g, color.b, 1.0f);
    mat->AddProperty(&diffuse, 1, AI_MATKEY_COLOR_DIFFUSE);
    if (kind == StructureKind::skin) {
        const float opacity = 0.25f;
        mat->AddProperty(&opacity, 1, AI_MATKEY_OPACITY);
    }
    return mat;
}

std::unique_ptr<aiScene> build_scene(const AnatomyModel& model) {
    auto scene = std::make_unique<aiScene>();
    // Materials: one per kind, in enum order.
    const StructureKind kinds[] = {StructureKind::bone, StructureKind::muscle, StructureKind::skin};
    const glm::vec3 colors[] = {glm::vec3(0.89f, 0.85f, 0.74f), glm::vec3(0.66f, 0.17f, 0.15f),
                                glm::vec3(0.86f, 0.72f, 0.63f)};
    scene->mNumMaterials = 3;
    scene->mMaterials = new aiMaterial*[3];
    for (unsigned i = 0; i < 3; ++i) scene->mMaterials[i] = make_material(kinds[i], colors[i]);

    scene->mNumMeshes = static_cast<unsigned>(model.meshes.size());
    scene->mMeshes = new aiMesh*[scene->mNumMeshes];
    for (unsigned mi = 0; mi < scene->mNumMeshes; ++mi) {
        const MeshData& src = model.meshes[mi];
        auto* mesh = new aiMesh();
        mesh->mName = aiString(src.id);
        mesh->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
        mesh->mMaterialIndex = static_cast<unsigned>(src.kind);
        const auto n = static_cast<unsigned>(src.positions.size());
        mesh->mNumVertices = n;
        mesh->mVertices = new aiVector3D[n];
        mesh->mNormals = new aiVector3D[n];
        mesh->mColors[0] = new aiColor4D[n];
        for (unsigned i = 0; i < n; ++i) {
            const glm::vec3 p = to_y_up(src.positions[i]);
            const glm::vec3 nn = to_y_up(src.normals[i]);
            mesh->mVertices[i] = aiVector3D(p.x, p.y, p.z);
            mesh->mNormals[i] = aiVector3D(nn.x, nn.y, nn.z);
            const glm::vec4 c = src.colors[i];
            mesh->mColors[0][i] = aiColor4D(c.r, c.g, c.b, c.a);
        }
        mesh->mNumFaces = static_cast<unsigned>(src.indices.size() / 3);
        mesh->mFaces = new aiFace[mesh->mNumFaces];
        for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
            aiFace& face = mesh->mFaces[f];
            face.mNumIndices = 3;
            face.mIndices = new unsigned[3];
            for (unsigned k = 0; k < 3; ++k) face.mIndices[k] = src.indices[3 * f + k];
        }
        scene->mMeshes[mi] = mesh;
    }

    // Nodes: root "anatomy"; the body (joint) hierarchy first so that body names are the nodes' own ids; a
    // bone structure named like its body lives on that body's node; every other mesh on its own child of root.
    scene->mRootNode = new aiNode("anatomy");
    std::map<std::string, unsigned> mesh_by_id;
    for (unsigned mi = 0; mi < scene->mNumMeshes; ++mi) mesh_by_id.emplace(model.meshes[mi].id, mi);
    std::vector<aiNode*> body_nodes(model.bodies.size(), nullptr);
    std::vector<std::vector<aiNode*>> children(model.bodies.size() + 1);  // [0]: children of the root
    std::vector<bool> mesh_placed(model.meshes.size(), false);
    for (std::size_t b = 0; b < model.bodies.size(); ++b) {
        const BodyFrame& body = model.bodies[b];
        auto* node = new aiNode(body.name);
        const glm::mat4 world = body_world_y_up(body);
        const glm::mat4 parent =
            body.parent >= 0 ? body_world_y_up(model.bodies[static_cast<std::size_t>(body.parent)]) : glm::mat4(1.0f);
        node->mTransformation = to_ai(glm::inverse(parent) * world);
        const auto it = mesh_by_id.find(body.name);
        if (it != mesh_by_id.end()) {
            node->mNumMeshes = 1;
            node->mMeshes = new unsigned[1]{it->second};
            mesh_placed[it->second] = true;
        }
        body_nodes[b] = node;
        children[static_cast<std::size_t>(body.parent + 1)].push_back(node);
    }
    for (unsigned mi = 0; mi < scene->mNumMeshes; ++mi) {
        if (mesh_placed[mi]) continue;
        auto* node = new aiNode(model.meshes[mi].id);
        node->mNumMeshes = 1;
        node->mMeshes = new unsigned[1]{mi};
        children[0].push_back(node);
    }
    auto attach = [](aiNode* parent, const std::vector<aiNode*>& kids) {
        if (kids.empty()) return;
        parent->mNumChildren = static_cast<unsigned>(kids.size());
        parent->mChildren = new aiNode*[kids.size()];
        for (std::size_t i = 0; i < kids.size(); ++i) {
            parent->mChildren[i] = kids[i];
            kids[i]->mParent = parent;
        }
    };
    attach(scene->mRootNode, children[0]);
    for (std::size_t b = 0; b < model.bodies.size(); ++b) attach(body_nodes[b], children[b + 1]);
    return scene;
}

struct Glb {
    nlohmann::json json;
    std::vector<std::uint8_t> bin;
};

std::uint32_t read_u32(const std::uint8_t* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
}
void write_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    std::uint8_t b[4];
    std::memcpy(b, &v, 4);
    out.insert(out.end(), b, b + 4);
}

constexpr std::uint32_t kGlbMagic = 0x46546C67u;
constexpr std::uint32_t kChunkJson = 0x4E4F534Au;
constexpr std::uint32_t kChunkBin = 0x004E4942u;

Result<Glb> parse_glb(const std::uint8_t* data, std::size_t size) {
    if (size < 20 || read_u32(data) != kGlbMagic || read_u32(data + 4) != 2)
        return Error("Assimp wrote no GLB 2.0 header");
    const std::uint32_t json_len = read_u32(data + 12);
    if (read_u32(data + 16) != kChunkJson || 20u + json_len > size) return Error("Assimp's GLB has no JSON chunk");
    Glb glb;
    glb.json = nlohmann::json::parse(data + 20, data + 20 + json_len, nullptr, false);
    if (glb.json.is_discarded()) return Error("Assimp's GLB JSON chunk does not parse");
    std::size_t at = 20u + json_len;
    if (at + 8 <= size) {
        const std::uint32_t bin_len = read_u32(data + at);
        if (read_u32(data + at + 4) != kChunkBin || at + 8 + bin_len > size)
            return Error("Assimp's GLB BIN chunk is malformed");
        glb.bin.assign(data + at + 8, data + at + 8 + bin_len);
    }
    return glb;
}

std::vector<std::uint8_t> write_glb(const Glb& glb) {
    std::string text = glb.json.dump();
    while (text.size() % 4 != 0) text.push_back(' ');
    std::vector<std::uint8_t> bin = glb.bin;
    while (bin.size() % 4 != 0) bin.push_back(0);
    std::vector<std::uint8_t> out;
    write_u32(out, kGlbMagic);
    write_u32(out, 2);
    write_u32(out, static_cast<std::uint32_t>(12 + 8 + text.size() + 8 + bin.size()));
    write_u32(out, static_cast<std::uint32_t>(text.size()));
    write_u32(out, kChunkJson);
    out.insert(out.end(), text.begin(), text.end());
    write_u32(out, static_cast<std::uint32_t>(bin.size()));
    write_u32(out, kChunkBin);
    out.insert(out.end(), bin.begin(), bin.end());
    return out;
}

// Appends raw bytes as a new bufferView (+ accessor); returns the accessor index.
int append_accessor(Glb& glb, const void* data, std::size_t bytes, std::size_t count, int component_type,
                    const char* type, int target) {
    while (glb.bin.size() % 4 != 0) glb.bin.push_back(0);
    const std::size_t offset = glb.bin.size();
    const auto* p = static_cast<const std::uint8_t*>(data);
    glb.bin.insert(glb.bin.end(), p, p + bytes);
    nlohmann::json view = {{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}};
    if (target != 0) view["target"] = target;
    glb.json["bufferViews"].push_back(view);
    const std::size_t view_index = glb.json["bufferViews"].size() - 1;
    glb.json["accessors"].push_back({{"bufferView", view_index},
                                     {"byteOffset", 0},
                                     {"componentType", component_type},
                                     {"count", count},
                                     {"type", type}});
    return static_cast<int>(glb.json["accessors"].size() - 1);
}

template <typename T>
std::vector<T> read_accessor(const Glb& glb, int accessor, std::size_t components) {
    const nlohmann::json& acc = glb.json["accessors"][static_cast<std::size_t>(accessor)];
    const nlohmann::json& view = glb.json["bufferViews"][acc["bufferView"].get<std::size_t>()];
    const std::size_t offset = view.value("byteOffset", std::size_t{0}) + acc.value("byteOffset", std::size_t{0});
    const std::size_t count = acc["count"].get<std::size_t>() * components;
    std::vector<T> out(count);
    if (offset + count * sizeof(T) <= glb.bin.size())
        std::memcpy(out.data(), glb.bin.data() + offset, count * sizeof(T));
    return out;
}

}  // namespace

Result<std::vector<std::uint8_t>> export_glb(const AnatomyModel& model) {
    const std::unique_ptr<aiScene> scene = build_scene(model);
    Assimp::Exporter exporter;
    const aiExportDataBlob* blob = exporter.ExportToBlob(scene.get(), "glb2", 0);
    if (blob == nullptr) return Error(std::string("Assimp glb2 export failed: ") + exporter.GetErrorString());
    Result<Glb> parsed = parse_glb(static_cast<const std::uint8_t*>(blob->data), blob->size);
    if (!parsed) return parsed.error();
    Glb glb = std::move(parsed).value();

    // Node and mesh names must have survived Assimp's id de-duplication.
    std::map<std::string, int> node_by_name;
    for (std::size_t i = 0; i < glb.json["nodes"].size(); ++i) {
        node_by_name.emplace(glb.json["nodes"][i].value("name", std::string()), static_cast<int>(i));
    }
    for (const BodyFrame& b : model.bodies) {
        if (node_by_name.count(b.name) == 0) return Error("exported glTF lost the joint node " + b.name);
    }
    for (const MeshData& m : model.meshes) {
        if (node_by_name.count(m.id) == 0) return Error("exported glTF lost the node " + m.id);
    }
    std::map<std::string, const MeshData*> mesh_by_id;
    for (const MeshData& m : model.meshes) mesh_by_id.emplace(m.id, &m);

    for (auto& gmesh : glb.json["meshes"]) {
        const std::string name = gmesh.value("name", std::string());
        const auto it = mesh_by_id.find(name);
        if (it == mesh_by_id.end() || gmesh["primitives"].size() != 1)
            return Error("unexpected mesh in Assimp's glTF: " + name);
        const MeshData& src = *it->second;
        nlohmann::json& prim = gmesh["primitives"][0];
        // Assimp joins identical vertices; ours are unique and numbered in first-use order, so the vertex order
        // must come back unchanged. Verify it before adding per-vertex attributes by index.
        const std::vector<float> pos = read_accessor<float>(glb, prim["attributes"]["POSITION"].get<int>(), 3);
        if (pos.size() != src.positions.size() * 3) return Error("Assimp changed the vertex count of " + name);
        for (std::size_t i = 0; i < src.positions.size(); ++i) {
            const glm::vec3 p = to_y_up(src.positions[i]);
            if (pos[3 * i] != p.x || pos[3 * i + 1] != p.y || pos[3 * i + 2] != p.z) {
                return Error("Assimp reordered the vertices of " + name);
            }
        }
        const std::size_t n = src.positions.size();
        std::vector<float> tangents(4 * n);
        std::vector<std::uint8_t> joints(4 * n);
        std::vector<float> weights(4 * n);
        for (std::size_t i = 0; i < n; ++i) {
            const glm::vec3 t = to_y_up(glm::vec3(src.tangents[i]));
            tangents[4 * i] = t.x;
            tangents[4 * i + 1] = t.y;
            tangents[4 * i + 2] = t.z;
            tangents[4 * i + 3] = src.tangents[i].w;
            for (std::size_t k = 0; k < 4; ++k) {
                joints[4 * i + k] = static_cast<std::uint8_t>(src.joints[i][k]);
                weights[4 * i + k] = src.weights[i][static_cast<glm::length_t>(k)];
            }
        }
        constexpr int kFloat = 5126;
        constexpr int kUnsignedByte = 5121;
        constexpr int kArrayBuffer = 34962;
        prim["attributes"]["TANGENT"] =
            append_accessor(glb, tangents.data(), tangents.size() * sizeof(float), n, kFloat, "VEC4", kArrayBuffer);
        prim["attributes"]["JOINTS_0"] =
            append_accessor(glb, joints.data(), joints.size(), n, kUnsignedByte, "VEC4", kArrayBuffer);
        prim["attributes"]["WEIGHTS_0"] =
            append_accessor(glb, weights.data(), weights.size() * sizeof(float), n, kFloat, "VEC4", kArrayBuffer);
    }

    // One skin: the MJCF bodies in model order.
    std::vector<float> inverse_bind;
    nlohmann::json joint_nodes = nlohmann::json::array();
    for (const BodyFrame& b : model.bodies) {
        const glm::mat4 inv = glm::inverse(body_world_y_up(b));
        for (int c = 0; c < 4; ++c) {
            for (int r = 0; r < 4; ++r) inverse_bind.push_back(inv[c][r]);
        }
        joint_nodes.push_back(node_by_name[b.name]);
    }
    const int ibm = append_accessor(glb, inverse_bind.data(), inverse_bind.size() * sizeof(float), model.bodies.size(),
                                    5126, "MAT4", 0);
    int skeleton_root = node_by_name[model.bodies.front().name];
    glb.json["skins"] = nlohmann::json::array({{{"name", "anatomy_skeleton"},
                                                {"joints", joint_nodes},
                                                {"inverseBindMatrices", ibm},
                                                {"skeleton", skeleton_root}}});
    for (auto& node : glb.json["nodes"]) {
        if (node.contains("mesh")) node["skin"] = 0;
    }
    // Assimp 5.2 declares extensions it never writes (KHR_materials_volume, FB_ngon_encoding); keep only those
    // some object actually carries, so validators see a clean file.
    if (glb.json.contains("extensionsUsed")) {
        const std::string text = glb.json.dump();
        nlohmann::json used = nlohmann::json::array();
        for (const auto& ext : glb.json["extensionsUsed"]) {
            const std::string key = "\"" + ext.get<std::string>() + "\":";
            if (text.find(key) != std::string::npos) used.push_back(ext);
        }
        if (used.empty()) {
            glb.json.erase("extensionsUsed");
        } else {
            glb.json["extensionsUsed"] = used;
        }
    }
    glb.json["buffers"][0]["byteLength"] = glb.bin.size();
    return write_glb(glb);
}

}  // namespace myoview::meshgen
