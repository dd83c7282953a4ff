// The translucent body outline (a shrink-wrap around the structures) and the ambient-occlusion bake.

#include <algorithm>
#include <cmath>

#include "builders.h"

namespace myoview::meshgen {

using geo::Binding;
using geo::kPi;
using geo::MeshBuilder;
using geo::Sweep;

namespace {

struct ContentPoint {
    glm::vec3 p{0.0f};
    const std::array<std::uint16_t, 4>* joints = nullptr;
    const glm::vec4* weights = nullptr;
};

bool starts_with(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// Radii of a stack of rings around an axis: the farthest content in each (ring, sector), filled and smoothed.
class RadialField {
public:
    RadialField(int rings, int sectors)
        : rings_(rings), sectors_(sectors), r_(static_cast<std::size_t>(rings * sectors), -1.0f) {}
    void add(int ring, float angle, float radius) {
        if (ring < 0 || ring >= rings_) return;
        float a = angle / (2.0f * kPi);
        a -= std::floor(a);
        const int s = std::min(static_cast<int>(a * static_cast<float>(sectors_)), sectors_ - 1);
        float& cell = at(ring, s);
        cell = std::max(cell, radius);
    }
    void finish(float min_radius, int passes) {
        // Fill empty sectors from their ring, empty rings from their neighbours.
        for (int r = 0; r < rings_; ++r) {
            bool any = false;
            for (int s = 0; s < sectors_; ++s) any = any || at(r, s) > 0.0f;
            if (!any) continue;
            for (int s = 0; s < sectors_; ++s) {
                if (at(r, s) > 0.0f) continue;
                float sum = 0.0f;
                float wsum = 0.0f;
                for (int d = 1; d < sectors_ / 2; ++d) {
                    for (int sign : {-1, 1}) {
                        const float v = at(r, ((s + sign * d) % sectors_ + sectors_) % sectors_);
                        if (v > 0.0f && wsum == 0.0f) {
                            sum += v;
                            wsum += 1.0f;
                        }
                    }
                    if (wsum > 0.0f) break;
                }
                filled_.push_back({r, s, wsum > 0.0f ? sum / wsum : min_radius});
            }
            for (const Fill& f : filled_) at(f.ring, f.sector) = f.value;
            filled_.clear();
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
            std::vector<float> copy = r_;
            for (int r = 0; r < rings_; ++r) {
                for (int s = 0; s < sectors_; ++s) {
                    const int r0 = std::max(r - 1, 0);
                    const int r1 = std::min(r + 1, rings_ - 1);
                    const int s0 = (s + sectors_ - 1) % sectors_;
                    const int s1 = (s + 1) % sectors_;
                    const float avg = (copy[idx(r0, s)] + copy[idx(r1, s)] + copy[idx(r, s0)] + copy[idx(r, s1)] +
                                       2.0f * copy[idx(r, s)]) /
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
        const int s1 = (s0 + 1) % sectors_;
        const float t = f - std::floor(f);
        return glm::mix(r_[idx(ring, s0)], r_[idx(ring, s1)], t);
    }

private:
    struct Fill {
        int ring;
        int sector;
        float value;
    };
    std::size_t idx(int r, int s) const { return static_cast<std::size_t>(r * sectors_ + s); }
    float& at(int r, int s) { return r_[idx(r, s)]; }
    int rings_;
    int sectors_;
    std::vector<float> r_;
    std::vector<Fill> filled_;
};

Binding nearest_binding(const std::vector<ContentPoint>& content, glm::vec3 p, int skip_a = -1, int skip_b = -1) {
    float best = 1e30f;
    std::size_t bi = 0;
    for (std::size_t i = 0; i < content.size(); i += 3) {
        const glm::vec3 d = content[i].p - p;
        const float d2 = glm::dot(d, d);
        if (d2 < best) {
            best = d2;
            bi = i;
        }
    }
    Binding b;
    for (std::size_t k = 0; k < 4; ++k) {
        const int body = (*content[bi].joints)[k];
        if (body == skip_a || body == skip_b) continue;
        b.add(body, (*content[bi].weights)[static_cast<glm::length_t>(k)]);
    }
    return b;
}

}  // namespace

MeshData build_skin(const SkeletonModel& sk, const std::vector<MeshData>& structures) {
    constexpr float kMargin = 0.009f;
    const int humerus_r = sk.body("humerus_r");
    const int humerus_l = sk.body("humerus_l");
    std::vector<ContentPoint> trunk;
    std::vector<ContentPoint> arm_r;
    std::vector<ContentPoint> arm_l;
    for (const MeshData& m : structures) {
        const bool arm_mesh = starts_with(m.id, "humerus") || starts_with(m.id, "deltoid");
        for (std::size_t i = 0; i < m.positions.size(); ++i) {
            const ContentPoint c{m.positions[i], &m.joints[i], &m.weights[i]};
            // Arm sleeves wrap the humerus, the deltoid and the last stretch of muscles inserting on the humerus.
            float humerus_weight = 0.0f;
            for (std::size_t k = 0; k < 4; ++k) {
                const int j = m.joints[i][k];
                if (j == humerus_r || j == humerus_l) humerus_weight += m.weights[i][static_cast<glm::length_t>(k)];
            }
            const bool on_arm = arm_mesh || humerus_weight > 0.85f;
            if (!on_arm) {
                trunk.push_back(c);
            } else if (m.positions[i].y < 0.0f) {
                arm_r.push_back(c);
            } else {
                arm_l.push_back(c);
            }
        }
    }
    MeshBuilder mb(sk.lm.bodies.size());
    // Trunk, neck and head: horizontal rings around a centre line.
    {
        const float z_lo = sk.thorax.z_bottom - 0.07f;
        const float z_hi = sk.site("vertex").z + 0.004f;
        const glm::vec3 nasion = sk.site("nasion");
        const glm::vec3 occiput = sk.site("occiput");
        std::vector<glm::vec2> axis = {{z_lo, sk.thorax.centre_x(z_lo)},
                                       {sk.thorax.z_bottom, sk.thorax.centre_x(sk.thorax.z_bottom)},
                                       {0.5f * (sk.thorax.z_bottom + sk.thorax.z_top),
                                        sk.thorax.centre_x(0.5f * (sk.thorax.z_bottom + sk.thorax.z_top))},
                                       {sk.thorax.z_top, sk.thorax.centre_x(sk.thorax.z_top) - 0.01f},
                                       {sk.neck_core.b.z, sk.neck_core.b.x - 0.005f},
                                       {nasion.z, 0.5f * (nasion.x + occiput.x)},
                                       {z_hi, 0.5f * (nasion.x + occiput.x) - 0.01f}};
        std::sort(axis.begin(), axis.end(), [](glm::vec2 a, glm::vec2 b) { return a.x < b.x; });
        auto axis_x = [&](float z) {
            if (z <= axis.front().x) return axis.front().y;
            for (std::size_t i = 0; i + 1 < axis.size(); ++i) {
                if (z <= axis[i + 1].x)
                    return glm::mix(axis[i].y, axis[i + 1].y, (z - axis[i].x) / (axis[i + 1].x - axis[i].x));
            }
            return axis.back().y;
        };
        constexpr int kSectors = 40;
        const int rings = static_cast<int>((z_hi - z_lo) / 0.011f) + 1;
        const float dz = (z_hi - z_lo) / static_cast<float>(rings - 1);
        RadialField field(rings, kSectors);
        for (const ContentPoint& c : trunk) {
            const int r_mid = static_cast<int>(std::lround((c.p.z - z_lo) / dz));
            for (int r = r_mid - 1; r <= r_mid + 1; ++r) {
                const float ax = axis_x(z_lo + dz * static_cast<float>(r));
                field.add(r, std::atan2(c.p.y, c.p.x - ax), std::hypot(c.p.y, c.p.x - ax));
            }
        }
        field.finish(0.01f, 3);
        Sweep s;
        s.ring_size = kSectors;
        for (int r = 0; r < rings; ++r) {
            const float z = z_lo + dz * static_cast<float>(r);
            const float ax = axis_x(z);
            // Round off the crown: the last rings close in toward the vertex.
            const float crown = r == rings - 1 ? 0.35f : (r == rings - 2 ? 0.8f : 1.0f);
            for (int i = 0; i < kSectors; ++i) {
                const float a = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(kSectors);
                const float rad = (field.radius(r, a) + kMargin) * crown;
                const glm::vec3 p(ax + rad * std::cos(a), rad * std::sin(a), z);
                s.points.push_back(p);
                s.colors.push_back(kSkinColor);
                // Bound like the nearest trunk structure: the trunk's outline must not follow the arms.
                s.bindings.push_back(nearest_binding(trunk, p, humerus_r, humerus_l));
            }
        }
        mb.add(s);
    }
    // Upper arms: rings perpendicular to the humerus, from above the head to just below the elbow.
    for (const SideInfo& side : sides()) {
        const std::vector<ContentPoint>& content = side.sign > 0.0f ? arm_l : arm_r;
        if (content.empty()) continue;
        const glm::vec3 head = sk.humeral_head_centre(side);
        const glm::vec3 elbow = sk.elbow_centre(side);
        const glm::vec3 dir = glm::normalize(elbow - head);
        const glm::vec3 top = head - dir * 0.05f;
        const glm::vec3 bottom = elbow + dir * 0.025f;
        const float len = glm::length(bottom - top);
        glm::vec3 e1 = glm::vec3(1.0f, 0.0f, 0.0f) - dir * dir.x;
        e1 = glm::normalize(e1);
        const glm::vec3 e2 = glm::normalize(glm::cross(dir, e1));
        constexpr int kSectors = 28;
        constexpr int kRings = 30;
        RadialField field(kRings, kSectors);
        for (const ContentPoint& c : content) {
            const glm::vec3 d = c.p - top;
            const float t = glm::dot(d, dir) / len;
            const int r_mid = static_cast<int>(std::lround(t * static_cast<float>(kRings - 1)));
            const glm::vec3 radial = d - dir * glm::dot(d, dir);
            for (int r = r_mid - 1; r <= r_mid + 1; ++r) {
                field.add(r, std::atan2(glm::dot(radial, e2), glm::dot(radial, e1)), glm::length(radial));
            }
        }
        field.finish(0.02f, 3);
        Sweep s;
        s.ring_size = kSectors;
        for (int r = 0; r < kRings; ++r) {
            const float t = static_cast<float>(r) / static_cast<float>(kRings - 1);
            const glm::vec3 c = top + dir * (t * len);
            const float cap = t < 0.12f ? 0.35f + 0.65f * std::sqrt(1.0f - std::pow((0.12f - t) / 0.12f, 2.0f)) : 1.0f;
            for (int i = 0; i < kSectors; ++i) {
                const float a = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(kSectors);
                const float rad = (field.radius(r, a) + kMargin) * cap;
                const glm::vec3 p = c + (e1 * std::cos(a) + e2 * std::sin(a)) * rad;
                s.points.push_back(p);
                s.colors.push_back(kSkinColor);
                s.bindings.push_back(nearest_binding(content, p));
            }
        }
        mb.add(s);
    }
    return mb.build("skin", StructureKind::skin, kSkinColor);
}

void bake_ambient_occlusion(std::vector<MeshData>& meshes) {
    constexpr float kRadius = 0.045f;
    struct Occluder {
        glm::vec3 p;
        float area;
    };
    std::vector<Occluder> occ;
    glm::vec3 lo(1e9f);
    glm::vec3 hi(-1e9f);
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
            occ.push_back({m.positions[i], area[i]});
            lo = glm::min(lo, m.positions[i]);
            hi = glm::max(hi, m.positions[i]);
        }
    }
    if (occ.empty()) return;
    const glm::ivec3 dims = glm::max(glm::ivec3((hi - lo) / kRadius) + 1, glm::ivec3(1));
    auto cell_of = [&](glm::vec3 p) {
        const glm::ivec3 c = glm::clamp(glm::ivec3((p - lo) / kRadius), glm::ivec3(0), dims - 1);
        return c;
    };
    std::vector<std::vector<std::uint32_t>> cells(static_cast<std::size_t>(dims.x * dims.y * dims.z));
    auto cell_index = [&](glm::ivec3 c) { return static_cast<std::size_t>((c.z * dims.y + c.y) * dims.x + c.x); };
    for (std::size_t i = 0; i < occ.size(); ++i)
        cells[cell_index(cell_of(occ[i].p))].push_back(static_cast<std::uint32_t>(i));
    for (MeshData& m : meshes) {
        for (std::size_t i = 0; i < m.positions.size(); ++i) {
            const glm::vec3 p = m.positions[i];
            const glm::vec3 n = m.normals[i];
            const glm::vec3 probe = p + n * 0.002f;
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

}  // namespace myoview::meshgen
