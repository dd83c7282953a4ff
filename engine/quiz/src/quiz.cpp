#include "myoview/quiz/quiz.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <new>
#include <random>
#include <set>
#include <system_error>

#include <nlohmann/json.hpp>

#include "myoview/base/paths.h"
#include "myoview/scenario/json_lines.h"

namespace myoview::quiz {
namespace {

using nlohmann::json;
using Lines = std::map<std::string, int, std::less<>>;

constexpr std::array<std::string_view, 6> kKindNames = {"find", "name", "origin", "insertion", "action", "innervation"};
constexpr std::array<std::string_view, 3> kPoolNames = {"muscles", "bones", "all"};
constexpr int kMaxDepth = 16;  // the format needs 4

// The checker reports the first problem by throwing a Fault, caught in parse(); no exception leaves this file.
struct Fault {
    std::string path;
    std::string message;
};

std::string join(const auto& names) {
    std::string text;
    for (const auto& n : names) text += (text.empty() ? "" : ", ") + std::string(n);
    return text;
}

std::string describe(const json& value) {
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

bool is_text_kind(QuestionKind kind) {
    return kind != QuestionKind::kFind && kind != QuestionKind::kName;
}

// The line of `path`, else of the nearest field above it that has one (a missing field: its object's line).
int line_for(const Lines& lines, std::string path) {
    for (;;) {
        if (const auto it = lines.find(path); it != lines.end()) return it->second;
        if (path.empty()) return 1;
        const auto cut = path.find_last_of(".[");
        path = cut == std::string::npos ? std::string() : path.substr(0, cut);
    }
}

std::string child(std::string_view parent, std::string_view key) {
    return scenario::detail::child_path(parent, key);
}

class SetReader {
public:
    explicit SetReader(const anatomy::Catalog& catalog) : catalog_(catalog) {}

    QuizSet read(const json& top) const {
        if (!top.is_object()) throw Fault{"", "the top level must be an object, got " + describe(top)};
        allow_only(top, "", {"version", "title", "seed", "questions"});
        QuizSet set;
        const json& version = required(top, "", "version");
        if (!version.is_number_integer() || version.get<long long>() != kQuizSetVersion)
            throw Fault{"version", "must be " + std::to_string(kQuizSetVersion) +
                                       " (the only version this program "
                                       "reads), got " +
                                       describe(version)};
        const json& title = required(top, "", "title");
        if (!title.is_object()) throw Fault{"title", "must be an object of texts per language, e.g. {\"en\": \"...\"}"};
        for (const auto& [language, text] : title.items()) {
            const auto& known = catalog_.languages();
            if (std::find(known.begin(), known.end(), language) == known.end())
                throw Fault{child("title", language), "unknown language; the catalog has " + join(known)};
            if (!text.is_string() || text.get<std::string>().empty() || text.get<std::string>().size() > 200)
                throw Fault{child("title", language), "must be a text of 1 to 200 bytes"};
            set.title[language] = text.get<std::string>();
        }
        if (!set.title.count("en")) throw Fault{"title", "needs an English title (\"en\"), the fallback language"};
        if (top.contains("seed")) set.seed = read_seed(top.at("seed"), "seed");
        const json& questions = required(top, "", "questions");
        if (!questions.is_array() || questions.empty())
            throw Fault{"questions", "must be a non-empty array of questions"};
        int total = 0;
        for (std::size_t i = 0; i < questions.size(); ++i) {
            const std::string path = scenario::detail::child_path("questions", i);
            set.questions.push_back(read_entry(questions[i], path));
            const Entry& e = set.questions.back();
            total += std::holds_alternative<Generator>(e) ? std::get<Generator>(e).count : 1;
            if (total > kMaxQuestions)
                throw Fault{path, "the set asks more than " + std::to_string(kMaxQuestions) + " questions"};
        }
        return set;
    }

private:
    static void allow_only(const json& object, const std::string& path, std::initializer_list<std::string_view> names) {
        for (const auto& [key, value] : object.items()) {
            if (std::find(names.begin(), names.end(), key) == names.end())
                throw Fault{child(path, key), "unknown field; allowed here: " + join(names)};
        }
    }

    static const json& required(const json& object, const std::string& path, const char* key) {
        if (!object.contains(key)) throw Fault{child(path, key), "is missing"};
        return object.at(key);
    }

    static std::uint32_t read_seed(const json& value, const std::string& path) {
        if (!value.is_number_integer() || value.get<long long>() < 0 || value.get<long long>() > 4294967295LL)
            throw Fault{path, "must be a whole number from 0 to 4294967295, got " + describe(value)};
        return static_cast<std::uint32_t>(value.get<long long>());
    }

    static QuestionKind read_kind(const json& object, const std::string& path) {
        const json& kind = required(object, path, "kind");
        const std::string field = child(path, "kind");
        if (!kind.is_string()) throw Fault{field, "must be one of " + join(kKindNames) + ", got " + describe(kind)};
        for (std::size_t k = 0; k < kKindNames.size(); ++k)
            if (kKindNames[k] == kind.get<std::string>()) return static_cast<QuestionKind>(k);
        throw Fault{field, "unknown kind " + describe(kind) + "; known: " + join(kKindNames)};
    }

    Entry read_entry(const json& q, const std::string& path) const {
        if (!q.is_object()) throw Fault{path, "a question must be an object, got " + describe(q)};
        const QuestionKind kind = read_kind(q, path);
        if (q.contains("structure")) {
            allow_only(q, path, {"kind", "structure"});
            ExplicitQuestion e{kind, {}};
            const std::string field = child(path, "structure");
            const json& id = q.at("structure");
            if (!id.is_string()) throw Fault{field, "must be a structure id (a string), got " + describe(id)};
            e.structure = id.get<std::string>();
            const anatomy::Structure* s = catalog_.find(e.structure);
            if (!s) throw Fault{field, "unknown structure id \"" + e.structure + "\" (myoview --list-structures)"};
            if (s->kind == anatomy::Kind::kSkin) throw Fault{field, "the skin cannot be asked about"};
            if (is_text_kind(kind) && s->kind != anatomy::Kind::kMuscle)
                throw Fault{field, std::string(to_string(kind)) + " questions are for muscles; \"" + e.structure +
                                       "\" is a " + std::string(anatomy::to_string(s->kind))};
            if (!is_text_kind(kind) && !s->has_mesh)
                throw Fault{field, "\"" + e.structure + "\" has no mesh in the model to click or highlight"};
            return e;
        }
        if (!q.contains("count"))
            throw Fault{path, "a question needs \"structure\" (one question) or \"count\" (a generator)"};
        allow_only(q, path, {"kind", "count", "from", "seed"});
        Generator g;
        g.kind = kind;
        const json& count = q.at("count");
        if (!count.is_number_integer() || count.get<long long>() < 1 || count.get<long long>() > kMaxQuestions)
            throw Fault{child(path, "count"), "must be a whole number from 1 to " + std::to_string(kMaxQuestions) +
                                                  ", got " + describe(count)};
        g.count = static_cast<int>(count.get<long long>());
        if (q.contains("from")) {
            const json& from = q.at("from");
            const std::string field = child(path, "from");
            bool found = false;
            for (std::size_t p = 0; p < kPoolNames.size() && from.is_string(); ++p) {
                if (kPoolNames[p] == from.get<std::string>()) {
                    g.from = static_cast<Pool>(p);
                    found = true;
                }
            }
            if (!found) throw Fault{field, "must be one of " + join(kPoolNames) + ", got " + describe(from)};
            if (is_text_kind(kind) && g.from == Pool::kBones)
                throw Fault{field, std::string(to_string(kind)) + " questions are for muscles; use \"muscles\""};
        }
        if (q.contains("seed")) g.seed = read_seed(q.at("seed"), child(path, "seed"));
        return g;
    }

    const anatomy::Catalog& catalog_;
};

Error located(const std::string& file_name, int line, const std::string& path, const std::string& message) {
    return Error(file_name + ":" + std::to_string(line) + ": " + (path.empty() ? "" : "field '" + path + "': ") +
                 message);
}

const anatomy::LocalizedText& text_of(const anatomy::Structure& s, QuestionKind kind) {
    switch (kind) {
        case QuestionKind::kOrigin:
            return s.origin;
        case QuestionKind::kInsertion:
            return s.insertion;
        case QuestionKind::kAction:
            return s.action;
        case QuestionKind::kInnervation:
            return s.innervation;
        case QuestionKind::kFind:
        case QuestionKind::kName:
            break;
    }
    return s.names;
}

// What a student sees of a structure for this kind of question, in every language: two structures with equal keys
// cannot be told apart by the choices.
std::string text_key(const anatomy::Structure& s, QuestionKind kind, const anatomy::Catalog& catalog) {
    std::string key;
    for (const std::string& language : catalog.languages()) {
        key += is_text_kind(kind) ? anatomy::localized(text_of(s, kind), language) : s.name(language);
        key += '\x1f';
    }
    return key;
}

// Fisher-Yates on the raw mt19937 output: the same order on every standard library.
template <typename T>
void shuffle(std::vector<T>& items, std::mt19937& rng) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[rng() % i]);
}

bool in_pool(const anatomy::Structure& s, Pool pool) {
    if (s.kind == anatomy::Kind::kSkin) return false;
    if (pool == Pool::kMuscles) return s.kind == anatomy::Kind::kMuscle;
    if (pool == Pool::kBones) return s.kind == anatomy::Kind::kBone;
    return true;
}

// One question on `s`: three distractors of its kind, distinct from it and from each other, then all four shuffled.
Result<Question> make_question(QuestionKind kind, const anatomy::Structure& s, const anatomy::Catalog& catalog,
                               std::mt19937& rng) {
    Question q{kind, s.id, {}, 0};
    if (kind == QuestionKind::kFind) return q;
    const std::string answer_key = text_key(s, kind, catalog);
    std::set<std::string> seen{answer_key};
    std::vector<std::string> candidates;
    for (const anatomy::Structure& other : catalog) {
        if (other.kind != s.kind) continue;
        if (is_text_kind(kind) && anatomy::localized(text_of(other, kind), "en").empty()) continue;
        if (seen.insert(text_key(other, kind, catalog)).second) candidates.push_back(other.id);
    }
    if (candidates.size() < kChoiceCount - 1)
        return Error("too few other " + std::string(anatomy::to_string(s.kind)) + "s with a different " +
                     std::string(to_string(kind)) + " to make choices for \"" + s.id + "\"");
    shuffle(candidates, rng);
    q.choices.assign(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(kChoiceCount - 1));
    q.choices.push_back(s.id);
    shuffle(q.choices, rng);
    q.correct = static_cast<std::size_t>(std::find(q.choices.begin(), q.choices.end(), s.id) - q.choices.begin());
    return q;
}

}  // namespace

