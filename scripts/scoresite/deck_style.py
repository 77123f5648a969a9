"""How text and colour are set on a slide: Arial, never shrunk, Markdown **bold**, *italic*
and `code` as runs; the deck's colours and geometry (deck.py lays out the slides,
deck_figures.py draws the diagrams)."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt

from .slides import INLINE, Paragraph

FONT = "Arial"  # on every PowerPoint; LibreOffice on Debian draws it as Liberation Sans or DejaVu
TEAL = RGBColor(0x00, 0x69, 0x5C)  # the site's teal, darker: 6.9:1 against white
INK = RGBColor(0x1A, 0x1A, 0x1A)
GREY = RGBColor(0x4A, 0x4A, 0x4A)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
TITLE_PT, COVER_PT, BODY_PT, KICKER_PT, FOOTER_PT = 36, 44, 24, 20, 14
WIDTH, HEIGHT, MARGIN = Inches(13.333), Inches(7.5), Inches(0.6)
INNER = Emu(WIDTH - 2 * MARGIN)
LANGUAGE_IDS = {"id": MSO_LANGUAGE_ID.INDONESIAN, "en": MSO_LANGUAGE_ID.ENGLISH_UK}
ROW_HANG = Inches(2.2)  # a schedule row's title starts here, after its clock times


def fill(
    frame: TextFrame,
    paragraphs: Sequence[Paragraph],
    size: int,
    color: RGBColor,
    lang: str,
    bold: bool = False,
) -> None:
    """Text into a frame, never shrunk: Markdown **bold**, *italic* and `code` as runs."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for n, paragraph in enumerate(paragraphs):
        line = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        if paragraph.style != "bullet":
            hang = str(ROW_HANG if paragraph.style == "row" else 0)
            properties = line._p.get_or_add_pPr()
            properties.set("marL", hang)
            properties.set("indent", f"-{hang}" if hang != "0" else "0")
            properties.append(properties.makeelement(qn("a:buNone"), {}))
        line.space_before = Pt(0 if n == 0 else 8)
        for piece in filter(None, INLINE.split(paragraph.text)):
            marked = INLINE.fullmatch(piece) is not None
            run = line.add_run()
            run.text = piece.strip("*`") if marked else piece
            font = run.font
            strong = paragraph.style == "meta"
            font.name, font.size, font.color.rgb = FONT, Pt(size), TEAL if strong else color
            font.bold = bold or strong or piece.startswith("**")
            font.italic = marked and piece.startswith("*") and not piece.startswith("**")
            font.language_id = LANGUAGE_IDS[lang]


def box(page: PptxSlide, name: str, top: float, height: float) -> TextFrame:
    shape = page.shapes.add_textbox(MARGIN, Inches(top), INNER, Inches(height))
    shape.name = name
    return shape.text_frame
