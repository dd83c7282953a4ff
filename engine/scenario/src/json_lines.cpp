#include "myoview/scenario/json_lines.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <system_error>

namespace myoview::scenario::detail {

std::string child_path(std::string_view parent, std::string_view key) {
    std::string path(parent);
    if (!path.empty()) path += '.';
    path += key;
    return path;
}

std::string child_path(std::string_view parent, std::size_t index) {
    std::string path(parent);
    path += '[';
    path += std::to_string(index);
    path += ']';
    return path;
}

namespace {

using nlohmann::json;

std::string hex_byte(unsigned char c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(c));
    return buf;
}

// A printable description of the byte at the cursor, for "unexpected ..." messages.
std::string describe_byte(unsigned char c) {
    if (c >= 0x20 && c < 0x7f) return std::string("'") + static_cast<char>(c) + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "byte 0x%02X", static_cast<unsigned>(c));
    return buf;
}

class Reader {
public:
    Reader(std::string_view text, int max_depth) : text_(text), max_depth_(max_depth) {}

    JsonReadResult run() {
        JsonReadResult result;
        // A UTF-8 byte order mark is what some editors on Windows write first; it carries nothing.
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
        skip_space();
        if (failed_) return fail_result();
        if (at_end()) {
            fail("", "the file is empty: expected a JSON object");
            return fail_result();
        }
        ParsedJson parsed;
        parsed.lines[""] = line_;
        lines_ = &parsed.lines;
        if (!read_value(parsed.value, "", 1)) return fail_result();
        skip_space();
        if (failed_) return fail_result();
        if (!at_end()) {
            fail("", "unexpected " + describe_byte(peek()) + " after the end of the top-level value");
            return fail_result();
        }
        result.parsed = std::move(parsed);
        return result;
    }

private:
    JsonReadResult fail_result() {
        JsonReadResult result;
        result.error = error_;
        return result;
    }

    bool fail(const std::string& path, std::string message) {
        if (!failed_) {
            failed_ = true;
            error_ = JsonSyntaxError{line_, path, std::move(message)};
        }
        return false;
    }

    bool at_end() const { return pos_ >= text_.size(); }
    unsigned char peek() const { return static_cast<unsigned char>(text_[pos_]); }

    void advance() {
        if (text_[pos_] == '\n') ++line_;
        ++pos_;
    }

