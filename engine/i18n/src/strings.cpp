#include "myoview/i18n/strings.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "myoview/base/log.h"
#include "myoview/base/paths.h"

namespace myoview::i18n {
namespace {

using nlohmann::json;

constexpr std::uintmax_t kMaxFileBytes = 16u * 1024u * 1024u;  // far above any real string file; refuses junk

bool is_key(std::string_view key) {
    if (key.empty()) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
               c == '-';
    });
}

// The line (1-based) of the `occurrence`-th (0-based) appearance of `"key"` used as a key (followed by a colon),
// or 0 when it cannot be found (a key written with escapes). Only for messages.
std::size_t line_of_key(std::string_view text, std::string_view key, std::size_t occurrence) {
    const std::string quoted = "\"" + std::string(key) + "\"";
    std::size_t seen = 0;
    for (std::size_t at = text.find(quoted); at != std::string_view::npos; at = text.find(quoted, at + 1)) {
        std::size_t after = at + quoted.size();
        while (after < text.size() &&
               (text[after] == ' ' || text[after] == '\t' || text[after] == '\r' || text[after] == '\n')) {
            ++after;
        }
        if (after >= text.size() || text[after] != ':') continue;
        if (seen++ != occurrence) continue;
        const auto newlines = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
        return static_cast<std::size_t>(newlines) + 1;
    }
    return 0;
}

// Reads a flat {"key": "text"} object, stopping at the first problem (which it words for a translator).
class FlatObjectReader : public nlohmann::json_sax<json> {
public:
    explicit FlatObjectReader(std::string_view text) : text_(text) {}

    bool null() override { return scalar("null"); }
    bool boolean(bool) override { return scalar("true or false"); }
    bool number_integer(number_integer_t) override { return scalar("a number"); }
    bool number_unsigned(number_unsigned_t) override { return scalar("a number"); }
    bool number_float(number_float_t, const string_t&) override { return scalar("a number"); }
    bool binary(binary_t&) override { return scalar("binary data"); }
    bool string(string_t& value) override {
        if (depth_ == 0) return top_level();
        entries_.insert_or_assign(key_, value);
        return true;
    }
    bool start_object(std::size_t) override {
        if (depth_ == 0) {
            ++depth_;
            return true;
        }
        return scalar("an object");
    }
    bool key(string_t& key) override {
        if (!is_key(key)) {
            return fail("key \"" + key + "\" must be letters, digits, '_', '-' and '.' (e.g. \"panel.release\")",
                        line_of_key(text_, key, 0));
        }
        const std::size_t times = ++key_counts_[key];
        if (times > 1) {
            return fail(
                "key \"" + key + "\" is given twice (first on line " + std::to_string(line_of_key(text_, key, 0)) + ")",
                line_of_key(text_, key, times - 1));
        }
        key_ = key;
        return true;
    }
    bool end_object() override {
        --depth_;
        return true;
    }
    bool start_array(std::size_t) override { return depth_ == 0 ? top_level() : scalar("an array"); }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        // nlohmann's message already says the line and column.
        problem_ = std::string("is not valid JSON: ") + e.what();
        return false;
    }

    const std::string& problem() const { return problem_; }
    Entries take() { return std::move(entries_); }

private:
    bool scalar(std::string_view what) {
        if (depth_ == 0) return top_level();
        return fail("the value of \"" + key_ + "\" is " + std::string(what) + "; every value must be a text in quotes",
                    line_of_key(text_, key_, key_counts_[key_] - 1));
    }
    bool top_level() { return fail("must be one JSON object of \"key\": \"text\" pairs", 0); }
    bool fail(std::string why, std::size_t line) {
        problem_ = line > 0 ? "line " + std::to_string(line) + ": " + why : std::move(why);
        return false;
    }

    std::string_view text_;
    int depth_ = 0;
    std::string key_;
    std::map<std::string, std::size_t, std::less<>> key_counts_;
    Entries entries_;
    std::string problem_;
};

Result<std::string> read_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return Error("string file not found: " + path.string(),
                     std::make_error_code(std::errc::no_such_file_or_directory));
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxFileBytes) {
        return Error("string file is unreadable or too large: " + path.string(),
                     ec ? ec : std::make_error_code(std::errc::file_too_large));
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (!in || in.gcount() != static_cast<std::streamsize>(text.size())) {
        return Error("cannot read string file: " + path.string(), std::make_error_code(std::errc::io_error));
    }
    return text;
}

// `<lang>.json` first, then every `<part>.<lang>.json` in name order.
std::vector<std::filesystem::path> files_of(const std::filesystem::path& dir, std::string_view language) {
    std::vector<std::filesystem::path> extra;
    const std::string suffix = "." + std::string(language) + ".json";
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            extra.push_back(it->path());
        }
    }
    std::sort(extra.begin(), extra.end());
    extra.insert(extra.begin(), dir / (std::string(language) + ".json"));
    return extra;
}

// Every file of one language merged; a key in two files is an error naming both.
Result<Entries> load_language(const std::filesystem::path& dir, std::string_view language) {
    Entries merged;
    std::map<std::string, std::string, std::less<>> file_of_key;
    for (const std::filesystem::path& path : files_of(dir, language)) {
        auto text = read_file(path);
        if (!text) return text.error();
        auto entries = Strings::parse(*text, path.string());
        if (!entries) return entries.error();
        for (auto& [key, value] : *entries) {
            if (const auto it = file_of_key.find(key); it != file_of_key.end()) {
                return Error("strings " + path.string() + ": key \"" + key + "\" is also in " + it->second,
                             std::make_error_code(std::errc::invalid_argument));
            }
            file_of_key.emplace(key, path.string());
            merged.emplace(key, std::move(value));
        }
    }
    return merged;
}

