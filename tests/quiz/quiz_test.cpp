// engine/quiz against the real catalog: the shipped set loads and plays, generation is deterministic, every
// multiple choice has four choices a student can tell apart, scoring counts right and wrong once, and each kind of bad
// file is refused with its line and field; the executable refuses a bad --quiz with exit 2.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "myoview/anatomy/catalog.h"
#include "myoview/quiz/quiz.h"
#include "process.h"

namespace myoview::quiz {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const fs::path kSourceDir = MYOVIEW_SOURCE_DIR;

const anatomy::Catalog& catalog() {
    static const anatomy::Catalog* c = [] {
        auto loaded = anatomy::Catalog::load(kSourceDir / "assets" / "anatomy" / "catalog.json");
        if (!loaded) {
            ADD_FAILURE() << loaded.error().full_text();
            std::abort();
        }
        return new anatomy::Catalog(std::move(loaded).value());
    }();
    return *c;
}

std::vector<Question> generated(const std::string& json) {
    auto set = parse(json, "test.json", catalog());
    EXPECT_TRUE(set.has_value()) << (set ? "" : set.error().message);
    if (!set) return {};
    auto questions = generate(*set, catalog());
    EXPECT_TRUE(questions.has_value()) << (questions ? "" : questions.error().message);
    return questions ? *questions : std::vector<Question>{};
}

std::string one_question(const std::string& kind, const std::string& id) {
    return R"({"version": 1, "title": {"en": "t"}, "questions": [{"kind": ")" + kind + R"(", "structure": ")" + id +
           R"("}]})";
}

// Every choice text differs from every other in every language, the answer is among them once, at `correct`.
void expect_valid_choices(const Question& q) {
    SCOPED_TRACE(std::string(to_string(q.kind)) + " " + q.structure);
    const anatomy::Structure* answer = catalog().find(q.structure);
    ASSERT_NE(answer, nullptr);
    ASSERT_EQ(q.choices.size(), kChoiceCount);
    ASSERT_LT(q.correct, kChoiceCount);
    EXPECT_EQ(q.choices[q.correct], q.structure);
    EXPECT_EQ(std::count(q.choices.begin(), q.choices.end(), q.structure), 1);
    for (const std::string& language : catalog().languages()) {
        std::set<std::string> texts;
        for (std::size_t i = 0; i < q.choices.size(); ++i) {
            const anatomy::Structure* s = catalog().find(q.choices[i]);
            ASSERT_NE(s, nullptr) << q.choices[i];
            EXPECT_EQ(s->kind, answer->kind) << "a distractor of another kind: " << s->id;
            const std::string text(choice_text(q, i, catalog(), language));
            EXPECT_FALSE(text.empty()) << s->id;
            texts.insert(text);
        }
        EXPECT_EQ(texts.size(), kChoiceCount) << "two choices read the same in " << language;
    }
}

TEST(DefaultSet, LoadsAndMakesTwelveQuestionsOfEveryKindWithValidChoices) {
    auto set = load(kSourceDir / "assets" / "quiz" / "default.json", catalog());
    ASSERT_TRUE(set.has_value()) << set.error().message;
    EXPECT_EQ(set->title.at("es"), "Pecho, hombro y espalda alta");
    auto questions = generate(*set, catalog());
    ASSERT_TRUE(questions.has_value()) << questions.error().message;
    ASSERT_EQ(questions->size(), 12u);
    std::set<QuestionKind> kinds;
    for (const Question& q : *questions) {
        kinds.insert(q.kind);
        if (q.kind == QuestionKind::kFind) {
            EXPECT_TRUE(q.choices.empty());
            EXPECT_TRUE(catalog().find(q.structure)->has_mesh);
        } else {
            expect_valid_choices(q);
        }
    }
    EXPECT_EQ(kinds.size(), 6u) << "the default set shows every kind of question";
    EXPECT_EQ(questions->front().kind, QuestionKind::kName);  // the README's screenshot shows a highlighted muscle
}

