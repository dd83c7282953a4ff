// The anatomy bake (tools/bake, myoview-bake):
//  - BakeTool: the committed model is what the tool writes now, byte for byte; a missing or changed input stops the
//    tool with exit 1 and names the file; a bad option exits 2. Tests that need the BodyParts3D data skip when the
//    data folder (../shared beside the checkout) is absent.
//  - BakedModel: the committed assets/models/anatomy.glb read back through engine/assets, as the viewer reads it,
//    keeps the contract: every structures.tsv id and `skin` is a mesh node, the triangle budget, unit fibre tangents,
//    weights summing to 1, bones rigid on their body, each muscle's attachment bands on their attachment bodies,
//    outward winding.

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "myoview/assets/import.h"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = MYOVIEW_SOURCE_DIR;
const fs::path kGlb = kSource / "assets/models/anatomy.glb";
const fs::path kStructures = kSource / "tools/bake/structures.tsv";
const fs::path kAttachments = kSource / "tools/bake/attachments.json";
const fs::path kData = MYOVIEW_BAKE_DATA_DIR;
const fs::path kTool = MYOVIEW_BAKE_TOOL;

struct ToolRun {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

std::string quoted(const std::string& s) {
    std::string q(1, '\'');
    for (char c : s) {
        if (c == '\'') {
            q.append("'\\''");
        } else {
            q.push_back(c);
        }
    }
    q.push_back('\'');
    return q;
}

ToolRun run_tool(const std::vector<std::string>& args) {
    std::string command = quoted(kTool.string());
    for (const std::string& a : args) {
        command.push_back(' ');
        command.append(quoted(a));
    }
    command.append(" 2>&1");
    ToolRun r;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return r;
    std::array<char, 4096> buffer{};
    while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) r.output += buffer.data();
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::vector<std::uint8_t> read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Row {
    std::string id;
    std::string kind;
    std::string side;
    std::string body;
    std::string file;
};

std::vector<Row> read_structures() {
    std::vector<Row> rows;
    std::ifstream in(kStructures);
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (header) {
            header = false;
            continue;
        }
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream s(line);
        while (std::getline(s, cell, '\t')) cells.push_back(cell);
        if (cells.size() < 6) cells.resize(6);
        rows.push_back({cells[0], cells[2], cells[3], cells[4], cells[5]});
    }
    return rows;
}

// The sha256 the manifest gives for `file`.
std::string manifest_sha(const std::string& file) {
    std::ifstream in(kData / "manifest.tsv");
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> cells;
        std::string cell;
        std::istringstream s(line);
        while (std::getline(s, cell, '\t')) cells.push_back(cell);
        if (cells.size() >= 15 && cells[4] == file) return cells[14];
    }
    return {};
}

// A copy of the data folder made of symbolic links, except `changed` (a modified copy) and `missing` (absent).
fs::path mirror_data(const std::string& name, const std::string& missing, const std::string& changed) {
    const fs::path dir = fs::temp_directory_path() / ("myoview_bake_" + name + "_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path data = fs::canonical(kData);
    for (const auto& entry : fs::recursive_directory_iterator(data)) {
        const fs::path rel = fs::relative(entry.path(), data);
        if (entry.is_directory()) {
            fs::create_directories(dir / rel);
            continue;
        }
        if (rel == missing) continue;
        if (rel == changed) {
            fs::copy_file(entry.path(), dir / rel);
            std::ofstream(dir / rel, std::ios::app) << "\n# changed\n";
            continue;
        }
        fs::create_symlink(entry.path(), dir / rel);
    }
    return dir;
}

bool have_data() {
    return fs::is_regular_file(kData / "manifest.tsv");
}

}  // namespace

