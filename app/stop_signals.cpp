#include "stop_signals.h"

#include <csignal>

namespace myoview::app {
namespace {

volatile std::sig_atomic_t g_received = 0;
struct sigaction g_previous_term {}, g_previous_int {};

extern "C" void on_stop_signal(int signal) {
    g_received = signal;
    // A second SIGTERM or SIGINT takes the default action (the process ends): the session gets one chance to stop
    // cleanly, a user or a service manager never has to wait on it. std::signal is async-signal-safe here.
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
}

}  // namespace

StopSignals::StopSignals() {
    g_received = 0;
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // a read or poll in a library is resumed; the loop looks at the flag each frame
    sigaction(SIGTERM, &action, &g_previous_term);
    sigaction(SIGINT, &action, &g_previous_int);
}

StopSignals::~StopSignals() {
    sigaction(SIGTERM, &g_previous_term, nullptr);
    sigaction(SIGINT, &g_previous_int, nullptr);
}

int StopSignals::received() { return g_received; }

const char* StopSignals::name() {
    switch (g_received) {
        case SIGTERM: return "SIGTERM";
        case SIGINT: return "SIGINT";
        default: return "";
    }
}

}  // namespace myoview::app
