#include "myoview/sim/simulation.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <filesystem>
#include <utility>

#include "mujoco_handles.h"
#include "myoview/base/log.h"
#include "myoview/base/paths.h"

namespace myoview::sim {
namespace {

constexpr double kRadToDeg = 180.0 / 3.14159265358979323846;
constexpr double kSecondsPerDay = 86400.0;

// Optimal fibre length L0 (m) per base id, same order as kMuscleIds. One source per muscle, as in the MJCF
// comments (tools/mjcf/make_myoview_mjcf.py): the Wu shoulder model (Wu_Shoulder_Model_via_points, read from
// its pyomeca/osim_to_biomod bioMod conversion) for the shoulder muscles, Neck6D (Mortensen et al. 2018) for
// sternocleidomastoid and the splenii.
constexpr std::array<double, kMuscleIds.size()> kOptimalFibreLength = {
    0.1025, 0.140,  0.1813, 0.1151,  // pec major clavicular, sternal, costal [PECM1-3]; pec minor [PMN]
    0.0884, 0.1073,                  // rhomboid major [mean of RMJ1, RMJ2], minor [RMN]
    0.1032, 0.0847, 0.1282,          // trapezius upper [TRP1], middle [TRP2+TRP3, force-weighted], lower [TRP4]
    0.1752, 0.1318, 0.1228,          // deltoid anterior, middle, posterior [DELT1-3]
    0.1475, 0.1132,                  // levator scapulae [LVS], serratus anterior [SRA1-3, force-weighted]
    0.108,  0.095,  0.095,           // sternocleidomastoid (sternal head), splenius capitis, cervicis (Neck6D)
    0.1165, 0.1323, 0.0453,          // supraspinatus [SUPSP], infraspinatus [INFSP], teres minor [TMIN]
    0.1388, 0.1632, 0.2317,          // teres major [TMAJ], subscapularis [SUBSC], latissimus dorsi [LAT]
    0.0241};                         // subclavius [SBCL]

// Normalized fibre length in the healthy rest pose (model assumptions; no per-muscle resting sarcomere data for
// this posture). The pectorals sit at their optimal length, where MuJoCo's passive curve starts: taut but without
// passive force, so that an adaptive shortening of their resting length (TissueState::shortening) turns into a
// passive pull at once. Every other muscle sits slightly below optimum and slack, so that the shoulder girdle
// is not held by passive tension of the back muscles.
constexpr double kRestNormalizedLengthPec = 1.0;
constexpr double kRestNormalizedLength = 0.88;

// Passive force-length scale of MuJoCo's muscle (fpmax default 1.3) multiplied by the tissue stiffness.
constexpr double kFpmaxHealthy = 1.3;

// ---- Postural control (model, not measured): bounded proportional drive ---------------------------------
// Scapular retractors, per side: drive = forward displacement of the acromion beyond rest / kScapulaFullDriveMm.
// Neck extensors: drive = lower-cervical flexion beyond the habit / kNeckFullDriveDeg.
// The drives of the three controllers share one budget (central drive, endurance-limited). When their sum
// exceeds the budget all are scaled down; what they cannot resist becomes posture.
constexpr double kScapulaFullDriveMm = 60.0;
constexpr double kNeckFullDriveDeg = 8.0;
constexpr double kBudgetHealthy = 1.6;  // out of 3 (two scapulae + neck at full drive)
// Maximum sustained postural activation at full drive and full strength: ~30 % MVC, above which postural
// contractions fatigue within minutes (Rohmert 1960 endurance curve; Jonsson 1978 static load limits).
constexpr double kMaxPosturalActivation = 0.30;

struct PosturalRole {
    std::string_view id;
    double weight;  // share of the controller's drive this muscle receives
    bool neck;      // false: scapular retractor of its own side; true: neck extensor (both sides)
};
// Upper trapezius and levator scapulae are left out of the neck controller on purpose: in this model they
// elevate and retract the shoulder girdle, so recruiting them for the head would move the shoulders.
constexpr std::array<PosturalRole, 7> kPosturalRoles = {{
    {"rhomboid_major", 1.0, false},
    {"rhomboid_minor", 1.0, false},
    {"trapezius_middle", 1.0, false},
    {"trapezius_lower", 0.4, false},
    {"deltoid_posterior", 0.5, false},
    {"splenius_capitis", 1.0, true},
    {"splenius_cervicis", 1.0, true},
}};

// Gaze stabilisation: the suboccipital muscles (not part of the id contract) keep the head's pitch level.
// Modelled as an ideal torque at C0/C1 on the head's absolute pitch (thorax + neck + head flexion).
constexpr double kGazeStiffness = 12.0;  // Nm/rad
constexpr double kGazeDamping = 0.8;     // Nm s/rad

// ---- Tissue clock (days): relaxation toward the preset (relapse) and session effects ------------------
// Time constants are model assumptions, chosen to match the qualitative course reported for manual therapy
// (effects on tone/pain last hours to days) and flexibility training (gains lost within ~4 weeks of stopping,
// e.g. Willy et al. 2001, JOSPT 31:138).
constexpr double kToneRelapseDays = 2.0;
constexpr double kTriggerRelapseDays = 7.0;
constexpr double kShorteningRelapseDays = 21.0;
constexpr double kStiffnessRelapseDays = 14.0;
constexpr double kCapacityRelapseDays = 28.0;    // detraining
constexpr double kCapacityAdaptationDays = 7.0;  // neural adaptation to strengthening
constexpr int kTissueUpdateEvery = 10;           // steps between tissue updates

struct MuscleSlot {
    int actuator = -1;
    int tendon = -1;
    std::size_t base = 0;
    Side side = Side::kRight;
    double f0 = 0;         // nominal max isometric force from the MJCF
    double range0 = 0.75;  // calibrated healthy range (normalized length at lengthrange[0] / [1])
    double range1 = 1.05;
    int role = -1;  // index into kPosturalRoles, -1 none
};

struct SiteIds {
    int c7 = -1, t1 = -1, tragus_r = -1, tragus_l = -1;
    std::array<int, 2> acromion{}, acromion_posterior{}, spine_root{}, inferior_angle{}, coracoid{}, rib4{};
};

double relax(double x, double target, double dt_days, double tau_days) {
    return target + (x - target) * std::exp(-dt_days / tau_days);
}

double lerp(double a, double b, double t) {
    return a + (b - a) * t;
}

TissueState blend(const TissueState& from, const TissueState& to, double t) {
    TissueState out = from;
    out.tone = lerp(from.tone, to.tone, t);
    out.shortening = lerp(from.shortening, to.shortening, t);
    out.stiffness = lerp(from.stiffness, to.stiffness, t);
    for (TriggerPoint& tp : out.trigger_points) tp.severity = lerp(tp.severity, 0.0, t);
    return out;
}

// MuJoCo 2.2.2 keeps activations only for the actuators with dynamics, which come last: act[i - (nu - na)].
int act_index(const mjModel* m, int actuator) {
    const int adr = actuator - (m->nu - m->na);
    return m->actuator_dyntype[actuator] != mjDYN_NONE && adr >= 0 ? adr : -1;
}

glm::dvec3 site_pos(const mjData* d, int id) {
    return {d->site_xpos[3 * id], d->site_xpos[3 * id + 1], d->site_xpos[3 * id + 2]};
}

// A world point in the thorax's frame (its rest orientation is the world's, so at rest this is a translation).
// Scapular angles and the forward shoulder distance are measured against the thorax, as clinicians do, so that
// a slumped (flexed) thorax does not read as scapular tilt or rounded shoulders.
glm::dvec3 in_thorax(const mjData* d, int thorax_body, const glm::dvec3& p) {
    const mjtNum* r = d->xmat + 9 * thorax_body;  // row-major: columns are the body axes in world
    const glm::dvec3 q =
        p - glm::dvec3(d->xpos[3 * thorax_body], d->xpos[3 * thorax_body + 1], d->xpos[3 * thorax_body + 2]);
    return {r[0] * q.x + r[3] * q.y + r[6] * q.z, r[1] * q.x + r[4] * q.y + r[7] * q.z,
            r[2] * q.x + r[5] * q.y + r[8] * q.z};
}

}  // namespace

struct Simulation::Impl {
    detail::ModelPtr model;
    detail::DataPtr data;
    SimOptions options;
    std::string preset_name = "neutral";
    const Preset* preset = nullptr;
    std::unique_ptr<Preset> custom;  // set_profile's profile; `preset` points here then (Impl never moves)
    std::array<double, 4> part_release{};  // per pec part
    std::vector<MuscleSlot> muscles;       // 32, kMuscleIds order, right then left
    std::vector<TissueState> tissue;       // live tissue per slot
    Capacity capacity{};
    Capacity capacity_pending{};  // strengthening gain still to be realized
    SiteIds sites;
    std::array<double, 2> acromion_rest_x{};  // thorax frame
    int thorax_body = -1;
    int neck_flexion_dof = -1, head_flexion_dof = -1, neck_flexion_qpos = -1, head_flexion_qpos = -1;
    int thorax_flexion_dof = -1, thorax_flexion_qpos = -1;
    double neck_spring_neutral = 0;    // calibrated qpos_spring of neck_flexion for the healthy rest pose
    double thorax_spring_neutral = 0;  // the same for thorax_flexion
    double tissue_days = 0;
    double accumulator = 0;
    std::int64_t steps = 0;
    double wall_s = 0;
    int warnings = 0;
    bool interventions_applied = false;
    bool faulted = false;  // the last recovery could not settle: no stepping until a reset succeeds
    std::array<double, 3> drive{};  // last controller drives: right scapula, left scapula, neck
    mutable Snapshot snap;

