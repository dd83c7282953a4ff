#include "bake.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>

#include "glb_export.h"
#include "inputs.h"
#include "lod.h"
#include "muscle_rig.h"
#include "outline.h"
#include "rest_pose.h"
#include "skinning.h"
#include "surface.h"

namespace myoview::bake {

namespace {

constexpr glm::vec3 kBoneColor{0.89f, 0.85f, 0.74f};
constexpr glm::vec3 kCartilageColor{0.78f, 0.84f, 0.90f};
constexpr glm::vec3 kMuscleColor{0.66f, 0.17f, 0.15f};

// Fragments: pieces with fewer vertices than this, or less than this share of the structure's triangles, are
// segmentation debris (the README names stray bits on costal cartilages 1 and 7 right).
constexpr std::size_t kFragmentMinVertices = 50;
constexpr double kFragmentMinShare = 0.02;
// Holes of up to this many edges are closed before decimation.
constexpr std::size_t kMaxHoleEdges = 64;
// The manifest's bounding boxes are given to 3 decimals.
constexpr float kBoundsToleranceMm = 0.01f;
constexpr float kBoundsMinSpan = 0.95f;
// Vertices this close are one (a few float steps in metres; Assimp's exporter joins such vertices).
constexpr float kWeldToleranceMm = 0.002f;
// A file decimated by a third party (the manifest says "decimated by": the latissimus dorsi) is full of cracks, its
// pieces a fraction of a millimetre apart: welding them at 0.3 mm joins most pieces (edges there are ~6 mm long).
constexpr float kWeldToleranceCrackedMm = 0.3f;

// Decimation per group: an absolute error bound (metres) and a floor in triangles so small bones keep their shape.
struct DecimationGroup {
    const char* name;
    float error_m;
    std::size_t min_triangles;
};

DecimationGroup decimation_group(const StructureRow& row) {
    const std::string& id = row.id;
    auto is = [&](const char* prefix) { return id.rfind(prefix, 0) == 0; };
    if (row.kind == StructureKind::muscle) return {"muscles", 0.00035f, 400};
    if (is("costal_cartilage")) return {"costal cartilages", 0.00020f, 200};
    if (is("rib_")) return {"ribs", 0.00020f, 300};
    if (is("vertebra_")) return {"vertebrae", 0.00015f, 400};
    if (is("manubrium") || is("sternum") || is("xiphoid")) return {"sternum", 0.00015f, 300};
    if (is("clavicle") || is("scapula") || is("humerus") || is("radius") || is("ulna"))
        return {"shoulder and arm", 0.00015f, 400};
    return {"skull, face, hyoid", 0.00015f, 300};
}

glm::vec3 any_perpendicular(glm::vec3 n) {
    const glm::vec3 axis = std::abs(n.z) < 0.9f ? glm::vec3(0.0f, 0.0f, 1.0f) : glm::vec3(1.0f, 0.0f, 0.0f);
    return glm::normalize(glm::cross(n, axis));
}

// Resolves a list of attachment bodies ("_s" = the muscle's side) to body indices, noting fallbacks.
Result<std::vector<int>> resolve_bodies(const std::vector<BodyFrame>& bodies, const std::vector<std::string>& names,
                                        char side, const std::string& where, std::vector<std::string>& warnings) {
    std::vector<int> out;
    for (const std::string& name : names) {
        const std::string sided = sided_body(name, side);
        bool fell_back = false;
        const int b = resolve_body(bodies, sided, &fell_back);
        if (b < 0) return Error(where + ": body '" + sided + "' is not in the MJCF model (nor any of its ancestors)");
        if (fell_back) {
            warnings.push_back(where + ": body " + sided + " is not in the MJCF model; using " +
                               bodies[static_cast<std::size_t>(b)].name);
        }
        if (std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
    }
    return out;
}

struct Prepared {
    TriMesh mesh;
    std::vector<glm::vec3> normals;
    StructureReport report;
};

Result<Prepared> prepare(const std::filesystem::path& data_dir, const StructureRow& row, const ManifestEntry& entry) {
    Prepared out;
    const std::filesystem::path file = data_dir / row.file;
    Result<TriMesh> imported = import_source(file);
    if (!imported) return imported.error();
    TriMesh mesh = std::move(imported).value();
    // The frame check: what Assimp gives (node transforms applied) must fill the manifest's bounding box. Inside it
    // to its rounding, and spanning nearly all of it on every axis (the manifest's box also counts vertices that no
    // face uses, which Assimp drops).
    const glm::vec3 lo = bounds_min(mesh);
    const glm::vec3 hi = bounds_max(mesh);
    const glm::vec3 extent = entry.bbox_max - entry.bbox_min;
    bool fits = true;
    for (int a = 0; a < 3; ++a) {
        fits = fits && lo[a] >= entry.bbox_min[a] - kBoundsToleranceMm &&
               hi[a] <= entry.bbox_max[a] + kBoundsToleranceMm && hi[a] - lo[a] >= kBoundsMinSpan * extent[a];
    }
    if (!fits) {
        char text[320];
        std::snprintf(text, sizeof(text),
                      ": imported bounds (%.3f, %.3f, %.3f)..(%.3f, %.3f, %.3f) mm do not match the manifest's "
                      "(%.3f, %.3f, %.3f)..(%.3f, %.3f, %.3f) (wrong frame?)",
                      static_cast<double>(lo.x), static_cast<double>(lo.y), static_cast<double>(lo.z),
                      static_cast<double>(hi.x), static_cast<double>(hi.y), static_cast<double>(hi.z),
                      static_cast<double>(entry.bbox_min.x), static_cast<double>(entry.bbox_min.y),
                      static_cast<double>(entry.bbox_min.z), static_cast<double>(entry.bbox_max.x),
                      static_cast<double>(entry.bbox_max.y), static_cast<double>(entry.bbox_max.z));
        return Error(file.string() + text);
    }
    out.report.id = row.id;
    out.report.source_triangles = mesh.triangle_count();
    const bool cracked = entry.notes.find("decimated by") != std::string::npos;
    weld(mesh, cracked ? kWeldToleranceCrackedMm : kWeldToleranceMm);
    const FragmentReport fragments = drop_fragments(mesh, kFragmentMinVertices, kFragmentMinShare);
    out.report.fragments_dropped = fragments.components_dropped;
    out.report.fragment_triangles_dropped = fragments.triangles_dropped;
    to_world(mesh);
    orient_outward(mesh);
    out.report.holes_closed = close_small_holes(mesh, kMaxHoleEdges);
    const DecimationGroup group = decimation_group(row);
    out.report.group = group.name;
    out.report.error_bound_mm = group.error_m * 1000.0f;
    out.report.error_mm = decimate(mesh, group.error_m, group.min_triangles) * 1000.0f;
    orient_outward(mesh);
    order_for_export(mesh);
    out.normals = smooth_normals(mesh);
    out.report.triangles = mesh.triangle_count();
    out.report.open_edges = edge_report(mesh).boundary;
    out.mesh = std::move(mesh);
    return out;
}

}  // namespace

Result<BakeResult> bake(const BakeOptions& options) {
    Result<std::vector<StructureRow>> structures = read_structures(options.structures);
    if (!structures) return structures.error();
    const std::filesystem::path manifest_path = options.data_dir / "manifest.tsv";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(manifest_path, ec))
        return Error(manifest_path.string() + " is missing (is --data the BodyParts3D folder?)");
    Result<Manifest> manifest = read_manifest(manifest_path);
    if (!manifest) return manifest.error();
    if (Status ok = verify_inputs(options.data_dir, manifest.value(), structures.value()); !ok) return ok.error();
    Result<Attachments> attachments = read_attachments(options.attachments);
    if (!attachments) return attachments.error();
    Result<std::vector<BodyFrame>> bodies_result = load_rest_pose(options.mjcf);
    if (!bodies_result) return bodies_result.error();
    const std::vector<BodyFrame>& bodies = bodies_result.value();

