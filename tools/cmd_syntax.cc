// parley syntax train / eval: build the tagger and parser model from a UD treebank, and
// score a model on a gold treebank with gold tokenisation.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "parley/syntax.h"
#include "syntax/model.h"
#include "util/files.h"

namespace parley::cli {
namespace {

struct TrainFlags {
  std::string train, dev, out;
  uint64_t seed = 1;
  int epochs = 12;
  int jackknife = 4;
  int min_updates = 3;
};

struct EvalFlags {
  std::string model, gold, output;
  bool json = false;
};

int RunTrain(const TrainFlags& f) {
  std::vector<syntax::Sentence> train, dev;
  Status s = syntax::ReadConlluFile(f.train, &train);
  if (s.ok() && !f.dev.empty()) s = syntax::ReadConlluFile(f.dev, &dev);
  if (!s.ok()) {
    std::fprintf(stderr, "parley syntax train: %s\n", s.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "parley syntax train: %zu training, %zu dev sentences\n", train.size(),
               dev.size());
  syntax::TrainOptions options;
  options.seed = f.seed;
  options.epochs = f.epochs;
  options.jackknife = f.jackknife;
  options.min_updates = f.min_updates;
  s = syntax::Train(train, dev, options, f.out);
  if (!s.ok()) {
    std::fprintf(stderr, "parley syntax train: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}

int RunEval(const EvalFlags& f) {
  std::shared_ptr<const syntax::Model> model;
  Status s = syntax::LoadModel(f.model, &model);
  std::vector<syntax::Sentence> gold;
  if (s.ok()) s = syntax::ReadConlluFile(f.gold, &gold);
  if (!s.ok()) {
    std::fprintf(stderr, "parley syntax eval: %s\n", s.ToString().c_str());
    return 1;
  }
  syntax::Analyzer analyzer(model);
  std::vector<syntax::Sentence> predicted = gold;
  for (syntax::Sentence& sentence : predicted) analyzer.AnalyzeSentence(&sentence);
  const syntax::Scores r = syntax::Evaluate(gold, predicted);
  if (!f.output.empty()) {
    std::string text;
    for (const syntax::Sentence& sentence : predicted) syntax::AppendConllu(sentence, &text);
    std::unique_ptr<util::AtomicFile> file;
    Status w = util::CheckOutputPath("--output", f.output, {{f.gold, "the gold treebank"}});
    if (w.ok()) w = util::AtomicFile::Create(f.output, &file);
    if (w.ok()) {
      std::fwrite(text.data(), 1, text.size(), file->get());
      w = file->Finish(Status::OK());
    }
    if (!w.ok()) {
      std::fprintf(stderr, "parley syntax eval: %s\n", w.ToString().c_str());
      return 1;
    }
  }
  if (f.json) {
    std::printf(
        "{\"upos\":%.2f,\"xpos\":%.2f,\"lemma\":%.2f,\"uas\":%.2f,\"las\":%.2f,\"sentences\":%zu,"
        "\"words\":%zu}\n",
        r.upos, r.xpos, r.lemma, r.uas, r.las, r.sentences, r.words);
  } else {
    std::printf("sentences %zu, words %zu\nUPOS %.2f  XPOS %.2f  lemma %.2f  UAS %.2f  LAS %.2f\n",
                r.sentences, r.words, r.upos, r.xpos, r.lemma, r.uas, r.las);
  }
  return 0;
}

struct PruneFlags {
  std::string in, out;
  int min_weight = 2;
};

int RunPrune(const PruneFlags& f) {
  std::shared_ptr<const syntax::Model> model;
  Status s = syntax::LoadModel(f.in, &model);
  if (!s.ok()) {
    std::fprintf(stderr, "parley syntax prune: %s\n", s.ToString().c_str());
    return 1;
  }
  const std::string bytes = syntax::PruneModel(*model, f.min_weight);
  const std::string tmp = f.out + ".tmp";
  FILE* out = std::fopen(tmp.c_str(), "wb");
  if (out == nullptr || std::fwrite(bytes.data(), 1, bytes.size(), out) != bytes.size() ||
      std::fclose(out) != 0 || std::rename(tmp.c_str(), f.out.c_str()) != 0) {
    std::fprintf(stderr, "parley syntax prune: cannot write %s\n", f.out.c_str());
    return 1;
  }
  std::fprintf(stderr, "parley syntax prune: %.1f MB -> %.1f MB\n", model->file_size() / 1e6,
               bytes.size() / 1e6);
  return 0;
}

}  // namespace

void AddSyntaxCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("syntax", "Train and evaluate the UD tagger and parser");
  cmd->require_subcommand(1);

  auto* train = cmd->add_subcommand("train", "Train a model on a CoNLL-U treebank");
  auto tf = std::make_shared<TrainFlags>();
  train->add_option("--train", tf->train, "Training treebank (CoNLL-U)")->required();
  train->add_option("--dev", tf->dev, "Development treebank: picks the best epoch");
  train->add_option("--out", tf->out, "Model file to write")->required();
  train->add_option("--seed", tf->seed, "Random seed (same seed, same model)");
  train->add_option("--epochs", tf->epochs, "Parser epochs")->check(CLI::Range(1, 100));
  train
      ->add_option("--jackknife", tf->jackknife,
                   "Folds of the tagger whose tags the parser trains on (0: gold tags)")
      ->check(CLI::Range(0, 20));
  train
      ->add_option("--min-updates", tf->min_updates,
                   "Drop feature rows updated fewer times than this in training (smaller model)")
      ->check(CLI::Range(1, 1000));
  train->callback([=] { *exit_code = RunTrain(*tf); });

  auto* eval = cmd->add_subcommand("eval", "Score a model on a gold treebank (gold words)");
  auto ef = std::make_shared<EvalFlags>();
  eval->add_option("model", ef->model, "Model file")->required();
  eval->add_option("gold", ef->gold, "Gold treebank (CoNLL-U)")->required();
  eval->add_flag("--json", ef->json, "Print one JSON object");
  eval->add_option("--output", ef->output, "Also write the predicted trees (CoNLL-U) to this file");
  eval->callback([=] { *exit_code = RunEval(*ef); });

  auto* prune = cmd->add_subcommand("prune", "Drop a model's smallest weights (smaller, faster)");
  auto pf = std::make_shared<PruneFlags>();
  prune->add_option("model", pf->in, "Model file")->required();
  prune->add_option("out", pf->out, "Pruned model file to write")->required();
  prune
      ->add_option("--min-weight", pf->min_weight,
                   "Keep weights of at least this magnitude (int16 units of the file)")
      ->check(CLI::Range(1, 30000));
  prune->callback([=] { *exit_code = RunPrune(*pf); });
}

}  // namespace parley::cli
