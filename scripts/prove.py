#!/usr/bin/env python3
"""The proving ground: renders each preset, then builds and runs what scaffold generated on a real
container engine, printing one PASS/FAIL/SKIP line per check. scripts/prove sets up the engine
and runs this; see its header for the options."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prove_lib import build, compose, scripts, terraform  # noqa: E402
from prove_lib.context import Ctx  # noqa: E402
from prove_lib.util import Report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def default_presets() -> list:
    """Every preset whose rendered tree has compose files (the snapshots say which)."""
    names = sorted(p.stem for p in (ROOT / "Blueprints").glob("*.swift"))
    return [n for n in names if (ROOT / "Snapshots" / n / "compose.yaml").is_file()]


def dev_loop_env(ctx: Ctx) -> str | None:
    """The laptop environment: development-mode, preferably deployed nowhere, preferably
    called development."""
    modes = [e for e in ctx.envs if ctx.mode(e) == "development"]
    platforms = {e["name"]: e.get("platforms") or [] for e in ctx.dump.get("environments", [])}
    local = [e for e in modes if not platforms.get(e)] or modes
    if "development" in local:
        return "development"
    return local[0] if local else None


def prove(ctx: Ctx, only: set | None) -> None:
    def wanted(group: str) -> bool:
        return not only or group in only

    if not ctx.render():
        return
    if not (ctx.dir / "compose.yaml").is_file():
        ctx.skip("compose", "the preset renders no compose.yaml")
        return
    ctx.standins()
    if wanted("build"):
        build.builds(ctx)
        build.images(ctx)
    if wanted("compose"):
        for env in ctx.envs:
            compose.environment(ctx, env, dev_loop_env(ctx))
    if wanted("start"):
        scripts.start_sh(ctx)
    if wanted("deploy"):
        scripts.deploy_sh(ctx)
    if wanted("terraform"):
        terraform.check(ctx)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("presets", nargs="*", metavar="PRESET")
    parser.add_argument("--jobs", type=int, default=int(os.environ.get("SCAFFOLD_PROVE_JOBS", "2")),
                        help="builds at a time (default 2)")
    parser.add_argument("--keep", action="store_true", help="(handled by scripts/prove: keep the engine's data)")
    parser.add_argument("--only", action="append", choices=["build", "compose", "start", "deploy", "terraform"],
                        help="run only these groups of checks (repeatable; render and standins always run)")
    args = parser.parse_args(argv)

    scaffold = Path(os.environ.get("SCAFFOLD") or ROOT / ".build" / "debug" / "scaffold")
    presets = args.presets or default_presets()
    unknown = [p for p in presets if not (ROOT / "Blueprints" / f"{p}.swift").is_file()]
    stamp = time.strftime("%Y%m%d-%H%M%S")
    logs = Path(os.environ.get("SCAFFOLD_PROVE_LOGS") or Path(tempfile.gettempdir()) / f"scaffold-prove-{stamp}")
    logs.mkdir(parents=True, exist_ok=True)
    report = Report(logs)
    if unknown:
        for name in unknown:
            report.fail(name, "render", f"no preset Blueprints/{name}.swift")
        presets = [p for p in presets if p not in unknown]
    if not os.access(scaffold, os.X_OK):
        for name in presets:
            report.fail(name, "render", f"no scaffold binary at {scaffold}: run `swift build` first (or set SCAFFOLD)")
        presets = []

    timings = []
    for name in presets:
        started = time.monotonic()
        work = Path(tempfile.mkdtemp(prefix=f"scaffold-prove-{name}-"))
        ctx = Ctx(ROOT, scaffold, name, work, logs, report, args.jobs)
        try:
            prove(ctx, set(args.only or []))
        except Exception as err:  # noqa: BLE001 -- one preset's crash must not hide the others
            import traceback
            (ctx.logs / "crash.log").write_text(traceback.format_exc())
            report.fail(name, "prove", f"harness error {type(err).__name__}: {err} (log {ctx.logs / 'crash.log'})")
        finally:
            ctx.sweep()
            if os.environ.get("SCAFFOLD_PROVE_KEEP_WORK") != "1":
                shutil.rmtree(work, ignore_errors=True)
        timings.append((name, time.monotonic() - started))

    for name, seconds in timings:
        print(f"time {name} {seconds:.0f}s")
    print(f"logs {logs}")
    if report.failures and os.environ.get("CI"):
        # CI keeps only the output: put each failure's log tail on stderr.
        for preset, check, reason in report.failures:
            m = re.search(r"\(log ([^)]+)\)", reason)
            if m and Path(m.group(1)).is_file():
                tail = Path(m.group(1)).read_text(errors="replace").splitlines()[-40:]
                print(f"--- {preset} {check}: last lines of {m.group(1)}", file=sys.stderr)
                for line in tail:
                    print(f"  | {line}", file=sys.stderr)
    print(report.summary(), flush=True)
    return 1 if report.counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
