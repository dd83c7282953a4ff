#include "glb_export.h"

#include <cstring>
#include <map>
#include <memory>
#include <string>

#include <assimp/material.h>
#include <assimp/scene.h>
#include <assimp/Exporter.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <nlohmann/json.hpp>

namespace myoview::bake {

namespace {

// myoview world (z up) -> glTF (y up): (x, y, z) -> (x, z, -y), a rotation of -90 degrees about x.
glm::vec3 to_y_up(glm::vec3 v) {
    return {v.x, v.z, -v.y};
}
glm::quat y_up_rotation() {
    return glm::angleAxis(-glm::half_pi<float>(), glm::vec3(1.0f, 0.0f, 0.0f));
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

std::unique_ptr<aiScene> build_scene(const BakedModel& model) {
    auto scene = std::make_unique<aiScene>();
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
    // One node per mesh under a root; the pass below replaces the node hierarchy as a whole.
    scene->mRootNode = new aiNode("anatomy");
    scene->mRootNode->mNumChildren = scene->mNumMeshes;
    scene->mRootNode->mChildren = new aiNode*[scene->mNumMeshes];
    for (unsigned mi = 0; mi < scene->mNumMeshes; ++mi) {
        auto* node = new aiNode(model.meshes[mi].id);
        node->mNumMeshes = 1;
        node->mMeshes = new unsigned[1]{mi};
        node->mParent = scene->mRootNode;
        scene->mRootNode->mChildren[mi] = node;
    }
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
constexpr int kFloat = 5126;
constexpr int kUnsignedByte = 5121;
constexpr int kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;

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
    glb.json["accessors"].push_back(
        {{"bufferView", view_index}, {"componentType", component_type}, {"count", count}, {"type", type}});
    return static_cast<int>(glb.json["accessors"].size() - 1);
}

std::vector<float> read_floats(const Glb& glb, int accessor, std::size_t components) {
    const nlohmann::json& acc = glb.json["accessors"][static_cast<std::size_t>(accessor)];
    const nlohmann::json& view = glb.json["bufferViews"][acc["bufferView"].get<std::size_t>()];
    const std::size_t offset = view.value("byteOffset", std::size_t{0}) + acc.value("byteOffset", std::size_t{0});
    const std::size_t count = acc["count"].get<std::size_t>() * components;
    std::vector<float> out(count);
    if (offset + count * sizeof(float) <= glb.bin.size())
        std::memcpy(out.data(), glb.bin.data() + offset, count * sizeof(float));
    return out;
}

nlohmann::json vec_json(const float* v, int n) {
    nlohmann::json a = nlohmann::json::array();
    for (int i = 0; i < n; ++i) a.push_back(v[i]);
    return a;
}

// Rest pose of each body relative to its parent body (roots: relative to glTF's y-up world), as translation and
// rotation, and the resulting global matrices.
struct JointPose {
    glm::vec3 translation{0.0f};
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
    glm::mat4 global{1.0f};
};

std::vector<JointPose> joint_poses(const std::vector<BodyFrame>& bodies) {
    std::vector<JointPose> poses(bodies.size());
    for (std::size_t b = 0; b < bodies.size(); ++b) {
        const BodyFrame& body = bodies[b];
        JointPose& pose = poses[b];
        if (body.parent < 0) {
            pose.translation = to_y_up(body.position);
            pose.rotation = glm::normalize(y_up_rotation() * body.orientation);
        } else {
            const BodyFrame& parent = bodies[static_cast<std::size_t>(body.parent)];
            const glm::quat inv = glm::conjugate(parent.orientation);
            pose.translation = inv * (body.position - parent.position);
            pose.rotation = glm::normalize(inv * body.orientation);
        }
        const glm::mat4 local = glm::translate(glm::mat4(1.0f), pose.translation) * glm::mat4_cast(pose.rotation);
        pose.global = body.parent < 0 ? local : poses[static_cast<std::size_t>(body.parent)].global * local;
    }
    return poses;
}

}  // namespace

Result<std::vector<std::uint8_t>> export_glb(const BakedModel& model) {
    if (model.bodies.empty() || model.bodies.size() > 255) return Error("the skin needs 1 to 255 joints");
    const std::unique_ptr<aiScene> scene = build_scene(model);
    Assimp::Exporter exporter;
    const aiExportDataBlob* blob = exporter.ExportToBlob(scene.get(), "glb2", 0);
    if (blob == nullptr) return Error(std::string("Assimp glb2 export failed: ") + exporter.GetErrorString());
    Result<Glb> parsed = parse_glb(static_cast<const std::uint8_t*>(blob->data), blob->size);
    if (!parsed) return parsed.error();
    Glb glb = std::move(parsed).value();

    std::map<std::string, const MeshData*> mesh_by_id;
    for (const MeshData& m : model.meshes) mesh_by_id.emplace(m.id, &m);
    std::map<std::string, int> gltf_mesh_by_id;
    if (glb.json["meshes"].size() != model.meshes.size()) return Error("Assimp's glTF lost meshes");
    for (std::size_t gi = 0; gi < glb.json["meshes"].size(); ++gi) {
        nlohmann::json& gmesh = glb.json["meshes"][gi];
        const std::string name = gmesh.value("name", std::string());
        const auto it = mesh_by_id.find(name);
        if (it == mesh_by_id.end() || gmesh["primitives"].size() != 1)
            return Error("unexpected mesh in Assimp's glTF: " + name);
        gltf_mesh_by_id[name] = static_cast<int>(gi);
        const MeshData& src = *it->second;
        nlohmann::json& prim = gmesh["primitives"][0];
        // Assimp joins identical vertices; ours are unique and numbered in first-use order, so the vertex order must
        // come back unchanged. Verify it before adding per-vertex attributes by index.
        const std::vector<float> pos = read_floats(glb, prim["attributes"]["POSITION"].get<int>(), 3);
        if (pos.size() != src.positions.size() * 3) return Error("Assimp changed the vertex count of " + name);
        for (std::size_t i = 0; i < src.positions.size(); ++i) {
            const glm::vec3 p = to_y_up(src.positions[i]);
            if (pos[3 * i] != p.x || pos[3 * i + 1] != p.y || pos[3 * i + 2] != p.z)
                return Error("Assimp reordered the vertices of " + name);
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
                joints[4 * i + k] = src.joints[i][k];
                weights[4 * i + k] = src.weights[i][static_cast<glm::length_t>(k)];
            }
        }
        prim["attributes"]["TANGENT"] =
            append_accessor(glb, tangents.data(), tangents.size() * sizeof(float), n, kFloat, "VEC4", kArrayBuffer);
        prim["attributes"]["JOINTS_0"] =
            append_accessor(glb, joints.data(), joints.size(), n, kUnsignedByte, "VEC4", kArrayBuffer);
        prim["attributes"]["WEIGHTS_0"] =
            append_accessor(glb, weights.data(), weights.size() * sizeof(float), n, kFloat, "VEC4", kArrayBuffer);
    }

