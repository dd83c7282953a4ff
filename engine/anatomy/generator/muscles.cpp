// Muscle meshes: each muscle (part) is a closed lens-section sheet that follows its fibres from the origin line to
// the insertion line, kept outside the bones it slides over, skinned from its origin body to its insertion body.

#include <algorithm>
#include <cmath>

#include "builders.h"

namespace myoview::meshgen {

using geo::Binding;
using geo::kPi;
using geo::MeshBuilder;
using geo::Sweep;

namespace {

struct Anchor {
    glm::vec3 p{0.0f};
    int body = -1;
};

enum class Inside { torso, neck, shoulder };

struct MuscleSpec {
    std::string id;  // without side suffix
    SideInfo side;
    std::vector<Anchor> origin;                  // across the origin, u = 0 .. 1
    std::vector<Anchor> insertion;               // across the insertion, matching u
    std::vector<std::vector<glm::vec3>> guides;  // optional cross lines the fibres pass through, in order
    float belly = 0.015f;                        // thickness at mid belly
    float origin_thickness = 0.004f;
    float insertion_thickness = 0.004f;
    float thorax_clearance = -1.0f;  // < 0: obstacle not used
    float neck_clearance = -1.0f;
    float scapula_clearance = -1.0f;
    bool scapula_ridge = true;      // also clear the spine of the scapula
    float head_clearance = -1.0f;   // humeral head
    float shaft_clearance = -1.0f;  // humeral shaft
    Inside inside = Inside::torso;
    int across = 12;
    int along = 22;
    float tendon_from = 2.0f;  // v from which colour turns to tendon
    int serrations = 0;        // finger-like slips along the origin (serratus anterior)
    float serration_depth = 0.0f;
    glm::vec3 color = kMuscleColor;
};

std::vector<glm::vec3> positions(const std::vector<Anchor>& anchors) {
    std::vector<glm::vec3> out;
    for (const Anchor& a : anchors) out.push_back(a.p);
    return out;
}

int body_at(const std::vector<Anchor>& anchors, float u) {
    const std::size_t n = anchors.size();
    const auto i = static_cast<std::size_t>(std::lround(u * static_cast<float>(n - 1)));
    return anchors[std::min(i, n - 1)].body;
}

class MuscleBuilder {
public:
    explicit MuscleBuilder(const SkeletonModel& sk) : sk_(sk) {}

