#include "outline.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "skinning.h"
#include "surface.h"

namespace myoview::bake {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kMargin = 0.009f;  // skin this far outside the farthest structure
constexpr float kRingSpacing = 0.011f;
constexpr float kFullRingDepth = 0.55f;  // of the deepest ring's front-to-back extent

bool starts_with(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

bool is_arm_body(const std::string& name) {
    return starts_with(name, "humerus") || starts_with(name, "forearm") || starts_with(name, "hand");
}

struct ContentPoint {
    glm::vec3 p{0.0f};
    const MeshData* mesh = nullptr;
    std::size_t vertex = 0;
};

// Radii of a stack of rings around an axis: the farthest content in each (ring, sector), filled and smoothed.
class RadialField {
public:
    RadialField(int rings, int sectors)
        : rings_(rings), sectors_(sectors), r_(static_cast<std::size_t>(rings * sectors), -1.0f) {}
    void add(int ring, float angle, float radius) {
        if (ring < 0 || ring >= rings_) return;
        float& cell = at(ring, sector_of(angle));
        cell = std::max(cell, radius);
    }
    void finish(float min_radius, int passes) {
        // Empty sectors take the nearest filled sector of their ring; empty rings copy a neighbouring ring.
        for (int r = 0; r < rings_; ++r) {
            std::vector<float> filled(static_cast<std::size_t>(sectors_), -1.0f);
            for (int s = 0; s < sectors_; ++s) {
                if (at(r, s) > 0.0f) {
                    filled[static_cast<std::size_t>(s)] = at(r, s);
                    continue;
                }
                for (int d = 1; d <= sectors_ / 2; ++d) {
                    const float a = at(r, wrap(s - d));
                    const float b = at(r, wrap(s + d));
                    if (a > 0.0f || b > 0.0f) {
                        filled[static_cast<std::size_t>(s)] = std::max(a, b);
                        break;
                    }
                }
            }
            for (int s = 0; s < sectors_; ++s) at(r, s) = filled[static_cast<std::size_t>(s)];
        }
        for (int pass = 0; pass < rings_; ++pass) {
            for (int r = 0; r < rings_; ++r) {
                if (at(r, 0) > 0.0f) continue;
                const int from =
                    r > 0 && at(r - 1, 0) > 0.0f ? r - 1 : (r + 1 < rings_ && at(r + 1, 0) > 0.0f ? r + 1 : -1);
                if (from < 0) continue;
                for (int s = 0; s < sectors_; ++s) at(r, s) = at(from, s);
            }
        }
        for (float& v : r_) v = std::max(v, min_radius);
        for (int pass = 0; pass < passes; ++pass) {
            const std::vector<float> copy = r_;
            for (int r = 0; r < rings_; ++r) {
                for (int s = 0; s < sectors_; ++s) {
                    const int r0 = std::max(r - 1, 0);
                    const int r1 = std::min(r + 1, rings_ - 1);
                    const float avg = (copy[idx(r0, s)] + copy[idx(r1, s)] + copy[idx(r, wrap(s - 1))] +
                                       copy[idx(r, wrap(s + 1))] + 2.0f * copy[idx(r, s)]) /
                                      6.0f;
                    // Smooth, but never shrink below what must be enclosed.
                    r_[idx(r, s)] = std::max(avg, 0.5f * (avg + copy[idx(r, s)]));
                }
            }
        }
    }
    float radius(int ring, float angle) const {
        float a = angle / (2.0f * kPi);
        a -= std::floor(a);
        const float f = a * static_cast<float>(sectors_);
        const int s0 = static_cast<int>(std::floor(f)) % sectors_;
        const float t = f - std::floor(f);
        return glm::mix(r_[idx(ring, s0)], r_[idx(ring, wrap(s0 + 1))], t);
    }

private:
    int sector_of(float angle) const {
        float a = angle / (2.0f * kPi);
        a -= std::floor(a);
        return std::min(static_cast<int>(a * static_cast<float>(sectors_)), sectors_ - 1);
    }
    int wrap(int s) const { return ((s % sectors_) + sectors_) % sectors_; }
    std::size_t idx(int r, int s) const { return static_cast<std::size_t>(r * sectors_ + s); }
    float& at(int r, int s) { return r_[idx(r, s)]; }
    int rings_;
    int sectors_;
    std::vector<float> r_;
};

// A closed tube of rings (ring-major points), capped at both ends by strips across the end rings.
void add_tube(TriMesh& mesh, const std::vector<glm::vec3>& points, int ring_size) {
    const auto base = static_cast<std::uint32_t>(mesh.positions.size());
    const int rings = static_cast<int>(points.size()) / ring_size;
    mesh.positions.insert(mesh.positions.end(), points.begin(), points.end());
    auto at = [&](int r, int k) {
        return base + static_cast<std::uint32_t>(r * ring_size + ((k % ring_size) + ring_size) % ring_size);
    };
    auto tri = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        mesh.indices.insert(mesh.indices.end(), {a, b, c});
    };
    for (int r = 0; r + 1 < rings; ++r) {
        for (int k = 0; k < ring_size; ++k) {
            tri(at(r, k), at(r, k + 1), at(r + 1, k + 1));
            tri(at(r, k), at(r + 1, k + 1), at(r + 1, k));
        }
    }
    auto cap = [&](const std::vector<std::uint32_t>& poly) {
        int l = 0;
        int h = static_cast<int>(poly.size()) - 1;
        bool left = true;
        while (h - l > 1) {
            const auto L = static_cast<std::size_t>(l);
            const auto H = static_cast<std::size_t>(h);
            if (left) {
                tri(poly[L], poly[L + 1], poly[H]);
                ++l;
            } else {
                tri(poly[L], poly[H - 1], poly[H]);
                --h;
            }
            left = !left;
        }
    };
    std::vector<std::uint32_t> first;
    std::vector<std::uint32_t> last;
    for (int k = 0; k < ring_size; ++k) {
        first.push_back(at(0, -k));
        last.push_back(at(rings - 1, k));
    }
    cap(first);
    cap(last);
}

std::vector<std::pair<int, float>> influences_of(const ContentPoint& c, const std::vector<bool>& skip) {
    std::vector<std::pair<int, float>> out;
    for (std::size_t k = 0; k < 4; ++k) {
        const int body = c.mesh->joints[c.vertex][k];
        const float w = c.mesh->weights[c.vertex][static_cast<glm::length_t>(k)];
        if (w <= 0.0f || skip[static_cast<std::size_t>(body)]) continue;
        out.emplace_back(body, w);
    }
    return out;
}

const ContentPoint& nearest(const std::vector<ContentPoint>& content, glm::vec3 p) {
    float best = std::numeric_limits<float>::max();
    std::size_t bi = 0;
    for (std::size_t i = 0; i < content.size(); i += 3) {
        const glm::vec3 d = content[i].p - p;
        const float d2 = glm::dot(d, d);
        if (d2 < best) {
            best = d2;
            bi = i;
        }
    }
    return content[bi];
}

glm::vec3 polyline_at(const std::vector<glm::vec3>& line, float s) {
    s = std::max(s, 0.0f);
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const float seg = glm::length(line[i + 1] - line[i]);
        if (s <= seg || i + 2 == line.size())
            return glm::mix(line[i], line[i + 1], seg > 0.0f ? std::min(s / seg, 1.0f) : 0.0f);
        s -= seg;
    }
    return line.back();
}

