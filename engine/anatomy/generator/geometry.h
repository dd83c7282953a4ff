#pragma once
// Geometry toolkit of the generator (private): curves, swept closed surfaces, and the builder that turns
// them into one MeshData with smooth normals, fibre tangents and skin weights.

#include <array>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "myoview/meshgen/anatomy_mesh.h"

namespace myoview::meshgen::geo {

inline constexpr float kPi = 3.14159265358979f;

float smoothstep(float e0, float e1, float x);
glm::vec3 any_perpendicular(glm::vec3 v);

// Centripetal-free uniform Catmull-Rom through `points`, resampled to `count` points equally spaced in arc length.
std::vector<glm::vec3> smooth_curve(const std::vector<glm::vec3>& points, int count);
// Point at arc-length fraction t in [0, 1] along a polyline.
glm::vec3 polyline_at(const std::vector<glm::vec3>& line, float t);
// Closest point on a polyline, and its arc-length fraction.
glm::vec3 closest_on_polyline(const std::vector<glm::vec3>& line, glm::vec3 p, float* fraction = nullptr);
glm::vec3 closest_on_segment(glm::vec3 a, glm::vec3 b, glm::vec3 p);

// Skin binding of one vertex: up to four (body, weight) pairs; weights need not be normalised.
struct Binding {
    std::array<int, 4> body{-1, -1, -1, -1};
    std::array<float, 4> weight{0.0f, 0.0f, 0.0f, 0.0f};
    void add(int b, float w);
    static Binding rigid(int b) {
        Binding x;
        x.add(b, 1.0f);
        return x;
    }
    static Binding blend(int a, int b, float t) {
        Binding x;
        x.add(a, 1.0f - t);
        x.add(b, t);
        return x;
    }
};

// A swept closed surface: `rings` cross-sections of `ring_size` points each, closed at both ends by a strip of
// triangles across the end ring. Each point carries its fibre direction (zero: derive along the sweep),
// colour and binding.
struct Sweep {
    int ring_size = 0;
    std::vector<glm::vec3> points;  // ring-major
    std::vector<glm::vec3> colors;  // per point
    std::vector<Binding> bindings;  // per point
    std::vector<glm::vec3> fibres;  // per point; empty: along the sweep
    int ring_count() const { return ring_size == 0 ? 0 : static_cast<int>(points.size()) / ring_size; }
};

// Elliptic ring around `center` in the plane spanned by (axis_a, axis_b), radii ra, rb.
void add_ring(Sweep& sweep, glm::vec3 center, glm::vec3 axis_a, glm::vec3 axis_b, float ra, float rb, int n,
              glm::vec3 color, const Binding& binding);

// A tube along a smooth curve through `path`, elliptic cross-sections (radius_a along `up` projected
// perpendicular to the curve, radius_b across), radii from callables of the arc fraction t.
template <typename RadiusA, typename RadiusB>
Sweep tube(const std::vector<glm::vec3>& path, int rings, int ring_size, glm::vec3 up, RadiusA radius_a,
           RadiusB radius_b, glm::vec3 color, const Binding& binding) {
    Sweep s;
    s.ring_size = ring_size;
    const std::vector<glm::vec3> c = smooth_curve(path, rings);
    for (int r = 0; r < rings; ++r) {
        const std::size_t i = static_cast<std::size_t>(r);
        const glm::vec3 prev = c[r == 0 ? i : i - 1];
        const glm::vec3 next = c[r == rings - 1 ? i : i + 1];
        const glm::vec3 t = glm::normalize(next - prev);
        glm::vec3 a = up - t * glm::dot(up, t);
        if (glm::length(a) < 1e-4f) a = any_perpendicular(t);
        a = glm::normalize(a);
        const glm::vec3 b = glm::normalize(glm::cross(t, a));
        const float f = static_cast<float>(r) / static_cast<float>(rings - 1);
        add_ring(s, c[i], a, b, radius_a(f), radius_b(f), ring_size, color, binding);
    }
    return s;
}

// Collects sweeps into one mesh.
class MeshBuilder {
public:
    explicit MeshBuilder(std::size_t body_count) : body_count_(body_count) {}
    void add(const Sweep& sweep);
    // Finishes: orients each closed component outward, smooth normals, first-use vertex order.
    MeshData build(const std::string& id, StructureKind kind, glm::vec3 base_color) const;

private:
    struct Component {
        std::uint32_t first_index = 0;  // into indices_
        std::uint32_t index_count = 0;
    };
    std::size_t body_count_;
    std::vector<glm::vec3> positions_;
    std::vector<glm::vec3> fibres_;
    std::vector<glm::vec3> colors_;
    std::vector<Binding> bindings_;
    std::vector<std::uint32_t> indices_;
    std::vector<Component> components_;
};

// Recomputes area-weighted smooth vertex normals from the triangles.
void compute_normals(MeshData& mesh);

}  // namespace myoview::meshgen::geo
