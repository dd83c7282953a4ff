#pragma once
// SIGTERM (a kiosk shut down by the system) and SIGINT (Ctrl-C) end a session the way Q does: the loop finishes its
// frame, the GPU is drained, the report is written and the process exits 0. The handler only records which signal
// came (async-signal-safe) and restores the default actions, so a second signal ends a process stuck elsewhere at
// once, as it would without us.

namespace myoview::app {

class StopSignals {
public:
    StopSignals();   // installs the handlers for SIGTERM and SIGINT
    ~StopSignals();  // restores the previous ones
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    // The signal received (SIGTERM or SIGINT), or 0.
    static int received();
    // "SIGTERM", "SIGINT" or "" (for the report and the log).
    static const char* name();
};

}  // namespace myoview::app
