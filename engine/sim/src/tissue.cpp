#include "myoview/sim/tissue.h"

#include <cstddef>

namespace myoview::sim {
namespace {

// Trigger points of the pectorals, Travell & Simons (as summarised in /work/shared/REFERENCES.md). The
// referral zone is the id of a zone the catalog places on the body (catalog.json referral_zones).
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
constexpr std::size_t kPecMinor = 3;

// A tight-pec profile: the same pattern for the three habitual postures, different magnitudes.
//   tone: resting activation of the tight pecs (healthy 0.01). Model assumption: no study gives resting pectoral
//         EMG in rounded-shoulder subjects; 3-5 % MVC is the range reported for "increased tone" at rest in the
//         trapezius of office workers (Hägg & Åström 1997, Int Arch Occup Environ Health 69:423).
//   shortening: adaptive shortening of the resting length, fraction of L0. Pectoralis minor: Borstad & Ludewig
//         2005 (JOSPT 35:227) found the short group's pec minor ~10 % shorter than the long group's; its L0
//         (0.115 m, Wu) is about its path length in this model (0.113 m), so 0.10 L0 is ~10 % of its length.
//         The pec major parts get less (model assumption: no measurement).
//   stiffness: passive stiffness multiplier (MuJoCo's fpmax); model assumption.
TissueProfile tight_pec_profile(double major_tone, double minor_tone, double major_shortening, double minor_shortening,
                                double major_stiffness, double minor_stiffness, double tp_severity) {
    TissueProfile p;
    for (std::size_t i = 0; i < kPecCount; ++i) {
        TissueState& t = p.muscles[i];
        const bool minor = i == kPecMinor;
        t.tone = minor ? minor_tone : major_tone;
        t.shortening = minor ? minor_shortening : major_shortening;
        t.stiffness = minor ? minor_stiffness : major_stiffness;
        t.trigger_points = pec_trigger_points(i, tp_severity);
    }
    return p;
}

std::vector<Preset> make_presets() {
    std::vector<Preset> out;
    const auto scm = static_cast<std::size_t>(muscle_index("sternocleidomastoid"));

    TissueProfile neutral;
    for (std::size_t i = 0; i < kMuscleIds.size(); ++i) neutral.muscles[i] = healthy_tissue(i);
    out.push_back({"neutral",
                   "Healthy adult: relaxed pecs, full postural capacity; the scan's upright pose (CVA 54 deg, in the "
                   "healthy 50-55 deg of Yip et al. 2008).",
                   neutral});

    // Slumped sitting (thorax_flexion_habit_deg) and a neck-flexion habit are the desk and phone presets' main
    // causes of forward head posture: forward head posture goes with slumped sitting and thoracic flexion more
    // than with tight pecs (Caneiro et al. 2010, Man Ther 15:54: slumped sitting flexes the thorax and moves
    // the head forward). Their sizes are model assumptions within the ranges reported there (upper-thoracic
    // flexion of slumped vs upright sitting of roughly 5-15 deg).
    // Pectoralis minor is the short, toned muscle of rounded shoulders (Borstad & Ludewig 2005): twice the pec
    // major's tone and shortening, and stiffer (model assumptions).
    TissueProfile desk = tight_pec_profile(0.03, 0.06, 0.05, 0.10, 2.0, 4.0, 0.6);
    desk.muscles[scm].shortening = 0.04;
    desk.muscles[scm].tone = 0.02;
    desk.capacity = {0.8, 0.3};  // model assumption: deconditioned upper back
    desk.neck_flexion_habit_deg = 1.0;
    desk.thorax_flexion_habit_deg = 6.0;
    out.push_back({"desk-worker",
                   "Hours at a desk: slumped, short and toned pecs with trigger points, tired upper back, head toward "
                   "the screen.",
                   desk});

    TissueProfile driver = tight_pec_profile(0.025, 0.05, 0.04, 0.08, 1.6, 3.0, 0.5);
    driver.muscles[static_cast<std::size_t>(muscle_index("trapezius_upper"))].tone = 0.03;  // hands on the wheel
    driver.capacity = {0.9, 0.7};
    driver.neck_flexion_habit_deg = 1.0;
    driver.thorax_flexion_habit_deg = 4.0;  // a car seat's backrest limits the slump
    out.push_back(
        {"driver", "Long drives: arms forward on the wheel, tight pecs, raised upper-trapezius tone.", driver});

    TissueProfile phone = tight_pec_profile(0.025, 0.05, 0.035, 0.07, 1.5, 3.0, 0.5);
    phone.muscles[scm].shortening = 0.06;
    phone.muscles[scm].tone = 0.03;
    phone.capacity = {0.85, 0.6};
    phone.neck_flexion_habit_deg = 5.0;    // looking down at a phone held at chest height
    phone.thorax_flexion_habit_deg = 8.0;  // slumped over it
    out.push_back(
        {"phone-user", "Head down over a phone, slumped: shortened SCM, tight pecs, strongest forward head.", phone});
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
