"""A slide's figure (figures.py) drawn as native, editable PowerPoint shapes: boxes joined by
glued arrow connectors (5R steps, flows, cycles), rising steps, stacked levels, a matrix of
cells, frames for local photos, and a Pareto chart as a native chart (bars and a cumulative
line on a second axis) with its data in the embedded workbook."""

from __future__ import annotations

from copy import deepcopy
from typing import cast

from lxml import etree
from pptx.chart.data import CategoryChartData, ChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches, Pt

from .deck_style import FONT, INK, INNER, MARGIN, TEAL, WHITE, fill
from .figures import Figure, ink_on, shade
from .slides import Paragraph

TOP, TALL = Inches(2.15), Inches(4.6)  # the body box: where a figure goes
GAP = Inches(0.45)
FIGURE_PT = 20
PALE = RGBColor(0xE0, 0xF2, 0xF1)
FRAME = RGBColor(0x9E, 0x9E, 0x9E)


def fill_of(level: float) -> RGBColor:
    return RGBColor(*shade(level))


def ink(level: float) -> RGBColor:
    return WHITE if ink_on(level) == "white" else INK


def shape(
    page: PptxSlide,
    kind: MSO_SHAPE,
    box: tuple[int, int, int, int],
    lines: list[str],
    lang: str,
    level: float = 1.0,
) -> Shape:
    """A filled shape with centred text, never shrunk."""
    drawn = page.shapes.add_shape(kind, *(Emu(v) for v in box))
    drawn.name = f"Figure {kind.name.title()}"
    drawn.fill.solid()
    drawn.fill.fore_color.rgb = fill_of(level)
    drawn.line.color.rgb = TEAL
    frame = drawn.text_frame
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    for side in ("margin_left", "margin_right"):
        setattr(frame, side, Inches(0.08))
    paragraphs = [Paragraph(line, "plain") for line in lines if line]
    fill(frame, paragraphs, FIGURE_PT, ink(level), lang)
    for n, line in enumerate(frame.paragraphs):
        line.alignment = PP_ALIGN.CENTER
        for run in line.runs:
            run.font.bold = n == 0
    return drawn


