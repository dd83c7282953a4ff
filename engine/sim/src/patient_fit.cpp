#include "myoview/sim/patient_fit.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

namespace myoview::sim {
namespace {

double lerp(double a, double b, double t) {
    return a + (b - a) * t;
}

std::string fmt(double v, int decimals) {
    std::array<char, 32> buf{};
    std::snprintf(buf.data(), buf.size(), "%.*f", decimals, v);
    return buf.data();
}

struct Eval {
    double cva = 0, fwd = 0, pec_minor = 0;
};

class Evaluator {
public:
    explicit Evaluator(Simulation& sim) : sim_(sim) {}
    Result<Eval> operator()(const PatientScalars& x) {
        sim_.set_release(0.0);
        if (auto s = sim_.set_profile(patient_profile(x), kPatientProfileName); !s) return s.error();
        sim_.advance(kFitSettleSeconds);
        ++count;
        const PostureMetrics& p = sim_.snapshot().posture;
        return Eval{p.craniovertebral_angle_deg, p.mean.forward_shoulder_mm, p.mean.pec_minor_length_mm};
    }
    int count = 0;

private:
    Simulation& sim_;
};

// Residuals in tolerance units: 1 = at the tolerance.
std::array<double, 2> scaled(const Eval& e, const PatientMeasures& m) {
    return {(e.cva - m.cva_deg) / kCvaToleranceDeg, (e.fwd - m.forward_shoulder_mm) / kForwardShoulderToleranceMm};
}

double cost(const std::array<double, 2>& r) {
    return r[0] * r[0] + r[1] * r[1];
}

PatientScalars clamp_scalars(PatientScalars x) {
    x.pec = std::clamp(x.pec, kPecMin, kPecMax);
    x.slump = std::clamp(x.slump, kSlumpMin, kSlumpMax);
    return x;
}

// How a measure the fit missed is named in English (the report and the log: limit_text; the screen words it in its
// own language from the numbers).
struct MeasureWords {
    double Eval::*value;     // the model's figure for it
    const char* name;        // "forward shoulder"
    const char* unit;        // "mm"
    int decimals;            // after the point
    const char* at_other;    // the other measure, held at its fit: "at this head posture"
    const char* with_other;  // "the head posture"
};
constexpr MeasureWords kForwardShoulderLimit{.value = &Eval::fwd,
                                             .name = "forward shoulder",
                                             .unit = "mm",
                                             .decimals = 0,
                                             .at_other = "at this head posture",
                                             .with_other = "the head posture"};
constexpr MeasureWords kCvaLimit{.value = &Eval::cva,
                                 .name = "craniovertebral angle",
                                 .unit = "deg",
                                 .decimals = 1,
                                 .at_other = "at these shoulders",
                                 .with_other = "the shoulders"};

const MeasureWords& words(FitLimit::Measure m) {
    return m == FitLimit::Measure::kForwardShoulder ? kForwardShoulderLimit : kCvaLimit;
}

// A measure the fit missed, as numbers: the range the model spans for it between the scalars `lo` and `hi` (its own
// scalar at its two bounds, the other held at its fit), and whether `measured` lies beyond that range or the fit
// merely did not reach it together with the other measure. `fitted` is the model at the fit.
Result<FitLimit> fit_limit(Evaluator& eval, FitLimit::Measure measure, const PatientScalars& lo,
                           const PatientScalars& hi, double measured, const Eval& fitted) {
    const MeasureWords& w = words(measure);
    auto at_lo = eval(lo);
    if (!at_lo) return at_lo.error();
    auto at_hi = eval(hi);
    if (!at_hi) return at_hi.error();
    FitLimit limit{measure, false, std::min(*at_lo.*w.value, *at_hi.*w.value),
                   std::max(*at_lo.*w.value, *at_hi.*w.value), measured, fitted.*w.value};
    limit.beyond = measured < limit.reach_min || measured > limit.reach_max;
    return limit;
}

}  // namespace

TissueProfile patient_profile(const PatientScalars& in) {
    const PatientScalars x = clamp_scalars(in);
    const Preset* neutral = find_preset("neutral");
    const Preset* desk = find_preset("desk-worker");
    TissueProfile p = neutral->profile;
    const TissueProfile& d = desk->profile;
    for (std::size_t i = 0; i < kPecIds.size(); ++i) {
        const TissueState& h = neutral->profile.muscles[i];
        TissueState& t = p.muscles[i];
        t.tone = lerp(h.tone, d.muscles[i].tone, x.pec);
        t.shortening = lerp(h.shortening, d.muscles[i].shortening, x.pec);
        t.stiffness = lerp(h.stiffness, d.muscles[i].stiffness, x.pec);
        t.trigger_points = d.muscles[i].trigger_points;
        for (TriggerPoint& tp : t.trigger_points) tp.severity = std::clamp(tp.severity * x.pec, 0.0, 1.0);
    }
    const auto scm = static_cast<std::size_t>(muscle_index("sternocleidomastoid"));
    const double slump_pos = std::max(0.0, x.slump);  // an upright habit does not lengthen the SCM below healthy
    p.muscles[scm].tone = lerp(neutral->profile.muscles[scm].tone, d.muscles[scm].tone, slump_pos);
    p.muscles[scm].shortening = lerp(neutral->profile.muscles[scm].shortening, d.muscles[scm].shortening, slump_pos);
    p.neck_flexion_habit_deg = lerp(neutral->profile.neck_flexion_habit_deg, d.neck_flexion_habit_deg, x.slump);
    p.thorax_flexion_habit_deg = lerp(neutral->profile.thorax_flexion_habit_deg, d.thorax_flexion_habit_deg, x.slump);
    const double back = std::clamp(x.slump, 0.0, 1.0);
    p.capacity.strength = lerp(neutral->profile.capacity.strength, d.capacity.strength, back);
    p.capacity.endurance = lerp(neutral->profile.capacity.endurance, d.capacity.endurance, back);
    return p;
}

Status check_measures(const PatientMeasures& m) {
    auto in = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
    if (!in(m.cva_deg, 10.0, 80.0)) {
        return Error("craniovertebral angle " + fmt(m.cva_deg, 1) + " deg is not a measure (expected 10..80 deg)");
    }
    if (!in(m.forward_shoulder_mm, 0.0, 200.0)) {
        return Error("forward shoulder distance " + fmt(m.forward_shoulder_mm, 1) +
                     " mm is not a measure (expected 0..200 mm: the acromion in front of the T1 spinous process)");
    }
    if (m.pec_minor_index && !in(*m.pec_minor_index, 4.0, 15.0)) {
        return Error("pectoralis minor index " + fmt(*m.pec_minor_index, 2) + " is not a measure (expected 4..15)");
    }
    return Ok{};
}

Result<PatientFit> fit_patient(const PatientMeasures& measures, Simulation& sim) {
    if (auto s = check_measures(measures); !s) return s.error();
    const auto t0 = std::chrono::steady_clock::now();
    Evaluator eval(sim);

    // Start at the desk worker (both scalars 1): the middle of what the model is calibrated for.
    PatientScalars x{1.0, 1.0};
    auto e0 = eval(x);
    if (!e0) return e0.error();
    Eval ex = *e0;
    std::array<double, 2> r = scaled(ex, measures);
    constexpr int kMaxIterations = 8;
    constexpr double kStep = 0.05;                                   // finite-difference step of each scalar
    for (int it = 0; it < kMaxIterations && cost(r) > 0.04; ++it) {  // 0.04: both within a fifth of the tolerance
        // Jacobian by forward differences, stepping inward at an upper bound.
        std::array<std::array<double, 2>, 2> jac{};
        for (int k = 0; k < 2; ++k) {
            PatientScalars xh = x;
            double& v = k == 0 ? xh.pec : xh.slump;
            const double hi = k == 0 ? kPecMax : kSlumpMax;
            const double h = v + kStep <= hi ? kStep : -kStep;
            v += h;
            auto eh = eval(xh);
            if (!eh) return eh.error();
            const std::array<double, 2> rh = scaled(*eh, measures);
            jac[0][k] = (rh[0] - r[0]) / h;
            jac[1][k] = (rh[1] - r[1]) / h;
        }
        // Solve J d = -r (Levenberg damping keeps a near-singular J, e.g. at a bound, from throwing the step away).
        const double lambda = 1e-3 * (jac[0][0] * jac[0][0] + jac[1][1] * jac[1][1] + 1e-9);
        const double a = jac[0][0] * jac[0][0] + jac[1][0] * jac[1][0] + lambda;
        const double b = jac[0][0] * jac[0][1] + jac[1][0] * jac[1][1];
        const double c = jac[0][1] * jac[0][1] + jac[1][1] * jac[1][1] + lambda;
        const double g0 = -(jac[0][0] * r[0] + jac[1][0] * r[1]);
        const double g1 = -(jac[0][1] * r[0] + jac[1][1] * r[1]);
        const double det = a * c - b * b;
        if (!(std::abs(det) > 1e-12)) break;
        const double d0 = (c * g0 - b * g1) / det;
        const double d1 = (a * g1 - b * g0) / det;
        // Projected step with backtracking: accept the first that lowers the cost.
        bool moved = false;
        for (double t = 1.0; t >= 0.125; t *= 0.5) {
            const PatientScalars xn = clamp_scalars({x.pec + t * d0, x.slump + t * d1});
            if (std::abs(xn.pec - x.pec) < 1e-6 && std::abs(xn.slump - x.slump) < 1e-6) break;
            auto en = eval(xn);
            if (!en) return en.error();
            const std::array<double, 2> rn = scaled(*en, measures);
            if (cost(rn) < cost(r)) {
                x = xn;
                ex = *en;
                r = rn;
                moved = true;
                break;
            }
        }
        if (!moved) break;  // at a bound or a minimum: the nearest the model reaches
    }
    // A scalar held at its bound cannot reach its measure; the least-squares compromise would then spoil the other
    // measure too (a shoulder out of reach pulling the head away from its own fit). Hold the pinned scalar and fit the
    // free one to its own measure alone (pec -> forward shoulder, slump -> head), by secant steps.
    const bool pec_pinned = x.pec <= kPecMin || x.pec >= kPecMax;
    const bool slump_pinned = x.slump <= kSlumpMin || x.slump >= kSlumpMax;
    if (cost(r) > 0.04 && pec_pinned != slump_pinned) {
        const int k = pec_pinned ? 0 : 1;  // the residual the free scalar answers: CVA (0) when pec is pinned
        for (int it = 0; it < 5 && std::abs(r[static_cast<std::size_t>(k)]) > 0.2; ++it) {
            PatientScalars xh = x;
            double& v = pec_pinned ? xh.slump : xh.pec;
            const double hi = pec_pinned ? kSlumpMax : kPecMax;
            const double h = v + kStep <= hi ? kStep : -kStep;
            v += h;
            auto eh = eval(xh);
            if (!eh) return eh.error();
            const double slope =
                (scaled(*eh, measures)[static_cast<std::size_t>(k)] - r[static_cast<std::size_t>(k)]) / h;
            if (!(std::abs(slope) > 1e-9)) break;
            PatientScalars xn = x;
            (pec_pinned ? xn.slump : xn.pec) -= r[static_cast<std::size_t>(k)] / slope;
            xn = clamp_scalars(xn);
            auto en = eval(xn);
            if (!en) return en.error();
            const std::array<double, 2> rn = scaled(*en, measures);
            if (std::abs(rn[static_cast<std::size_t>(k)]) >= std::abs(r[static_cast<std::size_t>(k)])) break;
            x = xn;
            ex = *en;
            r = rn;
        }
    }

    PatientFit fit;
    fit.measures = measures;
    fit.scalars = x;
    fit.profile = patient_profile(x);
    fit.model_cva_deg = ex.cva;
    fit.model_forward_shoulder_mm = ex.fwd;
    fit.model_pec_minor_length_mm = ex.pec_minor;
    fit.cva_residual_deg = ex.cva - measures.cva_deg;
    fit.forward_shoulder_residual_mm = ex.fwd - measures.forward_shoulder_mm;
    fit.within_tolerance = std::abs(fit.cva_residual_deg) <= kCvaToleranceDeg &&
                           std::abs(fit.forward_shoulder_residual_mm) <= kForwardShoulderToleranceMm;
    if (!fit.within_tolerance) {
        // Name the limit: the range each measure spans over its own scalar's bounds, the other held at its fit.
        if (std::abs(fit.forward_shoulder_residual_mm) > kForwardShoulderToleranceMm) {
            auto limit = fit_limit(eval, FitLimit::Measure::kForwardShoulder, {kPecMin, x.slump}, {kPecMax, x.slump},
                                   measures.forward_shoulder_mm, ex);
            if (!limit) return limit.error();
            fit.limit_values.push_back(*limit);
        }
        if (std::abs(fit.cva_residual_deg) > kCvaToleranceDeg) {
            auto limit = fit_limit(eval, FitLimit::Measure::kCva, {x.pec, kSlumpMax}, {x.pec, kSlumpMin},
                                   measures.cva_deg, ex);
            if (!limit) return limit.error();
            fit.limit_values.push_back(*limit);
        }
        for (const FitLimit& limit : fit.limit_values) fit.limits.push_back(limit_text(limit));
        // The limit evaluations moved the simulation: leave it at the fit, as the contract says.
        if (auto back = eval(x); !back) return back.error();
    }
    fit.evaluations = eval.count;
    fit.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return fit;
}

std::string limit_text(const FitLimit& l) {
    const MeasureWords& w = words(l.measure);
    const std::string unit = std::string(" ") + w.unit;
    const std::string nearest = fmt(l.nearest, w.decimals) + unit;
    if (l.beyond) {
        return "the model's " + std::string(w.name) + " reaches " + fmt(l.reach_min, w.decimals) + "-" +
               fmt(l.reach_max, w.decimals) + unit + " " + w.at_other + "; " + fmt(l.measured, w.decimals) + unit +
               " is beyond it: fitted to the nearest, " + nearest;
    }
    return "the fit did not reach the " + std::string(w.name) + " of " + fmt(l.measured, w.decimals) + unit +
           " together with " + w.with_other + ": the nearest is " + nearest;
}

Result<std::vector<WeekPrediction>> predict_programme(const TissueProfile& profile, Simulation& sim, int weeks) {
    constexpr double kDay = 86400.0;
    sim.set_release(0.0);
    sim.set_time_lapse(1.0);
    if (auto s = sim.set_profile(profile, kPatientProfileName); !s) return s.error();
    sim.advance(kFitSettleSeconds);
    std::vector<WeekPrediction> out;
    auto record = [&](int week) {
        const PostureMetrics& p = sim.snapshot().posture;
        out.push_back({week, p.craniovertebral_angle_deg, p.mean.forward_shoulder_mm});
    };
    record(0);
    sim.set_time_lapse(kDay);
    for (int day = 0; day < 7 * std::max(0, weeks); ++day) {
        if (day % 7 == 0) sim.apply_intervention({InterventionKind::kChestMassage, 1.0});
        sim.apply_intervention({InterventionKind::kDoorwayStretch, 1.0});
        if (day % 7 % 2 == 0) sim.apply_intervention({InterventionKind::kUpperBackStrengthening, 1.0});
        sim.advance(1.0);
        if ((day + 1) % 7 == 0) record((day + 1) / 7);
    }
    sim.set_time_lapse(1.0);
    return out;
}

nlohmann::json PatientFit::to_json() const {
    nlohmann::json m = {{"cva_deg", measures.cva_deg}, {"forward_shoulder_mm", measures.forward_shoulder_mm}};
    m["pec_minor_index"] = measures.pec_minor_index ? nlohmann::json(*measures.pec_minor_index) : nlohmann::json();
    if (measures.pec_minor_index) m["pec_minor_short"] = *measures.pec_minor_index < kShortPecMinorIndex;
    return {{"measures", m},
            {"fitted",
             {{"pec", scalars.pec},
              {"slump", scalars.slump},
              {"pec_minor_tone", profile.muscles[3].tone},
              {"pec_minor_shortening", profile.muscles[3].shortening},
              {"capacity", {profile.capacity.strength, profile.capacity.endurance}},
              {"thorax_flexion_habit_deg", profile.thorax_flexion_habit_deg},
              {"neck_flexion_habit_deg", profile.neck_flexion_habit_deg}}},
            {"model",
             {{"cva_deg", model_cva_deg},
              {"forward_shoulder_mm", model_forward_shoulder_mm},
              {"pec_minor_length_mm", model_pec_minor_length_mm}}},
            {"residual", {{"cva_deg", cva_residual_deg}, {"forward_shoulder_mm", forward_shoulder_residual_mm}}},
            {"tolerance", {{"cva_deg", kCvaToleranceDeg}, {"forward_shoulder_mm", kForwardShoulderToleranceMm}}},
            {"within_tolerance", within_tolerance},
            {"limits", limits},
            {"evaluations", evaluations},
            {"fit_wall_s", wall_s},
            {"model_prediction", true}};
}

}  // namespace myoview::sim
