// Stage 3 on hand-written UD trees (EWT conventions): the issue 11 probe sentences and the
// clause rules (control, conjoined verbs, relative and participle clauses, reported speech,
// conditions, mood).
#include <gtest/gtest.h>

#include "frames/frames_test_util.h"

namespace parley::frames {
namespace {

using testing::AnalyseRows;
using testing::Strings;

constexpr char kWillNotAttack[] = R"(
1 Russia Russia PROPN NNP Number=Sing 4 nsubj
2 will will AUX MD VerbForm=Fin 4 aux
3 not not PART RB _ 4 advmod
4 attack attack VERB VB VerbForm=Inf 0 root
5 Ukraine Ukraine PROPN NNP Number=Sing 4 obj
6 , , PUNCT , _ 9 punct
7 the the DET DT _ 8 det
8 Kremlin Kremlin PROPN NNP Number=Sing 9 nsubj
9 said say VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 4 parataxis
10 on on ADP IN _ 11 case
11 Monday Monday PROPN NNP Number=Sing 9 obl
12 . . PUNCT . _ 4 punct
)";

TEST(FramesTest, WillNotAttackTheKremlinSaid) {
  auto a = AnalyseRows(kWillNotAttack);
  const Frame* attack = a->FrameOf("attack");
  const Frame* said = a->FrameOf("said");
  ASSERT_NE(attack, nullptr);
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(a->Args(attack, ArgRole::kAgent), (Strings{"Russia"}));
  EXPECT_EQ(a->Args(attack, ArgRole::kPatient), (Strings{"Ukraine"}));
  EXPECT_EQ(attack->mood, Mood::kNegated);
  EXPECT_TRUE(attack->mood_flags & kMoodModal);
  EXPECT_EQ(attack->modal, "will");
  EXPECT_TRUE(attack->reported);
  EXPECT_EQ(&a->frames().frames[attack->speech_frame], said);
  ASSERT_GE(attack->speaker_group, 0);
  EXPECT_EQ(a->Form(a->phrases().groups[attack->speaker_group].head), "Kremlin");
  EXPECT_TRUE(said->is_speech);
  EXPECT_FALSE(said->reported);
  EXPECT_EQ(said->mood, Mood::kAsserted);
  EXPECT_EQ(a->Args(said, ArgRole::kAgent), (Strings{"Kremlin"}));
  EXPECT_EQ(a->Args(said, ArgRole::kOblique, "on"), (Strings{"Monday"}));
  EXPECT_TRUE(a->Args(said, ArgRole::kPatient).empty());
}

TEST(FramesTest, ReportedUnderSaidAsCcomp) {
  // The same sentence the way the bundled parser reads it: said is the root.
  auto a = AnalyseRows(R"(
1 Russia Russia PROPN NNP Number=Sing 4 nsubj
2 will will AUX MD VerbForm=Fin 4 aux
3 not not PART RB _ 4 advmod
4 attack attack VERB VB VerbForm=Inf 9 ccomp
5 Ukraine Ukraine PROPN NNP Number=Sing 4 obj
6 , , PUNCT , _ 4 punct
7 the the DET DT _ 8 det
8 Kremlin Kremlin PROPN NNP Number=Sing 9 nsubj
9 said say VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 0 root
10 . . PUNCT . _ 9 punct
)");
  const Frame* attack = a->FrameOf("attack");
  ASSERT_NE(attack, nullptr);
  EXPECT_TRUE(attack->reported);
  EXPECT_EQ(a->Form(a->phrases().groups[attack->speaker_group].head), "Kremlin");
  EXPECT_EQ(attack->mood, Mood::kNegated);
  EXPECT_EQ(attack->clause, ClauseKind::kComplement);
  // Negation does not flow into the speech verb, nor the speech verb's mood into the report.
  EXPECT_EQ(a->FrameOf("said")->mood, Mood::kAsserted);
  EXPECT_FALSE(attack->mood_flags & kMoodInheritedIntent);
}

TEST(FramesTest, PassiveAgentAndPatient) {
  auto a = AnalyseRows(R"(
1 Russia Russia PROPN NNP Number=Sing 3 nsubj:pass
2 is be AUX VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 3 aux:pass
3 attacked attack VERB VBN Tense=Past|VerbForm=Part|Voice=Pass 0 root
4 by by ADP IN _ 5 case
5 Ukraine Ukraine PROPN NNP Number=Sing 3 obl:agent
6 . . PUNCT . _ 3 punct
)");
  const Frame* f = a->FrameOf("attacked");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(a->Args(f, ArgRole::kAgent), (Strings{"Ukraine"}));
  EXPECT_EQ(a->Args(f, ArgRole::kPatient), (Strings{"Russia"}));
  EXPECT_EQ(a->phrases().verbs[f->verb_group].voice, Voice::kPassive);
  EXPECT_EQ(a->phrases().verbs[f->verb_group].tense, Tense::kPresent);
  EXPECT_EQ(f->mood, Mood::kAsserted);
}

TEST(FramesTest, RelativeClauseDoesNotLendItsObjectToTheMainVerb) {
  auto a = AnalyseRows(R"(
1 The the DET DT _ 4 det
2 German German ADJ JJ Degree=Pos 4 amod
3 foreign foreign ADJ JJ Degree=Pos 4 amod
4 minister minister NOUN NN Number=Sing 14 nsubj
5 , , PUNCT , _ 7 punct
6 who who PRON WP PronType=Rel 7 nsubj
7 met meet VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 4 acl:relcl
8 Ukraine Ukraine PROPN NNP Number=Sing 10 nmod:poss
9 's 's PART POS _ 8 case
10 president president NOUN NN Number=Sing 7 obj
11 last last ADJ JJ Degree=Pos 12 amod
12 week week NOUN NN Number=Sing 7 obl:tmod
13 , , PUNCT , _ 7 punct
14 criticised criticise VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 0 root
15 Russia Russia PROPN NNP Number=Sing 14 obj
16 . . PUNCT . _ 14 punct
)");
  ASSERT_EQ(a->frames().frames.size(), 2u) << a->Trace();
  const Frame* met = a->FrameOf("met");
  const Frame* crit = a->FrameOf("criticised");
  ASSERT_NE(met, nullptr);
  ASSERT_NE(crit, nullptr);
  EXPECT_EQ(a->Args(met, ArgRole::kAgent), (Strings{"minister"}));
  EXPECT_EQ(a->Args(met, ArgRole::kPatient), (Strings{"president"}));
  EXPECT_EQ(met->clause, ClauseKind::kRelative);
  EXPECT_EQ(a->Form(met->relative_head), "minister");
  EXPECT_EQ(a->SourceOf(met, ArgRole::kAgent), ArgSource::kRelative);
  EXPECT_EQ(a->Args(crit, ArgRole::kAgent), (Strings{"minister"}));
  EXPECT_EQ(a->Args(crit, ArgRole::kPatient), (Strings{"Russia"}));
  for (const Argument& arg : a->frames().Args(*crit)) {
    EXPECT_NE(a->Form(arg.word), "president");
    EXPECT_NE(a->Form(arg.word), "Ukraine");
  }
  // The agent's group carries the modifiers a later stage resolves the actor from.
  const NounGroup* minister = a->GroupOf("minister");
  EXPECT_EQ(minister->extent_first, 0);
  EXPECT_EQ(minister->extent_last, 3);
}

TEST(FramesTest, CoordinatedAgentsAreEachListed) {
  auto a = AnalyseRows(R"(
1 Peru Peru PROPN NNP Number=Sing 4 nsubj
2 and and CCONJ CC _ 3 cc
3 Chile Chile PROPN NNP Number=Sing 1 conj
4 signed sign VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 0 root
5 a a DET DT _ 7 det
6 trade trade NOUN NN Number=Sing 7 compound
7 agreement agreement NOUN NN Number=Sing 4 obj
8 on on ADP IN _ 9 case
9 Tuesday Tuesday PROPN NNP Number=Sing 4 obl
10 . . PUNCT . _ 4 punct
)");
  const Frame* signed_ = a->FrameOf("signed");
  ASSERT_NE(signed_, nullptr);
  EXPECT_EQ(a->Args(signed_, ArgRole::kAgent), (Strings{"Peru", "Chile"}));
  EXPECT_EQ(a->frames().Args(*signed_)[1].conjunct, 1);
  EXPECT_EQ(a->Args(signed_, ArgRole::kPatient), (Strings{"agreement"}));
  EXPECT_EQ(a->Args(signed_, ArgRole::kOblique, "on"), (Strings{"Tuesday"}));
  const Frame* agreement = a->FrameOf("agreement");
  ASSERT_NE(agreement, nullptr);  // an eventive noun
  EXPECT_EQ(agreement->kind, PredicateKind::kNoun);
  EXPECT_EQ(&a->frames().frames[agreement->governor], signed_);
  EXPECT_TRUE(a->Args(agreement, ArgRole::kAgent).empty());  // "trade" is not an actor
}

TEST(FramesTest, ObjectControlAndSubjectControl) {
  auto a = AnalyseRows(R"(
1 France France PROPN NNP Number=Sing 2 nsubj
2 wants want VERB VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 0 root
3 Germany Germany PROPN NNP Number=Sing 2 obj
4 to to PART TO _ 5 mark
5 sanction sanction VERB VB VerbForm=Inf 2 xcomp
6 Iran Iran PROPN NNP Number=Sing 5 obj
7 . . PUNCT . _ 2 punct
)");
  const Frame* wants = a->FrameOf("wants");
  const Frame* sanction = a->FrameOf("sanction");
  ASSERT_NE(sanction, nullptr);
  EXPECT_EQ(a->Args(wants, ArgRole::kAgent), (Strings{"France"}));
  EXPECT_EQ(a->Args(wants, ArgRole::kPatient), (Strings{"Germany"}));
  EXPECT_EQ(wants->mood, Mood::kAsserted);
  EXPECT_EQ(a->Args(sanction, ArgRole::kAgent), (Strings{"Germany"}));
  EXPECT_EQ(a->Args(sanction, ArgRole::kPatient), (Strings{"Iran"}));
  EXPECT_EQ(a->SourceOf(sanction, ArgRole::kAgent), ArgSource::kControl);
  EXPECT_EQ(sanction->mood, Mood::kIntended);
  EXPECT_EQ(sanction->modal, "want");
  EXPECT_EQ(sanction->clause, ClauseKind::kControlled);
  EXPECT_EQ(&a->frames().frames[sanction->controller_frame], wants);

  auto b = AnalyseRows(R"(
1 France France PROPN NNP Number=Sing 2 nsubj
2 plans plan VERB VBZ Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin 0 root
3 to to PART TO _ 4 mark
4 sanction sanction VERB VB VerbForm=Inf 2 xcomp
5 Iran Iran PROPN NNP Number=Sing 4 obj
)");
  EXPECT_EQ(b->Args(b->FrameOf("sanction"), ArgRole::kAgent), (Strings{"France"}));
  EXPECT_EQ(b->FrameOf("sanction")->mood, Mood::kIntended);
}

TEST(FramesTest, ModalMeetingWithLocativeOblique) {
  auto a = AnalyseRows(R"(
1 Japanese Japanese ADJ JJ Degree=Pos 4 amod
2 and and CCONJ CC _ 3 cc
3 Chinese Chinese ADJ JJ Degree=Pos 1 conj
4 officials official NOUN NNS Number=Plur 6 nsubj
5 will will AUX MD VerbForm=Fin 6 aux
6 meet meet VERB VB VerbForm=Inf 0 root
7 in in ADP IN _ 8 case
8 Geneva Geneva PROPN NNP Number=Sing 6 obl
9 next next ADJ JJ Degree=Pos 10 amod
10 week week NOUN NN Number=Sing 6 obl:tmod
11 . . PUNCT . _ 6 punct
)");
  const Frame* meet = a->FrameOf("meet");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->mood, Mood::kModal);
  EXPECT_EQ(meet->modal, "will");
  EXPECT_EQ(a->Args(meet, ArgRole::kAgent), (Strings{"officials"}));
  EXPECT_EQ(a->Args(meet, ArgRole::kOblique, "in"), (Strings{"Geneva"}));
  bool geneva_locative = false, week_locative = true;
  for (const Argument& arg : a->frames().Args(*meet)) {
    if (a->Form(arg.word) == "Geneva") geneva_locative = arg.locative;
    if (a->Form(arg.word) == "week") week_locative = arg.locative;
  }
  EXPECT_TRUE(geneva_locative);
  EXPECT_FALSE(week_locative);
  EXPECT_TRUE(a->Args(meet, ArgRole::kPatient).empty());  // Geneva is not a participant
  // Both nationalities are members of the agent's group, for the coder to distribute.
  const NounGroup* officials = a->GroupOf("officials");
  int amods = 0;
  for (uint32_t m = officials->members_begin; m < officials->members_end; ++m) {
    amods += a->phrases().members[m].role == MemberRole::kAmod &&
             a->sentence.words[a->phrases().members[m].word].upos == "ADJ";
  }
  EXPECT_EQ(amods, 2);
}

