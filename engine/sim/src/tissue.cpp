#include "myoview/sim/tissue.h"

#include <cstddef>

namespace myoview::sim {
namespace {

// Trigger points of the pectorals, Travell & Simons (as summarised in /work/shared/REFERENCES.md). The
// referral zone is a text id for the catalog / i18n.
std::vector<TriggerPoint> pec_trigger_points(std::size_t index, double severity) {
    switch (index) {
        case 0:
            return {{0.35, severity, "referral.front_shoulder_clavicular"}};
        case 1:
            return {{0.45, severity, "referral.chest_inner_arm_medial_elbow"}};
        case 2:
            return {{0.50, severity, "referral.breast"}};
        case 3:
            return {{0.85, severity, "referral.front_shoulder_arm_ulnar_fingers"},   // near the coracoid
                    {0.20, severity, "referral.front_shoulder_arm_ulnar_fingers"}};  // over ribs 3-5
        default:
            return {};
    }
}

constexpr std::size_t kPecCount = 4;  // kMuscleIds[0..3] are the pectoral parts

// A tight-pec profile: the same pattern for the three habitual postures, different magnitudes.
//   tone: resting activation of the shortened pecs (healthy 0.01). Assumed, model parameter: no study gives
//         resting pectoral EMG in rounded-shoulder subjects; 3-5 % MVC is the range reported for "increased
//         tone" at rest in trapezius of office workers (Hägg & Åström 1997, Int Arch Occup Environ Health 69:423).
//   shortening: fraction of L0. Borstad & Ludewig 2005 (JOSPT 35:227): the short pec-minor group was ~1.5 cm
//         (~10 % of the ~150 mm coracoid-rib-4 distance) shorter than the long group.
//   stiffness: passive stiffness multiplier; model assumption.
TissueProfile tight_pec_profile(double tone, double shortening, double stiffness, double tp_severity) {
    TissueProfile p;
    for (std::size_t i = 0; i < kPecCount; ++i) {
        TissueState& t = p.muscles[i];
        t.tone = tone;
        t.shortening = shortening;
        t.stiffness = stiffness;
        t.trigger_points = pec_trigger_points(i, tp_severity);
    }
    // Pectoralis minor is the short muscle of rounded shoulders (Borstad & Ludewig 2005): 1.6 x the tone and
    // shortening of the pec major parts (model assumption), which puts the desk-worker's coracoid-rib-4
    // length ~13 mm below neutral, under the 134 mm short-pec-minor cut-off.
    p.muscles[3].tone = 1.6 * tone;
    p.muscles[3].shortening = 1.6 * shortening;
    return p;
}

std::vector<Preset> make_presets() {
    std::vector<Preset> out;

    TissueProfile neutral;
    for (std::size_t i = 0; i < kMuscleIds.size(); ++i) neutral.muscles[i] = healthy_tissue(i);
    out.push_back({"neutral",
                   "Healthy adult: relaxed pecs, full postural capacity. Rest pose CVA 52 deg (Yip et al. 2008).",
                   neutral});

    // Desk worker: tight pecs, reduced endurance of the upper back, shortened SCM, a screen-gaze habit.
    TissueProfile desk = tight_pec_profile(0.06, 0.28, 2.0, 0.6);
    desk.muscles[static_cast<std::size_t>(muscle_index("sternocleidomastoid"))].shortening = 0.06;
    desk.muscles[static_cast<std::size_t>(muscle_index("sternocleidomastoid"))].tone = 0.02;
    desk.capacity = {0.8, 0.3};  // model assumption: deconditioned upper back
    desk.neck_flexion_habit_deg = 4.0;
    out.push_back({"desk-worker",
                   "Hours at a desk: short, toned pecs with trigger points, tired upper back, head toward the screen.",
                   desk});

    TissueProfile driver = tight_pec_profile(0.05, 0.20, 1.6, 0.5);
    driver.muscles[static_cast<std::size_t>(muscle_index("trapezius_upper"))].tone = 0.03;  // hands on the wheel
    driver.capacity = {0.9, 0.7};
    driver.neck_flexion_habit_deg = 2.0;
    out.push_back(
        {"driver", "Long drives: arms forward on the wheel, tight pecs, raised upper-trapezius tone.", driver});

    TissueProfile phone = tight_pec_profile(0.045, 0.18, 1.5, 0.5);
    phone.muscles[static_cast<std::size_t>(muscle_index("sternocleidomastoid"))].shortening = 0.08;
    phone.muscles[static_cast<std::size_t>(muscle_index("sternocleidomastoid"))].tone = 0.03;
    phone.capacity = {0.85, 0.6};
    phone.neck_flexion_habit_deg = 9.0;  // looking down at a phone held at chest height
    out.push_back({"phone-user", "Head down over a phone: shortened SCM, tight pecs, strongest forward head.", phone});
    return out;
}

}  // namespace

std::string_view side_suffix(Side side) {
    return side == Side::kRight ? "r" : "l";
}

TissueState healthy_tissue(std::size_t /*muscle_index*/) {
    return TissueState{};
}

int muscle_index(std::string_view base_id) {
    for (std::size_t i = 0; i < kMuscleIds.size(); ++i) {
        if (kMuscleIds[i] == base_id) return static_cast<int>(i);
    }
    return -1;
}

const std::vector<Preset>& presets() {
    static const std::vector<Preset> kPresets = make_presets();
    return kPresets;
}

const Preset* find_preset(std::string_view name) {
    for (const Preset& p : presets()) {
        if (p.name == name) return &p;
    }
    return nullptr;
}

std::string preset_names() {
    std::string names;
    for (const Preset& p : presets()) {
        if (!names.empty()) names += ", ";
        names += p.name;
    }
    return names;
}

std::string_view intervention_name(InterventionKind kind) {
    switch (kind) {
        case InterventionKind::kChestMassage:
            return "chest-massage";
        case InterventionKind::kDoorwayStretch:
            return "doorway-stretch";
        case InterventionKind::kUpperBackStrengthening:
            return "upper-back-strengthening";
    }
    return "unknown";
}

}  // namespace myoview::sim