    std::size_t slot_index(std::size_t base, Side side) const { return base * 2 + (side == Side::kRight ? 0 : 1); }

    void apply_preset_tissue() {
        capacity = preset->profile.capacity;
        capacity_pending = {0, 0};
        for (MuscleSlot& s : muscles) {
            TissueState t = preset->profile.muscles[s.base];
            if (s.base < kPecIds.size()) t = blend(t, healthy_tissue(s.base), part_release[s.base]);
            tissue[slot_index(s.base, s.side)] = t;
        }
    }

    // Tissue state -> MuJoCo muscle parameters (gainprm and biasprm hold the same muscle parameters).
    void apply_tissue_to_model() {
        mjModel* m = model.get();
        for (const MuscleSlot& s : muscles) {
            const TissueState& t = tissue[slot_index(s.base, s.side)];
            mjtNum* g = m->actuator_gainprm + mjNGAIN * s.actuator;
            mjtNum* b = m->actuator_biasprm + mjNBIAS * s.actuator;
            // Shifting range by +shortening keeps L0 and moves the resting (optimal) length shorter by
            // shortening * L0 (REFERENCES.md: L0 and tendon length are recomputed from range every step).
            const double r0 = s.range0 + t.shortening;
            const double r1 = s.range1 + t.shortening;
            const double strength = s.role >= 0 ? capacity.strength : 1.0;
            g[0] = b[0] = r0;
            g[1] = b[1] = r1;
            g[2] = b[2] = s.f0 * strength;
            g[7] = b[7] = kFpmaxHealthy * t.stiffness;
        }
        // Habitual neck flexion: the posterior neck tissues have adapted to the habitual (screen / phone)
        // flexion, so the passive equilibrium of the C7/T1 spring moves there.
        m->qpos_spring[neck_flexion_qpos] = neck_spring_neutral + preset->profile.neck_flexion_habit_deg / kRadToDeg;
        // Slumped sitting: the thoracolumbar tissues adapt to the habitual flexion of the trunk.
        m->qpos_spring[thorax_flexion_qpos] =
            thorax_spring_neutral + preset->profile.thorax_flexion_habit_deg / kRadToDeg;
    }

    void update_tissue(double dt_days) {
        if (dt_days <= 0) return;
        const TissueProfile& habit = preset->profile;
        for (const MuscleSlot& s : muscles) {
            TissueState& t = tissue[slot_index(s.base, s.side)];
            const TissueState& h = habit.muscles[s.base];
            t.tone = relax(t.tone, h.tone, dt_days, kToneRelapseDays);
            t.shortening = relax(t.shortening, h.shortening, dt_days, kShorteningRelapseDays);
            t.stiffness = relax(t.stiffness, h.stiffness, dt_days, kStiffnessRelapseDays);
            for (std::size_t k = 0; k < t.trigger_points.size() && k < h.trigger_points.size(); ++k) {
                t.trigger_points[k].severity =
                    relax(t.trigger_points[k].severity, h.trigger_points[k].severity, dt_days, kTriggerRelapseDays);
            }
        }
        // Strengthening: pending gain is realized with kCapacityAdaptationDays; the realized capacity detrains
        // toward the preset with kCapacityRelapseDays.
        const double realize = 1.0 - std::exp(-dt_days / kCapacityAdaptationDays);
        const double ds = capacity_pending.strength * realize;
        const double de = capacity_pending.endurance * realize;
        capacity_pending.strength -= ds;
        capacity_pending.endurance -= de;
        capacity.strength = relax(capacity.strength, habit.capacity.strength, dt_days, kCapacityRelapseDays) + ds;
        capacity.endurance = relax(capacity.endurance, habit.capacity.endurance, dt_days, kCapacityRelapseDays) + de;
    }