TEST(FramesTest, NotWantToSeeAmmunitionKilling) {
  auto a = AnalyseRows(R"(
1 we we PRON PRP Case=Nom|Number=Plur|Person=1|PronType=Prs 4 nsubj
2 do do AUX VBP Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin 4 aux
3 not not PART RB _ 4 advmod
4 want want VERB VB VerbForm=Inf 0 root
5 to to PART TO _ 6 mark
6 see see VERB VB VerbForm=Inf 4 xcomp
7 the the DET DT _ 8 det
8 ammunition ammunition NOUN NN Number=Sing 6 obj
9 killing kill VERB VBG VerbForm=Ger 6 xcomp
10 Russian Russian ADJ JJ Degree=Pos 11 amod
11 soldiers soldier NOUN NNS Number=Plur 9 obj
)");
  const Frame* want = a->FrameOf("want");
  const Frame* see = a->FrameOf("see");
  const Frame* killing = a->FrameOf("killing");
  ASSERT_NE(killing, nullptr);
  EXPECT_EQ(want->mood, Mood::kNegated);
  EXPECT_EQ(see->mood, Mood::kNegated);
  EXPECT_TRUE(see->mood_flags & kMoodIntended);
  EXPECT_EQ(a->Args(see, ArgRole::kAgent), (Strings{"we"}));
  EXPECT_EQ(a->Args(killing, ArgRole::kAgent), (Strings{"ammunition"}));
  EXPECT_EQ(a->Args(killing, ArgRole::kPatient), (Strings{"soldiers"}));
  EXPECT_EQ(killing->mood, Mood::kNegated);
  EXPECT_TRUE(killing->mood_flags & kMoodInheritedNegation);
}

