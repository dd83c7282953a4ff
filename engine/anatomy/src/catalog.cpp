#include "myoview/anatomy/catalog.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include <nlohmann/json.hpp>

#include "myoview/base/paths.h"

namespace myoview::anatomy {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxCatalogBytes = 64u * 1024u * 1024u;  // far above any real catalog; refuses junk files

bool is_snake_case(std::string_view id) {
    if (id.empty() || id.front() < 'a' || id.front() > 'z' || id.back() == '_') return false;
    char previous = '\0';
    for (char c : id) {
        const bool lower = c >= 'a' && c <= 'z';
        const bool digit = c >= '0' && c <= '9';
        if (!lower && !digit && c != '_') return false;
        if (c == '_' && previous == '_') return false;
        previous = c;
    }
    return true;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Collects every problem of one catalog so that a user fixes them in one pass.
class Problems {
  public:
    void add(std::string text) { list_.push_back(std::move(text)); }
    bool empty() const { return list_.empty(); }
    const std::vector<std::string>& list() const { return list_; }

  private:
    std::vector<std::string> list_;
};

// Validates the fields of one structure object. `where` is "structure 'id'" or "structure #n" for messages.
class StructureReader {
  public:
    StructureReader(const json& object, std::string where, const std::vector<std::string>& languages,
                    const std::map<std::string, std::string, std::less<>>& source_keys, Problems& problems)
        : object_(object),
          where_(std::move(where)),
          languages_(languages),
          source_keys_(source_keys),
          problems_(problems) {}

    void fail(std::string_view field, std::string_view why) {
        problems_.add(where_ + ": field '" + std::string(field) + "' " + std::string(why));
    }

    // A required or optional non-empty string field.
    std::string string_field(std::string_view field, bool required) {
        const auto it = object_.find(field);
        if (it == object_.end()) {
            if (required) fail(field, "is missing");
            return {};
        }
        if (!it->is_string()) {
            fail(field, "must be a string");
            return {};
        }
        std::string value = it->get<std::string>();
        if (required && value.empty()) fail(field, "is empty");
        return value;
    }

    // Text per language: an object keyed by language code, or a plain string taken as English. With `required`,
    // every declared language must be present and non-empty.
    LocalizedText text_field(std::string_view field, bool required) {
        LocalizedText text;
        const auto it = object_.find(field);
        if (it == object_.end()) {
            if (required) fail(field, "is missing");
            return text;
        }
        read_text(*it, field, required, text);
        return text;
    }

    void read_text(const json& value, std::string_view field, bool required, LocalizedText& text) {
        if (value.is_string()) {
            text.emplace(std::string(kFallbackLanguage), value.get<std::string>());
        } else if (value.is_object()) {
            for (const auto& [language, entry] : value.items()) {
                if (!entry.is_string()) {
                    fail(field, "has a non-string value for language '" + language + "'");
                    continue;
                }
                text.emplace(language, entry.get<std::string>());
            }
        } else {
            fail(field, "must be an object keyed by language code");
            return;
        }
        if (!required) return;
        for (const auto& language : languages_) {
            const auto found = text.find(language);
            if (found == text.end()) {
                fail(field, "has no text for language '" + language + "'");
            } else if (found->second.empty()) {
                fail(field, "has empty text for language '" + language + "'");
            }
        }
    }

    std::vector<std::string> string_list(std::string_view field) {
        std::vector<std::string> values;
        const auto it = object_.find(field);
        if (it == object_.end()) return values;
        if (!it->is_array()) {
            fail(field, "must be an array of strings");
            return values;
        }
        for (const auto& entry : *it) {
            if (!entry.is_string() || entry.get_ref<const std::string&>().empty()) {
                fail(field, "must contain only non-empty strings");
                continue;
            }
            values.push_back(entry.get<std::string>());
        }
        return values;
    }

    // Source keys resolve to the catalog's top-level citations; any other string is taken as a citation itself.
    std::vector<std::string> sources() {
        std::vector<std::string> resolved;
        for (auto& source : string_list("sources")) {
            const auto it = source_keys_.find(source);
            resolved.push_back(it != source_keys_.end() ? it->second : std::move(source));
        }
        return resolved;
    }

    std::vector<TriggerPoint> trigger_points() {
        std::vector<TriggerPoint> points;
        const auto it = object_.find("trigger_points");
        if (it == object_.end()) return points;
        if (!it->is_array()) {
            fail("trigger_points", "must be an array");
            return points;
        }
        for (const auto& entry : *it) {
            if (!entry.is_object()) {
                fail("trigger_points", "must contain only objects");
                continue;
            }
            TriggerPoint point;
            for (const auto* key : {"location", "referral"}) {
                const auto field = entry.find(key);
                LocalizedText& target = std::string_view(key) == "location" ? point.location : point.referral;
                if (field == entry.end()) {
                    fail("trigger_points", std::string("has an entry without '") + key + "'");
                } else {
                    read_text(*field, std::string("trigger_points.") + key, true, target);
                }
            }
            points.push_back(std::move(point));
        }
        return points;
    }

    bool has_mesh() {
        const auto it = object_.find("has_mesh");
        if (it == object_.end()) return true;
        if (!it->is_boolean()) {
            fail("has_mesh", "must be true or false");
            return true;
        }
        return it->get<bool>();
    }

  private:
    const json& object_;
    std::string where_;
    const std::vector<std::string>& languages_;
    const std::map<std::string, std::string, std::less<>>& source_keys_;
    Problems& problems_;
};

template <typename Enum, std::size_t N>
bool parse_enum(std::string_view text, const std::pair<std::string_view, Enum> (&table)[N], Enum& out) {
    for (const auto& [name, value] : table) {
        if (name == text) {
            out = value;
            return true;
        }
    }
    return false;
}

constexpr std::pair<std::string_view, Kind> kKinds[] = {
    {"bone", Kind::kBone}, {"muscle", Kind::kMuscle}, {"skin", Kind::kSkin}};
constexpr std::pair<std::string_view, Side> kSides[] = {
    {"left", Side::kLeft}, {"right", Side::kRight}, {"midline", Side::kMidline}};
constexpr std::pair<std::string_view, Layer> kLayers[] = {
    {"skin", Layer::kSkin}, {"superficial", Layer::kSuperficial}, {"deep", Layer::kDeep}, {"bone", Layer::kBone}};

template <std::size_t N, typename Enum>
std::string allowed_list(const std::pair<std::string_view, Enum> (&table)[N]) {
    std::string text;
    for (const auto& entry : table) {
        if (!text.empty()) text += ", ";
        text += entry.first;
    }
    return text;
}

template <typename Enum, std::size_t N>
void read_enum(StructureReader& reader, std::string_view field, const std::pair<std::string_view, Enum> (&table)[N],
               Enum& out) {
    const std::string text = reader.string_field(field, true);
    if (text.empty()) return;
    if (!parse_enum(text, table, out)) {
        reader.fail(field, "is '" + text + "'; allowed: " + allowed_list(table));
    }
}

Structure read_structure(const json& object, std::size_t index, const std::vector<std::string>& languages,
                         const std::map<std::string, std::string, std::less<>>& source_keys, Problems& problems) {
    Structure s;
    const auto id_it = object.find("id");
    std::string where = "structure #" + std::to_string(index);
    if (id_it != object.end() && id_it->is_string() && !id_it->get_ref<const std::string&>().empty()) {
        where = "structure '" + id_it->get<std::string>() + "'";
    }
    StructureReader reader(object, where, languages, source_keys, problems);

    s.id = reader.string_field("id", true);
    if (!s.id.empty() && !is_snake_case(s.id)) {
        reader.fail("id", "must be lowercase snake_case (a-z, 0-9, single underscores)");
    }
    read_enum(reader, "kind", kKinds, s.kind);
    read_enum(reader, "side", kSides, s.side);
    read_enum(reader, "layer", kLayers, s.layer);

    // The side suffix is part of the id contract: _r right, _l left, none midline.
    const bool has_side = object.contains("side") && object["side"].is_string() &&
                          parse_enum(object["side"].get<std::string>(), kSides, s.side);
    if (!s.id.empty() && has_side) {
        const bool right = ends_with(s.id, "_r");
        const bool left = ends_with(s.id, "_l");
        if (s.side == Side::kRight && !right) reader.fail("side", "is 'right' but the id does not end in '_r'");
        if (s.side == Side::kLeft && !left) reader.fail("side", "is 'left' but the id does not end in '_l'");
        if (s.side == Side::kMidline && (right || left)) {
            reader.fail("side", "is 'midline' but the id ends in a side suffix ('_r' / '_l')");
        }
    }

    const bool muscle = object.contains("kind") && object["kind"] == "muscle";
    const bool bone = object.contains("kind") && object["kind"] == "bone";
    const bool skin = object.contains("kind") && object["kind"] == "skin";
    const bool has_layer = object.contains("layer") && object["layer"].is_string() &&
                           parse_enum(object["layer"].get<std::string>(), kLayers, s.layer);
    if (has_layer) {
        if (bone && s.layer != Layer::kBone) reader.fail("layer", "must be 'bone' for a bone");
        if (skin && s.layer != Layer::kSkin) reader.fail("layer", "must be 'skin' for the skin");
        if (muscle && s.layer != Layer::kSuperficial && s.layer != Layer::kDeep) {
            reader.fail("layer", "must be 'superficial' or 'deep' for a muscle");
        }
    }

    s.body = reader.string_field("body", bone);
    s.spans = reader.string_list("spans");
    s.group = reader.string_field("group", false);
    s.names = reader.text_field("name", true);
    s.latin = reader.string_field("latin", false);
    s.origin = reader.text_field("origin", muscle);
    s.insertion = reader.text_field("insertion", muscle);
    s.action = reader.text_field("action", muscle);
    s.innervation = reader.text_field("innervation", muscle);
    s.patient_line = reader.text_field("patient_line", false);
    s.caution = reader.text_field("caution", false);
    s.notes = reader.text_field("notes", false);
    s.trigger_points = reader.trigger_points();
    s.sources = reader.sources();
    s.has_mesh = reader.has_mesh();
    return s;
}

// The top-level 'referral_zones' array (optional): problems are worded "referral zone 'id'" or "#n".
std::vector<ReferralZone> read_referral_zones(const json& array,
                                             const std::map<std::string, std::string, std::less<>>& source_keys,
                                             Problems& problems) {
    std::vector<ReferralZone> zones;
    if (!array.is_array()) {
        problems.add("field 'referral_zones' must be an array");
        return zones;
    }
    std::set<std::string, std::less<>> ids;
    std::size_t index = 0;
    for (const auto& object : array) {
        std::string where = "referral zone #" + std::to_string(index++);
        if (!object.is_object()) {
            problems.add(where + " is not an object");
            continue;
        }
        ReferralZone zone;
        const auto id = object.find("id");
        if (id == object.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
            problems.add(where + ": field 'id' must be a non-empty string");
        } else {
            zone.id = id->get<std::string>();
            where = "referral zone '" + zone.id + "'";
            if (!ids.insert(zone.id).second) problems.add(where + ": field 'id' is a duplicate");
        }
        if (const auto sources = object.find("sources"); sources != object.end()) {
            if (!sources->is_array()) {
                problems.add(where + ": field 'sources' must be an array of strings");
            } else {
                for (const auto& source : *sources) {
                    if (!source.is_string()) {
                        problems.add(where + ": field 'sources' must contain only strings");
                        continue;
                    }
                    const auto it = source_keys.find(source.get_ref<const std::string&>());
                    zone.sources.push_back(it != source_keys.end() ? it->second : source.get<std::string>());
                }
            }
        }
        const auto spots = object.find("spots");
        if (spots == object.end() || !spots->is_array() || spots->empty()) {
            problems.add(where + ": field 'spots' must be a non-empty array");
        } else {
            for (const auto& entry : *spots) {
                ReferralSpot spot;
                const auto body = entry.is_object() ? entry.find("body") : entry.end();
                const auto point = entry.is_object() ? entry.find("point") : entry.end();
                const auto radius = entry.is_object() ? entry.find("radius") : entry.end();
                bool ok = entry.is_object();
                if (ok && (body == entry.end() || !body->is_string() || body->get_ref<const std::string&>().empty())) {
                    problems.add(where + ": a spot's 'body' must be an MJCF body name");
                    ok = false;
                }
                if (ok && (point == entry.end() || !point->is_array() || point->size() != 3 ||
                           !std::all_of(point->begin(), point->end(), [](const json& v) {
                               return v.is_number() && std::isfinite(v.get<double>());
                           }))) {
                    problems.add(where + ": a spot's 'point' must be three numbers (x, y, z in metres)");
                    ok = false;
                }
                if (ok && (radius == entry.end() || !radius->is_number() || !(radius->get<double>() > 0.0) ||
                           !std::isfinite(radius->get<double>()))) {
                    problems.add(where + ": a spot's 'radius' must be a positive number (metres)");
                    ok = false;
                }
                if (!entry.is_object()) problems.add(where + ": every spot must be an object");
                if (!ok) continue;
                spot.body = body->get<std::string>();
                spot.point = glm::vec3(static_cast<float>((*point)[0].get<double>()),
                                       static_cast<float>((*point)[1].get<double>()),
                                       static_cast<float>((*point)[2].get<double>()));
                spot.radius = static_cast<float>(radius->get<double>());
                zone.spots.push_back(std::move(spot));
            }
        }
        zones.push_back(std::move(zone));
    }
    return zones;
}

Result<Catalog> fail_with(std::string_view source_name, const Problems& problems) {
    std::string message = "catalog " + std::string(source_name) + ": " + problems.list().front();
    if (problems.list().size() > 1) {
        message += " (and " + std::to_string(problems.list().size() - 1) + " more problem(s))";
    }
    Error error(std::move(message), std::make_error_code(std::errc::invalid_argument));
    error.details = problems.list();
    return error;
}

}  // namespace

std::string_view to_string(Kind kind) {
    for (const auto& [name, value] : kKinds) {
        if (value == kind) return name;
    }
    return "unknown";
}

std::string_view to_string(Side side) {
    for (const auto& [name, value] : kSides) {
        if (value == side) return name;
    }
    return "unknown";
}

std::string_view to_string(Layer layer) {
    for (const auto& [name, value] : kLayers) {
        if (value == layer) return name;
    }
    return "unknown";
}

std::string_view localized(const LocalizedText& text, std::string_view language) {
    if (auto it = text.find(language); it != text.end() && !it->second.empty()) return it->second;
    if (auto it = text.find(kFallbackLanguage); it != text.end()) return it->second;
    return {};
}

std::string_view Structure::name(std::string_view language) const {
    const std::string_view text = localized(names, language);
    return text.empty() ? std::string_view(id) : text;
}

Result<Catalog> Catalog::load(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        return Error("catalog file not found: " + path.string(),
                     std::make_error_code(std::errc::no_such_file_or_directory));
    }
    if (!std::filesystem::is_regular_file(path, ec)) {
        return Error("catalog path is not a regular file: " + path.string(),
                     std::make_error_code(std::errc::invalid_argument));
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxCatalogBytes) {
        return Error("catalog file is unreadable or too large: " + path.string(),
                     ec ? ec : std::make_error_code(std::errc::file_too_large));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return Error("cannot open catalog file: " + path.string(), std::make_error_code(std::errc::permission_denied));
    }
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.gcount() != static_cast<std::streamsize>(text.size())) {
        return Error("cannot read catalog file: " + path.string(), std::make_error_code(std::errc::io_error));
    }
    return parse(text, path.string());
}