    void control() {
        mjData* d = data.get();
        const mjModel* m = model.get();
        // Scapular controllers: forward displacement of each acromion beyond its rest position.
        std::array<double, 3> demand{};
        for (int side = 0; side < 2; ++side) {
            const auto k = static_cast<std::size_t>(side);
            const double fwd_mm =
                (in_thorax(d, thorax_body, site_pos(d, sites.acromion[k])).x - acromion_rest_x[k]) * 1000.0;
            demand[static_cast<std::size_t>(side)] = std::clamp(fwd_mm / kScapulaFullDriveMm, 0.0, 1.0);
        }
        // Target: upright (0 deg). The habit moves the passive equilibrium (apply_tissue_to_model), not the target.
        const double flex_deg = d->qpos[neck_flexion_qpos] * kRadToDeg;
        demand[2] = std::clamp(flex_deg / kNeckFullDriveDeg, 0.0, 1.0);
        const double total = demand[0] + demand[1] + demand[2];
        const double budget = kBudgetHealthy * capacity.endurance;
        const double scale = total > budget ? budget / total : 1.0;
        for (std::size_t i = 0; i < 3; ++i) drive[i] = demand[i] * scale;

        for (const MuscleSlot& s : muscles) {
            const TissueState& t = tissue[slot_index(s.base, s.side)];
            double a = t.tone;
            if (s.role >= 0) {
                const PosturalRole& r = kPosturalRoles[static_cast<std::size_t>(s.role)];
                const double u = r.neck ? drive[2] : drive[s.side == Side::kRight ? 0 : 1];
                a += u * r.weight * kMaxPosturalActivation;
            }
            d->ctrl[s.actuator] = std::clamp(a, 0.0, 1.0);
        }
        // Gaze: keep the head's absolute pitch level.
        const double pitch = d->qpos[thorax_flexion_qpos] + d->qpos[neck_flexion_qpos] + d->qpos[head_flexion_qpos];
        const double pitch_rate = d->qvel[thorax_flexion_dof] + d->qvel[neck_flexion_dof] + d->qvel[head_flexion_dof];
        d->qfrc_applied[head_flexion_dof] = -kGazeStiffness * pitch - kGazeDamping * pitch_rate;
        (void)m;
    }

    // Back to the rest pose after a MuJoCo error. Never throws: the recovery calls MuJoCo too (reset, settle), and an
    // error there is caught, counted (by the message sink, once per error) and retried once; if the settle keeps
    // failing, the data stay at mj_resetData's rest pose and `faulted` stops advance() until a reset succeeds.
    void recover_from_error(const char* what) noexcept {
        try {
            log::error(std::string("simulation reset to the rest pose after a MuJoCo error: ") + what);
        } catch (...) {  // logging is best effort here
        }
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                mj_resetData(model.get(), data.get());
                settle_activation();
                faulted = false;
                return;
            } catch (const detail::MujocoError&) {  // counted by the sink; try once more
            }
        }
        try {
            mj_resetData(model.get(), data.get());
        } catch (const detail::MujocoError&) {
        }
        faulted = true;
    }

    // Activation starts at its steady state for the current control (no start-up transient).
    void settle_activation() {
        mjData* d = data.get();
        control();
        for (const MuscleSlot& s : muscles) {
            const int adr = act_index(model.get(), s.actuator);
            if (adr >= 0) d->act[adr] = d->ctrl[s.actuator];
        }
        mj_forward(model.get(), d);
    }

    void step_once() {
        if (steps % kTissueUpdateEvery == 0) {
            const double dt_days = model->opt.timestep * kTissueUpdateEvery * options.time_lapse / kSecondsPerDay;
            update_tissue(dt_days);
            tissue_days += dt_days;
            apply_tissue_to_model();
        }
        control();
        mj_step(model.get(), data.get());
        ++steps;
    }

    void fill_snapshot() const;
    double muscle_passive(const MuscleSlot& s) const;
};

// ---------------------------------------------------------------------------------------------------------

std::string Simulation::default_model_path() {
    return paths::asset_path("anatomy/myoview.xml").string();
}