TEST(FramesTest, DecidedToSellIsIntended) {
  auto a = AnalyseRows(R"(
1 Hyundai Hyundai PROPN NNP Number=Sing 2 nsubj
2 decided decide VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 0 root
3 to to PART TO _ 4 mark
4 sell sell VERB VB VerbForm=Inf 2 xcomp
5 its its PRON PRP$ Number=Sing|Poss=Yes 8 nmod:poss
6 Russian Russian ADJ JJ Degree=Pos 8 amod
7 manufacturing manufacturing NOUN NN Number=Sing 8 compound
8 plant plant NOUN NN Number=Sing 4 obj
9 . . PUNCT . _ 2 punct
)");
  const Frame* sell = a->FrameOf("sell");
  ASSERT_NE(sell, nullptr);
  EXPECT_EQ(a->Args(sell, ArgRole::kAgent), (Strings{"Hyundai"}));
  EXPECT_EQ(a->Args(sell, ArgRole::kPatient), (Strings{"plant"}));
  EXPECT_EQ(sell->mood, Mood::kIntended);
  EXPECT_EQ(sell->modal, "decide");
  // "Russian" stays a modifier of the plant, not an argument of sell.
  for (const Argument& arg : a->frames().Args(*sell)) EXPECT_NE(a->Form(arg.word), "Russian");
}

