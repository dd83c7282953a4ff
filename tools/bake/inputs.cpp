#include "inputs.h"

#include <array>
#include <cmath>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include <openssl/evp.h>
#include <nlohmann/json.hpp>

namespace myoview::bake {

namespace {

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, sep)) out.push_back(cell);
    if (!line.empty() && line.back() == sep) out.emplace_back();
    return out;
}

std::string strip_cr(std::string s) {
    if (!s.empty() && s.back() == '\r') s.pop_back();
    return s;
}

// A tab-separated table with a header row; lines starting with '#' and empty lines are comments.
struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<int> line_numbers;
    int column(const std::string& name) const {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) return static_cast<int>(i);
        }
        return -1;
    }
};

Result<Table> read_table(const std::filesystem::path& path, const std::vector<std::string>& required) {
    std::ifstream in(path);
    if (!in) return Error(path.string() + ": cannot be read");
    Table t;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        line = strip_cr(line);
        if (line.empty() || line[0] == '#') continue;
        if (t.header.empty()) {
            t.header = split(line, '\t');
            continue;
        }
        std::vector<std::string> cells = split(line, '\t');
        if (cells.size() != t.header.size()) {
            return Error(path.string() + ":" + std::to_string(number) + ": " + std::to_string(cells.size()) +
                         " columns, the header has " + std::to_string(t.header.size()));
        }
        t.rows.push_back(std::move(cells));
        t.line_numbers.push_back(number);
    }
    for (const std::string& c : required) {
        if (t.column(c) < 0) return Error(path.string() + ": no column '" + c + "'");
    }
    return t;
}

Result<glm::vec3> parse_triple(const std::string& text, const std::string& where) {
    const std::vector<std::string> parts = split(text, ',');
    if (parts.size() != 3) return Error(where + ": expected x,y,z, got '" + text + "'");
    glm::vec3 v(0.0f);
    for (int i = 0; i < 3; ++i) {
        try {
            v[i] = std::stof(parts[static_cast<std::size_t>(i)]);
        } catch (const std::exception&) {
            return Error(where + ": not a number: '" + parts[static_cast<std::size_t>(i)] + "'");
        }
    }
    return v;
}

struct DigestDeleter {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};

// Right-side anatomical directions in the world frame (x anterior, y left, z up): the right side's midline is +y.
Result<glm::vec3> direction_word(const std::string& word) {
    if (word == "anterior") return glm::vec3(1.0f, 0.0f, 0.0f);
    if (word == "posterior") return glm::vec3(-1.0f, 0.0f, 0.0f);
    if (word == "superior") return glm::vec3(0.0f, 0.0f, 1.0f);
    if (word == "inferior") return glm::vec3(0.0f, 0.0f, -1.0f);
    if (word == "medial") return glm::vec3(0.0f, 1.0f, 0.0f);
    if (word == "lateral") return glm::vec3(0.0f, -1.0f, 0.0f);
    return Error("unknown direction '" + word + "' (anterior, posterior, superior, inferior, medial, lateral)");
}

Result<AttachmentEnd> parse_end(const nlohmann::json& j, const std::string& where) {
    if (!j.is_object()) return Error(where + ": expected an object");
    AttachmentEnd end;
    if (!j.contains("toward")) return Error(where + ": no 'toward'");
    const nlohmann::json& toward = j["toward"];
    glm::vec3 dir(0.0f);
    if (toward.is_string()) {
        end.toward_text = toward.get<std::string>();
        for (const std::string& word : split(end.toward_text, '+')) {
            Result<glm::vec3> d = direction_word(word);
            if (!d) return Error(where + ": " + d.error().message);
            dir += d.value();
        }
    } else if (toward.is_array() && toward.size() == 3 && toward[0].is_number() && toward[1].is_number() &&
               toward[2].is_number()) {
        end.toward_text = toward.dump();
        dir = glm::vec3(toward[0].get<float>(), toward[1].get<float>(), toward[2].get<float>());
    } else {
        return Error(where + ": 'toward' must be direction words or [x, y, z]");
    }
    if (glm::length(dir) < 1e-6f) return Error(where + ": 'toward' has no direction");
    end.toward = glm::normalize(dir);
    if (j.contains("band")) {
        if (!j["band"].is_number()) return Error(where + ": 'band' must be a number");
        end.band = j["band"].get<float>();
    }
    if (!(end.band > 0.0f && end.band < 1.0f)) return Error(where + ": 'band' must be in (0, 1)");
    if (!j.contains("bodies") || !j["bodies"].is_array() || j["bodies"].empty())
        return Error(where + ": 'bodies' must be a non-empty list");
    for (const auto& b : j["bodies"]) {
        if (!b.is_string()) return Error(where + ": 'bodies' must hold strings");
        end.bodies.push_back(b.get<std::string>());
    }
    return end;
}

}  // namespace

