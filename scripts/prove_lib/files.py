"""Reading generated files: image references in Dockerfiles, and .env from .env.example."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Stage:
    index: int
    name: str | None
    base: str  # an image reference or an earlier stage's name
    copies_from: list = field(default_factory=list)  # COPY --from= / RUN --mount=from= values


@dataclass
class Dockerfile:
    path: Path
    stages: list
    syntax: str | None = None

    def stage(self, name: str) -> Stage | None:
        return next((s for s in self.stages if s.name and s.name.lower() == name.lower()), None)

    def _resolve(self, word: str, before: int) -> Stage | None:
        """The stage `word` names (by name or index) among the stages before `before`."""
        if word.isdigit() and int(word) < before:
            return self.stages[int(word)]
        return next((s for s in self.stages[:before] if s.name and s.name.lower() == word.lower()), None)

    def images_for(self, target: str | None) -> set:
        """The external image references BuildKit needs to build `target` (None: the last stage)."""
        if not self.stages:
            return set()
        start = self.stage(target) if target else self.stages[-1]
        if start is None:
            return set()
        images, seen, todo = set(), set(), [start]
        while todo:
            stage = todo.pop()
            if stage.index in seen:
                continue
            seen.add(stage.index)
            for word in [stage.base] + stage.copies_from:
                dep = self._resolve(word, stage.index)
                if dep is not None:
                    todo.append(dep)
                elif word.lower() != "scratch":
                    images.add(word)
        if self.syntax:
            images.add(self.syntax)
        return images

    def all_images(self) -> set:
        images = set()
        for stage in self.stages:
            for word in [stage.base] + stage.copies_from:
                if self._resolve(word, stage.index) is None and word.lower() != "scratch":
                    images.add(word)
        if self.syntax:
            images.add(self.syntax)
        return images


def _logical_lines(text: str):
    """Instructions with their continuation lines joined; comments dropped."""
    current = ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if current and stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        current += stripped
        yield current
        current = ""
    if current:
        yield current


def _substitute(word: str, args: dict) -> str:
    def repl(m):
        name = m.group(1) or m.group(2)
        return args.get(name, "")
    return re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)", repl, word)


def parse_dockerfile(path: Path) -> Dockerfile:
    text = path.read_text()
    syntax = None
    for raw in text.splitlines():  # parser directives: only at the very top
        m = re.match(r"^#\s*([a-zA-Z]+)\s*=\s*(\S+)\s*$", raw)
        if not m:
            break
        if m.group(1).lower() == "syntax":
            syntax = m.group(2)
    stages: list[Stage] = []
    global_args: dict = {}
    for line in _logical_lines(text):
        keyword, _, rest = line.partition(" ")
        keyword = keyword.upper()
        words = rest.split()
        if keyword == "ARG" and not stages:
            for word in words:
                name, _, default = word.partition("=")
                global_args[name] = default.strip('"\'')
        elif keyword == "FROM":
            words = [w for w in words if not w.startswith("--")]
            if not words:
                continue
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            stages.append(Stage(len(stages), name, _substitute(words[0], global_args)))
        elif keyword in ("COPY", "ADD", "RUN") and stages:
            for word in words:
                if keyword in ("COPY", "ADD") and word.startswith("--from="):
                    stages[-1].copies_from.append(word.split("=", 1)[1])
                elif keyword == "RUN" and word.startswith("--mount="):
                    for part in word[len("--mount="):].split(","):
                        key, _, value = part.partition("=")
                        if key == "from" and value:
                            stages[-1].copies_from.append(value)
                elif not word.startswith("--"):
                    break
    return Dockerfile(path, stages, syntax)


# ---------------------------------------------------------------------------------------------
# .env


def dummy_value(name: str) -> str:
    """A throwaway value for a secret; connection strings get a URL of the right scheme."""
    token = secrets.token_hex(16)
    upper = name.upper()
    if upper.endswith(("_URL", "_URI", "_DSN")):
        if "REDIS" in upper or "CACHE" in upper:
            return "redis://redis.invalid:6379/0"
        if "DATABASE" in upper or "POSTGRES" in upper or "DB" in upper:
            return f"postgresql://prove:{token}@postgres.invalid:5432/prove"
        if "AMQP" in upper or "RABBIT" in upper:
            return f"amqp://prove:{token}@rabbitmq.invalid:5672/"
        return f"https://{upper.lower().replace('_', '-')}.invalid/"
    return token


def env_from_example(example: Path) -> tuple[str, list]:
    """The text of a .env with every empty `NAME=` of .env.example filled; returns (text, names)."""
    lines, filled = [], []
    for raw in example.read_text().splitlines():
        m = re.match(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$", raw)
        if m and m.group(2).strip().strip('"\'') == "":
            lines.append(f"{m.group(1)}={dummy_value(m.group(1))}")
            filled.append(m.group(1))
        else:
            lines.append(raw)
    return "\n".join(lines) + "\n", filled


def read_env(path: Path) -> dict:
    values = {}
    if path.is_file():
        for raw in path.read_text().splitlines():
            m = re.match(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$", raw)
            if m:
                values[m.group(1)] = m.group(2).strip().strip('"\'')
    return values
