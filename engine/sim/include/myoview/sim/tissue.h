#pragma once
// Tissue state of the muscles, postural capacity, presets and interventions: the "therapy state" of the
// design's data flow. Plain data and pure functions, no MuJoCo: engine/sim/src/simulation.cpp maps it onto
// MuJoCo muscle parameters every step.
//
// Units: tone is a resting activation (fraction of maximal activation, 0..1); shortening is the adaptive
// change of resting length as a fraction of optimal fibre length L0 (0.10 = resting length 10 % of L0 shorter);
// stiffness multiplies the passive force-length curve (MuJoCo's fpmax); capacity scales the strength (F0) and
// sustainable drive of the postural (back and neck) muscles.

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace myoview::sim {

enum class Side { kRight, kLeft };
std::string_view side_suffix(Side side);  // "r" / "l"

// The 24 muscle ids of assets/anatomy/README.md (every muscle with a mesh), without the side suffix, in the
// contract's order. The first four are the pectoral parts (PecPart).
inline constexpr std::array<std::string_view, 24> kMuscleIds = {
    "pec_major_clavicular", "pec_major_sternal", "pec_major_costal", "pec_minor",         "rhomboid_major",
    "rhomboid_minor",       "trapezius_upper",   "trapezius_middle", "trapezius_lower",   "deltoid_anterior",
    "deltoid_middle",       "deltoid_posterior", "levator_scapulae", "serratus_anterior", "sternocleidomastoid",
    "splenius_capitis",     "splenius_cervicis", "supraspinatus",    "infraspinatus",     "teres_minor",
    "teres_major",          "subscapularis",     "latissimus_dorsi", "subclavius"};

// The MJCF bodies of the id contract. forearm_* (radius, ulna, hand) is welded to its humerus.
inline constexpr std::array<std::string_view, 11> kBodyIds = {"thorax",    "neck",      "head",      "clavicle_r",
                                                              "scapula_r", "humerus_r", "forearm_r", "clavicle_l",
                                                              "scapula_l", "humerus_l", "forearm_l"};

// Which pectoral part a release applies to.
enum class PecPart { kMajorClavicular, kMajorSternal, kMajorCostal, kMinor };
inline constexpr std::array<std::string_view, 4> kPecIds = {"pec_major_clavicular", "pec_major_sternal",
                                                            "pec_major_costal", "pec_minor"};

struct TriggerPoint {
    double position = 0.5;      // along the muscle, 0 = origin, 1 = insertion
    double severity = 0.0;      // 0 = none (latent or resolved) .. 1 = active, exquisitely tender
    std::string referral_zone;  // the catalog's referred-pain zone (referral_zones), e.g. "referral.breast"
};

struct TissueState {
    double tone = 0.01;       // resting activation; ~1-2 % MVC at rest (resting EMG of relaxed muscle)
    double shortening = 0.0;  // adaptive shortening, fraction of L0 (>0 shorter, tighter)
    double stiffness = 1.0;   // passive stiffness multiplier (1 = healthy)
    std::vector<TriggerPoint> trigger_points;
};

// Capacity of the postural muscles (rhomboids, trapezius, posterior deltoid, levator, splenius).
struct Capacity {
    double strength = 1.0;   // multiplies F0 of the postural muscles
    double endurance = 1.0;  // sustainable postural drive budget, 1 = healthy
};

// Per-muscle (per base id, both sides equal) tissue state plus capacity: what a preset defines.
struct TissueProfile {
    std::array<TissueState, kMuscleIds.size()> muscles{};
    Capacity capacity{};
    double neck_flexion_habit_deg = 0.0;    // habitual set-point of lower-cervical flexion (screen / phone gaze)
    double thorax_flexion_habit_deg = 0.0;  // habitual slump: set-point of flexion at T12/L1 (slumped sitting)
};

struct Preset {
    std::string_view name;
    std::string_view description;  // one line, with the sources of its numbers
    TissueProfile profile;
};

// "neutral", "desk-worker", "driver", "phone-user", in that order.
const std::vector<Preset>& presets();
const Preset* find_preset(std::string_view name);
std::string preset_names();  // "neutral, desk-worker, driver, phone-user"

// The healthy tissue state of one muscle (what neutral uses and what release moves toward).
TissueState healthy_tissue(std::size_t muscle_index);

int muscle_index(std::string_view base_id);  // index into kMuscleIds, -1 when unknown

// Interventions: one session each, applied on the tissue clock (days).
enum class InterventionKind {
    kChestMassage,            // lowers pec tone, shortening and trigger-point severity (dose = session count/intensity)
    kDoorwayStretch,          // restores pec length
    kUpperBackStrengthening,  // raises capacity (after an adaptation delay)
};
std::string_view intervention_name(InterventionKind kind);

}  // namespace myoview::sim