Result<std::vector<StructureRow>> read_structures(const std::filesystem::path& path) {
    Result<Table> table = read_table(path, {"id", "fma_id", "kind", "side", "body", "file"});
    if (!table) return table.error();
    const Table& t = table.value();
    std::vector<StructureRow> rows;
    std::set<std::string> seen;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& cells = t.rows[r];
        const std::string where = path.string() + ":" + std::to_string(t.line_numbers[r]);
        StructureRow row;
        row.id = cells[static_cast<std::size_t>(t.column("id"))];
        row.fma_id = cells[static_cast<std::size_t>(t.column("fma_id"))];
        const std::string kind = cells[static_cast<std::size_t>(t.column("kind"))];
        const std::string side = cells[static_cast<std::size_t>(t.column("side"))];
        row.body = cells[static_cast<std::size_t>(t.column("body"))];
        row.file = cells[static_cast<std::size_t>(t.column("file"))];
        if (row.id.empty() || row.file.empty()) return Error(where + ": empty id or file");
        if (!seen.insert(row.id).second) return Error(where + ": duplicate id '" + row.id + "'");
        if (kind == "bone") {
            row.kind = StructureKind::bone;
            if (row.body.empty()) return Error(where + ": bone '" + row.id + "' names no body");
        } else if (kind == "muscle") {
            row.kind = StructureKind::muscle;
        } else {
            return Error(where + ": kind must be bone or muscle, not '" + kind + "'");
        }
        if (side != "R" && side != "L" && side != "M") return Error(where + ": side must be R, L or M");
        row.side = side[0];
        if (row.kind == StructureKind::muscle && row.side == 'M')
            return Error(where + ": muscle '" + row.id + "' must be R or L");
        rows.push_back(std::move(row));
    }
    if (rows.empty()) return Error(path.string() + ": no structures");
    return rows;
}

Result<Manifest> read_manifest(const std::filesystem::path& path) {
    Result<Table> table = read_table(path, {"fma_id", "file", "bbox_min_mm", "bbox_max_mm", "notes", "sha256"});
    if (!table) return table.error();
    const Table& t = table.value();
    Manifest manifest;
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& cells = t.rows[r];
        const std::string where = path.string() + ":" + std::to_string(t.line_numbers[r]);
        ManifestEntry e;
        e.file = cells[static_cast<std::size_t>(t.column("file"))];
        e.sha256 = cells[static_cast<std::size_t>(t.column("sha256"))];
        e.fma_id = cells[static_cast<std::size_t>(t.column("fma_id"))];
        e.notes = cells[static_cast<std::size_t>(t.column("notes"))];
        Result<glm::vec3> lo = parse_triple(cells[static_cast<std::size_t>(t.column("bbox_min_mm"))], where);
        Result<glm::vec3> hi = parse_triple(cells[static_cast<std::size_t>(t.column("bbox_max_mm"))], where);
        if (!lo) return lo.error();
        if (!hi) return hi.error();
        e.bbox_min = lo.value();
        e.bbox_max = hi.value();
        if (e.sha256.size() != 64) return Error(where + ": sha256 must be 64 hex digits");
        manifest.emplace(e.file, std::move(e));
    }
    return manifest;
}