    BakeResult result;
    BakedModel model;
    model.bodies = bodies;

    // Bones first: muscles pick their bodies by the bones nearest to their attachments.
    std::vector<Prepared> prepared;
    std::vector<int> bone_body(structures.value().size(), -1);
    for (std::size_t s = 0; s < structures.value().size(); ++s) {
        const StructureRow& row = structures.value()[s];
        Result<Prepared> p = prepare(options.data_dir, row, manifest.value().at(row.file));
        if (!p) return p.error();
        prepared.push_back(std::move(p).value());
        if (row.kind != StructureKind::bone) continue;
        bool fell_back = false;
        const int b = resolve_body(bodies, row.body, &fell_back);
        if (b < 0)
            return Error(row.id + ": body '" + row.body + "' is not in the MJCF model (nor any of its ancestors)");
        if (fell_back) {
            result.warnings.push_back(row.id + ": body " + row.body + " is not in the MJCF model; using " +
                                      bodies[static_cast<std::size_t>(b)].name);
        }
        bone_body[s] = b;
    }
    std::vector<glm::vec3> bone_points;
    std::vector<int> bone_point_body;
    for (std::size_t s = 0; s < prepared.size(); ++s) {
        if (bone_body[s] < 0) continue;
        for (const glm::vec3& p : prepared[s].mesh.positions) {
            bone_points.push_back(p);
            bone_point_body.push_back(bone_body[s]);
        }
    }
    const BoneProximity proximity(bone_points, bone_point_body, 0.01f);