TEST(FramesTest, SummedUpKulikIsTheSpeaker) {
  auto a = AnalyseRows(R"(
1 Relations relation NOUN NNS Number=Plur 3 nsubj
2 will will AUX MD VerbForm=Fin 3 aux
3 improve improve VERB VB VerbForm=Inf 0 root
4 , , PUNCT , _ 5 punct
5 summed sum VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 3 parataxis
6 up up ADP RP _ 5 compound:prt
7 Kulik Kulik PROPN NNP Number=Sing 5 nsubj
8 . . PUNCT . _ 3 punct
)");
  const Frame* summed = a->FrameOf("summed");
  const Frame* improve = a->FrameOf("improve");
  EXPECT_EQ(a->Args(summed, ArgRole::kAgent), (Strings{"Kulik"}));
  EXPECT_TRUE(a->Args(summed, ArgRole::kPatient).empty());
  EXPECT_TRUE(improve->reported);
  EXPECT_EQ(a->Form(a->phrases().groups[improve->speaker_group].head), "Kulik");
}

TEST(FramesTest, InvertedSpeechParsedAsConjunctWithObject) {
  // The bundled parser's reading of the same sentence: summed is a conjunct and Kulik its
  // object. Kulik must still be the speaker, never a patient.
  auto a = AnalyseRows(R"(
1 Relations relation NOUN NNS Number=Plur 3 nsubj
2 will will AUX MD VerbForm=Fin 3 aux
3 improve improve VERB VB VerbForm=Inf 0 root
4 , , PUNCT , _ 5 punct
5 summed sum VERB VBN Tense=Past|VerbForm=Part 3 conj
6 up up ADP RP _ 5 compound:prt
7 Kulik Kulik PROPN NNP Number=Sing 5 obj
8 . . PUNCT . _ 3 punct
)");
  const Frame* summed = a->FrameOf("summed");
  EXPECT_EQ(a->Args(summed, ArgRole::kAgent), (Strings{"Kulik"})) << a->Trace();
  EXPECT_TRUE(a->Args(summed, ArgRole::kPatient).empty());
  EXPECT_EQ(a->SourceOf(summed, ArgRole::kAgent), ArgSource::kInverted);
  EXPECT_TRUE(a->FrameOf("improve")->reported);
  // The reported clause's "will" is not the speech verb's.
  EXPECT_EQ(summed->mood, Mood::kAsserted);
}

