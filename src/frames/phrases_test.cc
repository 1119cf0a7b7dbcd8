// Stage 2 on hand-written UD trees (EWT conventions): noun groups, places, verb groups.
#include <gtest/gtest.h>

#include "frames/frames_test_util.h"
#include "frames/lexicon.h"

namespace parley::frames {
namespace {

using testing::AnalyseRows;
using testing::Strings;

Strings MemberForms(const testing::Analysed& a, const NounGroup& g) {
  Strings out;
  for (uint32_t m = g.members_begin; m < g.members_end; ++m) {
    out.push_back(a.Form(a.phrases().members[m].word));
  }
  return out;
}

TEST(FramesLexiconTest, TablesAreSortedForBinarySearch) {
  EXPECT_TRUE(internal::TablesAreSorted());
  EXPECT_TRUE(internal::IsEventiveNoun("Talk"));
  EXPECT_FALSE(internal::IsEventiveNoun("minister"));
  EXPECT_EQ(internal::GovernorModality("READY"), ModalSource::kReadiness);
  EXPECT_EQ(internal::GovernorModality("a-very-long-word-that-is-in-no-table-at-all"),
            ModalSource::kNone);
}

// "Russian Ambassador to South Korea Andrei Kulik" is one actor phrase: the head with its
// amod, the "to" sub-group and the apposed name, while "said" is outside it.
TEST(FramesPhrasesTest, AmbassadorToSouthKoreaIsOneGroup) {
  auto a = AnalyseRows(R"(
1 Russian Russian ADJ JJ Degree=Pos 2 amod
2 Ambassador ambassador PROPN NNP Number=Sing 8 nsubj
3 to to ADP IN _ 5 case
4 South South PROPN NNP Number=Sing 5 compound
5 Korea Korea PROPN NNP Number=Sing 2 nmod
6 Andrei Andrei PROPN NNP Number=Sing 2 appos
7 Kulik Kulik PROPN NNP Number=Sing 6 flat
8 said say VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 0 root
9 the the DET DT _ 10 det
10 talks talk NOUN NNS Number=Plur 13 nsubj
11 in in ADP IN _ 12 case
12 Geneva Geneva PROPN NNP Number=Sing 10 nmod
13 failed fail VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 8 ccomp
14 . . PUNCT . _ 8 punct
)");
  const NounGroup* amb = a->GroupOf("Ambassador");
  ASSERT_NE(amb, nullptr);
  EXPECT_EQ(amb->extent_first, 0);
  EXPECT_EQ(amb->extent_last, 6);
  EXPECT_EQ(MemberForms(*a, *amb), (Strings{"Russian"}));
  const NounGroup* korea = a->GroupOf("Korea");
  ASSERT_NE(korea, nullptr);
  EXPECT_EQ(korea->link, LinkKind::kPart);
  EXPECT_EQ(korea->preposition, "to");
  EXPECT_EQ(MemberForms(*a, *korea), (Strings{"South"}));
  EXPECT_EQ(korea->locative, Locative::kNone);
  const NounGroup* andrei = a->GroupOf("Andrei");
  ASSERT_NE(andrei, nullptr);
  EXPECT_EQ(andrei->link, LinkKind::kAppos);
  EXPECT_EQ(MemberForms(*a, *andrei), (Strings{"Kulik"}));
  EXPECT_EQ(&a->phrases().groups[korea->parent], amb);
  EXPECT_EQ(&a->phrases().groups[andrei->parent], amb);
  // Kulik is a member, not a group of its own.
  EXPECT_EQ(a->GroupOf("Kulik"), nullptr);
  // "talks in Geneva": the nmod is a locative sub-group of an eventive noun.
  const NounGroup* talks = a->GroupOf("talks");
  ASSERT_NE(talks, nullptr);
  EXPECT_TRUE(talks->eventive);
  const NounGroup* geneva = a->GroupOf("Geneva");
  ASSERT_NE(geneva, nullptr);
  EXPECT_EQ(geneva->link, LinkKind::kNmod);
  EXPECT_EQ(geneva->locative, Locative::kPreposition);
  EXPECT_EQ(talks->extent_last, talks->last);  // a place is not part of the actor phrase
}

TEST(FramesPhrasesTest, ViaItsEmbassyInVienna) {
  auto a = AnalyseRows(R"(
1 Russia Russia PROPN NNP Number=Sing 2 nsubj
2 protested protest VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 0 root
3 via via ADP IN _ 5 case
4 its its PRON PRP$ Number=Sing|Poss=Yes 5 nmod:poss
5 embassy embassy NOUN NN Number=Sing 2 obl
6 in in ADP IN _ 7 case
7 Vienna Vienna PROPN NNP Number=Sing 5 nmod
8 . . PUNCT . _ 2 punct
)");
  const NounGroup* embassy = a->GroupOf("embassy");
  ASSERT_NE(embassy, nullptr);
  EXPECT_EQ(embassy->locative, Locative::kPreposition);
  EXPECT_EQ(embassy->preposition, "via");
  EXPECT_EQ(a->GroupOf("its")->link, LinkKind::kPossessor);
  EXPECT_EQ(a->GroupOf("Vienna")->locative, Locative::kPreposition);
  EXPECT_EQ(a->GroupOf("Russia")->locative, Locative::kNone);
  // The possessor is part of the actor phrase, the place is not.
  EXPECT_EQ(embassy->extent_first, 3);
  EXPECT_EQ(embassy->extent_last, 4);
}

TEST(FramesPhrasesTest, ConjoinedAdjectivesAndNounsAndTheViennaTalks) {
  auto a = AnalyseRows(R"(
1 Japanese Japanese ADJ JJ Degree=Pos 4 amod
2 and and CCONJ CC _ 3 cc
3 Chinese Chinese ADJ JJ Degree=Pos 1 conj
4 officials official NOUN NNS Number=Plur 7 nsubj
5 and and CCONJ CC _ 6 cc
6 Peru Peru PROPN NNP Number=Sing 4 conj
7 praised praise VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 0 root
8 the the DET DT _ 10 det
9 Vienna Vienna PROPN NNP Number=Sing 10 compound
10 talks talk NOUN NNS Number=Plur 7 obj
11 . . PUNCT . _ 7 punct
)");
  const NounGroup* officials = a->GroupOf("officials");
  ASSERT_NE(officials, nullptr);
  EXPECT_EQ(MemberForms(*a, *officials), (Strings{"Japanese", "and", "Chinese"}));
  const GroupMember& chinese = a->phrases().members[officials->members_begin + 2];
  EXPECT_EQ(chinese.role, MemberRole::kAmod);
  EXPECT_TRUE(chinese.coordinated);
  EXPECT_FALSE(a->phrases().members[officials->members_begin].coordinated);
  EXPECT_EQ(a->phrases().members[officials->members_begin + 1].role, MemberRole::kOther);
  const NounGroup* peru = a->GroupOf("Peru");
  ASSERT_NE(peru, nullptr);
  EXPECT_EQ(peru->link, LinkKind::kConjunct);
  ASSERT_EQ(officials->links_end - officials->links_begin, 1u);
  EXPECT_EQ(&a->phrases().groups[a->phrases().links[officials->links_begin]], peru);
  const NounGroup* talks = a->GroupOf("talks");
  ASSERT_NE(talks, nullptr);
  const GroupMember& vienna = a->phrases().members[talks->members_begin + 1];
  EXPECT_EQ(a->Form(vienna.word), "Vienna");
  EXPECT_EQ(vienna.role, MemberRole::kCompound);
  EXPECT_TRUE(vienna.possible_place);
}

TEST(FramesPhrasesTest, VerbGroupTenseModalNegationVoice) {
  auto a = AnalyseRows(R"(
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
)");
  const Phrases& p = a->phrases();
  ASSERT_EQ(p.verbs.size(), 2u);
  const VerbGroup& attack = p.verbs[p.verb_of_word[a->Word("attack")]];
  EXPECT_EQ(attack.tense, Tense::kFuture);
  EXPECT_EQ(attack.modal_source, ModalSource::kAuxiliary);
  EXPECT_EQ(attack.modal, "will");
  EXPECT_TRUE(attack.negated);
  EXPECT_EQ(a->Form(attack.negation_word), "not");
  EXPECT_EQ(attack.voice, Voice::kActive);
  const VerbGroup& said = p.verbs[p.verb_of_word[a->Word("said")]];
  EXPECT_EQ(said.tense, Tense::kPast);
  EXPECT_FALSE(said.negated);
  EXPECT_EQ(said.modal_source, ModalSource::kNone);
  EXPECT_EQ(a->GroupOf("Monday")->locative, Locative::kNone);  // "on" is not a place
}

TEST(FramesPhrasesTest, PassiveAgentFromObliqueBy) {
  // Older EWT releases mark the passive agent as plain obl with "by".
  auto a = AnalyseRows(R"(
1 Russia Russia PROPN NNP Number=Sing 3 nsubj:pass
2 was be AUX VBD Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin 3 aux:pass
3 attacked attack VERB VBN Tense=Past|VerbForm=Part|Voice=Pass 0 root
4 by by ADP IN _ 5 case
5 Ukraine Ukraine PROPN NNP Number=Sing 3 obl
6 . . PUNCT . _ 3 punct
)");
  const VerbGroup& v = a->phrases().verbs[0];
  EXPECT_EQ(v.voice, Voice::kPassive);
  EXPECT_EQ(v.tense, Tense::kPast);  // from the auxiliary, not the participle
  ASSERT_GE(v.agent_group, 0);
  EXPECT_EQ(a->Form(a->phrases().groups[v.agent_group].head), "Ukraine");
}

TEST(FramesPhrasesTest, ReadinessNeitherNorAndNoAsDeterminer) {
  auto a = AnalyseRows(R"(
1 Iran Iran PROPN NNP Number=Sing 3 nsubj
2 is be AUX VBZ Mood=Ind|Tense=Pres|VerbForm=Fin 3 cop
3 ready ready ADJ JJ Degree=Pos 0 root
4 to to PART TO _ 5 mark
5 talk talk VERB VB VerbForm=Inf 3 xcomp
6 but but CCONJ CC _ 8 cc
7 neither neither CCONJ CC _ 8 cc:preconj
8 confirmed confirm VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 3 conj
9 nor nor CCONJ CC _ 10 cc
10 denied deny VERB VBD Mood=Ind|Tense=Past|VerbForm=Fin 8 conj
11 no no DET DT _ 12 det
12 talks talk NOUN NNS Number=Plur 10 obj
)");
  const Phrases& p = a->phrases();
  const VerbGroup& ready = p.verbs[p.verb_of_word[a->Word("ready")]];
  EXPECT_TRUE(ready.copular);
  EXPECT_EQ(ready.tense, Tense::kPresent);
  const VerbGroup& talk = p.verbs[p.verb_of_word[a->Word("talk")]];
  EXPECT_EQ(talk.modal_source, ModalSource::kReadiness);
  EXPECT_EQ(talk.modal, "ready");
  EXPECT_EQ(talk.tense, Tense::kNone);
  EXPECT_TRUE(p.verbs[p.verb_of_word[a->Word("confirmed")]].negated);
  EXPECT_TRUE(p.verbs[p.verb_of_word[a->Word("denied")]].negated);
  // "no" as the object's determiner does not negate the verb (the noun frame is negated).
  auto b = AnalyseRows(R"(
1 Iran Iran PROPN NNP Number=Sing 2 nsubj
2 wants want VERB VBZ Mood=Ind|Tense=Pres|VerbForm=Fin 0 root
3 no no DET DT _ 4 det
4 talks talk NOUN NNS Number=Plur 2 obj
)");
  EXPECT_FALSE(b->phrases().verbs[0].negated);
  EXPECT_EQ(b->FrameOf("wants")->mood, Mood::kAsserted);
  EXPECT_EQ(b->FrameOf("talks")->mood, Mood::kNegated);
}

TEST(FramesPhrasesTest, AVerbAttachedAsAuxiliaryIsNotAPredicate) {
  auto a = AnalyseRows(R"(
1 figures figure NOUN NNS Number=Plur 3 nsubj
2 have have VERB VBP Mood=Ind|Tense=Pres|VerbForm=Fin 3 aux
3 risen rise VERB VBN Tense=Past|VerbForm=Part 0 root
)");
  ASSERT_EQ(a->phrases().verbs.size(), 1u);
  EXPECT_EQ(a->Form(a->phrases().verbs[0].head), "risen");
  EXPECT_EQ(a->phrases().verbs[0].tense, Tense::kPresent);
  EXPECT_EQ(a->frames().frames.size(), 1u);
}

TEST(FramesPhrasesTest, BadHeadsAreRepairedNotTrusted) {
  // A cycle (1 -> 2 -> 1) and a self loop: every word still gets a place in the tree.
  syntax::Sentence s;
  for (int i = 0; i < 4; ++i) {
    syntax::Word w;
    w.form = "w";
    w.upos = "NOUN";
    w.deprel = "dep";
    s.words.push_back(w);
  }
  s.words[0].head = 2;
  s.words[1].head = 1;
  s.words[2].head = 3;
  s.words[3].head = 0;
  const ParsedSentence p = FromConllu(s);
  Tree t;
  BuildTree(p, &t);
  EXPECT_EQ(t.repaired_heads, 2);
  EXPECT_EQ(t.order.size(), 4u);
  for (int w = 0; w < 4; ++w) EXPECT_GE(t.depth[w], 0);
}

}  // namespace
}  // namespace parley::frames
