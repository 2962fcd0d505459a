#!/usr/bin/env python3
"""Prints the Markdown tables of RESULTS.md from the JMH JSON files in benchmarks/results/.

  python3 benchmarks/table.py [results dir]
"""
import json, os, sys

d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results")

def load(name):
    p = os.path.join(d, name + ".json")
    if not os.path.exists(p):
        return {}
    out = {}
    for r in json.load(open(p)):
        m = r["primaryMetric"]
        out[r["benchmark"].split(".")[-1]] = m
    return out

def fmt(x):
    try:
        return f"{float(x):,.0f}"
    except ValueError:
        return str(x)

def thrpt_table(res, pairs, target):
    print("| workload | Weir ops/s (± 99.9%) | raw map ops/s (± 99.9%) | Weir / map | target |")
    print("|---|---|---|---|---|")
    for label, w, m in pairs:
        if w not in res or m not in res:
            continue
        a, b = res[w], res[m]
        print(f"| {label} | {fmt(a['score'])} ± {fmt(a['scoreError'])} | "
              f"{fmt(b['score'])} ± {fmt(b['scoreError'])} | "
              f"{a['score'] / b['score']:.2f}x | {target.get(label, '')} |")

rr = load("readrandom")
thrpt_table(rr, [
    ("readrandom, 1 thread", "readrandom_weir", "readrandom_map"),
    ("readrandom, 2 threads", "readrandom_weir_2threads", "readrandom_map_2threads"),
    ("readmissing, 1 thread", "readmissing_weir", "readmissing_map"),
    ("readmissing, 2 threads", "readmissing_weir_2threads", "readmissing_map_2threads"),
    ("readrandom, Engine.get (no Reactor), 1 thread", "readrandom_engine", "readrandom_map"),
    ("readmissing, Engine.get (no Reactor), 1 thread", "readmissing_engine", "readmissing_map"),
], {"readrandom, 1 thread": ">= 0.7x", "readrandom, 2 threads": ">= 0.7x"})
print()
fill = load("fill")
thrpt_table(fill, [
    ("fillseq, 1 producer", "fillseq_weir", "fillseq_map"),
    ("fillseq, 2 producers", "fillseq_weir_2producers", "fillseq_map_2producers"),
    ("fillrandom, 1 producer", "fillrandom_weir", "fillrandom_map"),
    ("fillrandom, 2 producers", "fillrandom_weir_2producers", "fillrandom_map_2producers"),
], {"fillseq, 1 producer": ">= 1,000,000/s", "fillseq, 2 producers": ">= 1,000,000/s",
    "fillrandom, 1 producer": ">= 1.0x", "fillrandom, 2 producers": ">= 1.0x"})
print()
lone = load("putlone")
if lone:
    print("| lone put (ns) | mean | p0.50 | p0.90 | p0.99 | p0.999 | max | samples |")
    print("|---|---|---|---|---|---|---|---|")
    for name in ("putlone_weir", "putlone_map"):
        if name in lone:
            m = lone[name]
            p = m["scorePercentiles"]
            n = sum(c for fork in m.get("rawDataHistogram", []) for it in fork for _, c in it)
            print(f"| {name} | {fmt(m['score'])} | {fmt(p['50.0'])} | {fmt(p['90.0'])} | "
                  f"{fmt(p['99.0'])} | {fmt(p['99.9'])} | {fmt(p['100.0'])} | {n:,} |")