Result<std::string> sha256_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error(path.string() + ": cannot be read");
    std::unique_ptr<EVP_MD_CTX, DigestDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return Error("OpenSSL: SHA-256 unavailable");
    std::array<char, 1 << 16> buffer{};
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const std::streamsize got = in.gcount();
        if (got > 0 && EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(got)) != 1)
            return Error("OpenSSL: SHA-256 update failed");
    }
    if (in.bad()) return Error(path.string() + ": read error");
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx.get(), digest.data(), &length) != 1) return Error("OpenSSL: SHA-256 final failed");
    static const char* kHex = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 15]);
    }
    return hex;
}

Status verify_inputs(const std::filesystem::path& data_dir, const Manifest& manifest,
                     const std::vector<StructureRow>& structures) {
    std::vector<std::string> problems;
    for (const StructureRow& row : structures) {
        const auto it = manifest.find(row.file);
        if (it == manifest.end()) {
            problems.push_back(row.file + " (structure " + row.id + ") is not listed in manifest.tsv");
            continue;
        }
        if (it->second.fma_id != row.fma_id) {
            problems.push_back(row.file + " is FMA" + it->second.fma_id + " in manifest.tsv, but structure " + row.id +
                               " says FMA" + row.fma_id);
            continue;
        }
        // Where the manifest has two files for the structure, the bake must use the one marked primary.
        std::size_t same_structure = 0;
        for (const auto& [file, entry] : manifest) {
            if (entry.fma_id == row.fma_id) ++same_structure;
        }
        if (same_structure > 1 && it->second.notes.find("role=primary") == std::string::npos) {
            problems.push_back(row.file + " (structure " + row.id + ") is not the manifest's role=primary file");
            continue;
        }
        const std::filesystem::path file = data_dir / row.file;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) {
            problems.push_back(file.string() + " is missing (structure " + row.id + ")");
            continue;
        }
        Result<std::string> hash = sha256_file(file);
        if (!hash) {
            problems.push_back(hash.error().message);
            continue;
        }
        if (hash.value() != it->second.sha256) {
            problems.push_back(file.string() + " has changed (structure " + row.id + "): sha256 " + hash.value() +
                               ", manifest.tsv expects " + it->second.sha256);
        }
    }
    if (problems.empty()) return Ok{};
    Error e(problems.front());
    if (problems.size() > 1) {
        e.message = std::to_string(problems.size()) + " input files do not match manifest.tsv; first: " + problems[0];
        e.details = problems;
    }
    return e;
}

Result<Attachments> read_attachments(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) return Error(path.string() + ": cannot be read");
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false, true);
    if (j.is_discarded() || !j.is_object()) return Error(path.string() + ": not a JSON object");
    Attachments out;
    for (const auto& [key, value] : j.items()) {
        if (key.starts_with("_")) continue;  // comments
        const std::string where = path.string() + ": " + key;
        if (!value.is_object() || !value.contains("origin") || !value.contains("insertion"))
            return Error(where + ": needs 'origin' and 'insertion'");
        Result<AttachmentEnd> origin = parse_end(value["origin"], where + ".origin");
        if (!origin) return origin.error();
        Result<AttachmentEnd> insertion = parse_end(value["insertion"], where + ".insertion");
        if (!insertion) return insertion.error();
        out.emplace(key, Attachment{std::move(origin).value(), std::move(insertion).value()});
    }
    return out;
}

std::string muscle_base_id(const std::string& id) {
    if (id.size() > 2 && (id.ends_with("_r") || id.ends_with("_l"))) return id.substr(0, id.size() - 2);
    return id;
}

std::string sided_body(const std::string& body, char side) {
    if (body.size() > 2 && body.ends_with("_s")) return body.substr(0, body.size() - 2) + (side == 'L' ? "_l" : "_r");
    return body;
}

glm::vec3 sided_direction(glm::vec3 d, char side) {
    return side == 'L' ? glm::vec3(d.x, -d.y, d.z) : d;
}

}  // namespace myoview::bake
