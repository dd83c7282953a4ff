// myoview_sim_report: the app's simulation flow without any window or GPU, for measurements and scripts.
//   myoview_sim_report [--preset NAME] [--release R] [--seconds S] [--model PATH]
// Prints report_json() (2-space indented) to stdout; exit code 1 with the error on stderr otherwise.

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "myoview/sim/simulation.h"

int main(int argc, char** argv) {
    std::string preset = "desk-worker";
    std::string model = myoview::sim::Simulation::default_model_path();
    double release = 0.0;
    double seconds = 30.0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view key = argv[i];
        const char* value = argv[i + 1];
        if (key == "--preset")
            preset = value;
        else if (key == "--release")
            release = std::atof(value);
        else if (key == "--seconds")
            seconds = std::atof(value);
        else if (key == "--model")
            model = value;
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        }
    }
    auto sim = myoview::sim::Simulation::load(model);
    if (!sim.has_value()) {
        std::fprintf(stderr, "%s\n", sim.error().full_text().c_str());
        return 1;
    }
    if (auto st = sim->set_preset(preset); !st.has_value()) {
        std::fprintf(stderr, "%s\n", st.error().full_text().c_str());
        return 1;
    }
    sim->set_release(release);
    sim->advance(seconds);
    std::cout << sim->report_json().dump(2) << "\n";
    return 0;
}