// The bundled parser's reading of a quote before "said Ronalds": said is the root, the quote
// its ccomp before it, and Ronalds a ccomp after it. Ronalds is the speaker; frames inside the
// quote are reported even when the quote's head is a copula (no frame of its own).
TEST(FramesTest, QuoteThenSaidNameAndCopularReportedClause) {
  auto a = AnalyseRows(R"(
1 " " PUNCT `` _ 3 punct
2 Sanctions sanction NOUN NNS Number=Plur 3 nsubj
3 threat threat NOUN NN Number=Sing 9 ccomp
4 to to PART TO _ 5 mark
5 punish punish VERB VB VerbForm=Inf 3 acl
6 Iran Iran PROPN NNP Number=Sing 5 obj
7 , , PUNCT , _ 3 punct
8 " " PUNCT '' _ 3 punct
9 said say VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 0 root
10 Ronalds Ronalds PROPN NNP Number=Sing 9 ccomp
11 . . PUNCT . _ 9 punct
)");
  const Frame* said = a->FrameOf("said");
  EXPECT_EQ(a->Args(said, ArgRole::kAgent), (Strings{"Ronalds"})) << a->Trace();
  EXPECT_EQ(a->SourceOf(said, ArgRole::kAgent), ArgSource::kInverted);
  const Frame* punish = a->FrameOf("punish");
  EXPECT_TRUE(punish->reported) << a->Trace();
  EXPECT_EQ(a->Form(a->phrases().groups[punish->speaker_group].head), "Ronalds");
  EXPECT_TRUE(a->FrameOf("threat")->reported);  // the quote's head, a noun frame

  auto b = AnalyseRows(R"(
1 Officials official NOUN NNS Number=Plur 4 nsubj
2 might might AUX MD VerbForm=Fin 4 aux
3 be be AUX VB VerbForm=Inf 4 cop
4 ready ready ADJ JJ Degree=Pos 0 root
5 to to PART TO _ 6 mark
6 meet meet VERB VB VerbForm=Inf 4 xcomp
7 , , PUNCT , _ 9 punct
8 she she PRON PRP Number=Sing 9 nsubj
9 said say VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 4 parataxis
)");
  const Frame* meet = b->FrameOf("meet");
  EXPECT_TRUE(meet->reported) << b->Trace();
  EXPECT_EQ(b->Form(b->phrases().groups[meet->speaker_group].head), "she");
  EXPECT_EQ(b->Args(meet, ArgRole::kAgent), (Strings{"Officials"}));
  EXPECT_EQ(meet->mood, Mood::kIntended);
  EXPECT_FALSE(b->FrameOf("said")->reported);
}