    for (std::size_t s = 0; s < prepared.size(); ++s) {
        const StructureRow& row = structures.value()[s];
        Prepared& p = prepared[s];
        MeshData mesh;
        mesh.id = row.id;
        mesh.kind = row.kind;
        mesh.positions = p.mesh.positions;
        mesh.indices = p.mesh.indices;
        mesh.normals = p.normals;
        const std::size_t n = mesh.positions.size();
        mesh.tangents.resize(n);
        mesh.joints.resize(n);
        mesh.weights.resize(n);
        if (row.kind == StructureKind::bone) {
            mesh.base_color = row.id.rfind("costal_cartilage", 0) == 0 ? kCartilageColor : kBoneColor;
            const VertexSkin rigid = quantize_skin({{bone_body[s], 1.0f}}, bone_body[s]);
            for (std::size_t i = 0; i < n; ++i) {
                mesh.tangents[i] = glm::vec4(any_perpendicular(mesh.normals[i]), 1.0f);
                mesh.joints[i] = rigid.joints;
                mesh.weights[i] = rigid.weights;
            }
        } else {
            mesh.base_color = kMuscleColor;
            const std::string base = muscle_base_id(row.id);
            const auto it = attachments.value().find(base);
            if (it == attachments.value().end())
                return Error(options.attachments.string() + ": no entry for muscle '" + base + "' (" + row.id + ")");
            const Attachment& a = it->second;
            Result<std::vector<int>> origin_bodies =
                resolve_bodies(bodies, a.origin.bodies, row.side, row.id + " origin", result.warnings);
            if (!origin_bodies) return origin_bodies.error();
            Result<std::vector<int>> insertion_bodies =
                resolve_bodies(bodies, a.insertion.bodies, row.side, row.id + " insertion", result.warnings);
            if (!insertion_bodies) return insertion_bodies.error();
            Result<MuscleRig> rig = rig_muscle(
                p.mesh, p.normals, sided_direction(a.origin.toward, row.side), a.origin.band, origin_bodies.value(),
                sided_direction(a.insertion.toward, row.side), a.insertion.band, insertion_bodies.value(), proximity);
            if (!rig) return Error(row.id + ": " + rig.error().message);
            auto describe = [&](const char* label, const std::vector<std::uint32_t>& band) {
                std::map<std::string, std::size_t> count;
                for (std::uint32_t v : band) {
                    std::size_t best = 0;
                    for (std::size_t k = 1; k < rig.value().bodies.size(); ++k) {
                        if (rig.value().weights[v][k] > rig.value().weights[v][best]) best = k;
                    }
                    ++count[bodies[static_cast<std::size_t>(rig.value().bodies[best])].name];
                }
                std::string text = std::string(label) + " " + std::to_string(band.size()) + " vertices:";
                for (const auto& [name, c] : count) text += " " + name + " " + std::to_string(c);
                return text;
            };
            p.report.attachments =
                describe("origin", rig.value().origin_band) + "; " + describe("insertion", rig.value().insertion_band);
            for (std::size_t i = 0; i < n; ++i) {
                mesh.tangents[i] = glm::vec4(rig.value().fibres[i], 1.0f);
                std::vector<std::pair<int, float>> influences;
                for (std::size_t k = 0; k < rig.value().bodies.size(); ++k)
                    influences.emplace_back(rig.value().bodies[k], rig.value().weights[i][k]);
                const VertexSkin skin = quantize_skin(std::move(influences), origin_bodies.value().front());
                mesh.joints[i] = skin.joints;
                mesh.weights[i] = skin.weights;
            }
        }
        mesh.colors.assign(n, glm::vec4(mesh.base_color, 1.0f));
        result.structures.push_back(p.report);
        model.meshes.push_back(std::move(mesh));
    }
    // The same warning (a missing body) comes once per muscle side and end: keep each line once.
    std::sort(result.warnings.begin(), result.warnings.end());
    result.warnings.erase(std::unique(result.warnings.begin(), result.warnings.end()), result.warnings.end());