TEST(BakeTool, CommittedGlbIsWhatTheToolWritesNow) {
    if (!have_data()) GTEST_SKIP() << "no BodyParts3D data at " << kData << " (../shared absent): cannot rebake";
    const fs::path out = fs::temp_directory_path() / ("myoview_bake_" + std::to_string(getpid()) + ".glb");
    const ToolRun r = run_tool({"--out", out.string(), "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const std::vector<std::uint8_t> baked = read_bytes(out);
    const std::vector<std::uint8_t> committed = read_bytes(kGlb);
    fs::remove(out);
    ASSERT_FALSE(committed.empty()) << kGlb;
    EXPECT_EQ(baked.size(), committed.size());
    EXPECT_TRUE(baked == committed) << "assets/models/anatomy.glb is stale: run build/tools/bake/myoview-bake and "
                                       "commit the .glb";
}

TEST(BakeTool, MissingInputStopsTheToolNamingTheFile) {
    if (!have_data()) GTEST_SKIP() << "no BodyParts3D data at " << kData;
    const std::string victim = "bones/FMA13322_right_clavicle.obj";
    const fs::path data = mirror_data("missing", victim, "");
    const fs::path out = data / "out.glb";
    const ToolRun r = run_tool({"--data", data.string(), "--out", out.string(), "--quiet"});
    fs::remove_all(data);
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("FMA13322_right_clavicle.obj"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("missing"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
}

TEST(BakeTool, ChangedInputStopsTheToolNamingTheFileAndBothHashes) {
    if (!have_data()) GTEST_SKIP() << "no BodyParts3D data at " << kData;
    const std::string victim = "muscles/FMA13375_right_pectoralis_minor.glb";
    const std::string expected = manifest_sha(victim);
    ASSERT_EQ(expected.size(), 64u);
    const fs::path data = mirror_data("changed", "", victim);
    const fs::path out = data / "out.glb";
    const ToolRun r = run_tool({"--data", data.string(), "--out", out.string(), "--quiet"});
    fs::remove_all(data);
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("FMA13375_right_pectoralis_minor.glb"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("changed"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(expected), std::string::npos) << "the message should give the expected hash\n" << r.output;
    EXPECT_FALSE(fs::exists(out));
}

TEST(BakeTool, BadOptionsExitWith2) {
    const ToolRun unknown = run_tool({"--frobnicate"});
    EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
    EXPECT_NE(unknown.output.find("--frobnicate"), std::string::npos) << unknown.output;
    const ToolRun no_value = run_tool({"--data"});
    EXPECT_EQ(no_value.exit_code, 2) << no_value.output;
}

TEST(BakeTool, MissingDataFolderIsAClearError) {
    const ToolRun r = run_tool({"--data", "/nonexistent/bodyparts3d", "--out", "/nonexistent/x.glb", "--quiet"});
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("/nonexistent/bodyparts3d/manifest.tsv"), std::string::npos) << r.output;
}

namespace {

// The committed model, read once as the viewer reads it (glTF y-up converted to myoview's z-up).
class BakedModel : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        myoview::assets::ImportOptions options;
        options.convert_y_up_to_z_up = true;
        auto imported = myoview::assets::import_model(kGlb, options);
        ASSERT_TRUE(imported.has_value()) << imported.error().full_text();
        model_ = new myoview::assets::Model(std::move(imported).value());
        rows_ = new std::vector<Row>(read_structures());
    }
    static void TearDownTestSuite() {
        delete model_;
        delete rows_;
        model_ = nullptr;
        rows_ = nullptr;
    }
    static const myoview::assets::Mesh* mesh(const std::string& id) {
        for (const auto& m : model_->meshes) {
            if (m.node_name == id) return &m;
        }
        return nullptr;
    }
    // Weight of one vertex on the joints named in `bodies`.
    static float weight_on(const myoview::assets::Mesh& m, std::size_t v, const std::set<std::string>& bodies) {
        float sum = 0.0f;
        for (int k = 0; k < 4; ++k) {
            const unsigned j = m.joints[v][k];
            if (j < m.bones.size() && bodies.count(m.bones[j].name)) sum += m.weights[v][k];
        }
        return sum;
    }
    static myoview::assets::Model* model_;
    static std::vector<Row>* rows_;
};
myoview::assets::Model* BakedModel::model_ = nullptr;
std::vector<Row>* BakedModel::rows_ = nullptr;

std::string sided(const std::string& body, const std::string& side) {
    if (body.size() > 2 && body.ends_with("_s")) return body.substr(0, body.size() - 2) + (side == "L" ? "_l" : "_r");
    return body;
}

// tools/bake/attachments.json, read once: where each muscle (its id without the side, "pec_minor") attaches.
const nlohmann::json& attachments() {
    static const nlohmann::json json = [] {
        std::ifstream in(kAttachments);
        return nlohmann::json::parse(in, nullptr, true, true);
    }();
    return json;
}

// The muscle a row's id names, without its side: "pec_minor_r" -> "pec_minor".
std::string muscle_of(const std::string& id) {
    return id.substr(0, id.size() - 2);
}

// The bodies one end of a muscle ("origin" or "insertion" of its attachments) rides on, on `side`.
std::set<std::string> end_bodies(const nlohmann::json& end, const std::string& side) {
    std::set<std::string> bodies;
    for (const auto& b : end["bodies"]) bodies.insert(sided(b.get<std::string>(), side));
    return bodies;
}

// Right-side anatomical direction words (or [x, y, z]) in the world frame; the left side mirrors y.
glm::vec3 direction(const nlohmann::json& toward, const std::string& side) {
    glm::vec3 d(0.0f);
    if (toward.is_array()) {
        d = glm::vec3(toward[0].get<float>(), toward[1].get<float>(), toward[2].get<float>());
    } else {
        std::istringstream words(toward.get<std::string>());
        std::string w;
        while (std::getline(words, w, '+')) {
            if (w == "anterior") d.x += 1.0f;
            if (w == "posterior") d.x -= 1.0f;
            if (w == "superior") d.z += 1.0f;
            if (w == "inferior") d.z -= 1.0f;
            if (w == "medial") d.y += 1.0f;
            if (w == "lateral") d.y -= 1.0f;
        }
    }
    if (side == "L") d.y = -d.y;
    return glm::normalize(d);
}

}  // namespace

TEST_F(BakedModel, EveryStructureAndTheSkinIsAMeshNode) {
    ASSERT_EQ(rows_->size(), 140u);  // 92 bones, 48 muscles
    std::set<std::string> nodes;
    for (const auto& m : model_->meshes) nodes.insert(m.node_name);
    for (const Row& row : *rows_) EXPECT_TRUE(nodes.count(row.id)) << "no mesh node " << row.id;
    EXPECT_TRUE(nodes.count("skin"));
    EXPECT_EQ(model_->meshes.size(), rows_->size() + 1) << "one mesh per structure, plus the skin";
}

TEST_F(BakedModel, FitsTheTriangleBudgetAndTheFileSize) {
    std::size_t triangles = 0;
    for (const auto& m : model_->meshes) triangles += m.indices.size() / 3;
    EXPECT_LE(triangles, 250000u);
    EXPECT_GE(triangles, 150000u) << "far below the budget: the decimation threw detail away";
    EXPECT_LT(fs::file_size(kGlb), 16u * 1024u * 1024u) << "the levels of detail are index lists: the file stays small";
}

TEST_F(BakedModel, MuscleTangentsAreUnitFibresAlongTheSurface) {
    for (const Row& row : *rows_) {
        if (row.kind != "muscle") continue;
        const auto* m = mesh(row.id);
        ASSERT_NE(m, nullptr) << row.id;
        ASSERT_EQ(m->tangents.size(), m->positions.size()) << row.id << " has no TANGENT";
        std::size_t bad = 0;
        for (std::size_t v = 0; v < m->tangents.size(); ++v) {
            const glm::vec3 t(m->tangents[v]);
            if (std::abs(glm::length(t) - 1.0f) > 1e-3f || std::abs(glm::dot(t, m->normals[v])) > 1e-2f) ++bad;
        }
        EXPECT_EQ(bad, 0u) << row.id << ": tangents not unit or not in the tangent plane";
    }
}

TEST_F(BakedModel, EveryVertexsWeightsSumToOne) {
    for (const auto& m : model_->meshes) {
        ASSERT_EQ(m.weights.size(), m.positions.size()) << m.node_name << " is not skinned";
        ASSERT_FALSE(m.bones.empty()) << m.node_name;
        std::size_t bad = 0;
        for (const glm::vec4& w : m.weights) {
            if (std::abs(w.x + w.y + w.z + w.w - 1.0f) > 1e-5f || glm::any(glm::lessThan(w, glm::vec4(0.0f)))) ++bad;
        }
        EXPECT_EQ(bad, 0u) << m.node_name;
    }
}

TEST_F(BakedModel, BonesAreRigidOnTheirBody) {
    for (const Row& row : *rows_) {
        if (row.kind != "bone") continue;
        const auto* m = mesh(row.id);
        ASSERT_NE(m, nullptr) << row.id;
        std::set<std::string> joints;
        for (const auto& b : m->bones) joints.insert(b.name);
        // A body the MJCF does not have yet (forearm) falls back to its parent (humerus), as the tool warns.
        std::string body = row.body;
        if (!joints.count(body) && body.starts_with("forearm")) body = "humerus" + body.substr(7);
        ASSERT_TRUE(joints.count(body)) << row.id << ": the skin has no joint " << row.body;
        std::size_t bad = 0;
        for (std::size_t v = 0; v < m->positions.size(); ++v) {
            if (weight_on(*m, v, {body}) != 1.0f) ++bad;
        }
        EXPECT_EQ(bad, 0u) << row.id << " is not rigid on " << body;
    }
}

TEST_F(BakedModel, MuscleAttachmentBandsRideOnTheirAttachmentBodies) {
    for (const Row& row : *rows_) {
        if (row.kind != "muscle") continue;
        const auto* m = mesh(row.id);
        ASSERT_NE(m, nullptr) << row.id;
        ASSERT_TRUE(attachments().contains(muscle_of(row.id))) << row.id;
        for (const char* end : {"origin", "insertion"}) {
            const nlohmann::json& a = attachments()[muscle_of(row.id)][end];
            const glm::vec3 dir = direction(a["toward"], row.side);
            const std::set<std::string> bodies = end_bodies(a, row.side);
            float lo = 1e9f;
            float hi = -1e9f;
            for (const glm::vec3& p : m->positions) {
                lo = std::min(lo, glm::dot(p, dir));
                hi = std::max(hi, glm::dot(p, dir));
            }
            // The band as the tool selects it, a little narrower so float rounding cannot move a vertex across.
            const float threshold = hi - 0.9f * a.value("band", 0.15f) * (hi - lo);
            std::size_t count = 0;
            std::size_t bad = 0;
            for (std::size_t v = 0; v < m->positions.size(); ++v) {
                if (glm::dot(m->positions[v], dir) < threshold) continue;
                ++count;
                if (weight_on(*m, v, bodies) < 0.999f) ++bad;
            }
            EXPECT_GT(count, 5u) << row.id << " " << end << ": band too small";
            EXPECT_EQ(bad, 0u) << row.id << " " << end << ": " << bad << " of " << count << " band vertices are not on "
                               << a["bodies"].dump();
        }
    }
}

TEST_F(BakedModel, MusclesBlendFromOriginToInsertion) {
    // Between the bands the weights move from one end to the other: some vertices of every muscle must carry both.
    for (const Row& row : *rows_) {
        if (row.kind != "muscle") continue;
        const auto* m = mesh(row.id);
        ASSERT_NE(m, nullptr) << row.id;
        ASSERT_TRUE(attachments().contains(muscle_of(row.id))) << row.id;
        const nlohmann::json& muscle = attachments()[muscle_of(row.id)];
        const std::set<std::string> origin = end_bodies(muscle["origin"], row.side);
        const std::set<std::string> insertion = end_bodies(muscle["insertion"], row.side);
        std::size_t blended = 0;
        for (std::size_t v = 0; v < m->positions.size(); ++v) {
            const float o = weight_on(*m, v, origin);
            const float i = weight_on(*m, v, insertion);
            if (o > 0.2f && i > 0.2f && o + i > 0.999f) ++blended;
        }
        EXPECT_GT(blended, m->positions.size() / 10) << row.id;
    }
}

TEST_F(BakedModel, BonesAreClosedAndEveryMeshWindsOutward) {
    for (const auto& m : model_->meshes) {
        double volume = 0.0;
        std::map<std::pair<unsigned, unsigned>, int> edges;
        for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
            const glm::dvec3 a(m.positions[m.indices[t]]);
            const glm::dvec3 b(m.positions[m.indices[t + 1]]);
            const glm::dvec3 c(m.positions[m.indices[t + 2]]);
            volume += glm::dot(a, glm::cross(b, c)) / 6.0;
            for (std::size_t k = 0; k < 3; ++k) {
                const unsigned x = m.indices[t + k];
                const unsigned y = m.indices[t + (k + 1) % 3];
                ++edges[{std::min(x, y), std::max(x, y)}];
            }
        }
        EXPECT_GT(volume, 0.0) << m.node_name << " is wound inward";
        if (m.material_name != "material_bone") continue;
        std::size_t open = 0;
        for (const auto& [edge, uses] : edges) open += uses == 1 ? 1 : 0;
        EXPECT_EQ(open, 0u) << m.node_name << " has open edges (holes)";
    }
}

namespace {

// Distance from p to triangle (a, b, c) (Ericson, Real-Time Collision Detection, 5.1.5: the closest point by Voronoi
// region).
double point_triangle_distance(const glm::dvec3& p, const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c) {
    const glm::dvec3 ab = b - a, ac = c - a, ap = p - a;
    const double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0 && d2 <= 0.0) return glm::length(p - a);
    const glm::dvec3 bp = p - b;
    const double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0 && d4 <= d3) return glm::length(p - b);
    const double vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0 && d1 >= 0.0 && d3 <= 0.0) return glm::length(p - (a + ab * (d1 / (d1 - d3))));
    const glm::dvec3 cp = p - c;
    const double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0 && d5 <= d6) return glm::length(p - c);
    const double vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0 && d2 >= 0.0 && d6 <= 0.0) return glm::length(p - (a + ac * (d2 / (d2 - d6))));
    const double va = d3 * d6 - d5 * d4;
    if (va <= 0.0 && (d4 - d3) >= 0.0 && (d5 - d6) >= 0.0)
        return glm::length(p - (b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)))));
    const double denom = 1.0 / (va + vb + vc);
    return glm::length(p - (a + ab * (vb * denom) + ac * (vc * denom)));
}

}  // namespace

