// Bone meshes: shapes recognisable at a glance, built from landmarks; each bone is rigid on its MJCF body.

#include <cmath>

#include "builders.h"

namespace myoview::meshgen {

using geo::Binding;
using geo::kPi;
using geo::MeshBuilder;
using geo::Sweep;

const std::vector<SideInfo>& sides() {
    static const std::vector<SideInfo> kSides = {{"_r", -1.0f}, {"_l", 1.0f}};
    return kSides;
}

namespace {

constexpr glm::vec3 kX{1.0f, 0.0f, 0.0f};
constexpr glm::vec3 kY{0.0f, 1.0f, 0.0f};
constexpr glm::vec3 kZ{0.0f, 0.0f, 1.0f};

auto constant(float r) {
    return [r](float) { return r; };
}

// Ellipsoid with semi-axes along the (orthogonal) vectors ax, ay, az, swept along az.
Sweep ellipsoid(glm::vec3 c, glm::vec3 ax, glm::vec3 ay, glm::vec3 az, int rings, int ring_size, const Binding& b,
                glm::vec3 color = kBoneColor) {
    Sweep s;
    s.ring_size = ring_size;
    for (int r = 0; r < rings; ++r) {
        const float u = -0.96f + 1.92f * static_cast<float>(r) / static_cast<float>(rings - 1);
        const float k = std::sqrt(1.0f - u * u);
        geo::add_ring(s, c + az * u, glm::normalize(ax), glm::normalize(ay), glm::length(ax) * k, glm::length(ay) * k,
                      ring_size, color, b);
    }
    return s;
}

void vertebra(MeshBuilder& mb, glm::vec3 c, glm::vec3 axis, float r, glm::vec3 spinous_tip, const Binding& b) {
    const glm::vec3 fwd = glm::normalize(kX - axis * glm::dot(kX, axis));
    const glm::vec3 lat = glm::normalize(glm::cross(axis, fwd));
    const float h = 1.3f * r;
    mb.add(geo::tube(
        {c - axis * (0.5f * h), c + axis * (0.5f * h)}, 5, 12, fwd,
        [r](float t) { return r * (0.82f + 0.18f * std::sin(kPi * t)) * 0.85f; },
        [r](float t) { return r * (0.82f + 0.18f * std::sin(kPi * t)); }, kBoneColor, b));
    // Neural arch around the canal.
    mb.add(geo::tube(
        {c - fwd * (0.7f * r) + lat * (0.8f * r), c - fwd * (1.5f * r) + lat * (0.65f * r), c - fwd * (1.95f * r),
         c - fwd * (1.5f * r) - lat * (0.65f * r), c - fwd * (0.7f * r) - lat * (0.8f * r)},
        10, 8, axis, constant(0.26f * r), constant(0.2f * r), kBoneColor, b));
    // Spinous process, flattened side to side.
    mb.add(geo::tube(
        {c - fwd * (1.85f * r), 0.5f * (c - fwd * (1.85f * r) + spinous_tip), spinous_tip}, 6, 8, axis,
        [r](float t) { return r * (0.34f - 0.12f * t); }, [r](float t) { return r * (0.16f - 0.04f * t); }, kBoneColor,
        b));
    // Transverse processes.
    for (float s : {-1.0f, 1.0f}) {
        mb.add(geo::tube(
            {c - fwd * (1.25f * r) + lat * (s * 0.7f * r), c - fwd * (1.55f * r) + lat * (s * 2.0f * r)}, 5, 8, axis,
            [r](float t) { return r * (0.24f - 0.05f * t); }, constant(0.18f * r), kBoneColor, b));
    }
}

MeshData sternum(const SkeletonModel& sk) {
    MeshBuilder mb(sk.lm.bodies.size());
    const Binding b = Binding::rigid(sk.body("thorax"));
    Sweep s;
    s.ring_size = 16;
    constexpr int kRings = 26;
    for (int r = 0; r < kRings; ++r) {
        const float t = static_cast<float>(r) / static_cast<float>(kRings - 1);
        const glm::vec3 c = sk.sternum_at(t);
        const float w = sk.sternum_half_width(t);
        // Thickness: manubrium thick, body thinner, xiphoid thin; sternal angle slightly raised.
        const float thick = t < 0.25f ? 0.0075f : (t < 0.85f ? 0.0055f : 0.0035f);
        const float angle_bump = 0.0025f * std::exp(-std::pow((t - 0.26f) / 0.03f, 2.0f));
        geo::add_ring(s, c + kX * angle_bump, kY, kX, w, thick, s.ring_size, kBoneColor, b);
    }
    mb.add(s);
    return mb.build("sternum", StructureKind::bone, kBoneColor);
}

MeshData ribcage(const SkeletonModel& sk) {
    MeshBuilder mb(sk.lm.bodies.size());
    const Binding b = Binding::rigid(sk.body("thorax"));
    for (const SideInfo& side : sides()) {
        for (int k = 1; k <= 10; ++k) {
            float cartilage_from = 0.8f;
            const std::vector<glm::vec3> pts = sk.rib_curve(k, side, &cartilage_from);
            const float kf = static_cast<float>(k);
            const float tall = 0.0045f + 0.0022f * std::min(kf, 6.0f) / 6.0f;
            Sweep s = geo::tube(
                pts, 30, 8, kZ,
                [tall](float t) { return tall * (t < 0.05f ? 0.8f + 4.0f * t : 1.0f) * (1.0f - 0.2f * t); },
                [](float t) { return 0.0032f * (1.0f - 0.15f * t); }, kBoneColor, b);
            const int rings = s.ring_count();
            for (int r = 0; r < rings; ++r) {
                const float t = static_cast<float>(r) / static_cast<float>(rings - 1);
                const float f = geo::smoothstep(cartilage_from - 0.02f, cartilage_from + 0.02f, t);
                for (int i = 0; i < s.ring_size; ++i) {
                    s.colors[static_cast<std::size_t>(r * s.ring_size + i)] = glm::mix(kBoneColor, kCartilageColor, f);
                }
            }
            mb.add(s);
        }
    }
    return mb.build("ribcage", StructureKind::bone, kBoneColor);
}

MeshData thoracic_spine(const SkeletonModel& sk) {
    MeshBuilder mb(sk.lm.bodies.size());
    const Binding b = Binding::rigid(sk.body("thorax"));
    for (int k = 1; k <= 12; ++k) {
        const std::size_t i = static_cast<std::size_t>(k);
        const glm::vec3 up = sk.body_t[std::max<std::size_t>(i, 2) - 1] - sk.body_t[std::min<std::size_t>(i, 11) + 1];
        const float r = 0.0125f + 0.0055f * static_cast<float>(k - 1) / 11.0f;
        vertebra(mb, sk.body_t[i], glm::normalize(up), r, sk.spinous_t[i], b);
    }
    return mb.build("thoracic_spine", StructureKind::bone, kBoneColor);
}

MeshData cervical_spine(const SkeletonModel& sk) {
    MeshBuilder mb(sk.lm.bodies.size());
    const Binding b = Binding::rigid(sk.body("neck"));
    for (int k = 1; k <= 7; ++k) {
        const std::size_t i = static_cast<std::size_t>(k);
        const glm::vec3 up = sk.body_c[std::max<std::size_t>(i, 2) - 1] - sk.body_c[std::min<std::size_t>(i, 6) + 1];
        const float r = 0.0085f + 0.0025f * static_cast<float>(k - 1) / 6.0f;
        vertebra(mb, sk.body_c[i], glm::normalize(up), r, sk.spinous_c[i], b);
    }
    return mb.build("cervical_spine", StructureKind::bone, kBoneColor);
}

MeshData skull(const SkeletonModel& sk) {
    MeshBuilder mb(sk.lm.bodies.size());
    const Binding b = Binding::rigid(sk.body("head"));
    const glm::vec3 vertex = sk.site("vertex");
    const glm::vec3 nasion = sk.site("nasion");
    const glm::vec3 occiput = sk.site("occiput");
    const glm::vec3 tr = sk.site("tragus_r");
    const glm::vec3 tl = sk.site("tragus_l");
    const float half_len = 0.5f * (nasion.x - occiput.x) + 0.006f;
    const float half_w = 0.5f * std::abs(tl.y - tr.y) + 0.004f;
    const float half_h = 0.088f;
    const glm::vec3 cc(0.5f * (nasion.x + occiput.x) - 0.006f, 0.0f, vertex.z - half_h);
    // Cranium: egg-shaped, fuller at the back.
    {
        Sweep s;
        s.ring_size = 22;
        constexpr int kRings = 20;
        for (int r = 0; r < kRings; ++r) {
            const float u = -0.965f + 1.93f * static_cast<float>(r) / static_cast<float>(kRings - 1);
            const float k = std::sqrt(1.0f - u * u);
            const float egg = 1.0f - 0.07f * u;
            geo::add_ring(s, cc + kX * (u * half_len) + kZ * (0.012f * u), kZ, kY, half_h * k * egg, half_w * k * egg,
                          s.ring_size, kBoneColor, b);
        }
        mb.add(s);
    }
    // Face: maxilla, brow and orbital rims, cheek bones, nasal bones.
    mb.add(ellipsoid(nasion + glm::vec3(-0.032f, 0.0f, -0.056f), kX * 0.03f, kY * 0.037f, kZ * 0.036f, 12, 16, b));
    // Upper and lower teeth rows: a U along the alveolar arches.
    for (float dz : {-0.086f, -0.097f}) {
        mb.add(geo::tube({nasion + glm::vec3(-0.052f, -0.026f, dz), nasion + glm::vec3(-0.018f, -0.024f, dz),
                          nasion + glm::vec3(-0.004f, 0.0f, dz), nasion + glm::vec3(-0.018f, 0.024f, dz),
                          nasion + glm::vec3(-0.052f, 0.026f, dz)},
                         16, 8, kZ, constant(0.0048f), constant(0.0035f), glm::vec3(0.95f, 0.94f, 0.88f), b));
    }
    mb.add(geo::tube(
        {nasion + glm::vec3(-0.004f, 0.0f, 0.0f), nasion + glm::vec3(0.006f, 0.0f, -0.014f),
         nasion + glm::vec3(0.011f, 0.0f, -0.026f)},
        8, 8, kY, [](float t) { return 0.0035f + 0.002f * t; }, [](float t) { return 0.004f + 0.004f * t; }, kBoneColor,
        b));
    for (const SideInfo& side : sides()) {
        const glm::vec3 eye = nasion + glm::vec3(-0.012f, side.sign * 0.032f, -0.016f);
        std::vector<glm::vec3> rim;
        for (int i = 0; i <= 10; ++i) {  // orbital rim from the medial wall over the brow to the cheek
            const float a = kPi * (-0.15f + 1.3f * static_cast<float>(i) / 10.0f);
            rim.push_back(eye +
                          glm::vec3(0.004f * std::sin(a), -side.sign * 0.019f * std::cos(a), 0.018f * std::sin(a)));
        }
        mb.add(geo::tube(rim, 18, 8, kX, constant(0.0045f), constant(0.004f), kBoneColor, b));
        mb.add(ellipsoid(nasion + glm::vec3(-0.03f, side.sign * 0.046f, -0.046f), kX * 0.014f, kY * 0.012f, kZ * 0.014f,
                         8, 10, b));
    }
    // Mandible: a U from condyle to condyle.
    {
        const glm::vec3 cond_r(tr.x + 0.012f, tr.y * 0.9f, tr.z - 0.01f);
        const glm::vec3 cond_l(tl.x + 0.012f, tl.y * 0.9f, tl.z - 0.01f);
        const glm::vec3 gon_r(tr.x - 0.002f, tr.y * 0.68f, tr.z - 0.078f);
        const glm::vec3 gon_l(tl.x - 0.002f, tl.y * 0.68f, tl.z - 0.078f);
        const glm::vec3 ment_r(nasion.x - 0.03f, tr.y * 0.38f, nasion.z - 0.11f);
        const glm::vec3 ment_l(nasion.x - 0.03f, tl.y * 0.38f, nasion.z - 0.11f);
        const glm::vec3 chin(nasion.x - 0.01f, 0.0f, nasion.z - 0.115f);
        mb.add(geo::tube(
            {cond_r, gon_r, ment_r, chin, ment_l, gon_l, cond_l}, 40, 10, kZ,
            [](float t) { return 0.009f + 0.008f * std::sin(kPi * t); },
            [](float t) { return 0.004f + 0.002f * std::sin(kPi * t); }, kBoneColor, b));
    }
    return mb.build("skull", StructureKind::bone, kBoneColor);
}

MeshData clavicle(const SkeletonModel& sk, const SideInfo& side) {
    MeshBuilder mb(sk.lm.bodies.size());
    const Binding b = Binding::rigid(sk.body("clavicle" + side.suffix));
    const std::vector<glm::vec3> c = sk.clavicle_curve(side, 9);
    mb.add(geo::tube(
        c, 22, 12, kZ, [](float t) { return t < 0.08f ? 0.0075f + 0.02f * t : 0.009f - 0.004f * t; },
        [](float t) { return t < 0.08f ? 0.0075f + 0.02f * t : 0.008f + 0.006f * t * t; }, kBoneColor, b));
    return mb.build("clavicle" + side.suffix, StructureKind::bone, kBoneColor);
}

MeshData scapula(const SkeletonModel& sk, const SideInfo& side) {
    MeshBuilder mb(sk.lm.bodies.size());
    const Binding b = Binding::rigid(sk.body("scapula" + side.suffix));
    const ScapulaShape s = sk.scapula(side);
    // Blade: lens-shaped sections from the medial border (v = 0) to the neck (v = 1), curved onto the ribs.
    {
        Sweep blade;
        constexpr int kAcross = 10;
        blade.ring_size = 2 * kAcross;
        constexpr int kRings = 14;
        for (int r = 0; r < kRings; ++r) {
            const float v = static_cast<float>(r) / static_cast<float>(kRings - 1);
            const glm::vec3 top = glm::mix(s.superior_angle, s.neck_superior, v);
            const glm::vec3 bottom = glm::mix(s.inferior_angle, s.neck_inferior, std::pow(v, 0.8f));
            const float half_t = 0.0022f + 0.006f * v * v;
            for (int i = 0; i < blade.ring_size; ++i) {
                const float th = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(blade.ring_size);
                const float u = 0.5f * (1.0f - std::cos(th));
                glm::vec3 mid = glm::mix(top, bottom, u);
                // The medial border bulges a little toward the spine at the root.
                const float root_pull = (1.0f - v) * std::sin(kPi * u) * 0.35f;
                mid = glm::mix(mid, s.spine_root, root_pull * (1.0f - std::abs(2.0f * u - 1.0f)) * 0.4f);
                mid = sk.thorax.push_out(mid, kBladeClearance);
                blade.points.push_back(mid + s.normal * (half_t * std::sin(th)));
                blade.colors.push_back(kBoneColor);
                blade.bindings.push_back(b);
            }
        }
        mb.add(blade);
    }
    // Spine of the scapula rising into the acromion.
    {
        const glm::vec3 root = sk.thorax.push_out(s.spine_root, kBladeClearance);
        const glm::vec3 mid = glm::mix(root, s.acromion_posterior, 0.55f);
        const glm::vec3 mid_on_blade = sk.thorax.push_out(mid, kBladeClearance);
        mb.add(geo::tube(
            {root + s.normal * 0.004f, mid_on_blade + s.normal * 0.012f, s.acromion_posterior + s.normal * 0.004f,
             s.acromion},
            18, 10, s.normal, [](float t) { return 0.005f + 0.009f * std::sin(kPi * std::min(t * 1.3f, 1.0f)); },
            [](float t) { return 0.0045f + 0.01f * t * t; }, kBoneColor, b));
    }
    // Glenoid: a shallow pear-shaped socket facing the humeral head.
    {
        const glm::vec3 lateral = glm::normalize(s.glenoid - s.spine_root);
        mb.add(geo::tube({s.glenoid - lateral * 0.014f, s.glenoid}, 4, 12, kZ, constant(0.018f), constant(0.012f),
                         kBoneColor, b));
    }
    // Coracoid process: up from the neck, then hooking forward and out.
    {
        const glm::vec3 base = s.neck_superior + glm::vec3(0.0f, 0.0f, 0.004f);
        const glm::vec3 bend = glm::vec3(glm::mix(base.x, s.coracoid.x, 0.3f), glm::mix(base.y, s.coracoid.y, 0.2f),
                                         std::max(base.z, s.coracoid.z) + 0.012f);
        mb.add(geo::tube(
            {base, bend, s.coracoid}, 12, 8, kZ, [](float t) { return 0.0065f - 0.002f * t; },
            [](float t) { return 0.006f - 0.0015f * t; }, kBoneColor, b));
    }
    return mb.build("scapula" + side.suffix, StructureKind::bone, kBoneColor);
}

MeshData humerus(const SkeletonModel& sk, const SideInfo& side) {
    MeshBuilder mb(sk.lm.bodies.size());
    const Binding b = Binding::rigid(sk.body("humerus" + side.suffix));
    const glm::vec3 head = sk.humeral_head_centre(side);
    const glm::vec3 elbow = sk.elbow_centre(side);
    const glm::vec3 lat = sk.site("epicondyle_lateral" + side.suffix);
    const glm::vec3 med = sk.site("epicondyle_medial" + side.suffix);
    const glm::vec3 axis = glm::normalize(head - elbow);
    const glm::vec3 out(0.0f, side.sign, 0.0f);
    const float r = sk.humeral_head_radius();
    // Head: a sphere facing the glenoid.
    mb.add(ellipsoid(head, kX * r, out * r, axis * r, 12, 16, b));
    // Shaft from the tubercles to the condyles.
    const glm::vec3 top = head + out * 0.012f + axis * 0.004f + kX * 0.004f;
    const glm::vec3 neck = glm::mix(head, elbow, 0.16f) + out * 0.008f;
    const glm::vec3 mid = glm::mix(head, elbow, 0.5f) + out * 0.006f;
    const float half_span = 0.5f * glm::length(lat - med);
    mb.add(geo::tube(
        {top, neck, mid, elbow + axis * 0.03f, elbow}, 26, 12, kX,
        [](float t) { return t < 0.15f ? 0.02f - 0.05f * t : 0.0125f - 0.003f * t; },
        [half_span](float t) {
            const float shaft = t < 0.15f ? 0.021f - 0.05f * t : 0.0135f;
            return t < 0.72f ? shaft : glm::mix(shaft, half_span * 0.92f, geo::smoothstep(0.72f, 1.0f, t));
        },
        kBoneColor, b));
    // Trochlea and capitulum.
    mb.add(geo::tube(
        {med + (lat - med) * 0.06f - axis * 0.006f, elbow - axis * 0.01f, lat - (lat - med) * 0.06f - axis * 0.006f}, 8,
        10, kX, [](float t) { return 0.009f + 0.004f * std::sin(kPi * t); },
        [](float t) { return 0.009f + 0.004f * std::sin(kPi * t); }, kBoneColor, b));
    return mb.build("humerus" + side.suffix, StructureKind::bone, kBoneColor);
}

}  // namespace

std::vector<MeshData> build_bones(const SkeletonModel& sk) {
    std::vector<MeshData> out;
    out.push_back(sternum(sk));
    out.push_back(ribcage(sk));
    out.push_back(thoracic_spine(sk));
    out.push_back(cervical_spine(sk));
    out.push_back(skull(sk));
    for (const SideInfo& side : sides()) {
        out.push_back(clavicle(sk, side));
        out.push_back(scapula(sk, side));
        out.push_back(humerus(sk, side));
    }
    return out;
}

}  // namespace myoview::meshgen