bool is_language_code(std::string_view code) {
    // "en", "es", "pt-BR": no dot, so `story.en.json` is never taken for a language.
    return !code.empty() && code.size() <= 16 && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    });
}

}  // namespace

Result<Entries> Strings::parse(std::string_view json_text, std::string_view source_name) {
    FlatObjectReader reader(json_text);
    bool ok = false;
    try {
        ok = json::sax_parse(json_text.begin(), json_text.end(), &reader);
    } catch (const json::exception& e) {  // a backstop: the reader reports errors itself
        return Error("strings " + std::string(source_name) + ": " + e.what(),
                     std::make_error_code(std::errc::invalid_argument));
    }
    if (!ok || !reader.problem().empty()) {
        return Error("strings " + std::string(source_name) + ": " +
                         (reader.problem().empty() ? std::string("is not valid JSON") : reader.problem()),
                     std::make_error_code(std::errc::invalid_argument));
    }
    return reader.take();
}

Result<Strings> Strings::load(const std::filesystem::path& dir, std::string_view language) {
    if (!is_language_code(language)) {
        return Error("\"" + std::string(language) + "\" is not a language code (e.g. en, es)",
                     std::make_error_code(std::errc::invalid_argument));
    }
    Strings strings;
    strings.language_ = std::string(language);
    auto own = load_language(dir, language);
    if (!own) return own.error();
    strings.own_ = std::move(own).value();
    if (language != kFallbackLanguage) {
        auto fallback = load_language(dir, kFallbackLanguage);
        if (!fallback) return fallback.error();
        strings.fallback_ = std::move(fallback).value();
    }
    return strings;
}

const std::string& Strings::operator()(std::string_view key) const {
    if (const auto it = own_.find(key); it != own_.end()) return it->second;
    if (const auto it = fallback_.find(key); it != fallback_.end()) return it->second;
    auto [it, inserted] = missing_->emplace(key);
    if (inserted) {
        log::warn("i18n: no text for \"" + std::string(key) + "\" in " + language_ +
                  (language_ == kFallbackLanguage ? std::string() : " or en") + "; showing the key");
    }
    return *it;
}

std::string Strings::format(std::string_view key,
                            std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
    const std::string& text = (*this)(key);
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close != std::string::npos) {
                const std::string_view name(text.data() + i + 1, close - i - 1);
                const auto value =
                    std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
                if (value != values.end()) {
                    out += value->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

std::string Strings::slider_format(std::string_view key, std::string_view name, std::string_view printf_spec) const {
    const std::string& text = (*this)(key);
    const std::string placeholder = "{" + std::string(name) + "}";
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, placeholder.size(), placeholder) == 0) {
            out += printf_spec;
            i += placeholder.size();
        } else {
            if (text[i] == '%') out += '%';  // a literal percent sign in a printf format
            out += text[i++];
        }
    }
    return out;
}

std::vector<std::string> languages(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != ".json") continue;
        const std::string stem = it->path().stem().string();
        if (is_language_code(stem)) out.push_back(stem);
    }
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
        if ((a == kFallbackLanguage) != (b == kFallbackLanguage)) return a == kFallbackLanguage;
        return a < b;
    });
    return out;
}

Result<Library> Library::load(const std::filesystem::path& dir) {
    Library library;
    library.languages_ = i18n::languages(dir);
    if (library.languages_.empty() || library.languages_.front() != kFallbackLanguage) {
        return Error("no English strings (en.json) in " + dir.string() + "; every language falls back to English",
                     std::make_error_code(std::errc::no_such_file_or_directory));
    }
    for (const std::string& language : library.languages_) {
        auto strings = Strings::load(dir, language);
        if (!strings) return strings.error();
        library.strings_.push_back(std::move(strings).value());
    }
    return library;
}

const Strings& Library::get(std::string_view language) const {
    for (std::size_t i = 0; i < languages_.size(); ++i) {
        if (languages_[i] == language) return strings_[i];
    }
    return strings_.front();  // English: load() guarantees it is there
}

bool Library::has(std::string_view language) const {
    return std::find(languages_.begin(), languages_.end(), language) != languages_.end();
}

std::filesystem::path default_dir() {
    return paths::asset_path("i18n");
}

std::string fixed(double value, int decimals, bool sign) {
    char text[64];
    const int digits = std::clamp(decimals, 0, 12);
    std::snprintf(text, sizeof(text), sign ? "%+.*f" : "%.*f", digits, value);
    // A value that rounds to zero is written without a minus: "back load -0 %" reads as a change that is not there.
    std::string out = text;
    if (out.find_first_of("123456789") == std::string::npos && !out.empty() && out[0] == '-') {
        out[0] = '+';
        if (!sign) out.erase(0, 1);
    }
    return out;
}

std::vector<std::string> placeholders(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open + 1);
        if (close == std::string_view::npos) break;
        const std::string_view name = text.substr(open + 1, close - open - 1);
        const bool is_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        });
        if (is_name) out.emplace_back(name);
    }
    return out;
}

}  // namespace myoview::i18n