// "thought to be" is not a report: a speech verb with a complement of its own hanging from
// a clause does not make that clause reported.
TEST(FramesTest, SpeechVerbWithItsOwnComplementReportsNothingAbove) {
  auto a = AnalyseRows(R"(
1 Talks talk NOUN NNS Number=Plur 2 nsubj
2 stalled stall VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 0 root
3 , , PUNCT , _ 5 punct
4 officials official NOUN NNS Number=Plur 5 nsubj
5 thought think VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 2 parataxis
6 to to PART TO _ 7 mark
7 leave leave VERB VB VerbForm=Inf 5 xcomp
)");
  EXPECT_FALSE(a->FrameOf("stalled")->reported) << a->Trace();
  EXPECT_FALSE(a->FrameOf("Talks")->reported);
}

TEST(FramesTest, SaidToHaveIsReported) {
  auto a = AnalyseRows(R"(
1 Isis Isis PROPN NNP Number=Sing 3 nsubj:pass
2 was be AUX VBD Mood=Ind|Tense=Past|VerbForm=Fin 3 aux:pass
3 said say VERB VBN Tense=Past|VerbForm=Part|Voice=Pass 0 root
4 to to PART TO _ 6 mark
5 have have AUX VB VerbForm=Inf 6 aux
6 thrown throw VERB VBN Tense=Past|VerbForm=Part 3 xcomp
7 men man NOUN NNS Number=Plur 6 obj
)");
  const Frame* thrown = a->FrameOf("thrown");
  EXPECT_TRUE(thrown->reported) << a->Trace();
  EXPECT_EQ(thrown->speaker_group, -1);  // nobody says who said it
  EXPECT_EQ(a->Args(thrown, ArgRole::kAgent), (Strings{"Isis"}));
  EXPECT_EQ(a->Args(thrown, ArgRole::kPatient), (Strings{"men"}));
}

TEST(FramesTest, ConjoinedVerbsShareTheSubject) {
  auto a = AnalyseRows(R"(
1 Lavrov Lavrov PROPN NNP Number=Sing 2 nsubj
2 met meet VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 0 root
3 Blinken Blinken PROPN NNP Number=Sing 2 obj
4 and and CCONJ CC _ 5 cc
5 signed sign VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 2 conj
6 a a DET DT _ 7 det
7 deal deal NOUN NN Number=Sing 5 obj
8 but but CCONJ CC _ 10 cc
9 Kyiv Kyiv PROPN NNP Number=Sing 10 nsubj
10 refused refuse VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 2 conj
11 to to PART TO _ 12 mark
12 sign sign VERB VB VerbForm=Inf 10 xcomp
)");
  const Frame* signed_ = a->FrameOf("signed");
  EXPECT_EQ(a->Args(signed_, ArgRole::kAgent), (Strings{"Lavrov"}));
  EXPECT_EQ(a->SourceOf(signed_, ArgRole::kAgent), ArgSource::kShared);
  EXPECT_EQ(a->Args(signed_, ArgRole::kPatient), (Strings{"deal"}));
  EXPECT_EQ(a->Args(a->FrameOf("refused"), ArgRole::kAgent), (Strings{"Kyiv"}));
  const Frame* sign = a->FrameOf("sign");
  EXPECT_EQ(a->Args(sign, ArgRole::kAgent), (Strings{"Kyiv"}));
  EXPECT_EQ(sign->mood, Mood::kNegated);  // refused to sign
  EXPECT_TRUE(sign->mood_flags & kMoodRefused);
}