std::string_view to_string(QuestionKind kind) {
    return kKindNames[static_cast<std::size_t>(kind)];
}
std::string_view to_string(Pool pool) {
    return kPoolNames[static_cast<std::size_t>(pool)];
}

Result<QuizSet> parse(std::string_view text, const std::string& file_name, const anatomy::Catalog& catalog) {
    if (text.size() > kMaxFileBytes)
        return Error(file_name + ": " + std::to_string(text.size()) + " bytes, over the 1 MiB limit for a quiz set");
    try {
        scenario::detail::JsonReadResult read = scenario::detail::read_json_with_lines(text, kMaxDepth);
        if (!read.parsed) return located(file_name, read.error.line, read.error.path, read.error.message);
        try {
            return SetReader(catalog).read(read.parsed->value);
        } catch (const Fault& fault) {
            return located(file_name, line_for(read.parsed->lines, fault.path), fault.path, fault.message);
        }
    } catch (const std::bad_alloc&) {
        return Error(file_name + ": out of memory while reading the quiz set");
    } catch (const std::exception& e) {
        return Error(file_name + ": could not read the quiz set: " + e.what());
    }
}

Result<QuizSet> load(const std::filesystem::path& path, const anatomy::Catalog& catalog) {
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return Error(name + ": no such quiz set file (or not a file)");
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error(name + ": cannot open the quiz set");
    std::string text(kMaxFileBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) return Error(name + ": a read error");
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parse(text, name, catalog);
}