Simulation::Simulation(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Simulation::Simulation(Simulation&&) noexcept = default;
Simulation& Simulation::operator=(Simulation&&) noexcept = default;
Simulation::~Simulation() = default;

Result<Simulation> Simulation::load(const std::string& path, SimOptions options) {
    detail::install_mujoco_hooks();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return Error("model file not found: " + path + " (expected the MJCF of assets/anatomy)");
    }
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    int load_warnings = 0;
    {
        detail::MessageSink sink(&load_warnings);
        std::array<char, 1024> err{};
        mjModel* raw = nullptr;
        try {
            raw = mj_loadXML(path.c_str(), nullptr, err.data(), static_cast<int>(err.size()));
        } catch (const detail::MujocoError& e) {
            return Error("MuJoCo failed while loading " + path + ": " + e.what());
        }
        if (raw == nullptr) {
            return Error("cannot load the MJCF model " + path + ": " + std::string(err.data()));
        }
        impl->model.reset(raw);
        if (err[0] != '\0') {  // compiled, but with a warning
            return Error("the MJCF model " + path + " compiled with a warning: " + std::string(err.data()));
        }
    }
    mjModel* m = impl->model.get();
    if (options.timestep_s > 0) m->opt.timestep = options.timestep_s;

    Error missing("the MJCF model " + path + " does not follow the id contract of assets/anatomy/README.md");
    for (std::string_view body : kBodyIds) {
        if (mj_name2id(m, mjOBJ_BODY, std::string(body).c_str()) < 0)
            missing.details.push_back("body " + std::string(body));
    }
    for (std::size_t base = 0; base < kMuscleIds.size(); ++base) {
        for (Side side : {Side::kRight, Side::kLeft}) {
            const std::string id = std::string(kMuscleIds[base]) + "_" + std::string(side_suffix(side));
            MuscleSlot s;
            s.base = base;
            s.side = side;
            s.actuator = mj_name2id(m, mjOBJ_ACTUATOR, id.c_str());
            s.tendon = mj_name2id(m, mjOBJ_TENDON, (id + "_path").c_str());
            if (s.actuator < 0) missing.details.push_back("muscle actuator " + id);
            if (s.tendon < 0) missing.details.push_back("tendon " + id + "_path");
            for (std::size_t r = 0; r < kPosturalRoles.size(); ++r) {
                if (kPosturalRoles[r].id == kMuscleIds[base]) s.role = static_cast<int>(r);
            }
            impl->muscles.push_back(s);
        }
    }
    auto site = [&](const char* name) {
        const int id = mj_name2id(m, mjOBJ_SITE, name);
        if (id < 0) missing.details.push_back(std::string("site ") + name);
        return id;
    };
    SiteIds& si = impl->sites;
    si.c7 = site("c7_spinous");
    si.t1 = site("t1_spinous");
    si.tragus_r = site("tragus_r");
    si.tragus_l = site("tragus_l");
    const std::array<const char*, 2> sfx = {"_r", "_l"};
    for (std::size_t k = 0; k < 2; ++k) {
        si.acromion[k] = site((std::string("acromion") + sfx[k]).c_str());
        si.acromion_posterior[k] = site((std::string("acromion_posterior") + sfx[k]).c_str());
        si.spine_root[k] = site((std::string("scapula_spine_root") + sfx[k]).c_str());
        si.inferior_angle[k] = site((std::string("scapula_inferior_angle") + sfx[k]).c_str());
        si.coracoid[k] = site((std::string("coracoid") + sfx[k]).c_str());
        si.rib4[k] = site((std::string("pec_minor_rib4") + sfx[k]).c_str());
    }
    const int neck_joint = mj_name2id(m, mjOBJ_JOINT, "neck_flexion");
    const int head_joint = mj_name2id(m, mjOBJ_JOINT, "head_flexion");
    const int thorax_joint = mj_name2id(m, mjOBJ_JOINT, "thorax_flexion");
    impl->thorax_body = mj_name2id(m, mjOBJ_BODY, "thorax");
    if (thorax_joint < 0) missing.details.emplace_back("joint thorax_flexion");
    if (neck_joint < 0) missing.details.emplace_back("joint neck_flexion");
    if (head_joint < 0) missing.details.emplace_back("joint head_flexion");
    if (!missing.details.empty()) return missing;
    for (const MuscleSlot& s : impl->muscles) {
        if (m->actuator_dyntype[s.actuator] != mjDYN_MUSCLE || m->actuator_gaintype[s.actuator] != mjGAIN_MUSCLE) {
            return Error("actuator " + std::string(mj_id2name(m, mjOBJ_ACTUATOR, s.actuator)) + " is not a <muscle>");
        }
    }
    impl->neck_flexion_dof = m->jnt_dofadr[neck_joint];
    impl->head_flexion_dof = m->jnt_dofadr[head_joint];
    impl->neck_flexion_qpos = m->jnt_qposadr[neck_joint];
    impl->head_flexion_qpos = m->jnt_qposadr[head_joint];
    impl->thorax_flexion_dof = m->jnt_dofadr[thorax_joint];
    impl->thorax_flexion_qpos = m->jnt_qposadr[thorax_joint];

    impl->data.reset(mj_makeData(m));
    if (!impl->data) return Error("MuJoCo could not allocate mjData for " + path);
    mjData* d = impl->data.get();

    // Calibrate each muscle's range so that L0 is the literature optimal fibre length and the healthy rest
    // pose sits at its rest normalized length: normalized = range0 + (length - lengthrange0) / L0.
    mj_forward(m, d);
    for (MuscleSlot& s : impl->muscles) {
        const double lr0 = m->actuator_lengthrange[2 * s.actuator];
        const double lr1 = m->actuator_lengthrange[2 * s.actuator + 1];
        const double l0 = kOptimalFibreLength[s.base];
        const double rest = d->ten_length[s.tendon];
        const double rest_normalized = s.base < kPecIds.size() ? kRestNormalizedLengthPec : kRestNormalizedLength;
        s.range0 = rest_normalized - (rest - lr0) / l0;
        s.range1 = s.range0 + (lr1 - lr0) / l0;
        s.f0 = m->actuator_gainprm[mjNGAIN * s.actuator + 2];
    }
    impl->tissue.resize(impl->muscles.size());
    impl->preset = find_preset("neutral");
    impl->preset_name = "neutral";
    impl->apply_preset_tissue();
    impl->apply_tissue_to_model();

    // Passive support of the rest pose: the joint springs' reference is set so that gravity and the healthy
    // resting muscle forces are in equilibrium at qpos0 (the springs stand for ligaments, capsules, the
    // scapulothoracic plane and unmodelled deep muscles; see README). Neutral is then exactly the rest pose.
    {
        detail::MessageSink sink(&load_warnings);
        try {
            impl->settle_activation();
            for (int j = 0; j < m->njnt; ++j) {
                const int dof = m->jnt_dofadr[j];
                const int qadr = m->jnt_qposadr[j];
                const double k = m->jnt_stiffness[j];
                if (k <= 0) continue;
                const double net = d->qfrc_bias[dof] - d->qfrc_actuator[dof] - d->qfrc_applied[dof];
                m->qpos_spring[qadr] = m->qpos0[qadr] + net / k;
            }
            impl->neck_spring_neutral = m->qpos_spring[impl->neck_flexion_qpos];
            impl->thorax_spring_neutral = m->qpos_spring[impl->thorax_flexion_qpos];
            mj_forward(m, d);
        } catch (const detail::MujocoError& e) {
            return Error("MuJoCo failed while preparing " + path + ": " + e.what());
        }
    }
    for (std::size_t k = 0; k < 2; ++k) {
        impl->acromion_rest_x[k] = in_thorax(d, impl->thorax_body, site_pos(d, impl->sites.acromion[k])).x;
    }
    if (load_warnings > 0) {
        return Error("the MJCF model " + path + " raised MuJoCo warnings while loading: " + last_mujoco_message());
    }
    Simulation sim(std::move(impl));
    sim.reset();
    return sim;
}

Status Simulation::set_preset(std::string_view name) {
    const Preset* p = find_preset(name);
    if (p == nullptr) {
        return Error("unknown preset '" + std::string(name) + "'; valid presets: " + preset_names());
    }
    impl_->preset = p;
    impl_->preset_name = std::string(name);
    impl_->custom.reset();
    reset();
    return Ok{};
}

const std::string& Simulation::preset() const {
    return impl_->preset_name;
}

const TissueProfile& Simulation::profile() const {
    return impl_->preset->profile;
}