    MeshData build(const MuscleSpec& spec) const {
        const int nu = spec.across;
        const int nv = spec.along;
        const int m = 2 * nu;
        const std::vector<glm::vec3> o_line = positions(spec.origin);
        const std::vector<glm::vec3> i_line = positions(spec.insertion);
        // Align the ends with the MJCF tendon path: its origin and insertion sites lie on the sheet's end lines.
        glm::vec3 shift_o(0.0f);
        glm::vec3 shift_i(0.0f);
        const std::vector<const Site*> path = sk_.lm.muscle_path(spec.id + spec.side.suffix);
        if (!path.empty()) {
            shift_o =
                clamp_len(path.front()->position - geo::closest_on_polyline(o_line, path.front()->position), 0.05f);
            shift_i = clamp_len(path.back()->position - geo::closest_on_polyline(i_line, path.back()->position), 0.05f);
        }
        // Mid-surface grid P[v][u] at cosine-spaced u (the lens ring's spacing).
        std::vector<std::vector<glm::vec3>> grid(static_cast<std::size_t>(nv),
                                                 std::vector<glm::vec3>(static_cast<std::size_t>(nu + 1)));
        std::vector<float> us(static_cast<std::size_t>(nu + 1));
        for (int j = 0; j <= nu; ++j) {
            const float u = 0.5f * (1.0f - std::cos(kPi * static_cast<float>(j) / static_cast<float>(nu)));
            us[static_cast<std::size_t>(j)] = u;
            std::vector<glm::vec3> controls;
            glm::vec3 origin_point = geo::polyline_at(o_line, u);
            if (spec.serrations > 0) {
                // Slips: the origin edge advances toward the insertion between the ribs' digitations.
                const glm::vec3 toward = glm::normalize(geo::polyline_at(i_line, u) - origin_point);
                const float wave = 0.5f - 0.5f * std::cos(2.0f * kPi * static_cast<float>(spec.serrations) * u);
                origin_point += toward * (spec.serration_depth * wave);
            }
            controls.push_back(origin_point);
            for (const auto& g : spec.guides) controls.push_back(geo::polyline_at(g, u));
            controls.push_back(geo::polyline_at(i_line, u));
            const std::vector<glm::vec3> fibre =
                controls.size() == 2 ? straight(controls[0], controls[1], nv) : geo::smooth_curve(controls, nv);
            for (int k = 0; k < nv; ++k) {
                const float v = static_cast<float>(k) / static_cast<float>(nv - 1);
                glm::vec3 p = fibre[static_cast<std::size_t>(k)] + glm::mix(shift_o, shift_i, v);
                const float half = 0.5f * thickness(spec, v) * std::sqrt(std::max(4.0f * u * (1.0f - u), 0.0f));
                for (int pass = 0; pass < 3; ++pass) p = push(spec, p, half);
                grid[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)] = p;
            }
        }
        // Light smoothing across the fibres removes kinks left by the obstacles, then re-push.
        for (int pass = 0; pass < 2; ++pass) {
            auto copy = grid;
            for (int k = 1; k + 1 < nv; ++k) {
                for (int j = 1; j < nu; ++j) {
                    const auto kk = static_cast<std::size_t>(k);
                    const auto jj = static_cast<std::size_t>(j);
                    const glm::vec3 avg =
                        0.25f * (copy[kk - 1][jj] + copy[kk + 1][jj] + copy[kk][jj - 1] + copy[kk][jj + 1]);
                    const float v = static_cast<float>(k) / static_cast<float>(nv - 1);
                    const float u = us[jj];
                    const float half = 0.5f * thickness(spec, v) * std::sqrt(std::max(4.0f * u * (1.0f - u), 0.0f));
                    grid[kk][jj] = push(spec, glm::mix(copy[kk][jj], avg, 0.5f), half);
                }
            }
        }
        // Sheet normals: cross product of the grid's tangents, oriented continuously from the centre (which
        // faces away from the body), then smoothed, so a converging fan never flips its lens inside out.
        std::vector<std::vector<glm::vec3>> normal(grid.size(),
                                                   std::vector<glm::vec3>(static_cast<std::size_t>(nu + 1)));
        const auto last_u = static_cast<std::size_t>(nu);
        const auto last_v = static_cast<std::size_t>(nv - 1);
        for (std::size_t kk = 0; kk <= last_v; ++kk) {
            for (std::size_t jj = 0; jj <= last_u; ++jj) {
                const glm::vec3 du = grid[kk][std::min(jj + 1, last_u)] - grid[kk][jj > 0 ? jj - 1 : 0];
                const glm::vec3 dv = grid[std::min(kk + 1, last_v)][jj] - grid[kk > 0 ? kk - 1 : 0][jj];
                glm::vec3 n = glm::cross(du, dv);
                normal[kk][jj] = glm::length(n) > 1e-12f ? glm::normalize(n) : outward_hint(spec, grid[kk][jj]);
            }
        }
        const std::size_t ck = last_v / 2;
        const std::size_t cj = last_u / 2;
        if (glm::dot(normal[ck][cj], outward_hint(spec, grid[ck][cj])) < 0.0f) normal[ck][cj] = -normal[ck][cj];
        auto align = [&](std::size_t k, std::size_t j, std::size_t rk, std::size_t rj) {
            if (glm::dot(normal[k][j], normal[rk][rj]) < 0.0f) normal[k][j] = -normal[k][j];
        };
        for (std::size_t kk = ck + 1; kk <= last_v; ++kk) align(kk, cj, kk - 1, cj);
        for (std::size_t kk = ck; kk-- > 0;) align(kk, cj, kk + 1, cj);
        for (std::size_t kk = 0; kk <= last_v; ++kk) {
            for (std::size_t jj = cj + 1; jj <= last_u; ++jj) align(kk, jj, kk, jj - 1);
            for (std::size_t jj = cj; jj-- > 0;) align(kk, jj, kk, jj + 1);
        }
        for (int pass = 0; pass < 3; ++pass) {
            const auto copy = normal;
            for (std::size_t kk = 0; kk <= last_v; ++kk) {
                for (std::size_t jj = 0; jj <= last_u; ++jj) {
                    glm::vec3 acc = 2.0f * copy[kk][jj];
                    if (kk > 0) acc += copy[kk - 1][jj];
                    if (kk < last_v) acc += copy[kk + 1][jj];
                    if (jj > 0) acc += copy[kk][jj - 1];
                    if (jj < last_u) acc += copy[kk][jj + 1];
                    normal[kk][jj] = glm::length(acc) > 1e-9f ? glm::normalize(acc) : copy[kk][jj];
                }
            }
        }
        Sweep s;
        s.ring_size = m;
        const int o_body_default = spec.origin.front().body;
        for (int k = 0; k < nv; ++k) {
            const auto kk = static_cast<std::size_t>(k);
            const float v = static_cast<float>(k) / static_cast<float>(nv - 1);
            const float t = thickness(spec, v);
            const float w_ins = geo::smoothstep(0.12f, 0.88f, v);
            for (int i = 0; i < m; ++i) {
                const int j = i <= nu ? i : m - i;
                const auto jj = static_cast<std::size_t>(j);
                const float th = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(m);
                const glm::vec3 p = grid[kk][jj];
                const glm::vec3 dv = grid[std::min(kk + 1, last_v)][jj] - grid[kk > 0 ? kk - 1 : 0][jj];
                // A fuller-than-elliptic section (|sin|^0.7): rounded muscle bellies rather than knife edges.
                const float sn = std::sin(th);
                const float bulge = (sn < 0.0f ? -1.0f : 1.0f) * std::pow(std::abs(sn), 0.7f);
                s.points.push_back(p + normal[kk][jj] * (0.5f * t * bulge));
                s.fibres.push_back(dv);
                const float u = us[jj];
                const int ob = body_at(spec.origin, u);
                const int ib = body_at(spec.insertion, u);
                s.bindings.push_back(Binding::blend(ob >= 0 ? ob : o_body_default, ib, w_ins));
                const float tendon = geo::smoothstep(spec.tendon_from, spec.tendon_from + 0.08f, v);
                s.colors.push_back(glm::mix(spec.color, kTendonColor, tendon));
            }
        }
        MeshBuilder mb(sk_.lm.bodies.size());
        mb.add(s);
        return mb.build(spec.id + spec.side.suffix, StructureKind::muscle, spec.color);
    }

private:
    static glm::vec3 clamp_len(glm::vec3 v, float max_len) {
        const float l = glm::length(v);
        return l > max_len ? v * (max_len / l) : v;
    }
    static std::vector<glm::vec3> straight(glm::vec3 a, glm::vec3 b, int n) {
        std::vector<glm::vec3> out;
        for (int k = 0; k < n; ++k) out.push_back(glm::mix(a, b, static_cast<float>(k) / static_cast<float>(n - 1)));
        return out;
    }
    static float thickness(const MuscleSpec& spec, float v) {
        const float ends = glm::mix(spec.origin_thickness, spec.insertion_thickness, v);
        return ends + (spec.belly - ends) * std::pow(std::max(std::sin(kPi * v), 0.0f), 0.7f);
    }
    glm::vec3 push(const MuscleSpec& spec, glm::vec3 p, float half) const {
        if (spec.thorax_clearance >= 0.0f) p = sk_.thorax.push_out(p, spec.thorax_clearance + half);
        if (spec.scapula_clearance >= 0.0f) {
            p = sk_.push_over_scapula(p, spec.side, spec.scapula_clearance + half, spec.scapula_ridge);
        }
        if (spec.neck_clearance >= 0.0f) p = push_out_of_capsule(p, sk_.neck_core, spec.neck_clearance + half);
        if (spec.head_clearance >= 0.0f) {
            const glm::vec3 h = sk_.humeral_head_centre(spec.side) + glm::vec3(0.0f, spec.side.sign * 0.004f, 0.0f);
            p = push_out_of_capsule(p, Capsule{h, h, sk_.humeral_head_radius() + 0.006f}, spec.head_clearance + half);
        }
        if (spec.shaft_clearance >= 0.0f) {
            const glm::vec3 h = sk_.humeral_head_centre(spec.side);
            const glm::vec3 e = sk_.elbow_centre(spec.side);
            p = push_out_of_capsule(p, Capsule{glm::mix(h, e, 0.15f), e, 0.013f}, spec.shaft_clearance + half);
        }
        return p;
    }
    glm::vec3 outward_hint(const MuscleSpec& spec, glm::vec3 p) const {
        glm::vec3 c(0.0f);
        switch (spec.inside) {
            case Inside::torso:
                c = glm::vec3(sk_.thorax.centre_x(p.z), 0.0f, p.z);
                break;
            case Inside::neck:
                c = geo::closest_on_segment(sk_.neck_core.a, sk_.neck_core.b, p);
                break;
            case Inside::shoulder:
                c = geo::closest_on_segment(sk_.humeral_head_centre(spec.side), sk_.elbow_centre(spec.side), p);
                break;
        }
        const glm::vec3 d = p - c;
        return glm::length(d) > 1e-6f ? glm::normalize(d) : glm::vec3(1.0f, 0.0f, 0.0f);
    }

