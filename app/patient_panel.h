#pragma once
// "This patient (model)": the measured numbers against the model's, the fit's limits, and the course the model
// predicts for weeks of release, stretching and strengthening, labelled as the model's prediction. A section of the
// controls window (Panels::draw), shown only when --patient-* started the session.

#include "myoview/i18n/strings.h"
#include "myoview/sim/simulation.h"

namespace myoview::app {

struct PatientStart;
class UiMap;

// `show_healthy` is the ghost layer: here it is worded for the patient ("Show a healthy posture (outline)"), the
// ghost being the healthy posture in a patient's session.
void draw_patient_section(const PatientStart& patient, const sim::Snapshot& now, const i18n::Strings& tr,
                          bool& show_healthy, UiMap& map);

}  // namespace myoview::app