namespace {

// The ranges restore_tissue accepts, shared by set_profile: a value outside them is an input error, not a state.
bool finite_in(double v, double lo, double hi) {
    return std::isfinite(v) && v >= lo && v <= hi;
}

std::string check_profile(const TissueProfile& p) {
    for (std::size_t i = 0; i < p.muscles.size(); ++i) {
        const TissueState& t = p.muscles[i];
        const std::string id(kMuscleIds[i]);
        if (!finite_in(t.tone, 0.0, 1.0)) return id + "'s tone (0..1)";
        if (!finite_in(t.shortening, -0.5, 0.5)) return id + "'s shortening (-0.5..0.5)";
        if (!finite_in(t.stiffness, 0.1, 10.0)) return id + "'s stiffness (0.1..10)";
        for (const TriggerPoint& tp : t.trigger_points) {
            if (!finite_in(tp.severity, 0.0, 1.0) || !finite_in(tp.position, 0.0, 1.0)) return id + "'s trigger points";
        }
    }
    if (!finite_in(p.capacity.strength, 0.0, 2.0) || !finite_in(p.capacity.endurance, 0.0, 2.0)) {
        return "capacity (0..2)";
    }
    if (!finite_in(p.neck_flexion_habit_deg, -20.0, 30.0)) return "neck_flexion_habit_deg (-20..30)";
    if (!finite_in(p.thorax_flexion_habit_deg, -20.0, 30.0)) return "thorax_flexion_habit_deg (-20..30)";
    return {};
}

}  // namespace

Status Simulation::set_profile(const TissueProfile& profile, std::string name) {
    if (name.empty()) return Error("a tissue profile needs a name (e.g. \"patient\")");
    if (find_preset(name) != nullptr) {
        return Error("'" + name + "' is a preset's name; a custom tissue profile needs a name of its own");
    }
    if (const std::string bad = check_profile(profile); !bad.empty()) {
        return Error("tissue profile '" + name + "' is out of range: " + bad);
    }
    impl_->custom = std::make_unique<Preset>(Preset{"custom", "a tissue profile set by set_profile", profile});
    impl_->preset = impl_->custom.get();
    impl_->preset_name = std::move(name);
    reset();
    return Ok{};
}

nlohmann::json Simulation::profile_json(const TissueProfile& profile, const std::string& name) {
    nlohmann::json muscles = nlohmann::json::array();
    for (std::size_t i = 0; i < profile.muscles.size(); ++i) {
        const TissueState& t = profile.muscles[i];
        nlohmann::json tps = nlohmann::json::array();
        for (const TriggerPoint& tp : t.trigger_points) {
            tps.push_back({{"position", tp.position}, {"severity", tp.severity}, {"referral_zone", tp.referral_zone}});
        }
        muscles.push_back({{"id", std::string(kMuscleIds[i])},
                           {"tone", t.tone},
                           {"shortening", t.shortening},
                           {"stiffness", t.stiffness},
                           {"trigger_points", tps}});
    }
    return {{"name", name},
            {"muscles", muscles},
            {"capacity", {profile.capacity.strength, profile.capacity.endurance}},
            {"neck_flexion_habit_deg", profile.neck_flexion_habit_deg},
            {"thorax_flexion_habit_deg", profile.thorax_flexion_habit_deg}};
}

Result<std::pair<TissueProfile, std::string>> Simulation::profile_from_json(const nlohmann::json& j) {
    auto bad = [](const std::string& what) { return Error("the saved tissue profile does not fit this model: " + what); };
    auto number = [](const nlohmann::json& o, const char* key, double& out) {
        if (!o.is_object() || !o.contains(key) || !o[key].is_number()) return false;
        out = o[key].get<double>();
        return true;
    };
    if (!j.is_object()) return bad("not an object");
    if (!j.contains("name") || !j["name"].is_string()) return bad("no \"name\"");
    TissueProfile p;
    const nlohmann::json& muscles = j.value("muscles", nlohmann::json());
    if (!muscles.is_array() || muscles.size() != p.muscles.size()) return bad("the muscle count");
    for (std::size_t i = 0; i < p.muscles.size(); ++i) {
        const nlohmann::json& m = muscles[i];
        TissueState& t = p.muscles[i];
        if (!m.is_object() || m.value("id", "") != kMuscleIds[i]) {
            return bad("muscle " + std::to_string(i) + " is not " + std::string(kMuscleIds[i]));
        }
        if (!number(m, "tone", t.tone) || !number(m, "shortening", t.shortening) ||
            !number(m, "stiffness", t.stiffness)) {
            return bad(std::string(kMuscleIds[i]) + "'s tone, shortening or stiffness");
        }
        const nlohmann::json& tps = m.value("trigger_points", nlohmann::json::array());
        if (!tps.is_array()) return bad(std::string(kMuscleIds[i]) + "'s trigger points");
        for (const nlohmann::json& tp : tps) {
            TriggerPoint point;
            if (!number(tp, "position", point.position) || !number(tp, "severity", point.severity) ||
                !tp["referral_zone"].is_string()) {
                return bad(std::string(kMuscleIds[i]) + "'s trigger points");
            }
            point.referral_zone = tp["referral_zone"].get<std::string>();
            t.trigger_points.push_back(std::move(point));
        }
    }
    const nlohmann::json& c = j.value("capacity", nlohmann::json());
    if (!c.is_array() || c.size() != 2 || !c[0].is_number() || !c[1].is_number()) return bad("capacity");
    p.capacity = {c[0].get<double>(), c[1].get<double>()};
    if (!number(j, "neck_flexion_habit_deg", p.neck_flexion_habit_deg) ||
        !number(j, "thorax_flexion_habit_deg", p.thorax_flexion_habit_deg)) {
        return bad("the flexion habits");
    }
    if (const std::string out = check_profile(p); !out.empty()) return bad(out);
    return std::pair<TissueProfile, std::string>{std::move(p), j["name"].get<std::string>()};
}

void Simulation::set_release(double release) {
    const double r = std::clamp(std::isfinite(release) ? release : 0.0, 0.0, 1.0);
    for (std::size_t i = 0; i < kPecIds.size(); ++i) set_part_release(static_cast<PecPart>(i), r);
}

void Simulation::set_part_release(PecPart part, double release) {
    const double r = std::clamp(std::isfinite(release) ? release : 0.0, 0.0, 1.0);
    const auto base = static_cast<std::size_t>(part);
    impl_->part_release[base] = r;
    for (Side side : {Side::kRight, Side::kLeft}) {
        impl_->tissue[impl_->slot_index(base, side)] =
            blend(impl_->preset->profile.muscles[base], healthy_tissue(base), r);
    }
    impl_->apply_tissue_to_model();
    impl_->fill_snapshot();
}

