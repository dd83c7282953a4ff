#include "skeleton_model.h"

#include <algorithm>
#include <cmath>

namespace myoview::meshgen {

using geo::kPi;

namespace {

// Piecewise-linear interpolation in a table of (key, value) samples sorted by ascending key.
float interp(const std::vector<glm::vec2>& table, float key) {
    if (key <= table.front().x) return table.front().y;
    if (key >= table.back().x) return table.back().y;
    for (std::size_t i = 0; i + 1 < table.size(); ++i) {
        if (key <= table[i + 1].x) {
            const float f = (key - table[i].x) / std::max(table[i + 1].x - table[i].x, 1e-6f);
            return glm::mix(table[i].y, table[i + 1].y, f);
        }
    }
    return table.back().y;
}

float spow(float v, float e) {
    return (v < 0.0f ? -1.0f : 1.0f) * std::pow(std::abs(v), e);
}

}  // namespace

float ThoraxSurface::front_x(float z) const {
    return interp(front, z);
}
float ThoraxSurface::back_x(float z) const {
    return interp(back, z);
}

float ThoraxSurface::width(float z) const {
    static const std::vector<glm::vec2> kProfile = {{-0.08f, 0.22f}, {0.0f, 0.34f}, {0.1f, 0.6f},
                                                    {0.2f, 0.77f},   {0.35f, 0.9f}, {0.5f, 0.97f},
                                                    {0.7f, 1.0f},    {1.0f, 0.97f}, {1.4f, 0.92f}};
    const float h = (z_top - z) / std::max(z_top - z_bottom, 0.05f);
    return half_width * interp(kProfile, h);
}

glm::vec3 ThoraxSurface::point(float phi, float z, float sign) const {
    const float c = std::cos(phi);
    const float s = std::sin(phi);
    const float k = 2.0f / exponent;
    return {centre_x(z) + depth(z) * spow(c, k), sign * width(z) * std::pow(std::abs(s), k), z};
}

glm::vec3 ThoraxSurface::push_out(glm::vec3 p, float clearance) const {
    if (p.z > z_top + 0.03f) return p;
    // Above the first ribs the thoracic inlet narrows into the neck: fade the obstacle out.
    const float fade = 1.0f - geo::smoothstep(z_top - 0.01f, z_top + 0.03f, p.z);
    const float cx = centre_x(p.z);
    const float a = depth(p.z) * fade + clearance;
    const float b = width(p.z) * fade + clearance;
    const float dx = (p.x - cx) / a;
    const float dy = p.y / b;
    const float rho = std::pow(std::pow(std::abs(dx), exponent) + std::pow(std::abs(dy), exponent), 1.0f / exponent);
    if (rho >= 1.0f || rho < 1e-6f) return p;
    return {cx + (p.x - cx) / rho, p.y / rho, p.z};
}

glm::vec3 ThoraxSurface::outward(glm::vec3 p) const {
    const float cx = centre_x(p.z);
    const float a = std::max(depth(p.z), 0.02f);
    const float b = std::max(width(p.z), 0.02f);
    const float dx = (p.x - cx) / a;
    const float dy = p.y / b;
    glm::vec3 g(spow(dx, exponent - 1.0f) / a, spow(dy, exponent - 1.0f) / b, 0.0f);
    if (glm::length(g) < 1e-6f) return {1.0f, 0.0f, 0.0f};
    return glm::normalize(g);
}

glm::vec3 push_out_of_capsule(glm::vec3 p, const Capsule& c, float clearance) {
    const glm::vec3 q = geo::closest_on_segment(c.a, c.b, p);
    const glm::vec3 d = p - q;
    const float len = glm::length(d);
    const float need = c.radius + clearance;
    if (len >= need) return p;
    const glm::vec3 dir = len > 1e-6f ? d / len : glm::vec3(-1.0f, 0.0f, 0.0f);
    return q + dir * need;
}

SkeletonModel::SkeletonModel(const Landmarks& landmarks) : lm(landmarks) {
    // Thoracic spine: T1-T5 and T12 from the model, T6-T11 between them with a little kyphosis.
    for (int k = 1; k <= 5; ++k) {
        std::string name = "t";
        name += std::to_string(k);
        name += "_spinous";
        spinous_t[static_cast<std::size_t>(k)] = site(name);
    }
    spinous_t[12] = site("t12_spinous");
    for (int k = 6; k <= 11; ++k) {
        const float f = static_cast<float>(k - 5) / 7.0f;
        glm::vec3 p = glm::mix(spinous_t[5], spinous_t[12], f);
        p.x -= 0.008f * std::sin(kPi * f);
        spinous_t[static_cast<std::size_t>(k)] = p;
    }
    for (int k = 1; k <= 12; ++k) {
        const float f = static_cast<float>(k - 1) / 11.0f;
        body_t[static_cast<std::size_t>(k)] =
            spinous_t[static_cast<std::size_t>(k)] + glm::vec3(0.055f + 0.012f * f, 0.0f, 0.022f);
    }
    // Cervical spine: C7 from the model, the skull base between the mastoids, a gentle lordosis between.
    const glm::vec3 mastoid_mid = 0.5f * (site("mastoid_r") + site("mastoid_l"));
    // The head body's frame is the atlanto-occipital joint; fall back to a point between the mastoids.
    skull_base = lm.body_index("head") >= 0 ? lm.body("head").position : mastoid_mid + glm::vec3(0.02f, 0.0f, 0.0f);
    (void)mastoid_mid;
    spinous_c[7] = site("c7_spinous");
    body_c[7] = spinous_c[7] + glm::vec3(0.052f, 0.0f, 0.012f);
    body_c[1] = skull_base + glm::vec3(0.0f, 0.0f, -0.016f);
    for (int k = 2; k <= 6; ++k) {
        const float f = static_cast<float>(k - 1) / 6.0f;
        body_c[static_cast<std::size_t>(k)] =
            glm::mix(body_c[1], body_c[7], f) + glm::vec3(0.012f * std::sin(kPi * f), 0.0f, 0.0f);
    }
    for (int k = 1; k <= 6; ++k) {
        const float reach = k == 2 ? 0.05f : 0.04f + 0.0025f * static_cast<float>(k);
        spinous_c[static_cast<std::size_t>(k)] = body_c[static_cast<std::size_t>(k)] + glm::vec3(-reach, 0.0f, -0.008f);
    }
    neck_core.a = body_c[7] + glm::vec3(0.022f, 0.0f, -0.012f);
    neck_core.b = skull_base + glm::vec3(0.018f, 0.0f, 0.0f);
    neck_core.radius = 0.036f;

    // Thorax surface.
    thorax.z_top = body_t[1].z;
    thorax.z_bottom = body_t[12].z;
    const float scale = std::abs(site("acromion_l").y - site("acromion_r").y) / 0.39f;
    thorax.half_width = 0.142f * scale;
    const glm::vec3 notch = site("sternal_notch");
    const glm::vec3 xiphoid = site("xiphoid");
    thorax.front = {
        {thorax.z_bottom - 0.08f, xiphoid.x - 0.035f},
        {xiphoid.z, xiphoid.x - 0.006f},
        {0.5f * (notch.z + xiphoid.z), 0.5f * (notch.x + xiphoid.x) - 0.002f},
        {notch.z, notch.x - 0.008f},
        {thorax.z_top + 0.03f, body_t[1].x + 0.03f},
    };
    std::sort(thorax.front.begin(), thorax.front.end(), [](glm::vec2 a, glm::vec2 b) { return a.x < b.x; });
    thorax.back.clear();
    thorax.back.push_back({thorax.z_bottom - 0.08f, spinous_t[12].x + 0.032f});
    for (int k = 12; k >= 1; --k) {
        thorax.back.push_back(
            {body_t[static_cast<std::size_t>(k)].z, spinous_t[static_cast<std::size_t>(k)].x + 0.026f});
    }
    thorax.back.push_back({thorax.z_top + 0.03f, spinous_t[1].x + 0.035f});
    std::sort(thorax.back.begin(), thorax.back.end(), [](glm::vec2 a, glm::vec2 b) { return a.x < b.x; });
}

std::vector<glm::vec3> SkeletonModel::clavicle_curve(const SideInfo& side, int count) const {
    const glm::vec3 sc = site("sc_joint" + side.suffix);
    const glm::vec3 acromion = site("acromion" + side.suffix);
    const glm::vec3 ac = acromion + glm::normalize(sc - acromion) * 0.014f + glm::vec3(0.0f, 0.0f, -0.003f);
    const glm::vec3 d = ac - sc;
    return geo::smooth_curve(
        {sc, sc + 0.33f * d + glm::vec3(0.013f, 0.0f, 0.004f), sc + 0.72f * d + glm::vec3(-0.011f, 0.0f, 0.007f), ac},
        count);
}

glm::vec3 SkeletonModel::clavicle_at(const SideInfo& side, float t) const {
    return geo::polyline_at(clavicle_curve(side, 33), t);
}

ScapulaShape SkeletonModel::scapula(const SideInfo& side) const {
    ScapulaShape s;
    s.superior_angle = site("scapula_superior_angle" + side.suffix);
    s.inferior_angle = site("scapula_inferior_angle" + side.suffix);
    s.spine_root = site("scapula_spine_root" + side.suffix);
    s.glenoid = site("glenoid" + side.suffix);
    s.acromion = site("acromion" + side.suffix);
    s.acromion_posterior = site("acromion_posterior" + side.suffix);
    s.coracoid = site("coracoid" + side.suffix);
    const glm::vec3 medial = glm::normalize(s.spine_root - s.glenoid);
    // The superior border reaches the coracoid base, well above the glenoid (room for the supraspinous fossa).
    s.neck_superior = s.glenoid + medial * 0.018f + glm::vec3(0.0f, 0.0f, 0.028f);
    s.neck_inferior = s.glenoid + medial * 0.012f + glm::vec3(0.0f, 0.0f, -0.022f);
    glm::vec3 n = glm::normalize(glm::cross(s.inferior_angle - s.superior_angle, s.glenoid - s.superior_angle));
    if (n.x > 0.0f) n = -n;
    s.normal = n;
    return s;
}

glm::vec3 SkeletonModel::humeral_head_centre(const SideInfo& side) const {
    const glm::vec3 h = site("humeral_head" + side.suffix);
    const glm::vec3 g = site("glenoid" + side.suffix);
    const float r = humeral_head_radius();
    const glm::vec3 d = h - g;
    if (glm::length(d) >= 0.6f * r) return h;
    return g + glm::vec3(0.0f, side.sign, 0.0f) * r;
}

glm::vec3 SkeletonModel::elbow_centre(const SideInfo& side) const {
    return 0.5f * (site("epicondyle_lateral" + side.suffix) + site("epicondyle_medial" + side.suffix));
}

glm::vec3 SkeletonModel::sternum_at(float t) const {
    const glm::vec3 notch = site("sternal_notch");
    const glm::vec3 xiphoid = site("xiphoid");
    const glm::vec3 tip = xiphoid + glm::vec3(-0.012f, 0.0f, -0.04f);
    const glm::vec3 offset(-0.006f, 0.0f, 0.0f);  // sites mark the front surface; this is the mid-plane
    if (t <= 0.85f) return glm::mix(notch, xiphoid, t / 0.85f) + offset;
    return glm::mix(xiphoid, tip, (t - 0.85f) / 0.15f) + offset;
}

float SkeletonModel::sternum_half_width(float t) const {
    static const std::vector<glm::vec2> kProfile = {{0.0f, 0.021f},  {0.04f, 0.027f}, {0.12f, 0.025f},
                                                    {0.24f, 0.014f}, {0.28f, 0.014f}, {0.55f, 0.016f},
                                                    {0.78f, 0.018f}, {0.86f, 0.010f}, {1.0f, 0.004f}};
    return interp(kProfile, t);
}

std::vector<glm::vec3> SkeletonModel::rib_curve(int k, const SideInfo& side, float* cartilage_from) const {
    const glm::vec3 notch = site("sternal_notch");
    const glm::vec3 xiphoid = site("xiphoid");
    auto sternal_z = [&](int rib) {
        if (rib == 1) return notch.z - 0.018f;
        if (rib == 2) return notch.z - 0.048f;
        return glm::mix(notch.z - 0.078f, xiphoid.z + 0.012f, static_cast<float>(rib - 3) / 4.0f);
    };
    auto cc_z = [&](int rib) {
        float z = 0.0f;
        for (int r = 1; r <= rib; ++r) {
            z = r <= 7 ? sternal_z(r) - (0.008f + 0.009f * static_cast<float>(r - 1)) : z - 0.03f;
        }
        return z;
    };
    const float kf = static_cast<float>(k);
    const float phi_cc = k <= 7 ? kPi * (0.16f + 0.03f * kf) : kPi * (0.42f + 0.03f * (kf - 8.0f));
    const float phi0 = 0.93f * kPi;
    const glm::vec3 vb = body_t[static_cast<std::size_t>(k)];
    const float z_post = vb.z;
    const float z_cc = cc_z(k);
    std::vector<glm::vec3> pts;
    pts.push_back(vb + glm::vec3(-0.004f, side.sign * 0.017f, 0.0f));
    constexpr int kBony = 9;
    for (int i = 0; i < kBony; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(kBony - 1);
        const float phi = glm::mix(phi0, phi_cc, f);
        const float z = z_post + (z_cc - z_post) * std::pow(f, 1.15f);
        pts.push_back(thorax.point(phi, z, side.sign));
    }
    const std::size_t junction = pts.size() - 1;
    if (k <= 7) {
        const float zs = sternal_z(k);
        // Find the sternum fraction at that height.
        float ts = 0.0f;
        for (int i = 0; i <= 100; ++i) {
            const float t = static_cast<float>(i) / 100.0f;
            if (sternum_at(t).z >= zs) ts = t;
        }
        const glm::vec3 st = sternum_at(ts) + glm::vec3(-0.003f, side.sign * (sternum_half_width(ts) - 0.002f), 0.0f);
        const float phi_mid = 0.5f * phi_cc + 0.02f;
        const float z_mid = glm::mix(z_cc, zs, 0.45f) - 0.003f * kf;
        pts.push_back(thorax.point(phi_mid, z_mid, side.sign));
        pts.push_back(st);
    } else {
        float from = 0.0f;
        const std::vector<glm::vec3> above = rib_curve(k - 1, side, &from);
        const glm::vec3 join =
            geo::polyline_at(above, from + (1.0f - from) * (k == 8 ? 0.55f : 0.3f)) + glm::vec3(0.0f, 0.0f, -0.008f);
        const glm::vec3 mid = thorax.point(0.5f * (phi_cc + kPi * 0.3f), 0.5f * (z_cc + join.z) - 0.01f, side.sign);
        pts.push_back(mid);
        pts.push_back(join);
    }
    if (cartilage_from != nullptr) {
        float total = 0.0f;
        float at = 0.0f;
        for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
            if (i == junction) at = total;
            total += glm::length(pts[i + 1] - pts[i]);
        }
        *cartilage_from = total > 0.0f ? at / total : 0.8f;
    }
    return pts;
}