    MeshData skin = build_skin_outline(bodies, model.meshes);
    StructureReport skin_report;
    skin_report.id = skin.id;
    skin_report.group = "skin outline";
    skin_report.triangles = skin.triangle_count();
    result.structures.push_back(skin_report);
    model.meshes.push_back(std::move(skin));
    bake_ambient_occlusion(model.meshes);
    for (MeshData& m : model.meshes) build_lods(m);  // last: the levels index the finished vertices

    for (const MeshData& m : model.meshes) {
        result.total_triangles += m.triangle_count();
        // A mesh without a level k is drawn at its finest level there: count that.
        if (result.lod_triangles.size() < std::size(kLodLevels)) result.lod_triangles.resize(std::size(kLodLevels));
        for (std::size_t k = 0; k < std::size(kLodLevels); ++k) {
            const std::size_t n = k < m.lods.size() ? m.lods[k].size() / 3
                                  : m.lods.empty()  ? m.triangle_count()
                                                    : m.lods.back().size() / 3;
            result.lod_triangles[k] += n;
        }
    }
    Result<std::vector<std::uint8_t>> glb = export_glb(model);
    if (!glb) return glb.error();
    result.glb = std::move(glb).value();
    return result;
}

std::string format_report(const BakeResult& result) {
    std::string out;
    char line[256];
    std::snprintf(line, sizeof(line), "%-26s %-20s %8s %8s %6s %6s %6s %7s\n", "structure", "group", "source",
                  "shipped", "frags", "holes", "open", "err mm");
    out += line;
    struct Total {
        std::size_t source = 0;
        std::size_t shipped = 0;
        std::size_t count = 0;
        float bound = 0.0f;
    };
    std::map<std::string, Total> totals;
    for (const StructureReport& s : result.structures) {
        std::snprintf(line, sizeof(line), "%-26s %-20s %8zu %8zu %6zu %6zu %6zu %7.3f\n", s.id.c_str(), s.group.c_str(),
                      s.source_triangles, s.triangles, s.fragments_dropped, s.holes_closed, s.open_edges,
                      static_cast<double>(s.error_mm));
        out += line;
        Total& t = totals[s.group];
        t.source += s.source_triangles;
        t.shipped += s.triangles;
        t.bound = s.error_bound_mm;
        ++t.count;
    }
    out += "\n";
    for (const StructureReport& s : result.structures) {
        if (!s.attachments.empty()) out += s.id + ": " + s.attachments + "\n";
    }
    out += "\n";
    std::snprintf(line, sizeof(line), "%-20s %6s %10s %10s %10s\n", "group", "count", "bound mm", "source", "shipped");
    out += line;
    std::size_t source = 0;
    for (const auto& [group, t] : totals) {
        std::snprintf(line, sizeof(line), "%-20s %6zu %10.2f %10zu %10zu\n", group.c_str(), t.count,
                      static_cast<double>(t.bound), t.source, t.shipped);
        out += line;
        source += t.source;
    }
    std::snprintf(line, sizeof(line), "%-20s %6zu %10s %10zu %10zu\n", "total", result.structures.size(), "", source,
                  result.total_triangles);
    out += line;
    for (std::size_t k = 0; k < result.lod_triangles.size(); ++k) {
        std::snprintf(line, sizeof(line), "%-20s %6s %10.2f %10s %10zu\n", ("level of detail " + std::to_string(k + 1)).c_str(),
                      "", static_cast<double>(kLodLevels[k].max_error_m * 1000.0f), "", result.lod_triangles[k]);
        out += line;
    }
    return out;
}

Status write_file(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    std::filesystem::path tmp = path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return Error("cannot write " + tmp.string());
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!out) return Error("write failed: " + tmp.string());
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) return Error("cannot move " + tmp.string() + " to " + path.string() + ": " + ec.message());
    return Ok{};
}

}  // namespace myoview::bake
