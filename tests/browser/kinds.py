"""What the browser tests check: one page of every kind, and the checkers from npm."""

from __future__ import annotations

from pathlib import Path

CHECKERS = Path(__file__).parent / "node_modules"
AXE = CHECKERS / "axe-core" / "axe.min.js"
VNU = CHECKERS / "vnu-jar" / "build" / "dist" / "vnu.jar"

# One page of every kind, in both languages (English under en/).
KINDS = {
    "home": "index.html",
    "guide": "panduan.html",
    "programme": "materi/program/index.html",
    "module": "materi/kerja-sama/index.html",
    "session": "materi/kerja-sama/sesi-komunikasi.html",
    "worksheet": "materi/sdm/lembar-kerja/lk-matriks-keterampilan.html",
    "quiz": "materi/kerja-sama/tes.html",
    "trainer": "materi/kerja-sama/pelatih.html",
    "5r-index": "materi/5r/index.html",
    "5r-step": "materi/5r/ringkas.html",
    "5r-audit": "materi/5r/audit.html",
    "monitoring": "materi/program/pemantauan.html",
    "kpi-entry": "materi/program/kpi.html",
    "glossary": "materi/glosarium.html",
    "print": "materi/cetak.html",
    "exports": "materi/ekspor.html",
}
PAGES = [path for kind in KINDS.values() for path in (kind, f"en/{kind}")]