float polyline_length(const std::vector<glm::vec3>& line) {
    float total = 0.0f;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) total += glm::length(line[i + 1] - line[i]);
    return total;
}

// Arc length of the point of the polyline closest to p.
float polyline_param(const std::vector<glm::vec3>& line, glm::vec3 p) {
    float best = std::numeric_limits<float>::max();
    float best_s = 0.0f;
    float run = 0.0f;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const glm::vec3 ab = line[i + 1] - line[i];
        const float len2 = glm::dot(ab, ab);
        const float f = len2 > 0.0f ? std::clamp(glm::dot(p - line[i], ab) / len2, 0.0f, 1.0f) : 0.0f;
        const float d = glm::length(line[i] + ab * f - p);
        if (d < best) {
            best = d;
            best_s = run + f * std::sqrt(len2);
        }
        run += std::sqrt(len2);
    }
    return best_s;
}

glm::vec3 centroid_where(const std::vector<const MeshData*>& meshes, bool top, float band) {
    float extreme = top ? std::numeric_limits<float>::lowest() : std::numeric_limits<float>::max();
    for (const MeshData* m : meshes) {
        for (const glm::vec3& p : m->positions) extreme = top ? std::max(extreme, p.z) : std::min(extreme, p.z);
    }
    glm::dvec3 sum(0.0);
    double count = 0.0;
    for (const MeshData* m : meshes) {
        for (const glm::vec3& p : m->positions) {
            if (top ? p.z >= extreme - band : p.z <= extreme + band) {
                sum += glm::dvec3(p);
                count += 1.0;
            }
        }
    }
    return count > 0.0 ? glm::vec3(sum / count) : glm::vec3(0.0f);
}

}  // namespace