nlohmann::json Simulation::tissue_json() const {
    const Impl& s = *impl_;
    nlohmann::json muscles = nlohmann::json::array();
    for (std::size_t i = 0; i < s.muscles.size(); ++i) {
        const TissueState& t = s.tissue[i];
        nlohmann::json severities = nlohmann::json::array();
        for (const TriggerPoint& tp : t.trigger_points) severities.push_back(tp.severity);
        muscles.push_back({{"id", std::string(kMuscleIds[s.muscles[i].base]) + "_" +
                                      std::string(side_suffix(s.muscles[i].side))},
                           {"tone", t.tone},
                           {"shortening", t.shortening},
                           {"stiffness", t.stiffness},
                           {"trigger_severity", severities}});
    }
    nlohmann::json out = {{"part_release", s.part_release},
            {"muscles", muscles},
            {"capacity", {s.capacity.strength, s.capacity.endurance}},
            {"capacity_pending", {s.capacity_pending.strength, s.capacity_pending.endurance}},
            {"tissue_days", s.tissue_days},
            {"time_lapse", s.options.time_lapse},
            {"interventions_applied", s.interventions_applied}};
    if (s.custom) out["profile"] = profile_json(s.custom->profile, s.preset_name);
    return out;
}

Status Simulation::restore_tissue(const nlohmann::json& j) {
    Impl& s = *impl_;
    auto bad = [](const std::string& what) { return Error("the saved tissue state does not fit this model: " + what); };
    auto number = [](const nlohmann::json& v, double lo, double hi, double& out) {
        if (!v.is_number()) return false;
        out = v.get<double>();
        return std::isfinite(out) && out >= lo && out <= hi;
    };
    if (!j.is_object()) return bad("not an object");
    for (const char* key : {"part_release", "muscles", "capacity", "capacity_pending", "tissue_days", "time_lapse"}) {
        if (!j.contains(key)) return bad(std::string("no \"") + key + "\"");
    }
    std::array<double, 4> part{};
    if (!j["part_release"].is_array() || j["part_release"].size() != part.size()) return bad("part_release");
    for (std::size_t i = 0; i < part.size(); ++i) {
        if (!number(j["part_release"][i], 0.0, 1.0, part[i])) return bad("part_release");
    }
    const nlohmann::json& muscles = j["muscles"];
    if (!muscles.is_array() || muscles.size() != s.muscles.size()) return bad("the muscle count");
    std::vector<TissueState> tissue = s.tissue;
    for (std::size_t i = 0; i < tissue.size(); ++i) {
        const nlohmann::json& m = muscles[i];
        const std::string id = std::string(kMuscleIds[s.muscles[i].base]) + "_" + std::string(side_suffix(s.muscles[i].side));
        if (!m.is_object() || m.value("id", "") != id) return bad("muscle " + std::to_string(i) + " is not " + id);
        if (!number(m.value("tone", nlohmann::json()), 0.0, 1.0, tissue[i].tone) ||
            !number(m.value("shortening", nlohmann::json()), -0.5, 0.5, tissue[i].shortening) ||
            !number(m.value("stiffness", nlohmann::json()), 0.1, 10.0, tissue[i].stiffness)) {
            return bad(id + "'s tone, shortening or stiffness");
        }
        const nlohmann::json& sev = m.value("trigger_severity", nlohmann::json());
        if (!sev.is_array() || sev.size() != tissue[i].trigger_points.size()) return bad(id + "'s trigger points");
        for (std::size_t k = 0; k < sev.size(); ++k) {
            if (!number(sev[k], 0.0, 1.0, tissue[i].trigger_points[k].severity)) return bad(id + "'s trigger points");
        }
    }
    Capacity capacity, pending;
    double days = 0.0, lapse = 1.0;
    const nlohmann::json& c = j["capacity"];
    const nlohmann::json& cp = j["capacity_pending"];
    if (!c.is_array() || c.size() != 2 || !cp.is_array() || cp.size() != 2 ||
        !number(c[0], 0.0, 2.0, capacity.strength) || !number(c[1], 0.0, 2.0, capacity.endurance) ||
        !number(cp[0], 0.0, 2.0, pending.strength) || !number(cp[1], 0.0, 2.0, pending.endurance)) {
        return bad("capacity");
    }
    if (!number(j["tissue_days"], 0.0, 1e6, days) || !number(j["time_lapse"], 0.0, 604800.0, lapse)) {
        return bad("tissue_days or time_lapse");
    }
    s.part_release = part;
    s.tissue = std::move(tissue);
    s.capacity = capacity;
    s.capacity_pending = pending;
    s.tissue_days = days;
    s.options.time_lapse = lapse;
    s.interventions_applied = j.value("interventions_applied", true);
    s.apply_tissue_to_model();
    s.fill_snapshot();
    return Ok{};
}

double Simulation::release() const {
    double sum = 0;
    for (double r : impl_->part_release) sum += r;
    return sum / static_cast<double>(impl_->part_release.size());
}

void Simulation::apply_intervention(const Intervention& intervention) {
    const double dose = std::clamp(std::isfinite(intervention.dose) ? intervention.dose : 0.0, 0.0, 10.0);
    Impl& s = *impl_;
    s.interventions_applied = true;
    // One standard session (dose 1). Fractions are of the EXCESS over healthy, so repeated sessions converge
    // on healthy and never overshoot. Magnitudes are model assumptions, set so that one massage moves the
    // shoulder a few millimetres (the story's "millimetres, not centimetres") and a few weeks of combined
    // release, stretching and strengthening approach neutral (6-week programmes: Wang et al. 1999, JOSPT 29:
    // 364, stretching + strengthening improved forward shoulder posture).
    for (std::size_t base = 0; base < kPecIds.size(); ++base) {
        for (Side side : {Side::kRight, Side::kLeft}) {
            TissueState& t = s.tissue[s.slot_index(base, side)];
            const TissueState h = healthy_tissue(base);
            switch (intervention.kind) {
                case InterventionKind::kChestMassage: {
                    // Tone and trigger points respond strongly and transiently, length slightly.
                    const double f_tone = 1.0 - std::pow(1.0 - 0.5, dose);
                    const double f_tp = 1.0 - std::pow(1.0 - 0.4, dose);
                    const double f_len = 1.0 - std::pow(1.0 - 0.08, dose);
                    t.tone -= (t.tone - h.tone) * f_tone;
                    t.shortening -= (t.shortening - h.shortening) * f_len;
                    for (TriggerPoint& tp : t.trigger_points) tp.severity *= (1.0 - f_tp);
                    break;
                }
                case InterventionKind::kDoorwayStretch: {
                    const double f_len = 1.0 - std::pow(1.0 - 0.12, dose);
                    const double f_stiff = 1.0 - std::pow(1.0 - 0.08, dose);
                    t.shortening -= (t.shortening - h.shortening) * f_len;
                    t.stiffness -= (t.stiffness - h.stiffness) * f_stiff;
                    break;
                }
                case InterventionKind::kUpperBackStrengthening:
                    break;
            }
        }
    }
    if (intervention.kind == InterventionKind::kUpperBackStrengthening) {
        // Gains accrue over kCapacityAdaptationDays; capped at 130 % of healthy.
        s.capacity_pending.strength += 0.03 * dose;
        s.capacity_pending.endurance += 0.05 * dose;
        s.capacity_pending.strength = std::min(s.capacity_pending.strength, 1.3 - s.capacity.strength);
        s.capacity_pending.endurance = std::min(s.capacity_pending.endurance, 1.3 - s.capacity.endurance);
    }
    s.apply_tissue_to_model();
    s.fill_snapshot();
}

