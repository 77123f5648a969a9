"""The charts' geometry: one set of sizes for the pages' script (embedded in each page that
draws, read by docs/assets/javascripts/charts.js) and the printed cohort report, so both draw
the same radar, trend and index bar. Points are computed here for the report; the SVG
elements themselves are written by the report's template."""

from __future__ import annotations

import math
from typing import Any

GEOMETRY: dict[str, Any] = {
    "radar": {
        "size": 320,
        "centre": 160,
        "radius": 105,
        "rings": [0.25, 0.5, 0.75, 1],
        "label_at": 1.2,
    },
    "trend": {
        "width": 320,
        "height": 190,
        "x0": 44,
        "x1": 300,
        "base": 150,
        "scale": 1.3,
        "grid": [0, 50, 100],
        "label_y": 175,
        "labels": 4,
        "point": 4,
    },
    "small": {
        "width": 160,
        "height": 90,
        "x0": 42,
        "x1": 152,
        "base": 70,
        "scale": 0.6,
        "grid": [0, 100],
        "label_y": 86,
        "labels": 0,
        "point": 3,
    },
    "index": {"width": 160, "height": 20, "x0": 0, "x1": 160, "top": 200, "bar_y": 4, "bar_h": 12},
}


def radar_at(count: int, index: int, fraction: float) -> tuple[float, float]:
    """Where axis `index` of `count` is at `fraction` of the radius (the first points up)."""
    g = GEOMETRY["radar"]
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return g["centre"] + g["radius"] * fraction * math.cos(angle), g["centre"] + g[
        "radius"
    ] * fraction * math.sin(angle)


def radar_points(fractions: list[float]) -> str:
    return " ".join(
        "{:.1f},{:.1f}".format(*radar_at(len(fractions), i, f)) for i, f in enumerate(fractions)
    )


def trend_points(kind: str, percents: list[float]) -> list[tuple[float, float]]:
    """Where each audit's percentage sits on a trend chart (`trend` or `small`)."""
    g = GEOMETRY[kind]
    n = len(percents)

    def x(i: int) -> float:
        return (g["x0"] + g["x1"]) / 2 if n == 1 else g["x0"] + (g["x1"] - g["x0"]) * i / (n - 1)

    return [(round(x(i), 1), round(g["base"] - g["scale"] * p, 1)) for i, p in enumerate(percents)]


def trend_y(kind: str, percent: float) -> float:
    g = GEOMETRY[kind]
    return float(g["base"] - g["scale"] * percent)


def index_width(value: float) -> float:
    """The length of an index bar (baseline = 100), cut at the chart's top."""
    g = GEOMETRY["index"]
    return round((g["x1"] - g["x0"]) * min(max(value, 0), g["top"]) / g["top"], 1)
