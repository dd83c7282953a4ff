#pragma once
// "This patient (model)": the measured numbers against the model's, the fit's limits, and the course the model
// predicts for weeks of release, stretching and strengthening, labelled as the model's prediction. A section of the
// controls window (Panels::draw), shown only when --patient-* started the session.

#include "myoview/i18n/strings.h"
#include "myoview/sim/simulation.h"

namespace myoview::app {

struct PatientStart;

void draw_patient_section(const PatientStart& patient, const sim::Snapshot& now, const i18n::Strings& tr);

}  // namespace myoview::app