void Simulation::set_time_lapse(double time_lapse) {
    impl_->options.time_lapse = std::isfinite(time_lapse) ? std::max(0.0, time_lapse) : 1.0;
}
double Simulation::time_lapse() const {
    return impl_->options.time_lapse;
}

void Simulation::advance(double seconds) {
    if (!(seconds > 0) || !std::isfinite(seconds)) return;
    Impl& s = *impl_;
    const auto t0 = std::chrono::steady_clock::now();
    const double dt = s.model->opt.timestep;
    s.accumulator += seconds;
    detail::MessageSink sink(&s.warnings);
    while (s.accumulator >= dt * (1.0 - 1e-9)) {
        if (s.faulted) {  // a failed recovery: hold the rest pose until reset() or set_preset() succeeds
            s.accumulator = 0;
            break;
        }
        try {
            s.step_once();
        } catch (const detail::MujocoError& e) {
            s.recover_from_error(e.what());
        }
        s.accumulator -= dt;
    }
    if (s.accumulator < 0) s.accumulator = 0;
    s.wall_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    s.fill_snapshot();
}

void Simulation::reset() {
    Impl& s = *impl_;
    detail::MessageSink sink(&s.warnings);
    s.tissue_days = 0;
    s.accumulator = 0;
    s.steps = 0;
    s.wall_s = 0;
    s.warnings = 0;
    s.interventions_applied = false;
    s.apply_preset_tissue();
    s.apply_tissue_to_model();
    try {
        mj_resetData(s.model.get(), s.data.get());
        s.settle_activation();
        s.faulted = false;
    } catch (const detail::MujocoError& e) {
        s.recover_from_error(e.what());
    }
    s.fill_snapshot();
}

const Snapshot& Simulation::snapshot() const {
    return impl_->snap;
}

const TissueState& Simulation::tissue(std::string_view muscle_id) const {
    for (const MuscleSlot& s : impl_->muscles) {
        if (mj_id2name(impl_->model.get(), mjOBJ_ACTUATOR, s.actuator) == muscle_id) {
            return impl_->tissue[impl_->slot_index(s.base, s.side)];
        }
    }
    assert(false && "unknown muscle id");
    return impl_->tissue.front();
}

std::vector<std::pair<std::string, double>> Simulation::joint_angles() const {
    const mjModel* m = impl_->model.get();
    std::vector<std::pair<std::string, double>> out;
    for (int j = 0; j < m->njnt; ++j) {
        const double q = impl_->data->qpos[m->jnt_qposadr[j]];
        out.emplace_back(mj_id2name(m, mjOBJ_JOINT, j), m->jnt_type[j] == mjJNT_HINGE ? q * kRadToDeg : q);
    }
    return out;
}

const Capacity& Simulation::capacity() const {
    return impl_->capacity;
}
double Simulation::timestep() const {
    return impl_->model->opt.timestep;
}

double Simulation::Impl::muscle_passive(const MuscleSlot& s) const {
    const mjModel* m = model.get();
    const mjData* d = data.get();
    return -mju_muscleBias(d->actuator_length[s.actuator], m->actuator_lengthrange + 2 * s.actuator,
                           m->actuator_acc0[s.actuator], m->actuator_biasprm + mjNBIAS * s.actuator);
}

void Simulation::Impl::fill_snapshot() const {
    const mjModel* m = model.get();
    const mjData* d = data.get();
    Snapshot& out = snap;
    out.time_s = d->time;
    out.tissue_days = tissue_days;
    out.warnings = warnings;
    out.capacity = capacity;
    out.bodies.resize(static_cast<std::size_t>(m->nbody - 1));
    for (int b = 1; b < m->nbody; ++b) {
        BodyPose& p = out.bodies[static_cast<std::size_t>(b - 1)];
        if (p.name.empty()) p.name = mj_id2name(m, mjOBJ_BODY, b);
        p.pos = glm::vec3(static_cast<float>(d->xpos[3 * b]), static_cast<float>(d->xpos[3 * b + 1]),
                          static_cast<float>(d->xpos[3 * b + 2]));
        p.rot = glm::quat(static_cast<float>(d->xquat[4 * b]), static_cast<float>(d->xquat[4 * b + 1]),
                          static_cast<float>(d->xquat[4 * b + 2]), static_cast<float>(d->xquat[4 * b + 3]));
    }
    out.muscles.resize(muscles.size());
    out.trigger_points.clear();
    for (std::size_t i = 0; i < muscles.size(); ++i) {
        const MuscleSlot& s = muscles[i];
        MuscleState& ms = out.muscles[i];
        if (ms.id.empty()) {
            ms.id = mj_id2name(m, mjOBJ_ACTUATOR, s.actuator);
            ms.base_id = std::string(kMuscleIds[s.base]);
        }
        ms.side = s.side;
        const int adr = act_index(m, s.actuator);
        ms.activation = adr >= 0 ? d->act[adr] : 0.0;
        const double total = -d->actuator_force[s.actuator];
        const double passive = muscle_passive(s);
        ms.passive_n = std::max(0.0, passive);
        ms.total_n = std::max(0.0, total);
        ms.active_n = std::max(0.0, total - passive);
        ms.tension = s.f0 > 0 ? ms.total_n / s.f0 : 0.0;
        ms.length_m = d->actuator_length[s.actuator];
        const mjtNum* g = m->actuator_gainprm + mjNGAIN * s.actuator;
        const double lr0 = m->actuator_lengthrange[2 * s.actuator];
        const double lr1 = m->actuator_lengthrange[2 * s.actuator + 1];
        const double l0 = (lr1 - lr0) / (g[1] - g[0]);
        ms.rest_length_m = lr0 + (1.0 - g[0]) * l0;
        ms.length_ratio = ms.rest_length_m > 0 ? ms.length_m / ms.rest_length_m : 0.0;
        for (const TriggerPoint& tp : tissue[slot_index(s.base, s.side)].trigger_points) {
            out.trigger_points.push_back({ms.id, tp.position, tp.severity, tp.referral_zone});
        }
    }
    // Posture.
    PostureMetrics& pm = out.posture;
    const glm::dvec3 c7 = site_pos(d, sites.c7);
    const glm::dvec3 tragus = 0.5 * (site_pos(d, sites.tragus_r) + site_pos(d, sites.tragus_l));
    pm.craniovertebral_angle_deg = craniovertebral_angle_deg(c7, tragus);
    for (std::size_t k = 0; k < 2; ++k) {
        SidePosture& sp = k == 0 ? pm.right : pm.left;
        auto local = [&](int site) { return in_thorax(d, thorax_body, site_pos(d, site)); };
        sp.forward_shoulder_mm = (local(sites.acromion[k]).x - local(sites.t1).x) * 1000.0;
        const ScapulaAngles a = scapula_angles(
            {local(sites.spine_root[k]), local(sites.acromion_posterior[k]), local(sites.inferior_angle[k])}, k == 1);
        sp.scapular_internal_rotation_deg = a.internal_rotation_deg;
        sp.scapular_upward_rotation_deg = a.upward_rotation_deg;
        sp.scapular_anterior_tilt_deg = a.anterior_tilt_deg;
        sp.pec_minor_length_mm = glm::length(site_pos(d, sites.coracoid[k]) - site_pos(d, sites.rib4[k])) * 1000.0;
    }
    pm.mean = mean_of(pm.right, pm.left);
}

