#include "myoview/anatomy/structure_list.h"

#include <set>

namespace myoview::anatomy {
namespace {

using nlohmann::json;

// Always an object, even when empty, so that consumers see one type per field.
json text_json(const LocalizedText& text) {
    json object = json::object();
    for (const auto& [language, value] : text) object[language] = value;
    return object;
}

}  // namespace

json list_structures_json(const Catalog& catalog, const std::vector<std::string>& mjcf_muscles,
                          const std::vector<std::string>& mesh_nodes) {
    const std::set<std::string, std::less<>> muscles(mjcf_muscles.begin(), mjcf_muscles.end());
    const std::set<std::string, std::less<>> meshes(mesh_nodes.begin(), mesh_nodes.end());

    json list = json::array();
    for (const auto& s : catalog) {
        json entry = json::object();
        entry["id"] = s.id;
        entry["kind"] = to_string(s.kind);
        entry["side"] = to_string(s.side);
        entry["layer"] = to_string(s.layer);
        entry["group"] = s.group;
        entry["body"] = s.body;
        entry["spans"] = s.spans;
        entry["name"] = text_json(s.names);
        entry["latin"] = s.latin;
        entry["origin"] = text_json(s.origin);
        entry["insertion"] = text_json(s.insertion);
        entry["action"] = text_json(s.action);
        entry["innervation"] = text_json(s.innervation);
        entry["patient_line"] = text_json(s.patient_line);
        if (!s.notes.empty()) entry["notes"] = text_json(s.notes);
        if (!s.trigger_points.empty()) {
            json points = json::array();
            for (const auto& point : s.trigger_points) {
                points.push_back({{"location", text_json(point.location)}, {"referral", text_json(point.referral)}});
            }
            entry["trigger_points"] = std::move(points);
        }
        if (!s.caution.empty()) entry["caution"] = text_json(s.caution);
        entry["has_mesh"] = meshes.contains(s.id);
        entry["has_muscle"] = muscles.contains(s.id);
        entry["sources"] = s.sources;
        list.push_back(std::move(entry));
    }
    return list;
}

}  // namespace myoview::anatomy
