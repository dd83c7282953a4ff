#include "commands.h"

#include <algorithm>
#include <cstdio>

#include <filesystem>

#include "myoview/anatomy/binding.h"
#include "myoview/anatomy/catalog.h"
#include "myoview/anatomy/structure_list.h"
#include "myoview/assets/import.h"
#include "myoview/base/log.h"
#include "myoview/base/paths.h"
#include "myoview/sim/simulation.h"
#include "stop_signals.h"

namespace myoview::app {

int run_check_model(const std::string& path) {
    auto model = assets::import_model(path);
    if (!model) {
        std::fprintf(stderr, "myoview: check-model: %s\n", model.error().full_text().c_str());
        return 2;
    }
    const assets::ModelStats s = assets::compute_stats(model.value());
    std::printf("%s: %zu meshes, %zu vertices, %zu triangles, %zu bones\n", path.c_str(), s.meshes, s.vertices,
                s.triangles, s.bones);
    return 0;
}

int run_list_structures() {
    auto catalog = anatomy::Catalog::load(anatomy::default_catalog_path());
    if (!catalog) {
        std::fprintf(stderr, "myoview: %s\n", catalog.error().full_text().c_str());
        return 2;
    }
    auto muscles = anatomy::mjcf_muscle_ids(anatomy::default_mjcf_path());
    if (!muscles) {
        std::fprintf(stderr, "myoview: %s\n", muscles.error().full_text().c_str());
        return 2;
    }
    assets::ImportOptions import;
    import.isolate = false;  // the bundled, generated model
    auto model = assets::import_model(paths::asset_path("models/anatomy.glb"), import);
    if (!model) {
        std::fprintf(stderr, "myoview: %s\n", model.error().full_text().c_str());
        return 2;
    }
    std::vector<std::string> mesh_nodes;
    for (const auto& m : model->meshes) mesh_nodes.push_back(m.node_name.empty() ? m.name : m.node_name);
    const auto json = anatomy::list_structures_json(catalog.value(), muscles.value(), mesh_nodes);
    std::printf("%s\n", json.dump(2).c_str());
    return 0;
}

nlohmann::json PatientStart::to_json() const {
    nlohmann::json j = fit.to_json();
    nlohmann::json weeks = nlohmann::json::array();
    for (const sim::WeekPrediction& w : prediction) {
        weeks.push_back({{"week", w.week}, {"cva_deg", w.cva_deg}, {"forward_shoulder_mm", w.forward_shoulder_mm}});
    }
    j["prediction"] = {{"programme", "chest massage weekly, doorway stretch daily, upper-back strengthening every "
                                     "other day"},
                       {"weeks", weeks},
                       {"model_prediction", true}};
    return j;
}

Result<sim::Simulation> start_simulation(const Options& o, std::optional<PatientStart>* patient) {
    auto simulation = sim::Simulation::load();
    if (!simulation) return simulation.error();
    if (o.patient()) {
        const sim::PatientMeasures measures{*o.patient_cva_deg, *o.patient_forward_shoulder_mm, o.patient_pmi};
        if (auto s = sim::check_measures(measures); !s) return Error("--patient-*: " + s.error().message);
        PatientStart start;
        // The healthy posture first (the ghost), then the fit, then the programme's course; the simulation ends on
        // the fitted profile from its rest pose, as a preset starts.
        if (auto s = simulation->set_preset("neutral"); !s) return s.error();
        simulation->advance(sim::kFitSettleSeconds);
        start.healthy = simulation->snapshot();
        auto fit = sim::fit_patient(measures, *simulation);
        if (!fit) return Error("--patient-*: " + fit.error().message);
        start.fit = std::move(fit).value();
        log::debug("patient fit: " + start.fit.to_json().dump());
        for (const std::string& limit : start.fit.limits) std::fprintf(stderr, "myoview: warning: %s\n", limit.c_str());
        auto weeks = sim::predict_programme(start.fit.profile, *simulation);
        if (!weeks) return weeks.error();
        start.prediction = std::move(weeks).value();
        if (auto s = simulation->set_profile(start.fit.profile, sim::kPatientProfileName); !s) return s.error();
        if (patient != nullptr) *patient = std::move(start);
    } else if (auto s = simulation->set_preset(o.preset); !s) {
        return s.error();
    }
    simulation->set_release(o.release);
    return simulation;
}

int run_simulation_only(const Options& o) {
    std::optional<PatientStart> patient;
    auto simulation = start_simulation(o, &patient);
    if (!simulation) {
        std::fprintf(stderr, "myoview: %s\n", simulation.error().full_text().c_str());
        return 2;
    }
    // SIGTERM / Ctrl-C end the run like the viewer's sessions: at the next simulated second, with the report of
    // the time simulated so far (exit 0).
    const StopSignals stop;
    double remaining = o.seconds.value_or(kDefaultSimulatedSeconds);
    log::info("simulating " + std::to_string(remaining) + " s");
    while (remaining > 0.0 && StopSignals::received() == 0) {
        const double chunk = std::min(remaining, 1.0);
        simulation->advance(chunk);
        remaining -= chunk;
    }
    nlohmann::json report = simulation->report_json();
    if (patient) report["patient"] = patient->to_json();
    if (StopSignals::received() != 0) {
        report["ended_by"] = StopSignals::name();
        std::fprintf(stderr, "myoview: %s: stopped after %.1f simulated seconds; report written\n",
                     StopSignals::name(), simulation->snapshot().time_s);
    }
    if (simulation->snapshot().warnings > 0) {
        std::fprintf(stderr, "myoview: warning: the simulation reported %d MuJoCo warnings (see the log above)\n",
                     simulation->snapshot().warnings);
    }
    if (o.report.empty()) {
        std::printf("%s\n", report.dump(2).c_str());
        return 0;
    }
    std::FILE* out = std::fopen(o.report.c_str(), "w");
    if (!out) {
        std::fprintf(stderr, "myoview: cannot write the report to %s\n", o.report.c_str());
        return 2;
    }
    const std::string text = report.dump(2) + "\n";
    const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    if (std::fclose(out) != 0 || !ok) {
        std::fprintf(stderr, "myoview: writing the report to %s failed\n", o.report.c_str());
        return 2;
    }
    return 0;
}

}  // namespace myoview::app
