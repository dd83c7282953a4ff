#pragma once
// Simulation: the MuJoCo model of the chest, shoulder girdle, neck and head, driven by the tissue state and a
// bounded postural controller, stepped at a fixed time step. Owns mjModel / mjData (RAII, move-only).
//
// Typical use (what app/ does):
//   auto sim = Simulation::load();                     // Result<Simulation>
//   sim->set_preset("desk-worker");                    // Status
//   sim->set_release(0.5);                             // pec tissue 50 % of the way to healthy
//   sim->advance(30.0);                                // 30 s of simulated time, fixed steps
//   nlohmann::json report = sim->report_json();
//
// Contracts:
// - Deterministic: the same call sequence gives bit-identical snapshots and reports (single thread, fixed
//   step, no clocks read except for the timing block of the report).
// - MuJoCo warnings are counted (snapshot().warnings, report "warnings") and logged, never fatal. A MuJoCo
//   error (mju_user_error) throws internally and is caught at this API: the data are reset to the rest pose
//   and the error is counted as a warning; the process never exits. Errors during load become an Error.
// - Two clocks: mechanics on simulated seconds (advance), tissue on the slow clock, tissue_days advance by
//   seconds * time_lapse / 86400 (time_lapse 1 = real time; 86400 = one simulated second is one day).

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <glm/gtc/quaternion.hpp>
#include <glm/vec3.hpp>
#include <nlohmann/json.hpp>

#include "myoview/base/result.h"
#include "myoview/sim/posture.h"
#include "myoview/sim/tissue.h"

namespace myoview::sim {

struct SimOptions {
    // Fixed mechanics step, s. 0 = the model's <option timestep> (10 ms).
    double timestep_s = 0.0;
    // Tissue clock speed: tissue time advances time_lapse times faster than mechanics time. Default real time.
    double time_lapse = 1.0;
};

struct BodyPose {
    std::string name;  // MJCF body name (the id contract)
    glm::vec3 pos{0.0f};
    glm::quat rot{1.0f, 0.0f, 0.0f, 0.0f};  // w, x, y, z
};

struct MuscleState {
    std::string id;       // actuator name, e.g. "pec_minor_r"
    std::string base_id;  // "pec_minor"
    Side side = Side::kRight;
    double activation = 0;         // MuJoCo act, 0..1
    double active_n = 0;           // active (contractile) force, N, >= 0
    double passive_n = 0;          // passive (parallel elastic) force, N, >= 0
    double total_n = 0;            // active + passive, N
    double tension = 0;            // total / F0 (the muscle's nominal max isometric force)
    double length_m = 0;           // current musculotendon path length
    double rest_length_m = 0;      // path length at optimal normalized length 1 with the current tissue state
    double length_ratio = 0;       // length / rest length
    bool model_prediction = true;  // no study measured this muscle's force in vivo: the UI must say so
};

struct TriggerPointState {
    std::string muscle_id;  // actuator name
    double position = 0;    // 0 origin .. 1 insertion
    double severity = 0;
    std::string referral_zone;
};

struct Snapshot {
    double time_s = 0;             // mechanics time
    double tissue_days = 0;        // tissue clock
    std::vector<BodyPose> bodies;  // every MJCF body except the world, in model order
    std::vector<MuscleState> muscles;
    PostureMetrics posture;
    std::vector<TriggerPointState> trigger_points;
    Capacity capacity;
    int warnings = 0;

    const BodyPose* find_body(std::string_view name) const;
    const MuscleState* find_muscle(std::string_view id) const;
};

struct Intervention {
    InterventionKind kind = InterventionKind::kChestMassage;
    double dose = 1.0;  // sessions (1 = one standard session; 0.5 = a short one)
};

class Simulation {
public:
    static std::string default_model_path();  // paths::asset_path("anatomy/myoview.xml")

    // Loads and compiles the MJCF. Error (with MuJoCo's message) for a missing or malformed file, a model
    // that lacks an id of the contract, or a model that warns while settling into its rest pose.
    static Result<Simulation> load(const std::string& path = default_model_path(), SimOptions options = {});

    Simulation(Simulation&&) noexcept;
    Simulation& operator=(Simulation&&) noexcept;
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;
    ~Simulation();

    // Sets the tissue state and capacity of a preset and resets mechanics to the rest pose; keeps the current
    // release. Unknown name -> Error listing the valid names.
    Status set_preset(std::string_view name);
    const std::string& preset() const;

