"""Command line: `scoresite check`, `build`, `zip`, `new-module`, `schema`, `report` and `bench`."""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import environment, lock, schema, spelling
from .fields import LANGUAGES
from .participants import font_warnings
from .problems import SiteError, printable
from .publish import address, archive
from .scaffold import new_module
from .validate import load_project


def check(modules: Path) -> str:
    project = load_project(modules)
    sessions = sum(len(m.sessions) for m in project.modules)
    programme = project.programme
    sheets = sum(len(m.worksheets) for m in project.modules) + len(programme.worksheets)
    sheets += len(programme.administration)
    criteria = sum(len(s.criteria) for s in project.five_r.steps)
    workshops = sum(1 for m in project.modules if m.label)
    return (
        f"{modules}: OK: {len(project.modules) - workshops} modules, {workshops} workshops, "
        f"{sessions} sessions, "
        f"{sheets} worksheets, {len(project.five_r.steps)} 5R steps with {criteria} criteria, "
        f"{len(project.glossary.terms)} glossary terms"
    )


TRACEBACK = b"Traceback (most recent call last):"


def build(config: Path, site: Path) -> None:
    """Build into a fresh folder of this build's own beside `site`, then swap it in: a failed
    build leaves the previous site exactly as it was. One build at a time per project.
    A site_url that may not be used stops it before anything is built."""
    environment.check()
    address.configured(config)
    fd, inherited = lock.acquire(config.resolve().parent, wait=False)
    parent = site.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _tidy(parent / site.name)
        fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}.build-", dir=parent))
        try:
            if not _mkdocs_build(config, fresh, fd):
                raise SiteError(f"build failed; {site}/ is unchanged")
            _swap(fresh, site)
        finally:
            shutil.rmtree(fresh, ignore_errors=True)  # a failed build's; moved away if built
    except OSError as error:
        if environment.full_disk(error):
            raise SiteError(environment.FULL_DISK.format(site=site)) from None
        raise
    finally:
        lock.release(fd, inherited)


def _mkdocs_build(config: Path, fresh: Path, fd: int) -> bool:
    """Run `mkdocs build`, passing its messages on as they come (with the PDF progress bar
    when ours go to a terminal). A Python traceback is held back: when it says the disk is
    full it comes back as that OSError, one line instead of forty; any other is shown."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    command += ["--config-file", str(config), "--site-dir", str(fresh)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **{lock.FD_VARIABLE: str(fd)})
    env[environment.PROGRESS_VARIABLE] = "1" if sys.stderr.isatty() else "0"
    child = subprocess.Popen(command, env=env, pass_fds=(fd,), stderr=subprocess.PIPE)
    assert child.stderr is not None
    out, held, everything = sys.stderr.buffer, bytearray(), bytearray()
    shown = True
    for chunk in iter(lambda: os.read(child.stderr.fileno(), 65536), b""):  # type: ignore[union-attr]
        everything += chunk
        if shown and TRACEBACK in chunk:
            shown = False
            out.write(chunk[: chunk.index(TRACEBACK)])
            held += chunk[chunk.index(TRACEBACK) :]
        elif shown:
            out.write(chunk)
        else:
            held += chunk
        out.flush()
    code = child.wait()
    if code and environment.FULL_DISK_ERROR.encode() in everything:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    out.write(held)
    out.flush()
    return code == 0


def _tidy(site: Path) -> None:
    """Clear what a killed build left beside `site` (we hold the lock). A build killed
    between the two renames of `_swap` left no `site` but the previous one moved aside:
    that one is put back first, so a whole site is there until a new one takes its place."""
    if not site.exists():
        aside = site.parent.glob(f".{site.name}.old-*/{site.name}")
        for previous in sorted(aside, key=lambda p: p.stat().st_mtime)[-1:]:
            previous.rename(site)
    for kind in ("build", "old"):
        for leftover in site.parent.glob(f".{site.name}.{kind}-*"):
            shutil.rmtree(leftover, ignore_errors=True)


def _swap(fresh: Path, site: Path) -> None:
    """Put `fresh` in the place of `site` (two renames, under the build lock)."""
    umask = os.umask(0)
    os.umask(umask)
    fresh.chmod(0o777 & ~umask)  # mkdtemp makes it private; a site is for everyone to read
    old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=fresh.parent))
    if site.exists():
        site.rename(old / site.name)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scoresite", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate modules/ and list every problem")
    check_cmd.add_argument("modules", nargs="?", type=Path, default=Path("modules"))
    build_cmd = commands.add_parser("build", help="build site/ with all pages and PDFs")
    build_cmd.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    build_cmd.add_argument("--site-dir", type=Path, default=Path("site"))
    new_cmd = commands.add_parser("new-module", help="scaffold modules/modul-N-ID.yml")
    # `make new-module` passes ID and NUMBER in the environment, never through a shell
    new_cmd.add_argument("--id", default=os.environ.get("SCORESITE_ID"))
    new_cmd.add_argument("--number", default=os.environ.get("SCORESITE_NUMBER"))
    new_cmd.add_argument("--modules", type=Path, default=Path("modules"))
    bench_cmd = commands.add_parser("bench", help="time each step on the real content")
    bench_cmd.add_argument("--only", choices=["cohort"], default="", help="the cohort rows alone")
    bench_cmd.add_argument("--serve", action="store_true", help="only save → reloaded page")
    report_cmd = commands.add_parser("report", help="a folder of monitoring CSVs → an A4 PDF")
    report_cmd.add_argument("data", type=Path)
    report_cmd.add_argument("--out", type=Path, default=Path("laporan-pemantauan.pdf"))
    report_cmd.add_argument("--lang", choices=LANGUAGES, default=LANGUAGES[0])
    report_cmd.add_argument("--as-of", help="YYYY-MM-DD; default today")
    report_cmd.add_argument("--modules", type=Path, default=Path("modules"))
    report_cmd.add_argument("--site-dir", type=Path, default=Path("site"))
    schema_cmd = commands.add_parser("schema", help="write the editors' JSON Schemas")
    schema_cmd.add_argument("--into", type=Path, default=Path("modules") / "schema")
    zip_cmd = commands.add_parser("zip", help="dist/score-5r-DATE.zip of site/ for USB sticks")
    zip_cmd.add_argument("--site-dir", type=Path, default=Path("site"))
    zip_cmd.add_argument("--modules", type=Path, default=Path("modules"))
    zip_cmd.add_argument("--out", type=Path, default=Path("dist"))
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            for warning in spelling.warnings(args.modules) + font_warnings(args.modules):
                print(printable(warning))
            print(check(args.modules))
        elif args.command == "build":
            build(args.config_file, args.site_dir)
            print(f"built {args.site_dir}/")
        elif args.command == "schema":
            for path in schema.write(args.into):
                print(f"wrote {path}")
        elif args.command == "zip":
            epoch = archive.epoch_of(args.modules.resolve().parent)
            print(f"wrote {archive.write_zip(args.site_dir, args.modules, args.out, epoch)}")
        elif args.command == "bench":
            from .bench import run, run_serve

            print(run_serve() if args.serve else run(only=args.only))
        elif args.command == "report":
            from .data.report import write_report

            out = write_report(
                args.data,
                args.out,
                modules=args.modules,
                site=args.site_dir,
                lang=args.lang,
                as_of=args.as_of,
            )
            print(f"wrote {out}")
        elif args.command == "new-module":
            print(f"wrote {new_module(args.modules, args.id, args.number)}; now edit it")
    except SiteError as error:
        print("\n".join(map(printable, str(error).splitlines())), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