def arrow(page: PptxSlide, start: Shape, end: Shape) -> None:
    """A straight arrow glued to the facing sides of two shapes (0 top, 1 left, 2 bottom,
    3 right), so it follows them when a trainer moves one."""
    dx = (end.left + end.width // 2) - (start.left + start.width // 2)
    dy = (end.top + end.height // 2) - (start.top + start.height // 2)
    sites = (3, 1) if abs(dx) >= abs(dy) and dx > 0 else (1, 3) if abs(dx) >= abs(dy) else None
    sites = sites or ((2, 0) if dy > 0 else (0, 2))
    line = page.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Emu(0), Emu(0), Emu(1), Emu(1))
    line.name = "Figure Arrow"
    line.begin_connect(start, sites[0])
    line.end_connect(end, sites[1])
    line.line.color.rgb = TEAL
    line.line.width = Pt(3)
    outline = line.line._get_or_add_ln()
    outline.append(outline.makeelement(qn("a:tailEnd"), {"type": "triangle"}))


def row(page: PptxSlide, figure: Figure, lang: str) -> None:
    """Boxes left to right, joined by arrows (the 5R steps, a flow)."""
    count = len(figure.items)
    width = (INNER - (count - 1) * GAP) // count
    height = Inches(2.4)
    top = TOP + (TALL - height) // 2
    subs = figure.subs or ("",) * count
    boxes = [
        shape(
            page,
            MSO_SHAPE.ROUNDED_RECTANGLE,
            (MARGIN + n * (width + GAP), top, width, height),
            [item, sub],
            lang,
        )
        for n, (item, sub) in enumerate(zip(figure.items, subs, strict=True))
    ]
    for start, end in zip(boxes, boxes[1:], strict=False):
        arrow(page, start, end)


def cycle(page: PptxSlide, figure: Figure, lang: str) -> None:
    """Boxes round a loop, clockwise from the top, each arrow to the next (PDCA)."""
    width, height = Inches(3.4), Inches(1.25)
    boxes = []
    for item, (x, y) in zip(figure.items, figure.ring(), strict=True):
        left, top = MARGIN + round(INNER * x) - width // 2, TOP + round(TALL * y) - height // 2
        boxes.append(
            shape(page, MSO_SHAPE.ROUNDED_RECTANGLE, (left, top, width, height), [item], lang)
        )
    for n, start in enumerate(boxes):
        arrow(page, start, boxes[(n + 1) % len(boxes)])


def ladder(page: PptxSlide, figure: Figure, lang: str) -> None:
    """Steps rising left to right (a score ladder 0-4), paler to darker."""
    count = len(figure.items)
    width = (INNER - (count - 1) * Inches(0.15)) // count
    for n, (item, level) in enumerate(zip(figure.items, figure.levels(), strict=True)):
        height = Inches(1.2) + (TALL - Inches(1.2)) * n // max(1, count - 1)
        box = (MARGIN + n * (width + Inches(0.15)), TOP + TALL - height, width, height)
        shape(page, MSO_SHAPE.RECTANGLE, box, [item], lang, level=level)


def hierarchy(page: PptxSlide, figure: Figure, lang: str) -> None:
    """Levels from the strongest (widest, on top) to the weakest, as an upside-down triangle."""
    count = len(figure.items)
    height = (TALL - (count - 1) * Inches(0.08)) // count
    for n, (item, level) in enumerate(zip(figure.items, figure.levels(), strict=True)):
        width = INNER - (INNER - Inches(4.2)) * n // max(1, count - 1)
        box = (MARGIN + (INNER - width) // 2, TOP + n * (height + Inches(0.08)), width, height)
        shape(page, MSO_SHAPE.RECTANGLE, box, [item], lang, level=level)


def matrix(page: PptxSlide, figure: Figure, lang: str) -> None:
    """A header row, a label column and the cells, shaded by the score each cell starts with."""
    columns, rows = len(figure.cols) + 1, len(figure.rows) + 1
    width, height = INNER // columns, TALL // rows

    def cell(col: int, line: int, text: str, level: float) -> None:
        box = (MARGIN + col * width, TOP + line * height, width, height)
        shape(page, MSO_SHAPE.RECTANGLE, box, [text], lang, level=level)

    cell(0, 0, figure.corner, 1.0)
    for n, text in enumerate(figure.cols, start=1):
        cell(n, 0, text, 1.0)
    lines = zip(figure.rows, figure.cells, figure.cell_levels(), strict=True)
    for line, (label, cells, levels) in enumerate(lines, start=1):
        cell(0, line, label, 1.0)
        for n, (text, level) in enumerate(zip(cells, levels, strict=True), start=1):
            cell(n, line, text, level)


def photos(page: PptxSlide, figure: Figure, lang: str) -> None:
    """Empty dashed frames, each saying what photo to put there."""
    count = len(figure.items)
    width = (INNER - (count - 1) * GAP) // count
    for n, item in enumerate(figure.items):
        frame = shape(
            page,
            MSO_SHAPE.RECTANGLE,
            (MARGIN + n * (width + GAP), TOP, width, TALL),
            [item, figure.caption],
            lang,
            level=0.0,
        )
        frame.name = "Photo placeholder"
        frame.fill.fore_color.rgb = WHITE
        frame.line.color.rgb = FRAME
        frame.line.width = Pt(2)
        frame.line.dash_style = MSO_LINE_DASH_STYLE.DASH


def pareto(page: PptxSlide, figure: Figure, lang: str, names: tuple[str, str]) -> None:
    """Bars of the counts, largest first, and the cumulative percentage as a line on a second
    axis (0-100): a native chart the trainer can edit in PowerPoint."""
    data = CategoryChartData()
    data.categories = figure.items
    data.add_series(names[0], figure.values)
    data.add_series(names[1], figure.cumulative())
    drawn = page.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, MARGIN, TOP, INNER, TALL, cast(ChartData, data)
    )
    frame = cast(GraphicFrame, drawn)  # python-pptx's types say Chart; it is the frame
    frame.name = "Figure Pareto chart"
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.font.name, chart.font.size = FONT, Pt(FIGURE_PT)
    bars = chart.plots[0]
    bars.gap_width = 40
    bars.series[0].format.fill.solid()
    bars.series[0].format.fill.fore_color.rgb = TEAL
    second_axis(chart._chartSpace)


def second_axis(space: etree._Element) -> None:
    """Move the bar chart's second series into a line chart on a value axis of its own."""
    area = space.find(f".//{qn('c:plotArea')}")
    bar = area.find(qn("c:barChart"))
    series = bar.findall(qn("c:ser"))[1]
    for tag in ("c:spPr", "c:invertIfNegative"):
        for old in series.findall(qn(tag)):
            series.remove(old)
    marker = etree.Element(qn("c:marker"))
    etree.SubElement(marker, qn("c:symbol"), val="circle")
    series.find(qn("c:tx")).addnext(marker)
    etree.SubElement(series, qn("c:smooth"), val="0")
    line = etree.Element(qn("c:lineChart"))
    etree.SubElement(line, qn("c:grouping"), val="standard")
    etree.SubElement(line, qn("c:varyColors"), val="0")
    line.append(series)
    etree.SubElement(line, qn("c:marker"), val="1")
    for axis in ("900001", "900002"):
        etree.SubElement(line, qn("c:axId"), val=axis)
    bar.addnext(line)
    cat, val = area.find(qn("c:catAx")), area.find(qn("c:valAx"))
    hidden, value = deepcopy(cat), deepcopy(val)
    for axis, own, other in ((hidden, "900001", "900002"), (value, "900002", "900001")):
        axis.find(qn("c:axId")).set("val", own)
        axis.find(qn("c:crossAx")).set("val", other)
    hidden.find(qn("c:delete")).set("val", "1")
    value.find(qn("c:axPos")).set("val", "r")
    scaling = value.find(qn("c:scaling"))
    scaling.clear()
    etree.SubElement(scaling, qn("c:orientation"), val="minMax")
    etree.SubElement(scaling, qn("c:max"), val="100")
    etree.SubElement(scaling, qn("c:min"), val="0")
    for gridlines in value.findall(qn("c:majorGridlines")):
        value.remove(gridlines)
    crosses = value.find(qn("c:crosses"))
    if crosses is not None:
        crosses.set("val", "max")
    val.addnext(hidden)
    hidden.addnext(value)


DRAWERS = {
    "five_r": row,
    "flow": row,
    "cycle": cycle,
    "ladder": ladder,
    "hierarchy": hierarchy,
    "matrix": matrix,
    "photos": photos,
}


def draw_figure(page: PptxSlide, figure: Figure, lang: str, names: tuple[str, str]) -> None:
    if figure.kind == "pareto":
        pareto(page, figure, lang, names)
    else:
        DRAWERS[figure.kind](page, figure, lang)