    // A tissue profile of its own under `name` (a fitted patient: sim/patient_fit.h), as set_preset does for a
    // preset: the profile is what release moves away from and relapse returns to; mechanics reset to the rest pose;
    // the current release is kept. `name` must not be a preset's name (that would mislabel a report as calibrated).
    // Error for an empty or preset name, or a value outside the ranges restore_tissue accepts (tone 0..1,
    // shortening -0.5..0.5, stiffness 0.1..10, capacity 0..2, habits -20..30 deg), or NaN; nothing changes then.
    Status set_profile(const TissueProfile& profile, std::string name);
    // The profile in force (a preset's or set_profile's).
    const TissueProfile& profile() const;
    // A profile as JSON ({"name", "muscles":[{"id","tone","shortening","stiffness","trigger_severity"}] per base id,
    // "capacity":[strength,endurance], "neck_flexion_habit_deg", "thorax_flexion_habit_deg"}) and back. tissue_json
    // carries it under "profile" when set_profile made the profile, so a saved patient scene can be reopened.
    static nlohmann::json profile_json(const TissueProfile& profile, const std::string& name);
    static Result<std::pair<TissueProfile, std::string>> profile_from_json(const nlohmann::json& j);

    // Moves the pectoral tissue state `release` (0..1, clamped) of the way from the preset toward healthy, for
    // all four pec parts (set_release) or one (set_part_release). Takes effect at once; relapse then pulls
    // the state back toward the preset on the tissue clock.
    void set_release(double release);
    void set_part_release(PecPart part, double release);
    double release() const;

    // One session now, dose 0..10 (sessions). Acts on the pec tissue's excess over healthy, so repeated
    // sessions converge on healthy and never overshoot:
    //   chest massage     tone -50 %, trigger-point severity -40 %, shortening -8 % (per session)
    //   doorway stretch   shortening -12 %, stiffness -8 %
    //   strengthening     +0.03 strength, +0.05 endurance of the postural muscles, realised over ~7 tissue days
    // Afterwards everything relaxes back toward the preset on the tissue clock (relapse; time constants in
    // simulation.cpp). All fractions and time constants are model assumptions, set so that one massage moves the
    // shoulder millimetres and weeks of combined release, stretching and strengthening approach neutral.
    void apply_intervention(const Intervention& intervention);

    // The tissue state as it stands (per-part release, every muscle's tone, shortening, stiffness and trigger-point
    // severities, capacity and strengthening still to come, the tissue clock, the time-lapse): what a saved scene
    // keeps; with a custom profile (set_profile) also that profile under "profile". restore_tissue puts it back on
    // the current preset or profile (the caller installs a saved "profile" first with set_profile); a blob that
    // does not fit this model (another muscle count, a missing field, a value out of range) is an Error and changes
    // nothing.
    nlohmann::json tissue_json() const;
    Status restore_tissue(const nlohmann::json& tissue);

    void set_time_lapse(double time_lapse);  // tissue time per mechanics time, >= 0
    double time_lapse() const;

    // Advances mechanics by `seconds` in fixed steps (the remainder below one step is kept for the next call).
    void advance(double seconds);

    // Back to the rest pose, t = 0, the preset's tissue state at the current release, no warnings.
    void reset();

    const Snapshot& snapshot() const;
    // Joint angles (deg; m for slides) by MJCF joint name, model order: for plots and diagnostics.
    std::vector<std::pair<std::string, double>> joint_angles() const;
    const TissueState& tissue(std::string_view muscle_id) const;  // actuator name; asserts when unknown
    const Capacity& capacity() const;
    double timestep() const;

    // {"preset","release","sim_time_s","warnings","posture":{...},"muscles":[...],"timing":{...}}
    nlohmann::json report_json() const;

    struct Impl;

private:
    explicit Simulation(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The upper-back load of the story: the mean tension (total force / max isometric force, 0..1) of the scapular
// retractors that hold the shoulder blades back against the pectorals' pull, both sides: rhomboid major and minor,
// middle and lower trapezius. The posterior deltoid is not one of them (it moves the arm, not the scapula). A model
// illustration: no study has measured this load in patients. One definition for the panel, the report and README.
inline constexpr std::array<std::string_view, 4> kUpperBackLoadIds = {"rhomboid_major", "rhomboid_minor",
                                                                      "trapezius_middle", "trapezius_lower"};
double upper_back_load(const Snapshot& snapshot);

// Readable English name from an id: "pec_major_clavicular_r" -> "Pectoralis major, clavicular part (right)".
std::string readable_muscle_name(std::string_view base_id, Side side);

// Process-wide count of MuJoCo warnings and errors seen by the hooks this library installs (any model).
std::int64_t mujoco_message_count();
std::string last_mujoco_message();

}  // namespace myoview::sim