    void skip_space() {
        while (!at_end()) {
            const unsigned char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                advance();
            } else {
                return;
            }
        }
    }

    bool truncated(const std::string& path) { return fail(path, "unexpected end of the file (is it truncated?)"); }

    bool expect_literal(std::string_view word, const std::string& path) {
        if (text_.substr(pos_, word.size()) != word) {
            if (text_.size() - pos_ < word.size() && word.substr(0, text_.size() - pos_) == text_.substr(pos_))
                return truncated(path);
            return fail(path, "unexpected " + describe_byte(peek()) + ": expected a JSON value");
        }
        pos_ += word.size();
        return true;
    }

    bool read_value(json& out, const std::string& path, int depth) {
        skip_space();
        if (at_end()) return truncated(path);
        const unsigned char c = peek();
        switch (c) {
            case '{':
                return read_object(out, path, depth);
            case '[':
                return read_array(out, path, depth);
            case '"': {
                std::string s;
                if (!read_string(s, path)) return false;
                out = std::move(s);
                return true;
            }
            case 't':
                out = true;
                return expect_literal("true", path);
            case 'f':
                out = false;
                return expect_literal("false", path);
            case 'n':
                out = nullptr;
                return expect_literal("null", path);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return read_number(out, path);
                return fail(path, "unexpected " + describe_byte(c) + ": expected a JSON value");
        }
    }

    bool enter(const std::string& path, int depth) {
        if (depth > max_depth_) return fail(path, "nested deeper than " + std::to_string(max_depth_) + " levels");
        return true;
    }

    bool read_object(json& out, const std::string& path, int depth) {
        if (!enter(path, depth)) return false;
        advance();  // '{'
        out = json::object();
        skip_space();
        if (at_end()) return truncated(path);
        if (peek() == '}') {
            advance();
            return true;
        }
        while (true) {
            skip_space();
            if (at_end()) return truncated(path);
            if (peek() != '"')
                return fail(path, "unexpected " + describe_byte(peek()) + ": expected a field name in quotes");
            const int key_line = line_;
            std::string key;
            if (!read_string(key, path)) return false;
            const std::string member = child_path(path, key);
            if (out.contains(key)) {
                const auto first = lines_->find(member);
                return fail(member, "appears twice (first at line " +
                                        std::to_string(first != lines_->end() ? first->second : 0) +
                                        "); a field may appear once");
            }
            (*lines_)[member] = key_line;
            skip_space();
            if (at_end()) return truncated(member);
            if (peek() != ':')
                return fail(member, "unexpected " + describe_byte(peek()) + ": expected ':' after the field name");
            advance();
            json value;
            if (!read_value(value, member, depth + 1)) return false;
            out[key] = std::move(value);
            skip_space();
            if (at_end()) return truncated(path);
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == '}') {
                advance();
                return true;
            }
            return fail(member, "unexpected " + describe_byte(peek()) + ": expected ',' or '}' after this field");
        }
    }

    bool read_array(json& out, const std::string& path, int depth) {
        if (!enter(path, depth)) return false;
        advance();  // '['
        out = json::array();
        skip_space();
        if (at_end()) return truncated(path);
        if (peek() == ']') {
            advance();
            return true;
        }
        for (std::size_t index = 0;; ++index) {
            skip_space();
            const std::string element = child_path(path, index);
            (*lines_)[element] = line_;
            json value;
            if (!read_value(value, element, depth + 1)) return false;
            out.push_back(std::move(value));
            skip_space();
            if (at_end()) return truncated(path);
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == ']') {
                advance();
                return true;
            }
            return fail(element, "unexpected " + describe_byte(peek()) + ": expected ',' or ']' after this element");
        }
    }

    static void append_utf8(std::string& s, std::uint32_t cp) {
        if (cp < 0x80) {
            s += static_cast<char>(cp);
        } else if (cp < 0x800) {
            s += static_cast<char>(0xC0 | (cp >> 6));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            s += static_cast<char>(0xE0 | (cp >> 12));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            s += static_cast<char>(0xF0 | (cp >> 18));
            s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            s += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    bool read_hex4(std::uint32_t& out, const std::string& path) {
        if (text_.size() - pos_ < 4) return truncated(path);
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = text_[pos_++];
            out <<= 4;
            if (c >= '0' && c <= '9')
                out |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                out |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                out |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return fail(path, "invalid \\u escape in a string: expected four hex digits");
        }
        return true;
    }

    // One UTF-8 sequence starting at pos_, checked (no overlongs, no surrogates, nothing above U+10FFFF), because
    // nlohmann::json refuses to dump invalid UTF-8 and a saved scenario must always be writable.
    bool copy_utf8(std::string& s, const std::string& path) {
        const unsigned char c = peek();
        int extra = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else
            return fail(path, "invalid UTF-8 in a string: byte " + hex_byte(c) + " cannot start a character");
        if (text_.size() - pos_ <= static_cast<std::size_t>(extra)) return truncated(path);
        for (int i = 1; i <= extra; ++i) {
            const unsigned char cc = static_cast<unsigned char>(text_[pos_ + static_cast<std::size_t>(i)]);
            if ((cc & 0xC0) != 0x80)
                return fail(path, "invalid UTF-8 in a string: byte " + hex_byte(c) + " is not followed by " +
                                      std::to_string(extra) + " continuation byte(s)");
            cp = (cp << 6) | (cc & 0x3F);
        }
        const std::uint32_t min_cp = extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000;
        if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return fail(path, "invalid UTF-8 sequence in a string");
        s.append(text_.substr(pos_, static_cast<std::size_t>(extra) + 1));
        pos_ += static_cast<std::size_t>(extra) + 1;
        return true;
    }

    bool read_string(std::string& s, const std::string& path) {
        advance();  // opening quote
        while (true) {
            if (at_end()) return truncated(path);
            const unsigned char c = peek();
            if (c == '"') {
                advance();
                return true;
            }
            if (c < 0x20) {
                if (c == '\n') return fail(path, "a string runs past the end of its line (a missing '\"'?)");
                return fail(path, "control character " + describe_byte(c) + " in a string (write it as \\u00XX)");
            }
            if (c == '\\') {
                ++pos_;
                if (at_end()) return truncated(path);
                const char e = text_[pos_++];
                switch (e) {
                    case '"':
                        s += '"';
                        break;
                    case '\\':
                        s += '\\';
                        break;
                    case '/':
                        s += '/';
                        break;
                    case 'b':
                        s += '\b';
                        break;
                    case 'f':
                        s += '\f';
                        break;
                    case 'n':
                        s += '\n';
                        break;
                    case 'r':
                        s += '\r';
                        break;
                    case 't':
                        s += '\t';
                        break;
                    case 'u': {
                        std::uint32_t cp = 0;
                        if (!read_hex4(cp, path)) return false;
                        if (cp >= 0xDC00 && cp <= 0xDFFF)
                            return fail(path, "a lone low surrogate \\u escape in a string");
                        if (cp >= 0xD800 && cp <= 0xDBFF) {
                            std::uint32_t low = 0;
                            if (text_.substr(pos_, 2) != "\\u")
                                return fail(path, "a high surrogate \\u escape without its low half in a string");
                            pos_ += 2;
                            if (!read_hex4(low, path)) return false;
                            if (low < 0xDC00 || low > 0xDFFF)
                                return fail(path, "a high surrogate \\u escape without its low half in a string");
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        }
                        append_utf8(s, cp);
                        break;
                    }
                    default:
                        return fail(
                            path, "invalid escape \\" + describe_byte(static_cast<unsigned char>(e)) + " in a string");
                }
                continue;
            }
            if (c < 0x80) {
                s += static_cast<char>(c);
                ++pos_;
                continue;
            }
            if (!copy_utf8(s, path)) return false;
        }
    }

    bool read_number(json& out, const std::string& path) {
        const std::size_t start = pos_;
        auto digits = [&] {
            const std::size_t from = pos_;
            while (!at_end() && peek() >= '0' && peek() <= '9') ++pos_;
            return pos_ - from;
        };
        bool integral = true;
        if (peek() == '-') ++pos_;
        if (at_end()) return truncated(path);
        if (peek() == '0') {
            ++pos_;
        } else if (digits() == 0) {
            return fail(path, "invalid number: expected a digit after '-'");
        }
        if (!at_end() && peek() == '.') {
            integral = false;
            ++pos_;
            if (digits() == 0)
                return at_end() ? truncated(path) : fail(path, "invalid number: expected a digit after '.'");
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            integral = false;
            ++pos_;
            if (!at_end() && (peek() == '+' || peek() == '-')) ++pos_;
            if (digits() == 0) return at_end() ? truncated(path) : fail(path, "invalid number: expected an exponent");
        }
        const char* first = text_.data() + start;
        const char* last = text_.data() + pos_;
        if (integral) {
            std::int64_t i = 0;
            const auto r = std::from_chars(first, last, i);
            if (r.ec == std::errc() && r.ptr == last) {
                out = i;
                return true;
            }
        }
        double d = 0.0;
        const auto r = std::from_chars(first, last, d);
        if (r.ec != std::errc() || r.ptr != last || !std::isfinite(d))
            return fail(path, "the number " + std::string(first, last) + " is out of range");
        out = d;
        return true;
    }

    std::string_view text_;
    int max_depth_;
    std::size_t pos_ = 0;
    int line_ = 1;
    bool failed_ = false;
    JsonSyntaxError error_;
    std::map<std::string, int, std::less<>>* lines_ = nullptr;
};

}  // namespace

JsonReadResult read_json_with_lines(std::string_view text, int max_depth) {
    return Reader(text, max_depth).run();
}

}  // namespace myoview::scenario::detail