std::filesystem::path default_set_path() {
    return paths::asset_path("quiz/default.json");
}

Result<std::vector<Question>> generate(const QuizSet& set, const anatomy::Catalog& catalog) {
    std::vector<Question> questions;
    // (kind, name key) already asked: a generator does not ask it again.
    std::set<std::pair<QuestionKind, std::string>> asked;
    for (const Entry& entry : set.questions) {
        if (const auto* e = std::get_if<ExplicitQuestion>(&entry)) {
            const anatomy::Structure* s = catalog.find(e->structure);
            if (!s) return Error("quiz: unknown structure \"" + e->structure + "\"");
            asked.insert({e->kind, text_key(*s, QuestionKind::kName, catalog)});
        }
    }
    for (std::size_t i = 0; i < set.questions.size(); ++i) {
        const Entry& entry = set.questions[i];
        if (const auto* e = std::get_if<ExplicitQuestion>(&entry)) {
            std::mt19937 rng(set.seed ^ (0x9E3779B9u * static_cast<std::uint32_t>(i + 1)));
            auto q = make_question(e->kind, *catalog.find(e->structure), catalog, rng);
            if (!q) return Error("quiz: question " + std::to_string(i + 1) + ": " + q.error().message);
            questions.push_back(std::move(q).value());
            continue;
        }
        const Generator& g = std::get<Generator>(entry);
        std::mt19937 rng(g.seed);
        std::vector<const anatomy::Structure*> pool;
        std::set<std::string> names;
        for (const anatomy::Structure& s : catalog) {
            if (!in_pool(s, g.from)) continue;
            if (is_text_kind(g.kind) &&
                (s.kind != anatomy::Kind::kMuscle || anatomy::localized(text_of(s, g.kind), "en").empty()))
                continue;
            if (!is_text_kind(g.kind) && !s.has_mesh) continue;
            const std::string key = text_key(s, QuestionKind::kName, catalog);
            if (asked.count({g.kind, key}) || !names.insert(key).second) continue;
            pool.push_back(&s);
        }
        if (pool.size() < static_cast<std::size_t>(g.count))
            return Error("quiz: question " + std::to_string(i + 1) + " asks " + std::to_string(g.count) + " " +
                         std::string(to_string(g.kind)) + " questions from " + std::string(to_string(g.from)) +
                         ", but only " + std::to_string(pool.size()) + " structures are left to ask");
        shuffle(pool, rng);
        for (int n = 0; n < g.count; ++n) {
            const anatomy::Structure& s = *pool[static_cast<std::size_t>(n)];
            asked.insert({g.kind, text_key(s, QuestionKind::kName, catalog)});
            auto q = make_question(g.kind, s, catalog, rng);
            if (!q) return Error("quiz: question " + std::to_string(i + 1) + ": " + q.error().message);
            questions.push_back(std::move(q).value());
        }
    }
    return questions;
}