    const SkeletonModel& sk_;
};

std::vector<MuscleSpec> muscle_specs(const SkeletonModel& sk, const SideInfo& side) {
    const float s = side.sign;
    const std::string& x = side.suffix;
    const int thorax = sk.body("thorax");
    const int neck = sk.body("neck");
    const int head = sk.body("head");
    const int clavicle = sk.body("clavicle" + x);
    const int scapula = sk.body("scapula" + x);
    const int humerus = sk.body("humerus" + x);
    const ScapulaShape sc = sk.scapula(side);
    const glm::vec3 groove = sk.site("bicipital_groove" + x);
    const glm::vec3 tuberosity = sk.site("deltoid_tuberosity" + x);
    const glm::vec3 head_c = sk.humeral_head_centre(side);
    const glm::vec3 elbow = sk.elbow_centre(side);
    const glm::vec3 shaft = glm::normalize(elbow - head_c);  // points down the arm
    const glm::vec3 out(0.0f, s, 0.0f);
    const glm::vec3 mastoid = sk.site("mastoid" + x);
    const glm::vec3 occiput = sk.site("occiput");
    const glm::vec3 notch = sk.site("sternal_notch");
    const glm::vec3 xiphoid = sk.site("xiphoid");
    auto clav = [&](float t) { return sk.clavicle_at(side, t); };
    auto sternal = [&](float t) {  // lateral edge of the sternum front
        return sk.sternum_at(t) + glm::vec3(0.006f, s * (sk.sternum_half_width(t) * 0.8f), 0.0f);
    };
    auto rib_point = [&](int k, float f) {  // point on rib k at arc fraction f (0 spine .. 1 sternum)
        return geo::polyline_at(sk.rib_curve(k, side, nullptr), f);
    };
    auto border = [&](float t) {
        return sk.thorax.push_out(geo::polyline_at({sc.superior_angle, sc.spine_root, sc.inferior_angle}, t),
                                  kBladeClearance);
    };
    auto spine_of_scapula = [&](float t) {
        return sk.thorax.push_out(glm::mix(sc.spine_root, sc.acromion_posterior, t), kBladeClearance) +
               sc.normal * 0.011f;
    };
    // Pectoralis major insertion: the lateral lip of the bicipital groove, ~7 cm long.
    const glm::vec3 lip_top = groove + out * 0.006f + glm::vec3(0.006f, 0.0f, 0.0f) + shaft * 0.012f;
    const glm::vec3 lip_bottom = lip_top + shaft * 0.075f;
    auto lip = [&](float t) { return glm::mix(lip_top, lip_bottom, t); };
    std::vector<MuscleSpec> specs;

    auto base = [&](const std::string& id) {
        MuscleSpec m;
        m.id = id;
        m.side = side;
        return m;
    };
    // --- Pectoralis major: three fans converging on the humerus.
    {
        MuscleSpec m = base("pec_major_clavicular");
        m.origin = {{clav(0.04f), clavicle}, {clav(0.25f), clavicle}, {clav(0.48f), clavicle}};
        m.insertion = {{lip(1.0f), humerus}, {lip(0.62f), humerus}};
        m.belly = 0.02f;
        m.thorax_clearance = 0.02f;
        m.head_clearance = 0.012f;
        m.tendon_from = 0.9f;
        specs.push_back(m);
    }
    {
        MuscleSpec m = base("pec_major_sternal");
        m.origin = {
            {sternal(0.04f), thorax}, {sternal(0.3f), thorax}, {sternal(0.55f), thorax}, {sternal(0.8f), thorax}};
        // Untwisted fan (upper fibres to the upper insertion): the real tendon twists, but a twisted lens
        // folds through itself; the fan reads the same from outside.
        m.insertion = {{lip(0.3f), humerus}, {lip(0.72f), humerus}};
        m.belly = 0.026f;
        m.thorax_clearance = 0.022f;
        m.head_clearance = 0.01f;
        m.across = 14;
        m.tendon_from = 0.9f;
        specs.push_back(m);
    }
    {
        MuscleSpec m = base("pec_major_costal");
        const glm::vec3 low = xiphoid + glm::vec3(-0.006f, s * 0.042f, -0.022f);  // lateral to the rectus sheath
        m.origin = {{sternal(0.83f), thorax},
                    {low, thorax},
                    {rib_point(6, 0.9f) + glm::vec3(0.0f, 0.0f, -0.03f), thorax},
                    {rib_point(7, 0.82f) + glm::vec3(0.0f, 0.0f, -0.035f), thorax}};
        m.insertion = {{lip(0.0f), humerus}, {lip(0.38f), humerus}};
        m.belly = 0.018f;
        m.thorax_clearance = 0.016f;
        m.head_clearance = 0.008f;
        m.tendon_from = 0.9f;
        specs.push_back(m);
    }
    // --- Pectoralis minor: ribs 3-5 to the coracoid.
    {
        MuscleSpec m = base("pec_minor");
        m.origin = {{sk.site("rib3" + x), thorax}, {sk.site("rib4" + x), thorax}, {sk.site("rib5" + x), thorax}};
        const glm::vec3 tip = sc.coracoid;
        m.insertion = {{tip + glm::vec3(0.0f, -s * 0.004f, 0.004f), scapula},
                       {tip + glm::vec3(-0.004f, s * 0.002f, -0.006f), scapula}};
        m.belly = 0.011f;
        m.origin_thickness = 0.003f;
        m.thorax_clearance = 0.006f;
        m.along = 18;
        m.across = 10;
        m.tendon_from = 0.9f;
        specs.push_back(m);
    }
    // --- Rhomboids: from the spinous processes to the medial border.
    const glm::vec3 nuchal_in(0.012f, 0.0f, 0.0f);  // origin on the ligament, just in front of the tips
    {
        MuscleSpec m = base("rhomboid_minor");
        m.origin = {{sk.site("c7_spinous") + nuchal_in, neck}, {sk.site("t1_spinous") + nuchal_in, thorax}};
        m.insertion = {{border(0.32f), scapula}, {border(0.5f), scapula}};
        m.belly = 0.008f;
        m.thorax_clearance = 0.006f;
        m.across = 8;
        m.along = 16;
        specs.push_back(m);
    }
    {
        MuscleSpec m = base("rhomboid_major");
        m.origin = {{sk.site("t2_spinous") + nuchal_in, thorax},
                    {sk.site("t3_spinous") + nuchal_in, thorax},
                    {sk.site("t4_spinous") + nuchal_in, thorax},
                    {sk.site("t5_spinous") + nuchal_in, thorax}};
        m.insertion = {{border(0.52f), scapula}, {border(0.75f), scapula}, {border(0.98f), scapula}};
        m.belly = 0.009f;
        m.thorax_clearance = 0.006f;
        m.along = 16;
        specs.push_back(m);
    }
    // --- Trapezius: the diamond over neck and upper back.
    const glm::vec3 nuchal_out(-0.006f, 0.0f, 0.0f);
    {
        MuscleSpec m = base("trapezius_upper");
        const glm::vec3 nuchal_line = occiput + glm::vec3(0.012f, s * 0.035f, -0.008f);
        m.origin = {{nuchal_line, head},
                    {occiput + glm::vec3(0.0f, 0.0f, -0.004f), head},
                    {sk.spinous_c[3] + nuchal_out, neck},
                    {sk.spinous_c[5] + nuchal_out, neck},
                    {sk.site("c7_spinous") + nuchal_out, neck}};
        m.insertion = {{clav(0.62f) + glm::vec3(-0.004f, 0.0f, 0.006f), clavicle},
                       {clav(0.85f) + glm::vec3(-0.006f, 0.0f, 0.006f), clavicle},
                       {sc.acromion + glm::vec3(-0.01f, -s * 0.012f, 0.006f), scapula}};
        // Fibres wind around the back of the neck rather than through it: a guide line on the posterolateral
        // neck surface, lower and more lateral for the fibres that come from further down the nuchal ligament.
        {
            std::vector<glm::vec3> guide;
            const std::vector<glm::vec3> o_line = positions(m.origin);
            const std::vector<glm::vec3> i_line = positions(m.insertion);
            for (int g = 0; g <= 4; ++g) {
                const float u = static_cast<float>(g) / 4.0f;
                const glm::vec3 q = glm::mix(geo::polyline_at(o_line, u), geo::polyline_at(i_line, u), 0.45f);
                const glm::vec3 c = geo::closest_on_segment(sk.neck_core.a, sk.neck_core.b, q);
                glm::vec3 dir = q - c;
                dir.z = 0.0f;
                dir = glm::normalize(glm::normalize(dir) + glm::vec3(-0.5f, s * 0.6f, 0.0f));
                guide.push_back(c + dir * (sk.neck_core.radius + 0.045f));
            }
            m.guides = {guide};
        }
        m.belly = 0.016f;
        m.origin_thickness = 0.005f;
        m.neck_clearance = 0.02f;
        m.thorax_clearance = 0.025f;
        m.scapula_clearance = 0.018f;  // over levator scapulae at the superior angle
        m.scapula_ridge = false;       // its insertion lies in front of the spine's crest
        m.across = 14;
        m.along = 24;
        specs.push_back(m);
    }
    {
        MuscleSpec m = base("trapezius_middle");
        m.origin = {{sk.site("c7_spinous") + nuchal_out, neck},
                    {sk.site("t1_spinous") + nuchal_out, thorax},
                    {sk.site("t2_spinous") + nuchal_out, thorax},
                    {sk.site("t3_spinous") + nuchal_out, thorax}};
        m.insertion = {{sc.acromion + glm::vec3(-0.012f, -s * 0.01f, 0.004f), scapula},
                       {sc.acromion_posterior + sc.normal * 0.008f, scapula},
                       {spine_of_scapula(0.45f), scapula},
                       {spine_of_scapula(0.15f), scapula}};
        m.belly = 0.012f;
        m.origin_thickness = 0.003f;
        m.thorax_clearance = 0.022f;
        m.scapula_clearance = 0.008f;
        m.across = 12;
        m.along = 20;
        specs.push_back(m);
    }
    {
        MuscleSpec m = base("trapezius_lower");
        m.origin = {{sk.site("t4_spinous") + nuchal_out, thorax},
                    {sk.site("t5_spinous") + nuchal_out, thorax},
                    {sk.spinous_t[8] + nuchal_out, thorax},
                    {sk.spinous_t[10] + nuchal_out, thorax},
                    {sk.site("t12_spinous") + nuchal_out, thorax}};
        m.insertion = {{spine_of_scapula(0.14f), scapula},
                       {spine_of_scapula(0.0f) + glm::vec3(0.0f, 0.0f, -0.008f), scapula}};
        m.belly = 0.01f;
        m.origin_thickness = 0.003f;
        m.thorax_clearance = 0.02f;
        m.scapula_clearance = 0.008f;
        m.across = 12;
        m.along = 20;
        specs.push_back(m);
    }
    // --- Deltoid: three parts capping the shoulder, to the deltoid tuberosity.
    const glm::vec3 fwd(1.0f, 0.0f, 0.0f);
    {
        MuscleSpec m = base("deltoid_anterior");
        m.origin = {{clav(0.6f) + glm::vec3(0.004f, 0.0f, 0.0f), clavicle},
                    {clav(0.82f) + glm::vec3(0.004f, 0.0f, 0.0f), clavicle},
                    {clav(1.0f) + glm::vec3(0.006f, s * 0.004f, 0.0f), clavicle}};
        m.insertion = {{tuberosity + fwd * 0.009f - shaft * 0.01f, humerus},
                       {tuberosity + fwd * 0.004f + out * 0.002f, humerus}};
        m.belly = 0.026f;
        m.origin_thickness = 0.008f;
        m.head_clearance = 0.006f;
        m.shaft_clearance = 0.004f;
        m.inside = Inside::shoulder;
        m.across = 10;
        specs.push_back(m);
    }
    {
        MuscleSpec m = base("deltoid_middle");
        m.origin = {{sc.acromion + fwd * 0.01f, scapula},
                    {sc.acromion + out * 0.004f, scapula},
                    {glm::mix(sc.acromion, sc.acromion_posterior, 0.8f) + out * 0.004f, scapula}};
        m.insertion = {{tuberosity + fwd * 0.004f + out * 0.002f, humerus},
                       {tuberosity - fwd * 0.004f + out * 0.002f, humerus}};
        m.belly = 0.028f;
        m.origin_thickness = 0.008f;
        m.head_clearance = 0.006f;
        m.shaft_clearance = 0.004f;
        m.inside = Inside::shoulder;
        m.across = 10;
        specs.push_back(m);
    }
    {
        MuscleSpec m = base("deltoid_posterior");
        m.origin = {
            {sc.acromion_posterior, scapula}, {spine_of_scapula(0.6f), scapula}, {spine_of_scapula(0.2f), scapula}};
        m.insertion = {{tuberosity - fwd * 0.004f + out * 0.002f, humerus},
                       {tuberosity - fwd * 0.009f - shaft * 0.01f, humerus}};
        m.belly = 0.024f;
        m.origin_thickness = 0.008f;
        m.head_clearance = 0.006f;
        m.shaft_clearance = 0.004f;
        m.scapula_clearance = 0.004f;
        m.inside = Inside::shoulder;
        m.across = 10;
        specs.push_back(m);
    }
    // --- Levator scapulae: C1-C4 transverse processes to the superior angle.
    {
        MuscleSpec m = base("levator_scapulae");
        m.origin = {{sk.body_c[1] + glm::vec3(-0.004f, s * 0.038f, 0.0f), neck},
                    {sk.body_c[4] + glm::vec3(-0.008f, s * 0.026f, 0.0f), neck}};
        m.insertion = {{sc.superior_angle, scapula}, {glm::mix(sc.superior_angle, sc.spine_root, 0.6f), scapula}};
        m.belly = 0.011f;
        m.neck_clearance = 0.0f;
        m.thorax_clearance = 0.004f;
        m.inside = Inside::neck;
        m.across = 8;
        m.along = 20;
        specs.push_back(m);
    }
    // --- Serratus anterior: ribs 1-8 around the chest wall to the medial border.
    {
        MuscleSpec m = base("serratus_anterior");
        for (int k = 1; k <= 8; ++k) {
            const float f = k <= 2 ? 0.62f : 0.66f - 0.012f * static_cast<float>(k);
            m.origin.push_back({rib_point(k, f), thorax});
        }
        m.insertion = {{border(0.0f), scapula},
                       {border(0.5f), scapula},
                       {border(0.8f), scapula},
                       {border(0.93f), scapula},
                       {border(1.0f), scapula}};
        m.belly = 0.01f;
        m.origin_thickness = 0.004f;
        m.thorax_clearance = 0.002f;
        m.serrations = 7;
        m.serration_depth = 0.025f;
        m.across = 28;
        m.along = 20;
        specs.push_back(m);
    }
    // --- Sternocleidomastoid: manubrium and medial clavicle to the mastoid.
    {
        MuscleSpec m = base("sternocleidomastoid");
        m.origin = {{notch + glm::vec3(0.006f, s * 0.012f, -0.012f), thorax},
                    {clav(0.08f) + glm::vec3(0.004f, 0.0f, 0.006f), clavicle},
                    {clav(0.2f) + glm::vec3(0.0f, 0.0f, 0.006f), clavicle}};
        m.insertion = {{mastoid + glm::vec3(0.008f, 0.0f, 0.0f), head},
                       {mastoid + glm::vec3(-0.018f, -s * 0.006f, 0.012f), head}};
        m.belly = 0.017f;
        m.origin_thickness = 0.006f;
        m.neck_clearance = 0.01f;
        m.inside = Inside::neck;
        m.across = 10;
        m.along = 22;
        specs.push_back(m);
    }
    // --- Splenius capitis: ligamentum nuchae and C7-T3 to the mastoid and lateral nuchal line.
    {
        MuscleSpec m = base("splenius_capitis");
        const glm::vec3 deep(0.03f, 0.0f, 0.0f);  // beneath the trapezius' origin on the nuchal ligament
        m.origin = {{sk.spinous_c[4] + deep, neck},
                    {sk.site("c7_spinous") + deep, neck},
                    {sk.site("t1_spinous") + deep, thorax},
                    {sk.site("t3_spinous") + deep, thorax}};
        m.insertion = {{mastoid + glm::vec3(-0.004f, 0.0f, 0.006f), head},
                       {mastoid + glm::vec3(-0.028f, -s * 0.02f, 0.014f), head}};
        m.belly = 0.008f;
        m.neck_clearance = 0.0f;
        m.thorax_clearance = 0.006f;
        m.inside = Inside::neck;
        m.across = 10;
        m.along = 22;
        specs.push_back(m);
    }
    return specs;
}

}  // namespace

std::vector<MeshData> build_muscles(const SkeletonModel& sk) {
    std::vector<MeshData> out;
    MuscleBuilder builder(sk);
    for (const SideInfo& side : sides()) {
        int index = 0;
        for (MuscleSpec spec : muscle_specs(sk, side)) {
            // Neighbouring parts differ slightly in shade so their borders read without tension colouring.
            static constexpr float kShade[] = {1.0f, 0.9f, 1.08f, 0.94f};
            spec.color = glm::min(kMuscleColor * kShade[index % 4], glm::vec3(1.0f));
            out.push_back(builder.build(spec));
            ++index;
        }
    }
    return out;
}

}  // namespace myoview::meshgen
