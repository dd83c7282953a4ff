#pragma once
// Landmarks: what the mesh generator reads from the MJCF model at its rest pose (qpos0) — the world frame of
// every body and the world position of every site, in myoview's frame (metres, z up, x anterior, y left).
//
// Contract: bodies are in MJCF order (a parent before its children), the MuJoCo world body excluded; sites
// keep MJCF order. Lookups by name never iterate a hash map, so everything built from them is deterministic.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "myoview/base/result.h"

namespace myoview::meshgen {

struct BodyFrame {
    std::string name;
    int parent = -1;                                // index into Landmarks::bodies; -1: attached to the world
    glm::vec3 position{0.0f};                       // world position of the body frame at rest
    glm::quat orientation{1.0f, 0.0f, 0.0f, 0.0f};  // world orientation at rest (w, x, y, z)
};

struct Site {
    std::string name;
    int body = -1;             // index into Landmarks::bodies
    glm::vec3 position{0.0f};  // world position at rest
};

class Landmarks {
public:
    std::string source;  // file it was read from, or "builtin"
    std::vector<BodyFrame> bodies;
    std::vector<Site> sites;

    // Rebuilds the name indices; call after filling bodies / sites by hand.
    void index();

    const Site* find_site(std::string_view name) const;
    bool has_site(std::string_view name) const { return find_site(name) != nullptr; }
    // Position of a site; asserts that it exists (generator code checks required sites up front).
    glm::vec3 site(std::string_view name) const;
    int body_index(std::string_view name) const;  // -1 when absent
    const BodyFrame& body(std::string_view name) const;

    // The tendon path of a muscle: sites <id>_o, <id>_v1, <id>_v2 ... <id>_i in that order; empty when the
    // model has no origin or insertion site for it.
    std::vector<const Site*> muscle_path(std::string_view muscle_id) const;

private:
    std::map<std::string, std::size_t, std::less<>> site_by_name_;
    std::map<std::string, std::size_t, std::less<>> body_by_name_;
};

// Reads an MJCF file through MuJoCo (mj_loadXML, mj_makeData, mj_forward) and extracts its rest pose.
Result<Landmarks> load_mjcf_landmarks(const std::filesystem::path& mjcf_path);

// A hand-written landmark set of an adult (1.75 m, biacromial 0.40 m) with the contract's bodies and sites;
// used by tests of the geometry code and as a reference when the MJCF is incomplete.
Landmarks builtin_landmarks();

// Sites and bodies the generator needs; returns the names missing from `landmarks`.
std::vector<std::string> missing_required(const Landmarks& landmarks);

}  // namespace myoview::meshgen