// A verb conjoined with an xcomp takes the xcomp's subject, not its object: in "Iran plans
// to meet Qatar and sign a deal" Qatar does not sign.
TEST(FramesTest, ConjunctOfAControlledVerbSharesItsSubject) {
  auto a = AnalyseRows(R"(
1 Iran Iran PROPN NNP Number=Sing 2 nsubj
2 plans plan VERB VBZ Mood=Ind|Tense=Pres|VerbForm=Fin 0 root
3 to to PART TO _ 4 mark
4 meet meet VERB VB VerbForm=Inf 2 xcomp
5 Qatar Qatar PROPN NNP Number=Sing 4 obj
6 and and CCONJ CC _ 7 cc
7 sign sign VERB VB VerbForm=Inf 4 conj
8 a a DET DT _ 9 det
9 deal deal NOUN NN Number=Sing 7 obj
)");
  const Frame* sign = a->FrameOf("sign");
  EXPECT_EQ(a->Args(sign, ArgRole::kAgent), (Strings{"Iran"})) << a->Trace();
  EXPECT_EQ(a->SourceOf(sign, ArgRole::kAgent), ArgSource::kShared);
  EXPECT_EQ(sign->clause, ClauseKind::kControlled);
  EXPECT_EQ(sign->mood, Mood::kIntended);  // planned too
  EXPECT_EQ(sign->modal, "plan");
  EXPECT_EQ(a->Args(a->FrameOf("meet"), ArgRole::kAgent), (Strings{"Iran"}));
}

TEST(FramesTest, OrKeepsNegationInScopeAndAndDoesNot) {
  auto a = AnalyseRows(R"(
1 Russia Russia PROPN NNP Number=Sing 4 nsubj
2 will will AUX MD VerbForm=Fin 4 aux
3 not not PART RB _ 4 advmod
4 attack attack VERB VB VerbForm=Inf 0 root
5 or or CCONJ CC _ 6 cc
6 invade invade VERB VB VerbForm=Inf 4 conj
7 Ukraine Ukraine PROPN NNP Number=Sing 6 obj
8 and and CCONJ CC _ 9 cc
9 withdrew withdraw VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 4 conj
)");
  const Frame* invade = a->FrameOf("invade");
  EXPECT_EQ(invade->mood, Mood::kNegated);
  EXPECT_EQ(a->Args(invade, ArgRole::kAgent), (Strings{"Russia"}));
  const Frame* withdrew = a->FrameOf("withdrew");
  EXPECT_FALSE(withdrew->mood_flags & (kMoodNegated | kMoodInheritedNegation));
  EXPECT_EQ(withdrew->mood, Mood::kAsserted);  // finite: not under "will"
  EXPECT_EQ(a->Args(withdrew, ArgRole::kAgent), (Strings{"Russia"}));
}

