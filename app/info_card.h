#pragma once
// The info card of a selected structure: names in the chosen language, Latin, origin, insertion, action,
// innervation, the patient line, trigger points (with the caution), and live simulation values.

#include <string>

#include "myoview/anatomy/catalog.h"
#include "myoview/i18n/strings.h"
#include "myoview/sim/simulation.h"
#include "ui_map.h"

struct ImFont;

namespace myoview::app {

struct InfoCardActions {
    bool close = false;
    bool toggle_isolate = false;
};

// `length_vs_healthy`: the muscle's length over its healthy (neutral) length, when simulated. `languages` are the
// catalog's (the structure's own text); `tr` holds the card's words in the current language. The card's controls are
// recorded in `map` ("card", "card_language_<lang>", "card_isolate", "card_close").
InfoCardActions draw_info_card(const anatomy::Structure& structure, const sim::MuscleState* muscle,
                               double length_vs_healthy,
                               const std::vector<std::string>& languages, std::string& language,
                               const i18n::Strings& tr, bool isolated, float scale, ImFont* large_font,
                               UiMap& map);

}  // namespace myoview::app
