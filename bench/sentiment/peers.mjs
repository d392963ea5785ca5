// The sentiment peers of bench/sentiment/run.sh, all from npm. Run from
// the directory where they are installed:
//
//   node peers.mjs tag PEER IN.jsonl > OUT.jsonl
//     IN: {"id", "text", "lang"} per line; OUT: {"id", "text",
//     "sentiment", "sentiment_score"}, the document attributes of tamis.
//   node peers.mjs time PEER IN.jsonl
//     one JSON line: bytes, the CPU seconds of start-up (Node, the library
//     loaded, a first short text) and of labelling every text (best of 3).
//
// PEER, each with its usual decision rule:
//   vader   vader-sentiment, compound >= 0.05 positive, <= -0.05 negative
//           (English lexicon, used for every language)
//   afinn   sentiment (AFINN-165), score > 0 positive, < 0 negative
//           (English only: it ships no other language)
//   nlpjs   @nlpjs/sentiment with @nlpjs/lang-en and @nlpjs/lang-fr, the
//           document's language; its vote (sign of the score)
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

function sign(score, threshold) {
  return score >= threshold ? "positive" : score <= -threshold ? "negative" : "neutral";
}

async function makePeer(name) {
  if (name === "vader") {
    const vader = require("vader-sentiment");
    return async (text) => {
      const s = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
      return [sign(s, 0.05), s];
    };
  }
  if (name === "afinn") {
    const Sentiment = require("sentiment");
    const afinn = new Sentiment();
    return async (text) => {
      const s = afinn.analyze(text).score;
      return [s > 0 ? "positive" : s < 0 ? "negative" : "neutral", s];
    };
  }
  if (name === "nlpjs") {
    const { containerBootstrap } = require("@nlpjs/core");
    const { SentimentAnalyzer } = require("@nlpjs/sentiment");
    const { LangEn } = require("@nlpjs/lang-en");
    const { LangFr } = require("@nlpjs/lang-fr");
    const container = await containerBootstrap();
    container.use(LangEn);
    container.use(LangFr);
    const analyzer = new SentimentAnalyzer({ container });
    return async (text, lang) => {
      const r = await analyzer.process({ locale: lang === "fr" ? "fr" : "en", text });
      return [r.sentiment.vote, r.sentiment.score];
    };
  }
  throw new Error(`unknown peer '${name}' (vader, afinn, nlpjs)`);
}

function readRecords(path) {
  return fs.readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

const [mode, name, path] = process.argv.slice(2);
if (mode !== "tag" && mode !== "time") {
  console.error("usage: node peers.mjs tag|time vader|afinn|nlpjs IN.jsonl");
  process.exit(2);
}
const peer = await makePeer(name);
const recs = readRecords(path);
if (mode === "tag") {
  const out = [];
  for (const r of recs) {
    const [label, score] = await peer(r.text, r.lang);
    out.push(JSON.stringify({ id: r.id, text: r.text, sentiment: label, sentiment_score: score }));
  }
  process.stdout.write(out.join("\n") + "\n");
} else {
  await peer("The results were good.", "en");
  await peer("Les résultats sont mauvais.", "fr");
  const boot = process.cpuUsage();
  let bytes = 0;
  for (const r of recs) bytes += Buffer.byteLength(r.text, "utf8");
  let cpu = Infinity, wall = Infinity;
  for (let k = 0; k < 3; k++) {
    const c = process.cpuUsage(), t = process.hrtime.bigint();
    for (const r of recs) await peer(r.text, r.lang);
    const u = process.cpuUsage(c);
    cpu = Math.min(cpu, (u.user + u.system) / 1e6);
    wall = Math.min(wall, Number(process.hrtime.bigint() - t) / 1e9);
  }
  console.log(JSON.stringify({ bytes, cpu, wall, startup_cpu: (boot.user + boot.system) / 1e6 }));
}