TEST(Generation, TheSameSetGivesTheSameQuestionsAndAnotherSeedAnotherOrder) {
    const std::string set = R"({"version": 1, "title": {"en": "t"}, "seed": 5, "questions": [
        {"kind": "name", "count": 8, "from": "muscles", "seed": 11},
        {"kind": "origin", "structure": "pec_minor_r"}]})";
    const auto a = generated(set);
    const auto b = generated(set);
    ASSERT_EQ(a.size(), 9u);
    ASSERT_EQ(b.size(), 9u);
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].structure, b[i].structure);
        EXPECT_EQ(a[i].choices, b[i].choices);
        EXPECT_EQ(a[i].correct, b[i].correct);
    }
    std::string reseeded = set;
    reseeded.replace(reseeded.find("\"seed\": 11"), 10, "\"seed\": 12");
    const auto c = generated(reseeded);
    ASSERT_EQ(c.size(), 9u);
    bool differs = false;
    for (std::size_t i = 0; i < 8; ++i) differs = differs || c[i].structure != a[i].structure;
    EXPECT_TRUE(differs) << "the generator's seed changes which muscles are asked";
}

TEST(Generation, EveryMuscleAndEveryTextKindHasFourDistinctChoices) {
    for (const anatomy::Structure& s : catalog()) {
        if (s.kind != anatomy::Kind::kMuscle) continue;
        for (const char* kind : {"name", "origin", "insertion", "action", "innervation"}) {
            const auto questions = generated(one_question(kind, s.id));
            ASSERT_EQ(questions.size(), 1u) << kind << " " << s.id;
            expect_valid_choices(questions[0]);
        }
    }
    const auto bone = generated(one_question("name", "clavicle_r"));
    ASSERT_EQ(bone.size(), 1u);
    expect_valid_choices(bone[0]);
}

TEST(Generation, AGeneratorNeverAsksTheSameStructureTwiceNorOneAskedExplicitly) {
    const auto questions = generated(R"({"version": 1, "title": {"en": "t"}, "questions": [
        {"kind": "find", "structure": "pec_minor_r"},
        {"kind": "find", "count": 20, "from": "muscles", "seed": 3}]})");
    ASSERT_EQ(questions.size(), 21u);
    std::set<std::string> names;
    for (const Question& q : questions) {
        EXPECT_TRUE(names.insert(std::string(catalog().find(q.structure)->name("en"))).second)
            << "asked twice: " << q.structure;
    }
    // Bones only from "bones"; "all" mixes both.
    for (const Question& q : generated(R"({"version": 1, "title": {"en": "t"}, "questions": [
            {"kind": "name", "count": 10, "from": "bones"}]})")) {
        EXPECT_EQ(catalog().find(q.structure)->kind, anatomy::Kind::kBone) << q.structure;
    }
}

TEST(Generation, APoolSmallerThanTheCountIsAnErrorThatSaysHowManyAreLeft) {
    // 24 muscles have distinct names (left and right share theirs): 150 cannot be drawn.
    auto set = parse(R"({"version": 1, "title": {"en": "t"}, "questions": [
        {"kind": "origin", "count": 150, "from": "muscles"}]})",
                     "big.json", catalog());
    ASSERT_TRUE(set.has_value()) << set.error().message;
    auto questions = generate(*set, catalog());
    ASSERT_FALSE(questions.has_value());
    EXPECT_THAT(questions.error().message, HasSubstr("asks 150 origin questions from muscles, but only"));
}

