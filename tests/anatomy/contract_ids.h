#pragma once
// The id contract, written out for tests: the structures of tools/bake/structures.tsv (one BodyParts3D part each)
// and the MJCF bodies that carry them. contract_test.cpp checks the muscle and body lists against
// assets/anatomy/README.md and structures_tsv_test.cpp checks the structure ids against tools/bake/structures.tsv,
// so this copy cannot drift silently.

#include <string>
#include <vector>

namespace myoview::anatomy::test {

inline const std::vector<std::string> kContractBodies = {"thorax",    "neck",      "head",      "clavicle_r",
                                                         "scapula_r", "humerus_r", "forearm_r", "clavicle_l",
                                                         "scapula_l", "humerus_l", "forearm_l"};

struct ContractBone {
    std::string id;              // midline id, or the base of a paired id (<id>_r, <id>_l)
    std::string body;            // MJCF body, or its base when body_has_side
    bool body_has_side = false;  // the body is <body>_r / <body>_l, on the bone's side
};

inline std::vector<ContractBone> contract_midline_bones() {
    std::vector<ContractBone> bones = {{"manubrium", "thorax"}, {"sternum_body", "thorax"},
                                       {"xiphoid_process", "thorax"}};
    for (int n = 1; n <= 7; ++n) bones.push_back({"vertebra_c" + std::to_string(n), "neck"});
    for (int n = 1; n <= 12; ++n) bones.push_back({"vertebra_t" + std::to_string(n), "thorax"});
    for (const char* id : {"frontal_bone", "occipital_bone", "sphenoid_bone", "ethmoid_bone", "mandible"}) {
        bones.push_back({id, "head"});
    }
    bones.push_back({"hyoid", "neck"});
    return bones;
}

inline std::vector<ContractBone> contract_paired_bones() {
    std::vector<ContractBone> bones;
    for (int n = 1; n <= 12; ++n) bones.push_back({"rib_" + std::to_string(n), "thorax"});
    for (int n = 1; n <= 10; ++n) bones.push_back({"costal_cartilage_" + std::to_string(n), "thorax"});
    for (const char* id : {"parietal_bone", "temporal_bone", "maxilla", "zygomatic_bone", "nasal_bone"}) {
        bones.push_back({id, "head"});
    }
    for (const char* id : {"clavicle", "scapula", "humerus"}) bones.push_back({id, id, true});
    bones.push_back({"radius", "forearm", true});
    bones.push_back({"ulna", "forearm", true});
    return bones;
}

// Base ids; each exists as <id>_r and <id>_l.
inline const std::vector<std::string> kContractMuscles = {
    "pec_major_clavicular", "pec_major_sternal", "pec_major_costal",    "pec_minor",
    "rhomboid_major",       "rhomboid_minor",    "trapezius_upper",     "trapezius_middle",
    "trapezius_lower",      "deltoid_anterior",  "deltoid_middle",      "deltoid_posterior",
    "levator_scapulae",     "serratus_anterior", "sternocleidomastoid", "splenius_capitis",
    "splenius_cervicis",    "supraspinatus",     "infraspinatus",       "teres_minor",
    "teres_major",          "subscapularis",     "latissimus_dorsi",    "subclavius"};

inline constexpr std::size_t kContractBoneCount = 92;
inline constexpr std::size_t kContractMusclesPerSide = 24;

inline std::vector<std::string> contract_muscle_ids() {
    std::vector<std::string> ids;
    for (const auto& base : kContractMuscles) {
        ids.push_back(base + "_r");
        ids.push_back(base + "_l");
    }
    return ids;
}

inline std::vector<std::string> contract_bone_ids() {
    std::vector<std::string> ids;
    for (const auto& bone : contract_midline_bones()) ids.push_back(bone.id);
    for (const auto& bone : contract_paired_bones()) {
        ids.push_back(bone.id + "_r");
        ids.push_back(bone.id + "_l");
    }
    return ids;
}

// The MJCF body that carries bone `id`; empty when `id` is not a contract bone.
inline std::string contract_bone_body(const std::string& id) {
    for (const auto& bone : contract_midline_bones()) {
        if (bone.id == id) return bone.body;
    }
    for (const auto& bone : contract_paired_bones()) {
        for (const char* suffix : {"_r", "_l"}) {
            if (bone.id + suffix == id) return bone.body_has_side ? bone.body + suffix : bone.body;
        }
    }
    return {};
}

// Every structure id of the contract: bones, muscles, skin.
inline std::vector<std::string> contract_structure_ids() {
    std::vector<std::string> ids = contract_bone_ids();
    for (auto& id : contract_muscle_ids()) ids.push_back(std::move(id));
    ids.push_back("skin");
    return ids;
}

inline std::string source_path(const std::string& relative) {
    return std::string(MYOVIEW_SOURCE_DIR) + "/" + relative;
}

}  // namespace myoview::anatomy::test
