#pragma once
// The user-visible text of the viewer, per language, loaded at run time from assets/i18n/ so that a translator
// edits text, not C++.
//
// Files: `<lang>.json` and any `<part>.<lang>.json` (e.g. story.en.json) in one folder, each a flat JSON object
// {"dotted.key": "text"} in UTF-8; all files of a language are merged. A language exists when `<lang>.json` does.
//
// Placeholders: `{name}` (letters, digits, underscores) is replaced by Strings::format; the caller formats the
// value (numbers with i18n::fixed), so a translator may move a placeholder but never sees printf syntax. `%` is
// an ordinary character everywhere. Every translation of a key carries the same placeholders (a test checks).
//
// Contract: load never throws and never aborts on a bad file: broken JSON, a value that is not a string, a key
// given twice (in one file or in two files of the language), a top level that is not an object, all come back as
// an Error naming the file (and the line where it can be found). Lookups never fail: a key missing in the language
// falls back to English, then to the key itself, and each missing key is logged once and counted.
// Not thread-safe: lookups record missing keys; the viewer uses its strings from the UI thread only.

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "myoview/base/result.h"

namespace myoview::i18n {

// English: every key exists in it, and it is the fallback of every other language.
inline constexpr std::string_view kFallbackLanguage = "en";

using Entries = std::map<std::string, std::string, std::less<>>;

class Strings {
public:
    // Loads `<lang>.json` and every `*.<lang>.json` of `dir`; for a language other than English, English is
    // loaded too, as the fallback. Errors: no `<lang>.json`, a bad file (named), a key given twice.
    static Result<Strings> load(const std::filesystem::path& dir, std::string_view language);

    // Text of one file; `source_name` names it in errors. A flat object of strings, no key twice.
    static Result<Entries> parse(std::string_view json_text, std::string_view source_name = "<memory>");

    // The text of `key`: this language's, else English, else the key itself (logged once, counted).
    const std::string& operator()(std::string_view key) const;
    // The same as a C string, for Dear ImGui.
    const char* c_str(std::string_view key) const { return (*this)(key).c_str(); }

    // The text of `key` with each `{name}` replaced by its value; an unknown placeholder stays as written.
    std::string format(std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> values) const;

    // A Dear ImGui slider format: the text with `%` doubled and placeholder `{name}` made `printf_spec` (e.g.
    // "%.0f"), so "Chest release {pct} %" becomes "Chest release %.0f %%".
    std::string slider_format(std::string_view key, std::string_view name, std::string_view printf_spec) const;

    bool contains(std::string_view key) const { return own_.count(key) > 0; }  // in this language itself
    const std::string& language() const { return language_; }
    const Entries& entries() const { return own_; }                 // this language's own keys and texts
    std::size_t missing_count() const { return missing_->size(); }  // keys looked up and found nowhere here

private:
    std::string language_;
    Entries own_;
    Entries fallback_;  // English; empty when this is English
    // Keys found nowhere, kept so operator() can return a reference to the key; behind a pointer so Strings
    // stays movable and a const lookup can record.
    using KeySet = std::set<std::string, std::less<>>;
    std::unique_ptr<KeySet> missing_ = std::make_unique<KeySet>();
};

// Every language of `dir`: each `<lang>.json`, sorted, English first. Empty when the folder is missing.
std::vector<std::string> languages(const std::filesystem::path& dir);

// Every language of a folder, loaded once, so switching language in the UI is a lookup.
class Library {
public:
    static Result<Library> load(const std::filesystem::path& dir);

    // The strings of `language`, or English's when the folder has no such language.
    const Strings& get(std::string_view language) const;
    bool has(std::string_view language) const;
    const std::vector<std::string>& languages() const { return languages_; }

private:
    std::vector<std::string> languages_;
    std::vector<Strings> strings_;  // one per languages_ entry, same order
};

// assets/i18n (under paths::asset_dir(), myoview/base/paths.h), as anatomy::default_catalog_path() finds the catalog.
std::filesystem::path default_dir();

// `value` with `decimals` digits after the point ("C" locale), with a sign when `sign` ("+1.5", "-3").
std::string fixed(double value, int decimals, bool sign = false);

// The `{name}` placeholders of a text, in order of appearance.
std::vector<std::string> placeholders(std::string_view text);

}  // namespace myoview::i18n
