#pragma once
// A strict JSON reader that remembers where every value came from. nlohmann::json keeps no positions, and the
// messages of scenario files (and of engine/quiz's quiz sets) must name the line of the field at fault, so this
// reader builds the nlohmann::json value itself and records the line of every object key and array element under
// its field path ("events[3].value").
//
// Contract: never throws, never recurses deeper than max_depth (deeper input is an error, so 100000 nested
// brackets cost an error, not the stack), rejects duplicate keys, invalid UTF-8, control characters in strings,
// numbers outside double's range and anything after the top value. Errors carry the line (1-based).

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace myoview::scenario::detail {

struct ParsedJson {
    nlohmann::json value;
    std::map<std::string, int, std::less<>> lines;  // field path -> line of its key or element ("" -> the top)
};

struct JsonSyntaxError {
    int line = 1;
    std::string path;     // the field being read when it failed ("" at the top)
    std::string message;  // what is wrong, without file or line
};

// Either `parsed` or `error` is set.
struct JsonReadResult {
    std::optional<ParsedJson> parsed;
    JsonSyntaxError error;
};

JsonReadResult read_json_with_lines(std::string_view text, int max_depth);

// "events" + 3 -> "events[3]"; "start" + "release" -> "start.release"; "" + "title" -> "title".
std::string child_path(std::string_view parent, std::string_view key);
std::string child_path(std::string_view parent, std::size_t index);

}  // namespace myoview::scenario::detail
