"""Converts the CFF-based Noto Sans Hans Regular to TrueType outlines for the printed forms.

Why: OpenPDF 2.0.5 writes glyph ids where a CID-keyed CFF font (Noto's) expects CIDs, so the PDF
shows wrong or blank characters; with TrueType outlines it subsets and maps glyphs correctly.
The result is a Modified Version under the SIL OFL 1.1, so it carries another family name
("Huhang Form Sans SC") and keeps the copyright notices and the licence.

Run once, from the repository root, with fontTools (pip install fonttools):
  python3 tools/fonts/otf2ttf.py NotoSansHans-Regular.otf \
      src/main/resources/fonts/HuhangFormSansSC-Regular.ttf
"""

import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

FAMILY = "Huhang Form Sans SC"
POSTSCRIPT = "HuhangFormSansSC-Regular"
MAX_ERR = 1.0  # font units: the quadratic outline stays within 1/1000 em of the cubic one


def convert(source, target):
    font = TTFont(source)
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    for tag in ("CFF ", "VORG", "DSIG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 1
    post = font["post"]
    post.formatType = 3.0  # no glyph names: 30,000 "cidNNNNN" names only add weight
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = None
    rename(font)
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(target)


def rename(font):
    """The OFL's Reserved Font Name "Noto Sans" may not name a modified version."""
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (2, 17):
            names.setName("Regular", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            names.setName(FAMILY + " Regular", 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(POSTSCRIPT, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(
                "1.000;HUHANG;" + POSTSCRIPT, 3, record.platformID, record.platEncID, record.langID
            )
        elif record.nameID == 13:
            names.setName(
                "Derived from Noto Sans S Chinese Regular (Adobe, Google), converted to TrueType"
                " outlines. Licensed under the SIL Open Font License, Version 1.1.",
                13,
                record.platformID,
                record.platEncID,
                record.langID,
            )
        elif record.nameID == 14:
            names.setName(
                "https://openfontlicense.org", 14, record.platformID, record.platEncID, record.langID
            )


if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])