double upper_back_load(const Snapshot& snapshot) {
    double sum = 0.0;
    int count = 0;
    for (const MuscleState& m : snapshot.muscles) {
        if (std::find(kUpperBackLoadIds.begin(), kUpperBackLoadIds.end(), m.base_id) == kUpperBackLoadIds.end()) {
            continue;
        }
        sum += m.tension;
        ++count;
    }
    return count > 0 ? sum / count : 0.0;
}

const BodyPose* Snapshot::find_body(std::string_view name) const {
    for (const BodyPose& b : bodies) {
        if (b.name == name) return &b;
    }
    return nullptr;
}

const MuscleState* Snapshot::find_muscle(std::string_view id) const {
    for (const MuscleState& mstate : muscles) {
        if (mstate.id == id) return &mstate;
    }
    return nullptr;
}

namespace {

nlohmann::json side_json(const SidePosture& s) {
    return {{"forward_shoulder_mm", s.forward_shoulder_mm},
            {"scapular_internal_rotation_deg", s.scapular_internal_rotation_deg},
            {"scapular_upward_rotation_deg", s.scapular_upward_rotation_deg},
            {"scapular_anterior_tilt_deg", s.scapular_anterior_tilt_deg},
            {"pec_minor_length_mm", s.pec_minor_length_mm}};
}

}  // namespace

nlohmann::json Simulation::report_json() const {
    const Impl& s = *impl_;
    const Snapshot& sn = s.snap;
    nlohmann::json posture = side_json(sn.posture.mean);
    posture["craniovertebral_angle_deg"] = sn.posture.craniovertebral_angle_deg;
    posture["right"] = side_json(sn.posture.right);
    posture["left"] = side_json(sn.posture.left);
    // Calibrated against published values: neutral and desk-worker as preset, nothing else. Everything after a
    // release or an intervention is the model's prediction.
    const bool calibrated =
        (s.preset_name == "neutral" || s.preset_name == "desk-worker") && release() == 0.0 && !s.interventions_applied;
    posture["model_prediction"] = !calibrated;
    // kUpperBackLoadIds' mean tension: an illustration from the model, never calibrated against a measurement.
    posture["upper_back_load_pct"] = upper_back_load(sn) * 100.0;
    nlohmann::json muscles = nlohmann::json::array();
    for (const MuscleState& ms : sn.muscles) {
        muscles.push_back({{"id", ms.id},
                           {"name", readable_muscle_name(ms.base_id, ms.side)},
                           {"side", ms.side == Side::kRight ? "right" : "left"},
                           {"tension_pct", ms.tension * 100.0},
                           {"active_N", ms.active_n},
                           {"passive_N", ms.passive_n},
                           {"length_ratio", ms.length_ratio},
                           {"model_prediction", ms.model_prediction}});
    }
    const double rtf = s.wall_s > 0 ? sn.time_s / s.wall_s : 0.0;
    return {{"preset", s.preset_name},
            {"release", release()},
            {"sim_time_s", sn.time_s},
            {"warnings", sn.warnings},
            {"posture", posture},
            {"muscles", muscles},
            {"timing", {{"sim_steps", s.steps}, {"sim_wall_s", s.wall_s}, {"realtime_factor", rtf}}}};
}

std::string readable_muscle_name(std::string_view base_id, Side side) {
    struct Name {
        std::string_view id, name;
    };
    static constexpr std::array<Name, kMuscleIds.size()> kNames = {{
        {"pec_major_clavicular", "Pectoralis major, clavicular part"},
        {"pec_major_sternal", "Pectoralis major, sternal part"},
        {"pec_major_costal", "Pectoralis major, costal part"},
        {"pec_minor", "Pectoralis minor"},
        {"rhomboid_major", "Rhomboid major"},
        {"rhomboid_minor", "Rhomboid minor"},
        {"trapezius_upper", "Trapezius, upper part"},
        {"trapezius_middle", "Trapezius, middle part"},
        {"trapezius_lower", "Trapezius, lower part"},
        {"deltoid_anterior", "Deltoid, anterior part"},
        {"deltoid_middle", "Deltoid, middle part"},
        {"deltoid_posterior", "Deltoid, posterior part"},
        {"levator_scapulae", "Levator scapulae"},
        {"serratus_anterior", "Serratus anterior"},
        {"sternocleidomastoid", "Sternocleidomastoid"},
        {"splenius_capitis", "Splenius capitis"},
        {"splenius_cervicis", "Splenius cervicis"},
        {"supraspinatus", "Supraspinatus"},
        {"infraspinatus", "Infraspinatus"},
        {"teres_minor", "Teres minor"},
        {"teres_major", "Teres major"},
        {"subscapularis", "Subscapularis"},
        {"latissimus_dorsi", "Latissimus dorsi"},
        {"subclavius", "Subclavius"},
    }};
    std::string name;
    for (const Name& n : kNames) {
        if (n.id == base_id) name = std::string(n.name);
    }
    if (name.empty()) {  // fallback: "some_id" -> "Some id"
        name = std::string(base_id);
        std::replace(name.begin(), name.end(), '_', ' ');
        if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    }
    return name + (side == Side::kRight ? " (right)" : " (left)");
}

}  // namespace myoview::sim
