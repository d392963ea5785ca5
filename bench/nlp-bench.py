#!/usr/bin/env python3
"""What bench/entities/run.sh and bench/sentiment/run.sh share.

  nlp-bench.py stage TAMIS PLUGIN LANG [KEY=VALUE...]
      One pipeline stage line for PLUGIN with the language given: the
      plugin's own language options that exist (languages: [LANG],
      default_language / language / lang: LANG) and the extra options.
      Exit status 3 when the plugin has none of them.
  nlp-bench.py corpus OUT LANG TARGET_MB SOURCE
      Speed input from SOURCE, a folder of .txt articles (one record each)
      or a JSONL set whose texts are joined 30 to a record: OUT-once.jsonl
      (the texts repeated to 0.1 MB at least, for the slower peers),
      OUT-many.jsonl (repeated to about TARGET_MB), OUT-tiny.jsonl (one
      short record: start-up), and OUT.size (bytes once, bytes many).
  nlp-bench.py time-tamis TAMIS PIPELINE OUT [REPEAT]
      CPU time of `tamis run PIPELINE` -j 1 on OUT-tiny.jsonl (start-up)
      and on OUT-many.jsonl, given as many times as it takes for a second
      of work (64 at most), best of REPEAT (3); prints the JSON the peers
      print: bytes, cpu (without start-up), startup_cpu, wall.
  nlp-bench.py time-diff WHOLE.json PART.json
      The timing of what WHOLE runs beyond PART (a stage after others).
  nlp-bench.py lib-speed SEGBENCH PLUGIN_DIR ONCE.jsonl PIPELINE...
      The stages alone through the library: bench/segment/segbench runs
      each PIPELINE over the texts of ONCE.jsonl held in memory (no JSON
      read or written, no start-up), 20 passes, three rounds with the
      pipelines in turn; prints the best MB per CPU-second of each.
  nlp-bench.py speed-table INPUT=SYSTEM=FILE.json...
      The Markdown table of the timings.
"""
import json
import os
import re
import resource
import subprocess
import sys

LANG_LIST_OPTIONS = ("languages",)
LANG_OPTIONS = ("default_language", "language", "lang")


