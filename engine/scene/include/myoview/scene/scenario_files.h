#pragma once
// Scenario files as the viewer uses them: the names a file may use (the simulation's presets, the catalog's ids,
// the languages and story captions of assets/i18n), the clinic story's path, and a caption's text.

#include <filesystem>
#include <string>

#include "myoview/anatomy/catalog.h"
#include "myoview/base/result.h"
#include "myoview/i18n/strings.h"
#include "myoview/scenario/scenario.h"

namespace myoview::scene {

// Presets from engine/sim, structure ids from `catalog` (none checked without one), languages and caption keys
// from the strings library.
scenario::Vocabulary vocabulary(const anatomy::Catalog* catalog, const i18n::Library& strings);

std::filesystem::path clinic_story_path();  // assets/scenarios/clinic-story.json

// The caption's words in the language of `tr`: its i18n key looked up, or its own text in that language, English,
// or the first it has.
std::string caption_text(const scenario::Caption& caption, const i18n::Strings& tr);

}  // namespace myoview::scene