Result<Catalog> Catalog::parse(std::string_view json_text, std::string_view source_name) {
    json root;
    try {
        root = json::parse(json_text.begin(), json_text.end());
    } catch (const json::parse_error& e) {
        return Error("catalog " + std::string(source_name) + " is not valid JSON: " + e.what(),
                     std::make_error_code(std::errc::invalid_argument));
    }

    Problems problems;
    Catalog catalog;
    // A backstop: every access below checks types first, but a bad file must never escape as an exception.
    try {
        if (!root.is_object()) {
            problems.add("the top level must be an object with 'schema_version', 'languages' and 'structures'");
            return fail_with(source_name, problems);
        }

        const auto version = root.find("schema_version");
        if (version == root.end() || !version->is_number_integer()) {
            problems.add("field 'schema_version' is missing or not an integer");
        } else if (version->get<int>() < 1 || version->get<int>() > kCatalogSchemaVersion) {
            problems.add("field 'schema_version' is " + version->dump() + "; this build reads 1 to " +
                         std::to_string(kCatalogSchemaVersion));
        } else {
            catalog.schema_version_ = version->get<int>();
        }

        const auto languages = root.find("languages");
        if (languages == root.end() || !languages->is_array() || languages->empty()) {
            problems.add("field 'languages' must be a non-empty array of language codes");
        } else {
            for (const auto& language : *languages) {
                if (!language.is_string() || language.get_ref<const std::string&>().empty()) {
                    problems.add("field 'languages' must contain only non-empty strings");
                    continue;
                }
                catalog.languages_.push_back(language.get<std::string>());
            }
            bool has_fallback = false;
            for (const auto& language : catalog.languages_) has_fallback |= language == kFallbackLanguage;
            if (!has_fallback) problems.add("field 'languages' must include \"en\", the fallback language");
        }

        std::map<std::string, std::string, std::less<>> source_keys;
        if (const auto sources = root.find("sources"); sources != root.end()) {
            if (!sources->is_object()) {
                problems.add("field 'sources' must be an object mapping a key to a citation");
            } else {
                for (const auto& [key, citation] : sources->items()) {
                    if (citation.is_string())
                        source_keys.emplace(key, citation.get<std::string>());
                    else
                        problems.add("field 'sources': citation '" + key + "' must be a string");
                }
            }
        }

        const auto structures = root.find("structures");
        if (structures == root.end() || !structures->is_array()) {
            problems.add("field 'structures' is missing or not an array");
            return fail_with(source_name, problems);
        }
        std::size_t index = 0;
        for (const auto& object : *structures) {
            if (!object.is_object()) {
                problems.add("structure #" + std::to_string(index) + " is not an object");
                ++index;
                continue;
            }
            Structure s = read_structure(object, index, catalog.languages_, source_keys, problems);
            if (!s.id.empty()) {
                const auto [it, inserted] = catalog.index_.emplace(s.id, catalog.structures_.size());
                if (!inserted) {
                    problems.add("structure '" + s.id + "': field 'id' is a duplicate (first at structure #" +
                                 std::to_string(it->second) + ")");
                }
            }
            catalog.structures_.push_back(std::move(s));
            ++index;
        }
        if (const auto zones = root.find("referral_zones"); zones != root.end()) {
            catalog.referral_zones_ = read_referral_zones(*zones, source_keys, problems);
        }
    } catch (const json::exception& e) {
        problems.add(std::string("unexpected JSON structure: ") + e.what());
    }

    if (!problems.empty()) return fail_with(source_name, problems);
    return catalog;
}

const Structure* Catalog::find(std::string_view id) const {
    const auto it = index_.find(id);
    return it == index_.end() ? nullptr : &structures_[it->second];
}

const ReferralZone* Catalog::find_zone(std::string_view id) const {
    for (const ReferralZone& zone : referral_zones_) {
        if (zone.id == id) return &zone;
    }
    return nullptr;
}

std::filesystem::path default_catalog_path() {
    return paths::asset_path("anatomy/catalog.json");
}

std::filesystem::path default_mjcf_path() {
    return paths::asset_path("anatomy/myoview.xml");
}

}  // namespace myoview::anatomy
