#pragma once
#include "options.h"

namespace myoview::app {

// Opens the window (or renders headless) and runs until closed or --frames is reached. Returns the exit code.
int run_viewer(const Options& options);

}  // namespace myoview::app
