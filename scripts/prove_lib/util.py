"""Running commands with hard timeouts, and the one-line-per-check report."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Outcome:
    argv: list
    rc: int | None
    out: str
    seconds: float
    timed_out: bool

    @property
    def ok(self) -> bool:
        return self.rc == 0 and not self.timed_out

    def gist(self, limit: int = 240) -> str:
        """The most telling line of the output: the last error-looking one, else the last one."""
        # Lines with something to say: not a caret or an underline under a quoted source line.
        lines = [line.strip() for line in self.out.splitlines() if re.search(r"[A-Za-z0-9]", line)]
        pick = ""
        for line in reversed(lines):
            if re.search(r"\b(error|ERROR|Error|failed|FAILED|denied|not found|no such|unhealthy|exited|missing|invalid|cannot|unknown)\b", line):
                pick = line
                break
        if not pick and lines:
            pick = lines[-1]
        return one_line(pick, limit)

    def why(self, limit: int = 240) -> str:
        what = f"timed out after {self.seconds:.0f}s" if self.timed_out else f"exit {self.rc}"
        gist = self.gist(limit)
        return f"{what}: {gist}" if gist else what


def one_line(text: str, limit: int = 300) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= limit else text[: limit - 3] + "..."


_log_lock = threading.Lock()


def run(argv, *, cwd=None, env=None, timeout: float = 120, log: Path | None = None,
        input: str | None = None, extra_env: dict | None = None) -> Outcome:
    """Runs argv in its own process group; on timeout the whole group is killed.

    stdin is /dev/null unless input is given, so nothing ever waits for a terminal.
    """
    if extra_env:
        env = dict(env or os.environ, **extra_env)
    started = time.monotonic()
    proc = subprocess.Popen([str(a) for a in argv], cwd=cwd, env=env, text=True, errors="replace",
                            stdin=subprocess.PIPE if input is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    timed_out = False
    try:
        out, _ = proc.communicate(input, timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill_group(proc, signal.SIGTERM)
        try:
            out, _ = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            _kill_group(proc, signal.SIGKILL)
            out, _ = proc.communicate()
    outcome = Outcome([str(a) for a in argv], proc.returncode, out or "", time.monotonic() - started, timed_out)
    if log is not None:
        write_log(log, outcome, cwd)
    return outcome


def _kill_group(proc: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def write_log(log: Path, outcome: Outcome, cwd=None) -> None:
    state = "timed out" if outcome.timed_out else f"exit {outcome.rc}"
    with _log_lock:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a") as handle:
            handle.write(f"$ {' '.join(outcome.argv)}" + (f"   (in {cwd})" if cwd else "") + "\n")
            handle.write(outcome.out)
            if outcome.out and not outcome.out.endswith("\n"):
                handle.write("\n")
            handle.write(f"[{state} after {outcome.seconds:.1f}s]\n\n")


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "x"


class Report:
    """Prints PASS/FAIL/SKIP lines as checks finish and counts them."""

    def __init__(self, logdir: Path):
        self.logdir = logdir
        self.counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
        self.failures: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()

    def line(self, status: str, preset: str, check: str, reason: str = "") -> bool:
        text = f"{status} {preset} {check}"
        if status != "PASS":
            text += f": {one_line(reason, 400) or 'no reason given'}"
        with self._lock:
            self.counts[status] += 1
            if status == "FAIL":
                self.failures.append((preset, check, reason))
            print(text, flush=True)
        return status == "PASS"

    def ok(self, preset, check):
        return self.line("PASS", preset, check)

    def fail(self, preset, check, reason):
        return self.line("FAIL", preset, check, reason)

    def skip(self, preset, check, reason):
        return self.line("SKIP", preset, check, reason)

    def summary(self) -> str:
        c = self.counts
        return f"{c['PASS']} passed, {c['FAIL']} failed, {c['SKIP']} skipped"