    // Nodes: 0 = the root "anatomy", 1..B = the joints (MJCF bodies in MJCF order), then one node per mesh.
    const std::vector<JointPose> poses = joint_poses(model.bodies);
    const std::size_t body_count = model.bodies.size();
    nlohmann::json nodes = nlohmann::json::array();
    nlohmann::json root = {{"name", "anatomy"}};
    nlohmann::json root_children = nlohmann::json::array();
    std::vector<nlohmann::json> joint_nodes(body_count);
    std::vector<nlohmann::json> joint_children(body_count, nlohmann::json::array());
    for (std::size_t b = 0; b < body_count; ++b) {
        const JointPose& pose = poses[b];
        const float rotation[4] = {pose.rotation.x, pose.rotation.y, pose.rotation.z, pose.rotation.w};
        joint_nodes[b] = {{"name", model.bodies[b].name},
                          {"translation", vec_json(&pose.translation.x, 3)},
                          {"rotation", vec_json(rotation, 4)}};
        const int parent = model.bodies[b].parent;
        (parent < 0 ? root_children : joint_children[static_cast<std::size_t>(parent)]).push_back(1 + b);
    }
    root["children"] = root_children;
    nodes.push_back(root);
    for (std::size_t b = 0; b < body_count; ++b) {
        if (!joint_children[b].empty()) joint_nodes[b]["children"] = joint_children[b];
        nodes.push_back(joint_nodes[b]);
    }
    nlohmann::json scene_nodes = nlohmann::json::array({0});
    std::map<std::string, std::size_t> node_by_id;
    for (const MeshData& m : model.meshes) {
        node_by_id[m.id] = nodes.size();
        scene_nodes.push_back(nodes.size());
        nodes.push_back({{"name", m.id}, {"mesh", gltf_mesh_by_id[m.id]}, {"skin", 0}});
    }
    // Levels of detail (MSFT_lod): per level a mesh `<id>#lodN` whose primitive shares the full mesh's vertex
    // accessors and has its own indices, on a node outside the scene that the full mesh's node lists. The file grows
    // by the index lists only; a viewer that ignores MSFT_lod draws the full meshes alone.
    bool any_lod = false;
    for (const MeshData& m : model.meshes) {
        if (m.lods.empty()) continue;
        any_lod = true;
        const nlohmann::json base_prim =
            glb.json["meshes"][static_cast<std::size_t>(gltf_mesh_by_id[m.id])]["primitives"][0];
        nlohmann::json ids = nlohmann::json::array();
        for (std::size_t level = 0; level < m.lods.size(); ++level) {
            const std::vector<std::uint32_t>& indices = m.lods[level];
            nlohmann::json prim = {{"attributes", base_prim["attributes"]}, {"mode", 4}};
            if (base_prim.contains("material")) prim["material"] = base_prim["material"];
            prim["indices"] = append_accessor(glb, indices.data(), indices.size() * sizeof(std::uint32_t),
                                              indices.size(), kUnsignedInt, "SCALAR", kElementArrayBuffer);
            const std::string name = m.id + "#lod" + std::to_string(level + 1);
            glb.json["meshes"].push_back({{"name", name}, {"primitives", nlohmann::json::array({prim})}});
            ids.push_back(nodes.size());
            nodes.push_back({{"name", name}, {"mesh", glb.json["meshes"].size() - 1}, {"skin", 0}});
        }
        nodes[node_by_id[m.id]]["extensions"]["MSFT_lod"]["ids"] = ids;
    }
    glb.json["nodes"] = nodes;
    glb.json["scenes"] = nlohmann::json::array({{{"name", "anatomy"}, {"nodes", scene_nodes}}});
    glb.json["scene"] = 0;

    // One skin: every MJCF body, inverse bind matrices = inverse rest frames (y-up).
    std::vector<float> inverse_bind;
    nlohmann::json joints = nlohmann::json::array();
    for (std::size_t b = 0; b < body_count; ++b) {
        const glm::mat4 inv = glm::inverse(poses[b].global);
        for (int c = 0; c < 4; ++c) {
            for (int r = 0; r < 4; ++r) inverse_bind.push_back(inv[c][r]);
        }
        joints.push_back(1 + b);
    }
    const int ibm =
        append_accessor(glb, inverse_bind.data(), inverse_bind.size() * sizeof(float), body_count, kFloat, "MAT4", 0);
    glb.json["skins"] = nlohmann::json::array(
        {{{"name", "anatomy_skeleton"}, {"joints", joints}, {"inverseBindMatrices", ibm}, {"skeleton", 0}}});

    if (any_lod) glb.json["extensionsUsed"].push_back("MSFT_lod");
    // Assimp 5.2 declares extensions it never writes (KHR_materials_volume, FB_ngon_encoding); keep only those some
    // object actually carries, so validators see a clean file.
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

}  // namespace myoview::bake
