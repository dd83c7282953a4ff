#pragma once
// Classroom quiz: quiz set files (docs/quiz.md), the questions they make from the anatomy catalog, and a session
// that scores the answers.
//
// Contract: load / parse never throw and never abort on a bad file; the Error names the file, the line and the field
// ("FILE:7: field 'questions[2].kind': ..."). generate() is deterministic: the same set and catalog give the same
// questions, choices and order on every run and every standard library (its random picks use std::mt19937 directly,
// never std::uniform_int_distribution or std::shuffle, whose results differ between implementations). A question
// names structures by id only; the words (the structure's name, origin, ...) come from the catalog in the language of
// the moment, so the language can change mid-quiz.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "myoview/anatomy/catalog.h"
#include "myoview/base/result.h"

namespace myoview::quiz {

// find: click the named structure. name: choose the name of the highlighted one. origin / insertion / action /
// innervation: choose the right text for the named muscle.
enum class QuestionKind { kFind, kName, kOrigin, kInsertion, kAction, kInnervation };
// Which structures a generator draws from ("all": muscles and bones; never the skin).
enum class Pool { kMuscles, kBones, kAll };

std::string_view to_string(QuestionKind kind);
std::string_view to_string(Pool pool);

// The number of choices of a multiple-choice question (the answer and three distractors).
inline constexpr std::size_t kChoiceCount = 4;
inline constexpr int kQuizSetVersion = 1;
inline constexpr std::size_t kMaxFileBytes = 1u << 20;  // a set is a few kB
inline constexpr int kMaxQuestions = 200;               // per set, generators counted by their count

// {"kind": "name", "structure": "pec_minor_r"}
struct ExplicitQuestion {
    QuestionKind kind = QuestionKind::kFind;
    std::string structure;
};
// {"kind": "origin", "count": 3, "from": "muscles", "seed": 7}
struct Generator {
    QuestionKind kind = QuestionKind::kFind;
    int count = 1;
    Pool from = Pool::kMuscles;
    std::uint32_t seed = 1;
};
using Entry = std::variant<ExplicitQuestion, Generator>;

struct QuizSet {
    int version = kQuizSetVersion;
    anatomy::LocalizedText title;  // per language; "en" always present
    std::uint32_t seed = 1;        // the choices' order and distractors of explicit questions
    std::vector<Entry> questions;
};

// Reads and checks a set. Structure ids, kinds against the structure (origin questions are for muscles; find and
// name need a structure with a mesh) and pools are checked against `catalog`.
Result<QuizSet> load(const std::filesystem::path& path, const anatomy::Catalog& catalog);
Result<QuizSet> parse(std::string_view text, const std::string& file_name, const anatomy::Catalog& catalog);

// assets/quiz/default.json (under paths::asset_dir()).
std::filesystem::path default_set_path();

struct Question {
    QuestionKind kind = QuestionKind::kFind;
    std::string structure;             // the answer
    std::vector<std::string> choices;  // structure ids (their name or their origin, ... is the text); empty for find
    std::size_t correct = 0;           // index of the answer in choices
};

// The questions of a set, in the set's order, generators expanded. Errors: a generator whose pool has fewer
// distinct structures than its count, or too few distinct distractors for a question.
// Distractors are structures of the same kind (muscle or bone) whose text differs from the answer's and from each
// other's in every language of the catalog (the left and right muscle share their text, so they never both appear).
// A generator never repeats a structure (or its other side) already asked with the same kind in the set.
Result<std::vector<Question>> generate(const QuizSet& set, const anatomy::Catalog& catalog);

// The words of choice `index` in `language` (the name for find / name, else the origin, insertion, ...).
std::string_view choice_text(const Question& question, std::size_t index, const anatomy::Catalog& catalog,
                             std::string_view language);

// True when `picked` answers a find question for `answer`: the structure itself, or its other side when both sides
// have the same name in every language (the catalog calls both "Pectoralis minor"; "Clavicle (right)" is one side).
bool same_structure(const anatomy::Catalog& catalog, std::string_view answer, std::string_view picked);

struct Miss {
    std::size_t question = 0;  // index in the session's questions
    std::string given;         // the chosen or picked structure id
};

// One play of a set. Answering moves nothing on: the UI shows the feedback, then calls next().
class Session {
public:
    explicit Session(std::vector<Question> questions);

    const std::vector<Question>& questions() const { return questions_; }
    // nullptr when finished.
    const Question* current() const;
    std::size_t index() const { return index_; }
    std::size_t size() const { return questions_.size(); }
    bool finished() const { return index_ >= questions_.size(); }
    // The current question has an answer (shown as feedback until next()).
    bool answered() const { return answer_.has_value(); }
    // The answer given to the current question, when answered.
    const std::optional<std::string>& given() const { return answer_; }
    bool last_correct() const { return last_correct_; }

    // Answers the current multiple-choice question with choice `index`: whether it was right; nullopt (and nothing
    // recorded) when finished, already answered, a find question, or `index` out of range.
    std::optional<bool> answer_choice(std::size_t index);
    // Answers the current find question with the clicked structure; nullopt as above (an empty id: nothing clicked).
    std::optional<bool> answer_pick(std::string_view structure_id, const anatomy::Catalog& catalog);
    // To the next question (after an answer); true when there is one.
    bool next();
    // Plays the same questions again from the first.
    void restart();

    int score() const { return score_; }
    const std::vector<Miss>& misses() const { return misses_; }

private:
    bool record(std::string given, bool correct);

    std::vector<Question> questions_;
    std::size_t index_ = 0;
    std::optional<std::string> answer_;
    bool last_correct_ = false;
    int score_ = 0;
    std::vector<Miss> misses_;
};

}  // namespace myoview::quiz
