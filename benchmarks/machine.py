"""The line every benchmark prints first: when, on what, and how busy the machine was.

Figures from a shared machine are only comparable with their load average beside them;
ratios measured in one run (the audit against ``read_csv`` of the same file) carry over
better than seconds.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "ukendt"


def describe_machine() -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (f"{now}; {_cpu_model()}, {os.cpu_count()} kerner; {platform.system()} "
            f"{platform.release()}; Python {sys.version.split()[0]}; "
            f"load average (1, 5, 15 min): {load_average()}")
