"""Command line: `scoresite check`, `build`, `zip`, `new-module` and `bench`."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import jinja2

from . import lock, spelling
from .catalogue import TEMPLATES
from .fields import SLUG
from .problems import SiteError
from .publish import address, archive
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


def build(config: Path, site: Path) -> None:
    """Build into a fresh folder of this build's own beside `site`, then swap it in: a failed
    build leaves the previous site exactly as it was. One build at a time per project.
    A site_url that may not be used stops it before anything is built."""
    address.configured(config)
    fd, inherited = lock.acquire(config.resolve().parent, wait=False)
    parent = site.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        for kind in ("build", "old"):  # folders of a killed build; we hold the lock
            for leftover in parent.glob(f".{site.name}.{kind}-*"):
                shutil.rmtree(leftover, ignore_errors=True)
        fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}.build-", dir=parent))
        if not _mkdocs_build(config, fresh, fd):
            shutil.rmtree(fresh, ignore_errors=True)
            raise SiteError(f"build failed; {site}/ is unchanged")
        _swap(fresh, site)
    finally:
        lock.release(fd, inherited)


def _mkdocs_build(config: Path, fresh: Path, fd: int) -> bool:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    command += ["--config-file", str(config), "--site-dir", str(fresh)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **{lock.FD_VARIABLE: str(fd)})
    return subprocess.run(command, env=env, pass_fds=(fd,), check=False).returncode == 0


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


def new_module(modules: Path, module_id: str, number: int) -> Path:
    """Write a valid starting file for a new module; never overwrite an existing one."""
    if not SLUG.match(module_id):
        raise SiteError(f"ID={module_id!r} is not a safe id; use e.g. ID=pemasaran")
    target = modules / f"modul-{number}-{module_id}.yml"
    if target.exists():
        raise SiteError(f"{target} exists already; choose another ID or NUMBER")
    template = (TEMPLATES / "new-module.yml").read_text(encoding="utf-8")
    text = jinja2.Template(template, keep_trailing_newline=True).render(id=module_id, number=number)
    target.write_text(text, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scoresite", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate modules/ and list every problem")
    check_cmd.add_argument("modules", nargs="?", type=Path, default=Path("modules"))
    build_cmd = commands.add_parser("build", help="build site/ with all pages and PDFs")
    build_cmd.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    build_cmd.add_argument("--site-dir", type=Path, default=Path("site"))
    new_cmd = commands.add_parser("new-module", help="scaffold modules/modul-N-ID.yml")
    new_cmd.add_argument("--id", required=True)
    new_cmd.add_argument("--number", required=True, type=int)
    new_cmd.add_argument("--modules", type=Path, default=Path("modules"))
    zip_cmd = commands.add_parser("zip", help="dist/score-5r-DATE.zip of site/ for USB sticks")
    zip_cmd.add_argument("--site-dir", type=Path, default=Path("site"))
    zip_cmd.add_argument("--modules", type=Path, default=Path("modules"))
    zip_cmd.add_argument("--out", type=Path, default=Path("dist"))
    commands.add_parser("bench", help="time each step on the real content")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            for warning in spelling.warnings(args.modules):
                print(warning)
            print(check(args.modules))
        elif args.command == "build":
            build(args.config_file, args.site_dir)
            print(f"built {args.site_dir}/")
        elif args.command == "zip":
            epoch = archive.epoch_of(args.modules.resolve().parent)
            print(f"wrote {archive.write_zip(args.site_dir, args.modules, args.out, epoch)}")
        elif args.command == "bench":
            from .bench import run

            print(run())
        elif args.command == "new-module":
            print(f"wrote {new_module(args.modules, args.id, args.number)}; now edit it")
    except SiteError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