def plugin_options(tamis, plugin):
    """Option names of PLUGIN from `tamis plugins PLUGIN`, or None."""
    r = subprocess.run([tamis, "plugins", plugin], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    names, inside = [], False
    for line in r.stdout.splitlines():
        if line.startswith("Options:"):
            inside = True
        elif inside and line and not line.startswith(" "):
            break
        elif inside:
            m = re.match(r"^  (\w+)\s+\w+\s+default", line)
            if m:
                names.append(m.group(1))
    return names


def cmd_stage(tamis, plugin, lang, *extra):
    names = plugin_options(tamis, plugin)
    if names is None:
        sys.exit(2)
    opts = ["%s: [%s]" % (n, lang) for n in LANG_LIST_OPTIONS if n in names]
    opts += ["%s: %s" % (n, lang) for n in LANG_OPTIONS if n in names]
    given = bool(opts)
    opts += [kv.replace("=", ": ", 1) for kv in extra]
    print("  - %s: {%s}" % (plugin, ", ".join(opts)) if opts else "  - %s" % plugin)
    sys.exit(0 if given else 3)


def write_jsonl(path, recs):
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def cmd_corpus(out, lang, target_mb, source):
    if os.path.isdir(source):
        recs = [{"id": n, "text": open(os.path.join(source, n), encoding="utf-8").read(), "lang": lang}
                for n in sorted(os.listdir(source)) if n.endswith(".txt")]
    else:
        texts = [json.loads(l)["text"] for l in open(source, encoding="utf-8") if l.strip()]
        recs = [{"id": "news-%d" % (k // 30), "text": " ".join(texts[k:k + 30]), "lang": lang}
                for k in range(0, len(texts), 30)]
    size = sum(len(r["text"].encode("utf-8")) for r in recs)
    copies = max(1, int(float(target_mb) * 1e6 / max(size, 1) + 0.5))
    few = -(-100000 // max(size, 1))
    write_jsonl(out + "-once.jsonl", [dict(r, id="%s-%d" % (r["id"], k)) for k in range(few) for r in recs])
    write_jsonl(out + "-many.jsonl", [dict(r, id="%s-%d" % (r["id"], k)) for k in range(copies) for r in recs])
    write_jsonl(out + "-tiny.jsonl", [{"id": "tiny", "text": recs[0]["text"][:200], "lang": lang}])
    open(out + ".size", "w").write("%d %d\n" % (size * few, size * copies))


def run_cpu(cmd):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = os.times().elapsed
    if subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode != 0:
        sys.exit("nlp-bench: %s failed" % " ".join(cmd))
    wall = os.times().elapsed - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime), wall


def cmd_time_tamis(tamis, pipeline, out, repeat="3"):
    many = int(open(out + ".size").read().split()[1])

    def best(files):
        cpu = wall = None
        for _ in range(int(repeat)):
            c, w = run_cpu([tamis, "run", pipeline] + files + ["-o", out + ".out", "-j", "1"])
            cpu, wall = min(c, cpu or c), min(w, wall or w)
        return cpu, wall

    startup = best([out + "-tiny.jsonl"])[0]
    # the input given several times over until the work takes a second
    # or so, so that start-up and timer resolution weigh little
    copies = 1
    while True:
        cpu, wall = best([out + "-many.jsonl"] * copies)
        work = cpu - startup
        if work >= 1.0 or copies >= 64:
            break
        copies = min(64, max(copies + 1, int(copies * 1.5 / max(work, 0.01)) + 1))
    print(json.dumps({"bytes": many * copies, "cpu": max(work, 1e-6), "wall": wall, "startup_cpu": startup}))


def cmd_time_diff(whole, part):
    w, p = json.load(open(whole)), json.load(open(part))
    # per byte: the two may have been timed on different amounts
    cpu = w["cpu"] - p["cpu"] * w["bytes"] / p["bytes"]
    # under 2 % of the whole, the difference is noise: no figure
    print(json.dumps({"bytes": w["bytes"], "cpu": cpu if cpu > 0.02 * w["cpu"] else None,
                      "wall": w["wall"] - p["wall"],
                      "startup_cpu": max(w["startup_cpu"] - p["startup_cpu"], 0.0)}))


def cmd_speed_table(*items):
    print("| input | system | MB timed | MB per CPU-second | start-up (CPU s) |")
    print("|---|---|---|---|---|")
    for item in items:
        name, system, path = item.split("=", 2)
        try:
            t = json.load(open(path))
        except (OSError, ValueError):
            print("| %s | %s | - | failed | - |" % (name, system))
            continue
        speed = "%.3f" % (t["bytes"] / 1e6 / t["cpu"]) if t["cpu"] else "within timing noise"
        print("| %s | %s | %.2f | %s | %.2f |" % (name, system, t["bytes"] / 1e6, speed, t["startup_cpu"]))


def cmd_lib_speed(segbench, plugin_dir, once, *pipelines):
    folder = once + "-txt"
    os.makedirs(folder, exist_ok=True)
    with open(once, encoding="utf-8") as f:
        for i, line in enumerate(f):
            with open(os.path.join(folder, "%05d.txt" % i), "w", encoding="utf-8") as out:
                out.write(json.loads(line)["text"])
    env = dict(os.environ, TAMIS_PLUGIN_PATH=plugin_dir)
    best = [None] * len(pipelines)
    for _ in range(3):
        for k, pipeline in enumerate(pipelines):
            run = subprocess.run([segbench, "-j", "1", "-r", "20", pipeline, folder], env=env,
                                 capture_output=True, text=True)
            m = re.search(r"([0-9.]+) MB/s per thread of CPU time in the stages", run.stdout + run.stderr)
            if m and (best[k] is None or float(m.group(1)) > best[k]):
                best[k] = float(m.group(1))
    print(" ".join("%.1f" % b if b is not None else "-" for b in best))


if __name__ == "__main__":
    commands = {"stage": cmd_stage, "corpus": cmd_corpus, "time-tamis": cmd_time_tamis, "time-diff": cmd_time_diff,
                "lib-speed": cmd_lib_speed, "speed-table": cmd_speed_table}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