TEST(Session, ScoresRightAndWrongOnceAndKeepsTheMissesForTheReview) {
    auto questions = generated(R"({"version": 1, "title": {"en": "t"}, "questions": [
        {"kind": "name", "structure": "pec_minor_r"},
        {"kind": "find", "structure": "trapezius_middle_r"},
        {"kind": "action", "structure": "rhomboid_major_r"},
        {"kind": "find", "structure": "clavicle_r"}]})");
    ASSERT_EQ(questions.size(), 4u);
    Session session(questions);
    ASSERT_EQ(session.size(), 4u);
    // 1: right.
    EXPECT_EQ(session.answer_pick("pec_minor_r", catalog()), std::nullopt) << "a click does not answer a choice";
    EXPECT_EQ(session.answer_choice(kChoiceCount), std::nullopt) << "no such choice";
    EXPECT_FALSE(session.next()) << "no moving on before an answer";
    EXPECT_EQ(session.answer_choice(questions[0].correct), true);
    EXPECT_EQ(session.answer_choice((questions[0].correct + 1) % kChoiceCount), std::nullopt) << "answered once";
    EXPECT_EQ(session.score(), 1);
    EXPECT_TRUE(session.next());
    // 2: a click on the other side's middle trapezius is right (same name); an empty click is nothing.
    EXPECT_EQ(session.answer_choice(0), std::nullopt);
    EXPECT_EQ(session.answer_pick("", catalog()), std::nullopt);
    EXPECT_EQ(session.answer_pick("trapezius_middle_l", catalog()), true);
    EXPECT_TRUE(session.next());
    // 3: wrong.
    const std::size_t wrong = (questions[2].correct + 1) % kChoiceCount;
    EXPECT_EQ(session.answer_choice(wrong), false);
    EXPECT_FALSE(session.last_correct());
    EXPECT_EQ(session.given(), questions[2].choices[wrong]);
    EXPECT_TRUE(session.next());
    // 4: the left clavicle is not the right one.
    EXPECT_EQ(session.answer_pick("clavicle_l", catalog()), false);
    EXPECT_FALSE(session.next());
    EXPECT_TRUE(session.finished());
    EXPECT_EQ(session.current(), nullptr);
    EXPECT_EQ(session.score(), 2);
    ASSERT_EQ(session.misses().size(), 2u);
    EXPECT_EQ(session.misses()[0].question, 2u);
    EXPECT_EQ(session.misses()[0].given, questions[2].choices[wrong]);
    EXPECT_EQ(session.misses()[1].question, 3u);
    EXPECT_EQ(session.misses()[1].given, "clavicle_l");
    session.restart();
    EXPECT_EQ(session.score(), 0);
    EXPECT_TRUE(session.misses().empty());
    EXPECT_EQ(session.current(), &session.questions()[0]);
}

TEST(Session, ChoicesReadInTheLanguageOfTheMoment) {
    const auto q = generated(one_question("origin", "pec_minor_r"));
    ASSERT_EQ(q.size(), 1u);
    EXPECT_NE(choice_text(q[0], q[0].correct, catalog(), "en"), choice_text(q[0], q[0].correct, catalog(), "es"));
    EXPECT_EQ(choice_text(q[0], q[0].correct, catalog(), "es"),
              anatomy::localized(catalog().find("pec_minor_r")->origin, "es"));
}

struct BadSet {
    const char* name;
    std::string text;
    std::string expected;  // a substring of the message, with the line
};

TEST(MalformedSet, EachProblemIsOneMessageWithTheFileLineAndField) {
    const std::vector<BadSet> cases = {
        {"empty", "", "bad.json:1:"},
        {"not json", "{\"version\": 1,\n  \"title\": ", "bad.json:2:"},
        {"top not object", "[1, 2]", "bad.json:1: the top level must be an object"},
        {"no version", R"({"title": {"en": "t"}, "questions": []})", "field 'version': is missing"},
        {"wrong version", "{\n\"version\": 2,\n\"title\": {\"en\": \"t\"}, \"questions\": []}",
         "bad.json:2: field 'version': must be 1"},
        {"unknown field",
         "{\"version\": 1, \"title\": {\"en\": \"t\"},\n\"questions\": [{\"kind\": \"find\", "
         "\"structure\": \"pec_minor_r\"}],\n\"colour\": 3}",
         "bad.json:3: field 'colour': unknown field"},
        {"no English title", R"({"version": 1, "title": {"es": "t"}, "questions": [{"kind": "find", "count": 1}]})",
         "field 'title': needs an English title"},
        {"unknown language", R"({"version": 1, "title": {"en": "t", "fr": "t"}, "questions": []})",
         "field 'title.fr': unknown language"},
        {"no questions", R"({"version": 1, "title": {"en": "t"}, "questions": []})",
         "field 'questions': must be a non-empty array"},
        {"unknown kind",
         "{\"version\": 1, \"title\": {\"en\": \"t\"}, \"questions\": [\n"
         "  {\"kind\": \"find\", \"structure\": \"pec_minor_r\"},\n"
         "  {\"kind\": \"spell\", \"structure\": \"pec_minor_r\"}]}",
         "bad.json:3: field 'questions[1].kind': unknown kind \"spell\""},
        {"unknown id",
         "{\"version\": 1, \"title\": {\"en\": \"t\"}, \"questions\": [\n"
         "  {\"kind\": \"name\",\n   \"structure\": \"pec_minorr\"}]}",
         "bad.json:3: field 'questions[0].structure': unknown structure id \"pec_minorr\""},
        {"origin of a bone", one_question("origin", "scapula_r"), "origin questions are for muscles"},
        {"skin", one_question("find", "skin"), "the skin cannot be asked about"},
        {"neither structure nor count", R"({"version": 1, "title": {"en": "t"}, "questions": [{"kind": "find"}]})",
         "field 'questions[0]': a question needs \"structure\""},
        {"count zero", R"({"version": 1, "title": {"en": "t"}, "questions": [{"kind": "find", "count": 0}]})",
         "field 'questions[0].count': must be a whole number from 1 to 200"},
        {"bad pool",
         R"({"version": 1, "title": {"en": "t"}, "questions": [{"kind": "find", "count": 2, "from": "organs"}]})",
         "field 'questions[0].from': must be one of muscles, bones, all"},
        {"innervation from bones",
         R"({"version": 1, "title": {"en": "t"}, "questions": [{"kind": "innervation", "count": 2, "from": "bones"}]})",
         "innervation questions are for muscles"},
        {"negative seed", R"({"version": 1, "title": {"en": "t"}, "seed": -1, "questions": []})",
         "field 'seed': must be a whole number"},
        {"too many", R"({"version": 1, "title": {"en": "t"}, "questions": [{"kind": "find", "count": 150},
            {"kind": "name", "count": 100}]})",
         "asks more than 200 questions"},
        {"duplicate key", R"({"version": 1, "version": 1})", "appears twice"},
        {"binary", std::string("\x00\xff\xfe{", 4), "bad.json:1:"},
        {"deep", std::string(100000, '['), "bad.json:1:"},
    };
    for (const BadSet& c : cases) {
        SCOPED_TRACE(c.name);
        auto set = parse(c.text, "bad.json", catalog());
        ASSERT_FALSE(set.has_value());
        EXPECT_THAT(set.error().message, HasSubstr(c.expected));
        EXPECT_EQ(set.error().message.find('\n'), std::string::npos) << "one line";
    }
    auto missing = load("/nonexistent/quiz.json", catalog());
    ASSERT_FALSE(missing.has_value());
    EXPECT_THAT(missing.error().message, HasSubstr("/nonexistent/quiz.json: no such quiz set file"));
}

