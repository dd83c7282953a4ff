#include "myoview/scene/scenario_files.h"

#include "myoview/base/paths.h"
#include "myoview/sim/patient_fit.h"
#include "myoview/sim/tissue.h"

namespace myoview::scene {

scenario::Vocabulary vocabulary(const anatomy::Catalog* catalog, const i18n::Library& strings) {
    scenario::Vocabulary v;
    for (const sim::Preset& p : sim::presets()) v.presets.emplace_back(p.name);
    // A saved patient scene (--patient-*): its tissue blob carries the fitted profile (Scene::restart_player).
    v.presets.emplace_back(sim::kPatientProfileName);
    v.languages = strings.languages();
    if (catalog) {
        for (const anatomy::Structure& s : catalog->structures()) v.structure_ids.push_back(s.id);
    }
    for (const auto& [key, text] : strings.get("en").entries()) {
        if (key.rfind("story.", 0) == 0) v.caption_keys.push_back(key);
    }
    return v;
}

std::filesystem::path clinic_story_path() {
    return paths::asset_path("scenarios/clinic-story.json");
}

std::string caption_text(const scenario::Caption& caption, const i18n::Strings& tr) {
    if (!caption.key.empty()) return tr(caption.key);
    if (auto it = caption.text.find(tr.language()); it != caption.text.end()) return it->second;
    if (auto it = caption.text.find("en"); it != caption.text.end()) return it->second;
    return caption.text.empty() ? std::string() : caption.text.begin()->second;
}

}  // namespace myoview::scene