std::string_view choice_text(const Question& question, std::size_t index, const anatomy::Catalog& catalog,
                             std::string_view language) {
    const std::string& id = index < question.choices.size() ? question.choices[index] : question.structure;
    const anatomy::Structure* s = catalog.find(id);
    if (!s) return id;
    return is_text_kind(question.kind) ? anatomy::localized(text_of(*s, question.kind), language) : s->name(language);
}

bool same_structure(const anatomy::Catalog& catalog, std::string_view answer, std::string_view picked) {
    if (answer == picked) return true;
    const anatomy::Structure* a = catalog.find(answer);
    const anatomy::Structure* p = catalog.find(picked);
    return a && p && a->kind == p->kind &&
           text_key(*a, QuestionKind::kName, catalog) == text_key(*p, QuestionKind::kName, catalog);
}

Session::Session(std::vector<Question> questions) : questions_(std::move(questions)) {}

const Question* Session::current() const {
    return finished() ? nullptr : &questions_[index_];
}

bool Session::record(std::string given, bool correct) {
    if (correct)
        ++score_;
    else
        misses_.push_back({index_, given});
    answer_ = std::move(given);
    last_correct_ = correct;
    return correct;
}

std::optional<bool> Session::answer_choice(std::size_t index) {
    const Question* q = current();
    if (!q || answered() || q->kind == QuestionKind::kFind || index >= q->choices.size()) return std::nullopt;
    return record(q->choices[index], index == q->correct);
}

std::optional<bool> Session::answer_pick(std::string_view structure_id, const anatomy::Catalog& catalog) {
    const Question* q = current();
    if (!q || answered() || q->kind != QuestionKind::kFind || structure_id.empty()) return std::nullopt;
    return record(std::string(structure_id), same_structure(catalog, q->structure, structure_id));
}

bool Session::next() {
    if (finished() || !answered()) return false;
    ++index_;
    answer_.reset();
    return !finished();
}

void Session::restart() {
    index_ = 0;
    answer_.reset();
    last_correct_ = false;
    score_ = 0;
    misses_.clear();
}

}  // namespace myoview::quiz
