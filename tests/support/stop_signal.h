#pragma once
// The promise every mode keeps for SIGTERM (a kiosk shut down by the system) and SIGINT (Ctrl-C): the run ends like
// Q, with exit code 0 (not a death by the signal, 143 / 130) and its --report written whole, saying which signal
// ended it (app/stop_signals.cpp). One check for the headless viewer, the window and --no-render; each test adds
// what its own mode's report must hold.

#include <signal.h>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "process.h"

namespace myoview::testing {

struct SignalledRun {
    std::string signal_name;  // "SIGTERM" or "SIGINT"
    ProcessResult result;
    std::string report_path;
    nlohmann::json report;  // the --report as written; null when absent or not JSON (a failure is recorded)
};

// Runs `argv` with `--report DIR/<signal>.json` added, waits until its stderr shows `ready` (the session is under
// way), sends `sig` and checks the promise above with non-fatal expectations.
inline SignalledRun end_with_signal(std::vector<std::string> argv, int sig, const std::string& ready,
                                    const std::string& dir, const ProcessOptions& options = {}) {
    SignalledRun run;
    run.signal_name = sig == SIGTERM ? "SIGTERM" : "SIGINT";
    const std::string& name = run.signal_name;
    run.report_path = dir + "/" + name + ".json";
    argv.insert(argv.end(), {"--report", run.report_path});
    BackgroundProcess process(argv, options);
    if (!process.wait_for_err(ready, 120.0)) {
        ADD_FAILURE() << name << ": \"" << ready << "\" never came\n" << process.err_so_far();
        return run;
    }
    EXPECT_EQ(::kill(process.pid(), sig), 0) << name;
    run.result = process.wait(60.0);
    EXPECT_FALSE(run.result.timed_out) << name << ": still running a minute after the signal";
    EXPECT_EQ(run.result.signal, 0) << name << ": the process must exit, not die of the signal";
    EXPECT_EQ(run.result.exit_code, 0) << name << ": " << run.result.err;
    std::ifstream in(run.report_path);
    if (in) run.report = nlohmann::json::parse(in, nullptr, false);
    if (!run.report.is_object()) {
        ADD_FAILURE() << name << ": no report, or not valid JSON";
        run.report = nullptr;
        return run;
    }
    EXPECT_EQ(run.report["ended_by"], name);
    return run;
}

}  // namespace myoview::testing
