#pragma once
// The anatomy catalog: one Structure per id of the id contract (assets/anatomy/README.md), loaded from
// assets/anatomy/catalog.json.
//
// Contract: Catalog::load never throws and never aborts on a bad file; it returns an Error whose message names the
// file, the structure id (or its index when the id itself is bad) and the field at fault, with every problem found
// listed in Error::details. A Catalog that loaded is valid: ids are unique lowercase snake_case, kind / side / layer
// come from the allowed sets, the side agrees with the id's _r / _l suffix, every structure has a name in every
// declared language, and every muscle has origin, insertion, action and innervation in every declared language.
// Referral zones (optional) have unique ids and at least one spot each, every spot an MJCF body, a finite point and a
// positive radius.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

#include "myoview/base/result.h"

namespace myoview::anatomy {

enum class Kind { kBone, kMuscle, kSkin };
enum class Side { kLeft, kRight, kMidline };
enum class Layer { kSkin, kSuperficial, kDeep, kBone };

// The catalog's spelling of each value ("bone", "left", "superficial", ...).
std::string_view to_string(Kind kind);
std::string_view to_string(Side side);
std::string_view to_string(Layer layer);

// Text keyed by language code ("en", "es", ...). English is the fallback language and is always declared.
using LocalizedText = std::map<std::string, std::string, std::less<>>;

inline constexpr std::string_view kFallbackLanguage = "en";

// The text in `language`, else the English text, else an empty view.
std::string_view localized(const LocalizedText& text, std::string_view language);

struct TriggerPoint {
    LocalizedText location;  // where the point lies
    LocalizedText referral;  // where it refers pain (Travell & Simons)
};

struct Structure {
    std::string id;
    Kind kind = Kind::kMuscle;
    Side side = Side::kMidline;
    Layer layer = Layer::kSuperficial;
    std::string body;                // bones: the MJCF body that moves the bone; empty for others
    std::vector<std::string> spans;  // muscles: MJCF bodies of origin then insertion (may be empty)
    std::string group;               // region for grouping in the UI: "chest", "upper back", "neck", ...
    LocalizedText names;
    std::string latin;     // Terminologia Anatomica
    LocalizedText origin;  // muscles; empty for bones and skin
    LocalizedText insertion;
    LocalizedText action;
    LocalizedText innervation;   // nerve and root levels
    LocalizedText patient_line;  // one plain-language sentence for patients
    LocalizedText caution;       // a safety note the UI must show with the trigger points (may be empty)
    LocalizedText notes;         // a remark for students (may be empty)
    std::vector<TriggerPoint> trigger_points;
    std::vector<std::string> sources;  // full citations (catalog keys already resolved)
    bool has_mesh = true;              // a mesh node with this id is expected in the model

    // Display name in `language`, falling back to English, then to the id.
    std::string_view name(std::string_view language) const;
};

// One spot of a referred-pain zone: a point on the body outline (the `skin` mesh) in the rest pose, world metres,
// on the right side (the left side mirrors y and uses the `_l` body), carried by MJCF body `body`.
struct ReferralSpot {
    std::string body;  // e.g. "humerus_r", "thorax"
    glm::vec3 point{0.0f};
    float radius = 0.0f;  // metres
};

// Where a trigger point may refer pain (Travell & Simons' referral maps), as the catalog places it on the body.
// `id` is the one engine/sim's trigger points name (sim::TriggerPointState::referral_zone), e.g. "referral.breast".
struct ReferralZone {
    std::string id;
    std::vector<ReferralSpot> spots;
    std::vector<std::string> sources;  // full citations
};

class Catalog {
  public:
    // Reads and validates a catalog file. Errors: file missing or unreadable, invalid JSON (with line and column),
    // schema problems (naming the id and the field).
    static Result<Catalog> load(const std::filesystem::path& path);

    // Validates catalog JSON text; `source_name` prefixes error messages (a path, or "<memory>").
    static Result<Catalog> parse(std::string_view json_text, std::string_view source_name = "<memory>");

    // nullptr when no structure has this id.
    const Structure* find(std::string_view id) const;

    const std::vector<Structure>& structures() const { return structures_; }
    std::vector<Structure>::const_iterator begin() const { return structures_.begin(); }
    std::vector<Structure>::const_iterator end() const { return structures_.end(); }
    std::size_t size() const { return structures_.size(); }

    // The referred-pain zones, in the catalog's order; find_zone: nullptr when no zone has this id.
    const std::vector<ReferralZone>& referral_zones() const { return referral_zones_; }
    const ReferralZone* find_zone(std::string_view id) const;

    int schema_version() const { return schema_version_; }
    // Declared languages, in the catalog's order; always contains "en".
    const std::vector<std::string>& languages() const { return languages_; }

  private:
    int schema_version_ = 0;
    std::vector<std::string> languages_;
    std::vector<Structure> structures_;
    std::vector<ReferralZone> referral_zones_;
    std::map<std::string, std::size_t, std::less<>> index_;  // id -> position in structures_
};

// The highest schema_version this code reads.
inline constexpr int kCatalogSchemaVersion = 1;

// Shipped asset locations (under paths::asset_dir(), myoview/base/paths.h).
std::filesystem::path default_catalog_path();  // assets/anatomy/catalog.json
std::filesystem::path default_mjcf_path();     // assets/anatomy/myoview.xml

}  // namespace myoview::anatomy
