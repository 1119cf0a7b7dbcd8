// parley parse INPUT...: tags and parses raw text (articles, JSONL, -) and prints each
// sentence with its document id and byte offsets, as CoNLL-U or JSONL.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.h"
#include "parley/document.h"
#include "parley/paths.h"
#include "parley/reader.h"
#include "parley/syntax.h"
#include "parley/text.h"

namespace parley::cli {
namespace {

struct ParseFlags {
  std::vector<std::string> inputs;
  std::string model;
  std::string format = "conllu";
  std::string input_format = "auto";
};

int RunParse(const ParseFlags& f) {
  const std::string path = f.model.empty() ? BundledSyntaxModelPath() : f.model;
  if (path.empty()) {
    std::fprintf(stderr, "parley parse: no syntax model found (pass --syntax-model FILE)\n");
    return 1;
  }
  std::shared_ptr<const syntax::Model> model;
  Status s = syntax::LoadModel(path, &model);
  ReaderOptions options;
  if (s.ok()) s = ParseInputFormat(f.input_format, &options.format);
  std::unique_ptr<DocumentReader> reader;
  if (s.ok()) s = DocumentReader::Open(f.inputs, options, &reader);
  if (!s.ok()) {
    std::fprintf(stderr, "parley parse: %s\n", s.ToString().c_str());
    return 1;
  }
  const bool json = f.format == "json";
  syntax::Analyzer analyzer(model);
  Document doc;
  std::vector<text::Range> sentences;
  text::TokenizedSentence tokens;
  std::vector<syntax::WordSpan> words;
  std::string out;
  size_t sentence_count = 0;
  while (reader->Next(&doc)) {
    text::SplitSentences(doc.text, &sentences);
    for (size_t si = 0; si < sentences.size(); ++si) {
      const text::Range r = sentences[si];
      const std::string_view sentence = std::string_view(doc.text).substr(r.start, r.end - r.start);
      text::Tokenize(sentence, &tokens);
      syntax::UdWords(tokens, &words);
      if (words.empty()) continue;
      analyzer.Analyze(words);
      ++sentence_count;
      out.clear();
      if (json) {
        nlohmann::json j;
        j["doc_id"] = doc.id;
        j["sentence_index"] = si;
        j["start"] = r.start;
        j["end"] = r.end;
        j["text"] = std::string(sentence);
        nlohmann::json ws = nlohmann::json::array();
        for (size_t i = 0; i < words.size(); ++i) {
          ws.push_back({{"id", i + 1},
                        {"form", std::string(words[i].form)},
                        {"lemma", std::string(analyzer.Lemma(i))},
                        {"upos", std::string(analyzer.Upos(i))},
                        {"xpos", std::string(analyzer.Xpos(i))},
                        {"feats", std::string(analyzer.Feats(i))},
                        {"head", analyzer.Head(i)},
                        {"deprel", std::string(analyzer.Deprel(i))},
                        {"start", words[i].start},
                        {"end", words[i].end}});
        }
        j["words"] = std::move(ws);
        out = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        out.push_back('\n');
      } else {
        syntax::Sentence sent;
        sent.comments.push_back("# doc_id = " + doc.id);
        sent.comments.push_back("# sent_id = " + doc.id + "-" + std::to_string(si));
        sent.comments.push_back("# offsets = " + std::to_string(r.start) + " " +
                                std::to_string(r.end));
        std::string flat(sentence);
        for (char& c : flat) {
          if (c == '\n' || c == '\r') c = ' ';
        }
        sent.comments.push_back("# text = " + flat);
        for (size_t i = 0; i < words.size(); ++i) {
          syntax::Word w;
          w.form = words[i].form;
          w.lemma = analyzer.Lemma(i);
          w.upos = analyzer.Upos(i);
          w.xpos = analyzer.Xpos(i);
          w.feats = analyzer.Feats(i);
          w.head = analyzer.Head(i);
          w.deprel = analyzer.Deprel(i);
          w.misc = "Offsets=" + std::to_string(words[i].start) + ":" + std::to_string(words[i].end);
          sent.words.push_back(std::move(w));
        }
        syntax::AppendConllu(sent, &out);
      }
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
  }
  std::fprintf(stderr, "parley parse: %llu documents, %zu sentences\n",
               static_cast<unsigned long long>(reader->documents_read()), sentence_count);
  return 0;
}

}  // namespace

void AddParseCommand(CLI::App* app, int* exit_code) {
  auto* cmd = app->add_subcommand("parse", "Tag and parse raw text (UD words, heads, relations)");
  auto f = std::make_shared<ParseFlags>();
  cmd->add_option("inputs", f->inputs, "Files, folders or - for stdin")->required();
  cmd->add_option("--syntax-model", f->model, "Model file (default: the bundled model)");
  cmd->add_option("--format", f->format, "conllu or json")
      ->check(CLI::IsMember({"conllu", "json"}));
  cmd->add_option("--input-format", f->input_format, "auto|text|jsonl|tabari|petrarch");
  cmd->callback([=] { *exit_code = RunParse(*f); });
}

}  // namespace parley::cli