glm::vec3 SkeletonModel::push_over_scapula(glm::vec3 p, const SideInfo& side, float clearance, bool ridge_on) const {
    const ScapulaShape s = scapula(side);
    const glm::vec3 n = s.normal;
    const glm::vec3 q = p - n * glm::dot(p - s.superior_angle, n);
    // Signed in-plane distance inside the triangle superior angle / inferior angle / glenoid.
    const std::array<glm::vec3, 3> tri = {s.superior_angle, s.inferior_angle, s.acromion};
    const glm::vec3 centroid = (tri[0] + tri[1] + tri[2]) / 3.0f;
    float inside = 1e9f;
    for (std::size_t e = 0; e < 3; ++e) {
        const glm::vec3 a = tri[e];
        const glm::vec3 b = tri[(e + 1) % 3];
        glm::vec3 m = glm::normalize(glm::cross(n, b - a));
        if (glm::dot(centroid - a, m) < 0.0f) m = -m;
        inside = std::min(inside, glm::dot(q - a, m));
    }
    const float w = geo::smoothstep(-0.02f, 0.01f, inside);
    if (w <= 0.0f) return p;
    const glm::vec3 on_spine = geo::closest_on_segment(s.spine_root, s.acromion_posterior, q);
    const float ridge = ridge_on ? 0.014f * (1.0f - geo::smoothstep(0.0f, 0.03f, glm::length(q - on_spine))) : 0.0f;
    const float need = (clearance + ridge) * w;
    const float h = glm::dot(p - s.superior_angle, n);
    if (h >= need || h < -0.05f) return p;
    return p + n * (need - h);
}

}  // namespace myoview::meshgen