MeshData build_skin_outline(const std::vector<BodyFrame>& bodies, const std::vector<MeshData>& structures) {
    std::vector<bool> arm_body(bodies.size(), false);
    int trunk_fallback = 0;
    for (std::size_t b = 0; b < bodies.size(); ++b) {
        arm_body[b] = is_arm_body(bodies[b].name);
        if (bodies[b].name == "thorax") trunk_fallback = static_cast<int>(b);
    }
    const std::vector<bool> skip_none(bodies.size(), false);

    std::vector<ContentPoint> trunk;
    std::vector<ContentPoint> arm[2];  // 0: right (y < 0), 1: left
    std::vector<const MeshData*> humerus[2];
    std::vector<const MeshData*> forearm[2];
    for (const MeshData& m : structures) {
        const int side_of_mesh = m.positions.empty() ? 0 : (m.positions[0].y < 0.0f ? 0 : 1);
        if (starts_with(m.id, "humerus")) humerus[side_of_mesh].push_back(&m);
        if (starts_with(m.id, "radius") || starts_with(m.id, "ulna")) forearm[side_of_mesh].push_back(&m);
        const bool arm_mesh = starts_with(m.id, "humerus") || starts_with(m.id, "radius") ||
                              starts_with(m.id, "ulna") || starts_with(m.id, "deltoid");
        for (std::size_t i = 0; i < m.positions.size(); ++i) {
            float arm_weight = 0.0f;
            for (std::size_t k = 0; k < 4; ++k) {
                if (arm_body[m.joints[i][k]]) arm_weight += m.weights[i][static_cast<glm::length_t>(k)];
            }
            const ContentPoint c{m.positions[i], &m, i};
            if (arm_mesh || arm_weight > 0.85f) {
                arm[m.positions[i].y < 0.0f ? 0 : 1].push_back(c);
            } else {
                trunk.push_back(c);
            }
        }
    }

    TriMesh mesh;
    std::vector<VertexSkin> skins;
    // Trunk, neck and head: horizontal rings around a centre line that follows the content.
    if (!trunk.empty()) {
        float z_lo = std::numeric_limits<float>::max();
        float z_hi = std::numeric_limits<float>::lowest();
        for (const ContentPoint& c : trunk) {
            z_lo = std::min(z_lo, c.p.z);
            z_hi = std::max(z_hi, c.p.z);
        }
        z_lo -= 0.005f;
        z_hi += 0.004f;
        const int rings = static_cast<int>((z_hi - z_lo) / kRingSpacing) + 1;
        const float dz = (z_hi - z_lo) / static_cast<float>(rings - 1);
        auto ring_of = [&](float z) { return static_cast<int>(std::lround((z - z_lo) / dz)); };
        // Centre line: the middle of the content's front-to-back extent per ring, smoothed over +-3 rings.
        std::vector<float> lo_x(static_cast<std::size_t>(rings), std::numeric_limits<float>::max());
        std::vector<float> hi_x(static_cast<std::size_t>(rings), std::numeric_limits<float>::lowest());
        for (const ContentPoint& c : trunk) {
            const auto r = static_cast<std::size_t>(std::clamp(ring_of(c.p.z), 0, rings - 1));
            lo_x[r] = std::min(lo_x[r], c.p.x);
            hi_x[r] = std::max(hi_x[r], c.p.x);
        }
        // Rings whose content is much shallower than the chest's (below the ribs only the latissimus, which lies
        // behind) would pull the centre backwards: they take the centre of the nearest full ring instead.
        float deepest = 0.0f;
        for (int r = 0; r < rings; ++r)
            deepest = std::max(deepest, hi_x[static_cast<std::size_t>(r)] - lo_x[static_cast<std::size_t>(r)]);
        auto full = [&](int r) {
            const auto i = static_cast<std::size_t>(r);
            return r >= 0 && r < rings && hi_x[i] - lo_x[i] >= kFullRingDepth * deepest;
        };
        std::vector<float> axis_x(static_cast<std::size_t>(rings), std::numeric_limits<float>::quiet_NaN());
        for (int r = 0; r < rings; ++r) {
            if (!full(r)) continue;
            float sum = 0.0f;
            float count = 0.0f;
            for (int q = r - 3; q <= r + 3; ++q) {
                if (!full(q)) continue;
                sum += 0.5f * (lo_x[static_cast<std::size_t>(q)] + hi_x[static_cast<std::size_t>(q)]);
                count += 1.0f;
            }
            axis_x[static_cast<std::size_t>(r)] = sum / count;
        }
        for (int r = 0; r < rings; ++r) {
            if (full(r)) continue;
            for (int d = 1; d < rings; ++d) {
                if (full(r - d)) {
                    axis_x[static_cast<std::size_t>(r)] = axis_x[static_cast<std::size_t>(r - d)];
                    break;
                }
                if (full(r + d)) {
                    axis_x[static_cast<std::size_t>(r)] = axis_x[static_cast<std::size_t>(r + d)];
                    break;
                }
            }
        }
        constexpr int kSectors = 48;
        RadialField field(rings, kSectors);
        for (const ContentPoint& c : trunk) {
            const int r_mid = ring_of(c.p.z);
            for (int r = r_mid - 1; r <= r_mid + 1; ++r) {
                if (r < 0 || r >= rings) continue;
                const float ax = axis_x[static_cast<std::size_t>(r)];
                field.add(r, std::atan2(c.p.y, c.p.x - ax), std::hypot(c.p.y, c.p.x - ax));
            }
        }
        field.finish(0.01f, 3);
        std::vector<glm::vec3> points;
        for (int r = 0; r < rings; ++r) {
            const float z = z_lo + dz * static_cast<float>(r);
            const float ax = axis_x[static_cast<std::size_t>(r)];
            // Round off the crown: the last rings close in toward the vertex.
            const float crown = r == rings - 1 ? 0.35f : (r == rings - 2 ? 0.8f : 1.0f);
            for (int i = 0; i < kSectors; ++i) {
                const float a = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(kSectors);
                const float rad = (field.radius(r, a) + kMargin) * crown;
                const glm::vec3 p(ax + rad * std::cos(a), rad * std::sin(a), z);
                points.push_back(p);
                // Bound like the nearest trunk structure, arm bodies left out: the outline must not follow the arms.
                skins.push_back(quantize_skin(influences_of(nearest(trunk, p), arm_body), trunk_fallback));
            }
        }
        add_tube(mesh, points, kSectors);
    }
    // Arms: rings perpendicular to the humerus and then the forearm, from above the humeral head to the wrist.
    for (int side = 0; side < 2; ++side) {
        if (arm[side].empty() || humerus[side].empty() || forearm[side].empty()) continue;
        const glm::vec3 head = centroid_where(humerus[side], true, 0.03f);
        const glm::vec3 elbow = centroid_where(humerus[side], false, 0.025f);
        const glm::vec3 wrist = centroid_where(forearm[side], false, 0.02f);
        const glm::vec3 upper_dir = glm::normalize(elbow - head);
        const glm::vec3 lower_dir = glm::normalize(wrist - elbow);
        const std::vector<glm::vec3> line = {head - upper_dir * 0.05f, elbow, wrist + lower_dir * 0.02f};
        const float length = polyline_length(line);
        const int rings = static_cast<int>(length / kRingSpacing) + 1;
        const float ds = length / static_cast<float>(rings - 1);
        struct RingFrame {
            glm::vec3 centre;
            glm::vec3 dir;
            glm::vec3 e1;
            glm::vec3 e2;
        };
        std::vector<RingFrame> frames;
        for (int r = 0; r < rings; ++r) {
            const float s = ds * static_cast<float>(r);
            RingFrame f;
            f.centre = polyline_at(line, s);
            // A tangent over +-4 cm rounds the elbow's bend so neighbouring rings never cross.
            f.dir = glm::normalize(polyline_at(line, std::min(s + 0.04f, length)) - polyline_at(line, s - 0.04f));
            f.e1 = glm::normalize(glm::vec3(1.0f, 0.0f, 0.0f) - f.dir * f.dir.x);
            f.e2 = glm::normalize(glm::cross(f.dir, f.e1));
            frames.push_back(f);
        }
        constexpr int kSectors = 28;
        RadialField field(rings, kSectors);
        for (const ContentPoint& c : arm[side]) {
            const int r_mid = static_cast<int>(std::lround(polyline_param(line, c.p) / ds));
            for (int r = r_mid - 1; r <= r_mid + 1; ++r) {
                if (r < 0 || r >= rings) continue;
                const RingFrame& f = frames[static_cast<std::size_t>(r)];
                const glm::vec3 d = c.p - f.centre;
                const glm::vec3 radial = d - f.dir * glm::dot(d, f.dir);
                field.add(r, std::atan2(glm::dot(radial, f.e2), glm::dot(radial, f.e1)), glm::length(radial));
            }
        }
        field.finish(0.02f, 3);
        std::vector<glm::vec3> points;
        for (int r = 0; r < rings; ++r) {
            const RingFrame& f = frames[static_cast<std::size_t>(r)];
            const float s = ds * static_cast<float>(r);
            // A rounded cap over the shoulder: the first 6 cm close in toward the top.
            const float cap_len = 0.06f;
            const float cap =
                s < cap_len ? 0.35f + 0.65f * std::sqrt(1.0f - std::pow((cap_len - s) / cap_len, 2.0f)) : 1.0f;
            for (int i = 0; i < kSectors; ++i) {
                const float a = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(kSectors);
                const float rad = (field.radius(r, a) + kMargin) * cap;
                const glm::vec3 p = f.centre + (f.e1 * std::cos(a) + f.e2 * std::sin(a)) * rad;
                points.push_back(p);
                skins.push_back(quantize_skin(influences_of(nearest(arm[side], p), skip_none), trunk_fallback));
            }
        }
        add_tube(mesh, points, kSectors);
    }

    orient_outward(mesh);
    std::vector<std::uint32_t> remap;
    order_for_export(mesh, &remap);
    MeshData out;
    out.id = "skin";
    out.kind = StructureKind::skin;
    out.base_color = kSkinColor;
    out.positions = mesh.positions;
    out.indices = mesh.indices;
    out.normals = smooth_normals(mesh);
    out.joints.resize(mesh.positions.size());
    out.weights.resize(mesh.positions.size());
    for (std::size_t old = 0; old < remap.size(); ++old) {
        if (remap[old] == UINT32_MAX) continue;
        out.joints[remap[old]] = skins[old].joints;
        out.weights[remap[old]] = skins[old].weights;
    }
    out.colors.assign(mesh.positions.size(), glm::vec4(kSkinColor, 1.0f));
    out.tangents.resize(mesh.positions.size());
    for (std::size_t i = 0; i < out.positions.size(); ++i) {
        const glm::vec3 n = out.normals[i];
        const glm::vec3 axis = std::abs(n.z) < 0.9f ? glm::vec3(0.0f, 0.0f, 1.0f) : glm::vec3(1.0f, 0.0f, 0.0f);
        out.tangents[i] = glm::vec4(glm::normalize(glm::cross(n, axis)), 1.0f);
    }
    return out;
}

