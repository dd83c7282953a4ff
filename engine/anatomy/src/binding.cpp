#include <algorithm>
#include <set>
#include <string>

#include "myoview/anatomy/binding.h"

namespace myoview::anatomy {
namespace {

using IdSet = std::set<std::string, std::less<>>;

IdSet to_set(const std::vector<std::string>& ids) {
    return IdSet(ids.begin(), ids.end());
}

void sort_unique(std::vector<std::string>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

void describe_each(const std::vector<std::string>& ids, const std::string& prefix, const std::string& suffix,
                   std::vector<std::string>& lines) {
    for (const auto& id : ids) lines.push_back(prefix + "'" + id + "'" + suffix);
}

}  // namespace

bool BindingReport::ok() const {
    return mjcf_muscles_without_catalog.empty() && mjcf_muscles_not_catalog_muscles.empty() &&
           mjcf_muscles_without_mesh.empty() && catalog_muscles_without_mjcf.empty() &&
           catalog_meshes_missing.empty() && meshes_without_catalog.empty() && bodies_missing.empty();
}

std::vector<std::string> BindingReport::describe() const {
    std::vector<std::string> lines;
    describe_each(mjcf_muscles_without_catalog, "MJCF muscle ", " has no catalog entry", lines);
    describe_each(mjcf_muscles_not_catalog_muscles, "MJCF muscle ", " is not of kind 'muscle' in the catalog", lines);
    describe_each(mjcf_muscles_without_mesh, "MJCF muscle ", " has no mesh node", lines);
    describe_each(catalog_muscles_without_mjcf, "catalog muscle ", " is not simulated (no MJCF muscle)", lines);
    describe_each(catalog_meshes_missing, "catalog structure ", " has has_mesh=true but no mesh node", lines);
    describe_each(meshes_without_catalog, "mesh node ", " has no catalog entry", lines);
    for (const auto& entry : bodies_missing) lines.push_back("catalog " + entry + " is not an MJCF body");
    return lines;
}

BindingReport bind(const Catalog& catalog, const MjcfIds& mjcf, const std::vector<std::string>& mesh_nodes) {
    BindingReport report;
    const IdSet muscles = to_set(mjcf.muscles);
    const IdSet bodies = to_set(mjcf.bodies);
    const IdSet meshes = to_set(mesh_nodes);

    for (const auto& id : muscles) {
        const Structure* s = catalog.find(id);
        if (s == nullptr)
            report.mjcf_muscles_without_catalog.push_back(id);
        else if (s->kind != Kind::kMuscle)
            report.mjcf_muscles_not_catalog_muscles.push_back(id);
        if (!meshes.contains(id)) report.mjcf_muscles_without_mesh.push_back(id);
    }
    for (const auto& s : catalog) {
        if (s.kind == Kind::kMuscle && !muscles.contains(s.id)) report.catalog_muscles_without_mjcf.push_back(s.id);
        if (s.has_mesh && !meshes.contains(s.id)) report.catalog_meshes_missing.push_back(s.id);
        if (!s.body.empty() && !bodies.contains(s.body)) {
            report.bodies_missing.push_back("structure '" + s.id + "': body '" + s.body + "'");
        }
        for (const auto& span : s.spans) {
            if (!bodies.contains(span)) {
                report.bodies_missing.push_back("structure '" + s.id + "': span body '" + span + "'");
            }
        }
    }
    for (const auto& node : meshes) {
        if (catalog.find(node) == nullptr) report.meshes_without_catalog.push_back(node);
    }

    for (auto* list : {&report.mjcf_muscles_without_catalog, &report.mjcf_muscles_not_catalog_muscles,
                       &report.mjcf_muscles_without_mesh, &report.catalog_muscles_without_mjcf,
                       &report.catalog_meshes_missing, &report.meshes_without_catalog, &report.bodies_missing}) {
        sort_unique(*list);
    }
    return report;
}

}  // namespace myoview::anatomy