// The levels of detail (tools/bake/lod.h, MSFT_lod in the file, Mesh::lods once imported): every mesh has them, each
// coarser than the one before, and every vertex of the full mesh lies within the level's bound
// (assets::kLodErrorBoundM, what the renderer assumes) of the level's surface: a one-sided Hausdorff distance over
// the full mesh's vertices (the level's own vertices are the full mesh's, so they lie on it).
TEST_F(BakedModel, LevelsOfDetailAreCoarserAndWithinTheirErrorBound) {
    std::array<std::size_t, 3> totals{};
    std::array<double, 2> worst{};
    std::array<std::string, 2> worst_mesh;
    for (const auto& m : model_->meshes) {
        totals[0] += m.indices.size() / 3;
        // A level that would drop under 10 % of the triangles is not made (tools/bake/lod.h): small meshes may lack it.
        EXPECT_LE(m.lods.size(), 2u) << m.node_name;
        if (m.lods.empty()) {
            totals[1] += m.indices.size() / 3;
            totals[2] += m.indices.size() / 3;
        }
        std::size_t previous = m.indices.size();
        for (std::size_t k = 0; k < m.lods.size(); ++k) {
            const auto& lod = m.lods[k];
            EXPECT_LT(lod.size(), previous) << m.node_name << " level " << k + 1 << " is no coarser";
            previous = lod.size();
            totals[k + 1] += lod.size() / 3;
            if (m.lods.size() == 1) totals[2] += lod.size() / 3;  // drawn in its place
            std::set<unsigned> used(m.indices.begin(), m.indices.end());
            for (const auto& v : lod) {
                ASSERT_TRUE(used.count(v)) << m.node_name << " level " << k + 1 << " uses a vertex the mesh does not";
            }
            double farthest = 0.0;
            for (std::size_t v = 0; v < m.positions.size(); ++v) {
                const glm::dvec3 p(m.positions[v]);
                double nearest = 1e9;
                for (std::size_t t = 0; t + 2 < lod.size() && nearest > 1e-9; t += 3) {
                    nearest = std::min(nearest, point_triangle_distance(p, glm::dvec3(m.positions[lod[t]]),
                                                                        glm::dvec3(m.positions[lod[t + 1]]),
                                                                        glm::dvec3(m.positions[lod[t + 2]])));
                }
                farthest = std::max(farthest, nearest);
            }
            if (farthest > worst[k]) {
                worst[k] = farthest;
                worst_mesh[k] = m.node_name;
            }
            // The bake measures the same distance in metres before the file's y-up round trip: a float step of slack.
            EXPECT_LE(farthest, 1.001 * static_cast<double>(myoview::assets::kLodErrorBoundM[k]))
                << m.node_name << " level " << k + 1 << ": a vertex of the full mesh is " << farthest * 1000.0
                << " mm from the level's surface";
        }
    }
    std::printf("triangles: full %zu, level 1 %zu (%.0f %%), level 2 %zu (%.0f %%); farthest vertex: level 1 %.3f mm "
                "(%s), level 2 %.3f mm (%s)\n",
                totals[0], totals[1], 100.0 * static_cast<double>(totals[1]) / static_cast<double>(totals[0]), totals[2],
                100.0 * static_cast<double>(totals[2]) / static_cast<double>(totals[0]), worst[0] * 1000.0,
                worst_mesh[0].c_str(), worst[1] * 1000.0, worst_mesh[1].c_str());
    EXPECT_LE(totals[1], totals[0] * 2 / 3) << "level 1 should drop a third of the triangles at least";
    EXPECT_LE(totals[2], totals[0] * 2 / 5) << "level 2 should keep two fifths at most";
}