void bake_ambient_occlusion(std::vector<MeshData>& meshes) {
    constexpr float kRadius = 0.045f;
    constexpr float kVoxel = 0.006f;
    struct Occluder {
        glm::vec3 p;
        float area;
    };
    // Area per vertex (a third of each adjacent triangle), pooled per voxel in a fixed order.
    struct Sample {
        std::int64_t voxel;
        glm::vec3 p;
        float area;
    };
    std::vector<Sample> samples;
    glm::vec3 lo(std::numeric_limits<float>::max());
    glm::vec3 hi(std::numeric_limits<float>::lowest());
    for (const MeshData& m : meshes) {
        if (m.kind == StructureKind::skin) continue;
        for (const glm::vec3& p : m.positions) {
            lo = glm::min(lo, p);
            hi = glm::max(hi, p);
        }
    }
    if (lo.x > hi.x) return;
    const glm::ivec3 vdims = glm::ivec3((hi - lo) / kVoxel) + 1;
    for (const MeshData& m : meshes) {
        if (m.kind == StructureKind::skin) continue;
        std::vector<float> area(m.positions.size(), 0.0f);
        for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
            const glm::vec3 a = m.positions[m.indices[t]];
            const glm::vec3 b = m.positions[m.indices[t + 1]];
            const glm::vec3 c = m.positions[m.indices[t + 2]];
            const float third = glm::length(glm::cross(b - a, c - a)) / 6.0f;
            for (std::size_t k = 0; k < 3; ++k) area[m.indices[t + k]] += third;
        }
        for (std::size_t i = 0; i < m.positions.size(); ++i) {
            const glm::ivec3 v = glm::clamp(glm::ivec3((m.positions[i] - lo) / kVoxel), glm::ivec3(0), vdims - 1);
            const std::int64_t key = (static_cast<std::int64_t>(v.z) * vdims.y + v.y) * vdims.x + v.x;
            samples.push_back({key, m.positions[i], area[i]});
        }
    }
    std::stable_sort(samples.begin(), samples.end(),
                     [](const Sample& a, const Sample& b) { return a.voxel < b.voxel; });
    std::vector<Occluder> occ;
    for (std::size_t i = 0; i < samples.size();) {
        std::size_t j = i;
        glm::dvec3 weighted(0.0);
        double area = 0.0;
        while (j < samples.size() && samples[j].voxel == samples[i].voxel) {
            weighted += glm::dvec3(samples[j].p) * static_cast<double>(samples[j].area);
            area += static_cast<double>(samples[j].area);
            ++j;
        }
        if (area > 0.0) occ.push_back({glm::vec3(weighted / area), static_cast<float>(area)});
        i = j;
    }
    const glm::ivec3 dims = glm::max(glm::ivec3((hi - lo) / kRadius) + 1, glm::ivec3(1));
    auto cell_of = [&](glm::vec3 p) { return glm::clamp(glm::ivec3((p - lo) / kRadius), glm::ivec3(0), dims - 1); };
    auto cell_index = [&](glm::ivec3 c) {
        return (static_cast<std::size_t>(c.z) * static_cast<std::size_t>(dims.y) + static_cast<std::size_t>(c.y)) *
                   static_cast<std::size_t>(dims.x) +
               static_cast<std::size_t>(c.x);
    };
    std::vector<std::vector<std::uint32_t>> cells(static_cast<std::size_t>(dims.x) * dims.y * dims.z);
    for (std::size_t i = 0; i < occ.size(); ++i)
        cells[cell_index(cell_of(occ[i].p))].push_back(static_cast<std::uint32_t>(i));
    for (MeshData& m : meshes) {
        for (std::size_t i = 0; i < m.positions.size(); ++i) {
            const glm::vec3 n = m.normals[i];
            const glm::vec3 probe = m.positions[i] + n * 0.002f;
            const glm::ivec3 c = cell_of(probe);
            float sum = 0.0f;
            for (int z = std::max(c.z - 1, 0); z <= std::min(c.z + 1, dims.z - 1); ++z) {
                for (int y = std::max(c.y - 1, 0); y <= std::min(c.y + 1, dims.y - 1); ++y) {
                    for (int x = std::max(c.x - 1, 0); x <= std::min(c.x + 1, dims.x - 1); ++x) {
                        for (std::uint32_t j : cells[cell_index({x, y, z})]) {
                            const glm::vec3 v = occ[j].p - probe;
                            const float d = glm::length(v);
                            if (d < 1e-4f || d > kRadius) continue;
                            const float cos_e = glm::dot(n, v) / d;
                            if (cos_e <= 0.05f) continue;
                            const float fall = 1.0f - d / kRadius;
                            sum += occ[j].area * cos_e * fall * fall / (kPi * d * d + occ[j].area);
                        }
                    }
                }
            }
            const float ao = std::clamp(std::exp(-0.9f * sum), 0.25f, 1.0f);
            m.colors[i].a = std::round(ao * 1000.0f) / 1000.0f;
        }
    }
}

}  // namespace myoview::bake