TEST(FramesTest, ParticiplesAndConditions) {
  auto a = AnalyseRows(R"(
1 If if SCONJ IN _ 3 mark
2 troops troop NOUN NNS Number=Plur 3 nsubj
3 attack attack VERB VBP Mood=Ind|Tense=Pres|VerbForm=Fin 10 advcl
4 villagers villager NOUN NNS Number=Plur 3 obj
5 living live VERB VBG VerbForm=Ger 4 acl
6 , , PUNCT , _ 10 punct
7 the the DET DT _ 8 det
8 US US PROPN NNP Number=Sing 10 nsubj
9 will will AUX MD VerbForm=Fin 10 aux
10 punish punish VERB VB VerbForm=Inf 0 root
11 the the DET DT _ 12 det
12 units unit NOUN NNS Number=Plur 10 obj
13 deployed deploy VERB VBN Tense=Past|VerbForm=Part 12 acl
14 in in ADP IN _ 15 case
15 Syria Syria PROPN NNP Number=Sing 13 obl
)");
  const Frame* attack = a->FrameOf("attack");
  const Frame* punish = a->FrameOf("punish");
  const Frame* deployed = a->FrameOf("deployed");
  const Frame* living = a->FrameOf("living");
  ASSERT_NE(deployed, nullptr);
  EXPECT_EQ(attack->clause, ClauseKind::kCondition);
  EXPECT_EQ(attack->mood, Mood::kHypothetical);
  ASSERT_GE(punish->condition_frame, 0);
  EXPECT_EQ(&a->frames().frames[punish->condition_frame], attack);
  EXPECT_EQ(punish->mood, Mood::kConditional);
  EXPECT_TRUE(punish->mood_flags & kMoodModal);
  EXPECT_EQ(a->Args(deployed, ArgRole::kPatient), (Strings{"units"}));
  EXPECT_TRUE(a->Args(deployed, ArgRole::kAgent).empty());
  EXPECT_EQ(deployed->clause, ClauseKind::kParticiple);
  EXPECT_EQ(a->Args(deployed, ArgRole::kOblique, "in"), (Strings{"Syria"}));
  EXPECT_EQ(a->Args(living, ArgRole::kAgent), (Strings{"villagers"}));
}

TEST(FramesTest, EventiveNounArguments) {
  auto a = AnalyseRows(R"(
1 The the DET DT _ 3 det
2 Russian Russian ADJ JJ Degree=Pos 3 amod
3 attack attack NOUN NN Number=Sing 9 nsubj
4 on on ADP IN _ 5 case
5 Kyiv Kyiv PROPN NNP Number=Sing 3 nmod
6 and and CCONJ CC _ 7 cc
7 Odesa Odesa PROPN NNP Number=Sing 5 conj
8 has have AUX VBZ Mood=Ind|Tense=Pres|VerbForm=Fin 9 aux
9 ended end VERB VBN Tense=Past|VerbForm=Part 0 root
10 talks talk NOUN NNS Number=Plur 9 obj
11 by by ADP IN _ 12 case
12 Turkey Turkey PROPN NNP Number=Sing 10 nmod
13 in in ADP IN _ 14 case
14 Ankara Ankara PROPN NNP Number=Sing 10 nmod
)");
  const Frame* attack = a->FrameOf("attack");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(a->Args(attack, ArgRole::kAgent), (Strings{"Russian"}));
  EXPECT_EQ(a->SourceOf(attack, ArgRole::kAgent), ArgSource::kModifier);
  EXPECT_EQ(a->Args(attack, ArgRole::kPatient, "on"), (Strings{"Kyiv", "Odesa"}));
  const Frame* talks = a->FrameOf("talks");
  EXPECT_EQ(a->Args(talks, ArgRole::kAgent, "by"), (Strings{"Turkey"}));
  EXPECT_EQ(a->Args(talks, ArgRole::kOblique, "in"), (Strings{"Ankara"}));
  EXPECT_EQ(a->phrases().verbs[a->FrameOf("ended")->verb_group].tense, Tense::kPresent);
}

TEST(FramesTest, TraceNamesEveryLayer) {
  auto a = AnalyseRows(kWillNotAttack);
  const std::string trace = a->Trace();
  EXPECT_NE(trace.find("noun groups:"), std::string::npos);
  EXPECT_NE(trace.find("verb groups:"), std::string::npos);
  EXPECT_NE(trace.find("F0 attack#4 verb main mood=negated"), std::string::npos) << trace;
  EXPECT_NE(trace.find("agent G0 Russia#1 direct"), std::string::npos) << trace;
  EXPECT_NE(trace.find("reported-by=F1"), std::string::npos) << trace;
  Frames empty;
  std::string none;
  AppendTrace(empty, &none);
  EXPECT_EQ(none, "frames: not built\n");
}

}  // namespace
}  // namespace parley::frames