TEST(MalformedSet, TheDefaultSetCutAtEveryByteIsAnErrorNeverACrash) {
    std::ifstream in(kSourceDir / "assets" / "quiz" / "default.json", std::ios::binary);
    std::ostringstream read;
    read << in.rdbuf();
    const std::string text = read.str();
    ASSERT_GT(text.size(), 500u);
    for (std::size_t n = 0; n + 2 < text.size(); ++n) {  // the last two bytes are "}\n": cut there it is whole
        auto set = parse(std::string_view(text).substr(0, n), "cut.json", catalog());
        EXPECT_FALSE(set.has_value()) << "cut at " << n;
        if (!set) {
            EXPECT_THAT(set.error().message, HasSubstr("cut.json:"));
        }
    }
}

TEST(QuizCli, ABadQuizFileIsExitTwoWithTheFileLineAndFieldBeforeAnyWindow) {
    const fs::path bad = fs::temp_directory_path() / ("myoview-bad-quiz-" + std::to_string(::getpid()) + ".json");
    {
        std::ofstream out(bad);
        out << "{\"version\": 1, \"title\": {\"en\": \"t\"},\n\"questions\": [{\"kind\": \"guess\", \"count\": 2}]}\n";
    }
    testing::ProcessOptions options = testing::with_timeout(120.0);
    options.env["DISPLAY"] = std::nullopt;  // the file is checked before a display is looked for
    const auto r = testing::run_process({testing::executable(), "--quiz", bad.string()}, options);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_THAT(r.err, HasSubstr(bad.string() + ":2: field 'questions[0].kind': unknown kind \"guess\""));
    const auto missing = testing::run_process({testing::executable(), "--quiz", bad.string() + ".nope"}, options);
    EXPECT_EQ(missing.exit_code, 2) << missing.err;
    EXPECT_THAT(missing.err, HasSubstr("no such quiz set file"));
    fs::remove(bad);
    const auto both = testing::run_process({testing::executable(), "--quiz", "--scenario", "x.json"}, options);
    EXPECT_EQ(both.exit_code, 2);
    EXPECT_THAT(both.err, HasSubstr("--quiz"));
}

}  // namespace
}  // namespace myoview::quiz
