"""The one place that asks scripts/standins for images the network can't provide."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import threading
from pathlib import Path

from .util import one_line, run

_module = None
_loaded = False
_lock = threading.Lock()
# ref -> (available, detail); stand-ins stay in the engine, so one run asks once per reference.
_known: dict = {}


def _load(root: Path):
    global _module, _loaded
    if not _loaded:
        _loaded = True
        path = root / "scripts" / "standins" / "standins.py"
        if path.is_file():
            spec = importlib.util.spec_from_file_location("standins", path)
            module = importlib.util.module_from_spec(spec)
            sys.modules["standins"] = module
            spec.loader.exec_module(module)
            _module = module
    return _module


def _local_image(ref: str) -> dict | None:
    out = run(["docker", "image", "inspect", ref], timeout=60)
    if not out.ok:
        return None
    try:
        return json.loads(out.out)[0]
    except (ValueError, IndexError):
        return None


def provide(root: Path, refs, logfile: Path) -> dict:
    """ref -> (available, detail) for each reference.

    A local image that is not a stand-in (a real pull on a connected machine) is used as it is;
    everything else goes to standins.build, which reuses stand-ins already in the engine.
    """
    wanted = sorted(set(refs))
    with _lock:
        todo = [r for r in wanted if r not in _known]
        ask = []
        for ref in todo:
            info = _local_image(ref)
            labels = ((info or {}).get("Config") or {}).get("Labels") or {}
            if info and not any(k.startswith("org.scaffold.standin") for k in labels):
                _known[ref] = (True, "local image")
            else:
                ask.append(ref)
        if ask:
            module = _load(root)
            if module is None:
                for ref in ask:
                    _known[ref] = (False, "no stand-in builder (scripts/standins/standins.py is missing)")
            else:
                logfile.parent.mkdir(parents=True, exist_ok=True)
                # Its build logs go beside every preset's logs: <logs>/scaffold-standins-logs.
                os.environ.setdefault("STANDINS_LOG_DIR", str(logfile.parent.parent))
                with logfile.open("a") as handle:
                    def log(line: str) -> None:
                        handle.write(line + "\n")
                        handle.flush()
                    try:
                        results = module.build(ask, log=log)
                    except Exception as err:  # noqa: BLE001 -- the builder's failure is this check's
                        results = {}
                        log(f"standins.build raised {type(err).__name__}: {err}")
                        for ref in ask:
                            _known[ref] = (False, f"stand-in builder failed: {one_line(str(err), 200)}")
                for ref, result in results.items():
                    _known[ref] = (bool(result.ok), one_line(getattr(result, "detail", ""), 300))
        return {ref: _known[ref] for ref in wanted}


def python_ref(root: Path, preferred) -> str | None:
    """An image with python3 for probes: one the preset already uses, else a stand-in python."""
    for ref in sorted(preferred):
        if ref.split("/")[-1].startswith("python:") and _known.get(ref, (False,))[0]:
            return ref
    for ref, (ok, _) in sorted(_known.items()):
        if ok and ref.split("/")[-1].startswith("python:"):
            return ref
    fallback = os.environ.get("SCAFFOLD_PROVE_PROBE_IMAGE", "python:3.12-slim-bookworm")
    got = provide(root, [fallback], Path(os.environ.get("STANDINS_LOG_DIR", ".")) / "standins-probe.log")
    return fallback if got[fallback][0] else None
