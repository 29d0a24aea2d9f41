#!/usr/bin/env python3
"""Plots sluice's throughput and start-up time against the number of drop rules.

usage: plot-rule-count.py DATA.json OUT.png

DATA.json (written by bench/run's `rules` section): {"title": ..., "counts": [10, ...],
"mbps": [...], "startup_ms": [...], "reference_mbps": one-rule MB/s or null}.
Runs in the bench venv (matplotlib).
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter  # noqa: E402

PLAIN = FuncFormatter(lambda value, _: f"{value:g}")


def plain_log_axis(axis):
    """Log scale with tick labels as plain numbers (0.01, 100, 600) instead of powers."""
    axis.set_major_formatter(PLAIN)
    axis.set_minor_formatter(NullFormatter())
    axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))


def counts_axis(axes, counts):
    """The x axis ticks at the measured rule counts only, labelled in full."""
    axes.set_xticks(counts, [f"{c:,}" for c in counts])
    axes.xaxis.set_minor_formatter(NullFormatter())
    axes.set_xlim(min(counts) / 1.6, max(counts) * 1.6)


def main():
    data = json.load(open(sys.argv[1]))
    counts = data["counts"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    left.plot(counts, data["mbps"], "o-", color="tab:blue", label="sluice -r RULES (past start-up)")
    if data.get("reference_mbps"):
        left.axhline(data["reference_mbps"], color="tab:gray", linestyle="--",
                     label=f"sluice -e, the first rule alone ({data['reference_mbps']:.3g} MB/s)")
    left.set_xscale("log")
    left.set_yscale("log")
    left.set_xlabel("drop rules in the rule file (log scale)")
    left.set_ylabel("throughput, MB/s (log scale)")
    left.set_title("Throughput")
    plain_log_axis(left.yaxis)
    counts_axis(left, counts)
    left.grid(True, which="both", alpha=0.3)
    left.legend(loc="lower left", fontsize=8)
    for x, y in zip(counts, data["mbps"]):
        left.annotate(f"{y:.3g}", (x, y), textcoords="offset points", xytext=(4, 6), fontsize=8)
    right.plot(counts, data["startup_ms"], "s-", color="tab:orange", label="sluice -r RULES /dev/null")
    right.set_xscale("log")
    right.set_yscale("log")
    right.set_xlabel("drop rules in the rule file (log scale)")
    right.set_ylabel("start-up time, ms (log scale)")
    right.set_title("Start-up (parse + compile + JIT)")
    plain_log_axis(right.yaxis)
    counts_axis(right, counts)
    right.grid(True, which="both", alpha=0.3)
    right.legend(loc="upper left", fontsize=8)
    for x, y in zip(counts, data["startup_ms"]):
        right.annotate(f"{y:.3g}", (x, y), textcoords="offset points", xytext=(6, -4), fontsize=8)
    fig.suptitle(data["title"], fontsize=10)
    fig.tight_layout()
    fig.savefig(sys.argv[2], dpi=110)


if __name__ == "__main__":
    main()
