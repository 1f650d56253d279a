#!/usr/bin/env python3
"""Stand-in base images for the proving ground.

The generated Dockerfiles and compose files name public images (python:3.12-slim-bookworm,
redis:7.4-alpine, ghcr.io/astral-sh/uv:0.5.11, ...). Where only Debian's archive and PyPI can be
reached, this module builds a local image for each reference from Debian packages (or a PyPI
wheel) that honours the contract of the real image -- paths, users, entrypoint, ports, env -- and
tags it with exactly that reference, so `docker build` and `docker compose up` use it unchanged.

    standins.py build REF [REF...]   build (or reuse) a stand-in per reference
    standins.py check REF [REF...]   run each stand-in's contract self-test
    standins.py list                 the supported reference patterns and what backs them
    standins.py refs PATH [PATH...]  the base image references generated files under PATHs use

Importable too: `standins.build(refs, log=print)` and `standins.check(refs, log=print)` return a
dict of ref -> Result; `standins.references(paths)` lists the references files need. Only the
standard library is used.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import fcntl
import hashlib
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent

# Where Debian comes from; overridable for a local mirror.
MIRROR = os.environ.get("STANDINS_DEBIAN_MIRROR", "http://deb.debian.org/debian")
SECURITY_MIRROR = os.environ.get("STANDINS_DEBIAN_SECURITY_MIRROR", "http://deb.debian.org/debian-security")
SUITES = ("bookworm", "trixie")
BASE_REPO = "scaffold-standin/debian"

# Image labels: the hash of everything a stand-in is built from (the cache key), and its kind.
LABEL_INPUTS = "org.scaffold.standin.inputs"
LABEL_KIND = "org.scaffold.standin.kind"
# The reference a stand-in was built for: images built FROM a stand-in inherit its labels, so
# only an image tagged with this reference is the stand-in itself.
LABEL_REF = "org.scaffold.standin.ref"
# Every stand-in records the versions of what backs it here (read back with `docker cp`).
VERSIONS_FILE = "/usr/share/scaffold-standin/versions"
# Bump to rebuild every stand-in (and base) after a change to this file's recipes.
RECIPE = "2"

# Versions Debian offers, by upstream package family and suite. The reference's version is mapped
# onto these (see nearest()); the exact Debian version that ends up installed is read from the image.
DEBIAN = {
    "python": {"bookworm": "3.11", "trixie": "3.13"},
    "node": {"bookworm": "18", "trixie": "20"},
    "nginx": {"bookworm": "1.22", "trixie": "1.26"},
    "busybox": {"bookworm": "1.35", "trixie": "1.37"},
    "redis": {"bookworm": "7.0", "trixie": "8.0"},
    "postgres": {"bookworm": "15", "trixie": "17"},
    "prometheus": {"bookworm": "2.42", "trixie": "2.53"},
    "golang": {"bookworm": "1.19", "trixie": "1.24"},
    "rust": {"bookworm": "1.63", "trixie": "1.85"},
    "maven": {"bookworm": "3.8", "trixie": "3.9"},
    "mariadb": {"bookworm": "10.11", "trixie": "11.8"},
    "rabbitmq": {"bookworm": "3.10", "trixie": "4.0"},
    "swift": {"trixie": "6.0"},
}
# OpenJDK majors per suite (a suite can carry more than one).
OPENJDK = {"17": "bookworm", "21": "trixie", "25": "trixie"}
DEBIAN_CODENAMES = {"bookworm", "trixie", "bullseye", "buster", "sid", "forky"}
UBUNTU_CODENAMES = {"noble", "jammy", "focal", "oracular", "plucky", "questing"}


# ---------------------------------------------------------------------------------------------
# Results and plans


@dataclass
class Result:
    """What happened to one reference: status is built, cached, unavailable, PASS or FAIL."""

    ref: str
    status: str
    detail: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status in ("built", "cached", "PASS")

    def line(self) -> str:
        if self.status in ("built", "cached"):
            return f"{self.status} {self.ref} ({self.detail})"
        if self.status == "PASS":
            return f"PASS standin {self.ref}"
        if self.status == "FAIL":
            return f"FAIL standin {self.ref}: {self.detail}"
        return f"unavailable {self.ref}: {self.detail}"


class Unavailable(Exception):
    """The reference cannot be stood in for; the message says why."""


@dataclass
class Plan:
    """How to build one reference's stand-in."""

    ref: str
    kind: str  # the build folder under this directory, and the check to run
    suite: str | None  # Debian suite of the base rootfs the build starts from, if any
    what: str  # what it contains, for the `built` line (versions are appended after the build)
    args: dict = field(default_factory=dict)  # build arguments
    notes: list = field(default_factory=list)  # deviations from the real image
    # Extra files for the build context, made on the host (e.g. binaries from a PyPI wheel).
    artifacts: Callable[[Path], None] | None = None
    # What identifies the artifacts in the cache key (the artifacts are only fetched on a miss).
    artifact_key: str = ""
    target: str | None = None  # the Dockerfile stage to build, when not the last


# ---------------------------------------------------------------------------------------------
# Docker


def docker(*args: str, check: bool = True, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Runs the docker CLI (DOCKER_HOST comes from the environment) and captures its output."""
    env = dict(os.environ, DOCKER_BUILDKIT="1")
    proc = subprocess.run(["docker", *args], capture_output=True, env=env, timeout=timeout, text=True)
    if check and proc.returncode != 0:
        raise RuntimeError(f"docker {' '.join(args[:3])} failed: {proc.stderr.strip()[-800:]}")
    return proc


def image_info(ref: str) -> dict | None:
    """The engine's inspect record of a local image, or None when there is none."""
    proc = docker("image", "inspect", ref, check=False)
    if proc.returncode != 0:
        return None
    data = json.loads(proc.stdout)
    return data[0] if data else None


def image_labels(info: dict | None) -> dict:
    return ((info or {}).get("Config") or {}).get("Labels") or {}


def is_standin(ref: str, kind: str | None = None) -> bool:
    """Whether the local image tagged ref is a stand-in built for ref (of that kind)."""
    labels = image_labels(image_info(ref))
    return labels.get(LABEL_REF) == ref and (kind is None or labels.get(LABEL_KIND) == kind)


def standins_of_kind(kind: str) -> list[str]:
    """The stand-ins of one kind on this engine, by reference."""
    out = docker("images", "--filter", f"label={LABEL_KIND}={kind}", "--format", "{{.Repository}}:{{.Tag}}").stdout
    return [ref for ref in out.split() if "<none>" not in ref and is_standin(ref, kind)]


def read_image_file(ref: str, path: str) -> str | None:
    """Reads one file out of an image without running it (works for FROM scratch images too)."""
    cid = docker("create", ref, "/scaffold-standin-never-runs", check=False).stdout.strip()
    if not cid:
        return None
    try:
        proc = subprocess.run(["docker", "cp", f"{cid}:{path}", "-"], capture_output=True)
        if proc.returncode != 0:
            return None
        with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as tar:
            member = tar.next()
            handle = tar.extractfile(member) if member else None
            return handle.read().decode() if handle else None
    finally:
        docker("rm", "-f", cid, check=False)


# ---------------------------------------------------------------------------------------------
# The host's CA bundle: the network may be behind a TLS-intercepting proxy, so every image
# trusts what the host trusts.

CA_CANDIDATES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL
    "/etc/ssl/ca-bundle.pem",  # openSUSE
    "/etc/ssl/cert.pem",  # Alpine, macOS
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
)


def host_ca_bundle() -> Path:
    env = os.environ.get("SSL_CERT_FILE")
    for candidate in ([env] if env else []) + list(CA_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise RuntimeError("no CA bundle found on the host (set SSL_CERT_FILE)")


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------------------------------
# Base rootfs: one debootstrap per suite per engine, shared by every stand-in.

_base_locks = {suite: threading.Lock() for suite in SUITES}
# Base images replaced by newer ones: removed once the stand-ins built on them are replaced too.
_replaced_bases: list[str] = []


def base_ref(suite: str) -> str:
    return f"{BASE_REPO}:{suite}"


def _base_key(suite: str) -> str:
    files = sorted((HERE / "base").rglob("*"))
    digest = hashlib.sha256(f"{RECIPE}\n{suite}\n{MIRROR}\n{SECURITY_MIRROR}\n".encode())
    digest.update(sha256_file(host_ca_bundle()).encode())
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(HERE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:32]


def ensure_base(suite: str, log: Callable[[str], None] = print, rebuild: bool = False) -> str:
    """Returns the image id of scaffold-standin/debian:<suite>, making it first when missing."""
    with _base_locks[suite], _engine_lock(f"base-{suite}"):
        key = _base_key(suite)
        info = image_info(base_ref(suite))
        if info and not rebuild and image_labels(info).get(LABEL_INPUTS) == key:
            return info["Id"]
        started = time.monotonic()
        _make_base(suite, key, log)
        log(f"base {base_ref(suite)} made in {time.monotonic() - started:.0f}s")
        new_id = image_info(base_ref(suite))["Id"]
        if info and image_labels(info).get(LABEL_KIND) == "base" and info["Id"] != new_id:
            _replaced_bases.append(info["Id"])
        return new_id


@contextlib.contextmanager
def _engine_lock(name: str):
    """A lock shared by every process on this host that works on the same engine, so that two
    runs at once (a prove run and a developer's) make a base rootfs once, not twice."""
    engine = hashlib.sha256(os.environ.get("DOCKER_HOST", "default").encode()).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / f"scaffold-standins-{engine}-{name}.lock"
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _make_base(suite: str, key: str, log: Callable[[str], None]) -> None:
    """debootstrap a minimal Debian into a temporary folder, configure it, and import it."""
    if shutil.which("debootstrap") is None:
        raise RuntimeError("debootstrap is not installed (apt-get install debootstrap)")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    work = Path(tempfile.mkdtemp(prefix=f"standin-{suite}-"))
    root = work / "rootfs"
    try:
        log(f"base: debootstrap {suite} (takes about a minute)")
        proc = subprocess.run(sudo + ["debootstrap", "--variant=minbase", suite, str(root), MIRROR],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"debootstrap {suite} failed: {proc.stdout[-600:]}{proc.stderr[-600:]}")
        # The configuration script runs as root too (it writes inside the rootfs).
        proc = subprocess.run(sudo + ["env", f"SUITE={suite}", f"MIRROR={MIRROR}",
                                      f"SECURITY_MIRROR={SECURITY_MIRROR}", f"HOST_CA={host_ca_bundle()}",
                                      "sh", str(HERE / "base" / "configure-rootfs.sh"), str(root)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"configuring the {suite} rootfs failed: {proc.stderr[-800:]}")
        # Device nodes, /proc and /sys are the engine's business: leave their contents out.
        tar = subprocess.Popen(sudo + ["tar", "-C", str(root), "--numeric-owner", "--exclude=./dev/*",
                                       "--exclude=./proc/*", "--exclude=./sys/*", "-c", "."],
                               stdout=subprocess.PIPE)
        changes = [f"LABEL {LABEL_INPUTS}={key}", f"LABEL {LABEL_KIND}=base",
                   "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                   "ENV LANG=C.UTF-8", 'CMD ["bash"]']
        args = ["docker", "import"]
        for change in changes:
            args += ["--change", change]
        imp = subprocess.run(args + ["-", base_ref(suite)], stdin=tar.stdout, capture_output=True, text=True)
        tar.stdout.close()
        if tar.wait() != 0 or imp.returncode != 0:
            raise RuntimeError(f"importing the {suite} rootfs failed: {imp.stderr[-600:]}")
    finally:
        subprocess.run(sudo + ["rm", "-rf", str(work)], check=False)


# ---------------------------------------------------------------------------------------------
# Mapping references onto Debian


def _vkey(version: str) -> tuple:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def nearest(family: str, wanted: str | None, prefer: str | None = None) -> tuple[str, str, str]:
    """Picks the Debian suite for `wanted` of `family`: returns (suite, version, how).

    An equal version wins (preferring the reference's own codename); else the lowest newer one
    with the same major; else the highest older one with the same major; else the nearest
    major, the newer on a tie. `how` is "" for an equal version, or a note saying what was picked.
    """
    offers = [(version, suite) for suite, version in DEBIAN[family].items()]
    if not wanted:
        version, suite = max(offers, key=lambda o: _vkey(o[0]))
        return suite, version, ""
    want = _vkey(wanted)

    def same(o):
        have = _vkey(o[0])
        n = min(len(have), len(want))
        return have[:n] == want[:n]

    exact = [o for o in offers if same(o)]
    if exact:
        exact.sort(key=lambda o: (o[1] == prefer, _vkey(o[0])))
        version, suite = exact[-1]
        return suite, version, ""
    major = [o for o in offers if _vkey(o[0])[0] == want[0]]
    newer = sorted((o for o in major if _vkey(o[0]) > want), key=lambda o: _vkey(o[0]))
    older = sorted((o for o in major if _vkey(o[0]) < want), key=lambda o: _vkey(o[0]))
    if newer:
        version, suite = newer[0]
        how = f"Debian has no {wanted}; {version} is the nearest newer {want[0]}.x"
    elif older:
        version, suite = older[-1]
        how = f"Debian has no {wanted} or newer {want[0]}.x; {version} is the nearest"
    else:
        version, suite = min(offers, key=lambda o: (abs(_vkey(o[0])[0] - want[0]), -_vkey(o[0])[0],
                                                    tuple(-x for x in _vkey(o[0]))))
        how = f"Debian has no {want[0]}.x; {version} is the nearest"
    return suite, version, how


def split_ref(ref: str) -> tuple[str, str]:
    """'docker.io/library/redis:7.4-alpine' -> ('redis', '7.4-alpine')."""
    if "@" in ref:
        raise Unavailable("digest references cannot be stood in for (a stand-in has its own digest)")
    name, tag = ref, "latest"
    if ":" in ref.rsplit("/", 1)[-1]:
        name, tag = ref.rsplit(":", 1)
    for prefix in ("docker.io/", "index.docker.io/", "registry-1.docker.io/"):
        if name.startswith(prefix):
            name = name[len(prefix):]
    if name.startswith("library/"):
        name = name[len("library/"):]
    return name.lower(), tag


def parse_tag(tag: str, allowed: set[str]) -> tuple[str | None, list[str]]:
    """Splits a tag like '3.12-slim-bookworm' into its version ('3.12') and its other words.

    Words outside `allowed` make the reference unavailable: a variant nobody has taught this
    module is better reported than silently approximated.
    """
    words = tag.split("-")
    version = None
    if words and re.match(r"^v?\d", words[0]):
        version = words.pop(0).lstrip("v")
    elif words and words[0] in ("latest", "stable", "lts", "current", "mainline"):
        words.pop(0)
    unknown = [w for w in words if w not in allowed and not re.fullmatch(r"alpine\d+(\.\d+)*", w)]
    if unknown:
        raise Unavailable(f"tag variant {'-'.join(unknown)!r} is not supported")
    return version, words


def codename_of(words: list[str]) -> str | None:
    return next((w for w in words if w in DEBIAN_CODENAMES), None)


def fallback_suite(words: list[str], suite: str, notes: list[str]) -> str:
    """The reference's own codename when the stand-in is built on another suite ("" otherwise).

    That suite's archive is added at low priority (common/add-fallback-suite.sh), so version pins
    and package names of the named suite still install.
    """
    named = codename_of(words)
    if named and named != suite:
        notes.append(f"{suite} userland, not {named}; {named}'s archive is a low-priority apt source")
        return named if named in SUITES else ""
    return ""


def _alpine_note(words: list[str], notes: list[str]) -> None:
    if any(w.startswith("alpine") for w in words):
        notes.append("Debian userland, not Alpine (no apk; bash and coreutils instead of busybox)")


def debian_upstream(version: str) -> str:
    """'5:7.0.15-1~deb12u7' -> '7.0.15': the upstream part of a Debian version."""
    version = version.split(":", 1)[-1]
    return re.split(r"[-~+]", version, maxsplit=1)[0] if version else version


# One handler per image family; each turns (name, tag) into a Plan or raises Unavailable.

def plan_python(ref, name, tag):
    version, words = parse_tag(tag, DEBIAN_CODENAMES | {"slim", "alpine"})
    suite, have, how = nearest("python", version, codename_of(words))
    notes = [how] if how else []
    fallback = fallback_suite(words, suite, notes)
    _alpine_note(words, notes)
    notes.append("Debian's python3 under /usr with /usr/local/bin links; pip may install system-wide")
    extra = "" if "slim" in words or any(w.startswith("alpine") for w in words) else \
        "build-essential python3-dev git curl wget"
    if extra:
        notes.append("full variant: build-essential, python3-dev, git, curl, wget added")
    return Plan(ref, "python", suite, f"Debian {suite} python{have}",
                {"PYTHON": f"python{have}", "EXTRA_PACKAGES": extra, "FALLBACK_SUITE": fallback}, notes)


def _uv_artifacts(spec: str):
    def make(ctx: Path) -> None:
        fetch_uv(spec, ctx)
    return make


def plan_uv(ref, name, tag):
    if not re.fullmatch(r"\d+\.\d+(\.\d+)?", tag):
        raise Unavailable(f"uv tag {tag!r}: only plain version tags (the binaries-only image) are supported")
    spec = tag if tag.count(".") == 2 else f"{tag}.*"
    return Plan(ref, "uv", None, f"PyPI uv=={spec} wheel", {}, [],
                artifacts=_uv_artifacts(spec), artifact_key=f"uv=={spec}")


def plan_node(ref, name, tag):
    version, words = parse_tag(tag, DEBIAN_CODENAMES | {"slim", "alpine"})
    suite, have, how = nearest("node", version, codename_of(words))
    notes = [how] if how else []
    fallback = fallback_suite(words, suite, notes)
    _alpine_note(words, notes)
    notes += ["Debian's nodejs and npm (npm 9); corepack (trixie) but no bundled yarn; pnpm/yarn downloads need the npm registry",
              "npm audit/fund/update-notifier off in /etc/npmrc (nothing to reach offline)"]
    return Plan(ref, "node", suite, f"Debian {suite} nodejs {have}, npm", {"FALLBACK_SUITE": fallback}, notes)


def plan_nginx_unprivileged(ref, name, tag):
    version, words = parse_tag(tag, {"alpine", "slim", "perl", "otel", "bookworm"})
    suite, have, how = nearest("nginx", version)
    notes = [how] if how else []
    _alpine_note(words, notes)
    notes += ["Debian's nginx build (no njs/otel modules); busybox wget and nc for probes",
              "entrypoint runs /docker-entrypoint.d scripts and templates, no IPv6 listen rewrite"]
    return Plan(ref, "nginx-unprivileged", suite, f"Debian {suite} nginx {have}", {}, notes)


def plan_busybox(ref, name, tag):
    version, words = parse_tag(tag, {"musl", "glibc", "uclibc"})
    suite, have, how = nearest("busybox", version)
    notes = [how] if how else []
    if "musl" in words or "uclibc" in words:
        notes.append("statically linked against glibc (Debian's busybox-static), not musl")
    return Plan(ref, "busybox", suite, f"Debian {suite} busybox-static {have}", {}, notes)


def plan_redis(ref, name, tag):
    version, words = parse_tag(tag, DEBIAN_CODENAMES | {"alpine"})
    suite, have, how = nearest("redis", version, codename_of(words))
    notes = [how] if how else []
    _alpine_note(words, notes)
    notes.append("protected mode is turned off by the entrypoint (the official build compiles it off)")
    return Plan(ref, "redis", suite, f"Debian {suite} redis-server {have}", {}, notes)


def plan_postgres(ref, name, tag):
    version, words = parse_tag(tag, DEBIAN_CODENAMES | {"alpine"})
    suite, have, how = nearest("postgres", version, codename_of(words))
    notes = [how] if how else []
    _alpine_note(words, notes)
    notes.append("LANG=C.UTF-8 (Debian has no en_US.utf8 without the locales package)")
    return Plan(ref, "postgres", suite, f"Debian {suite} postgresql-{have}", {"PG_MAJOR": have}, notes)


def plan_prometheus(ref, name, tag):
    version, words = parse_tag(tag, {"distroless"})
    suite, have, how = nearest("prometheus", version)
    notes = [how] if how else []
    notes.append("Debian userland with busybox wget/nc (the real image is busybox-based)")
    return Plan(ref, "prometheus", suite, f"Debian {suite} prometheus {have}", {}, notes)


def plan_openwebui(ref, name, tag):
    if tag not in ("main", "latest") and not re.fullmatch(r"v?\d+(\.\d+)*", tag):
        raise Unavailable(f"open-webui tag {tag!r}: only the plain (non-cuda/ollama) image is stood in for")
    return Plan(ref, "open-webui", "bookworm", "a stand-in app (stdlib Python) on Debian bookworm python3",
                {"WEBUI_VERSION": tag}, ["no UI or models: /health, the data dir and env handling only"])


def plan_golang(ref, name, tag):
    version, words = parse_tag(tag, DEBIAN_CODENAMES | {"alpine"})
    suite, have, how = nearest("golang", version, codename_of(words))
    notes = [how] if how else []
    fallback = fallback_suite(words, suite, notes)
    _alpine_note(words, notes)
    notes.append("GOTOOLCHAIN=local: no toolchain downloads; modules only from what the network reaches")
    return Plan(ref, "golang", suite, f"Debian {suite} golang-{have}-go", {"GO": have, "FALLBACK_SUITE": fallback}, notes)


def plan_rust(ref, name, tag):
    version, words = parse_tag(tag, DEBIAN_CODENAMES | {"slim", "alpine"})
    suite, have, how = nearest("rust", version, codename_of(words))
    notes = [how] if how else []
    fallback = fallback_suite(words, suite, notes)
    _alpine_note(words, notes)
    notes.append("Debian's rustc and cargo, no rustup (no extra targets or components)")
    extra = "" if "slim" in words else "make pkg-config git libssl-dev curl wget"
    return Plan(ref, "rust", suite, f"Debian {suite} rustc, cargo {have}", {"EXTRA_PACKAGES": extra, "FALLBACK_SUITE": fallback}, notes)


def _jdk(wanted: str | None, suite: str | None = None) -> tuple[str, str, str]:
    """The OpenJDK major for a requested one (optionally within one suite): (suite, major, note)."""
    offers = {major: s for major, s in OPENJDK.items() if suite is None or s == suite}
    if wanted in offers:
        return offers[wanted], wanted, ""
    want = int(wanted or max(offers, key=int))
    major = min(offers, key=lambda m: (abs(int(m) - want), -int(m)))
    return offers[major], major, f"Debian{' ' + suite if suite else ''} has no OpenJDK {wanted}; {major} is the nearest"


def plan_temurin(ref, name, tag):
    version, words = parse_tag(tag, UBUNTU_CODENAMES | {"jre", "jdk", "alpine"})
    jdk = (version or "").split(".")[0].split("u")[0] or None
    suite, major, how = _jdk(jdk)
    flavour = "jre" if "jre" in words else "jdk"
    notes = [how] if how else []
    _alpine_note(words, notes)
    if any(w in UBUNTU_CODENAMES for w in words):
        notes.append(f"Debian {suite}, not Ubuntu")
    notes.append(f"Debian's OpenJDK {major} {flavour} (headless), not Temurin; LANG=C.UTF-8")
    return Plan(ref, "eclipse-temurin", suite, f"Debian {suite} openjdk-{major}-{flavour}-headless", {"JDK": major, "FLAVOUR": flavour}, notes)


def plan_maven(ref, name, tag):
    # maven:3.9-eclipse-temurin-21-noble, maven:3.9.9-eclipse-temurin-17, maven:3-openjdk-17 ...
    m = re.fullmatch(r"(?P<mvn>\d+(?:\.\d+){0,2})?(?:-(?:eclipse-temurin|openjdk|amazoncorretto|sapmachine)-(?P<jdk>\d+))?"
                     r"(?P<rest>(?:-[a-z0-9.]+)*)", tag)
    if not m:
        raise Unavailable(f"maven tag {tag!r} is not understood")
    rest = [w for w in m.group("rest").split("-") if w]
    unknown = [w for w in rest if w not in UBUNTU_CODENAMES | {"alpine"}]
    if unknown:
        raise Unavailable(f"tag variant {'-'.join(unknown)!r} is not supported")
    suite, have, how = nearest("maven", m.group("mvn"))
    _, jdk, jdk_how = _jdk(m.group("jdk") or "21", suite)
    notes = [n for n in (how, jdk_how) if n]
    _alpine_note(rest, notes)
    notes.append(f"Debian {suite}, not Ubuntu; OpenJDK {jdk}, not Temurin")
    notes.append(MAVEN_OFFLINE_NOTE)
    return Plan(ref, "maven", suite, f"Debian {suite} maven {have}, openjdk-{jdk}-jdk-headless", {"JDK": jdk}, notes)


# Whether an offline `mvn package` works is what the maven check finds out; this is its finding.
MAVEN_OFFLINE_NOTE = ("unavailable for building real projects: Maven Central is unreachable; plugins come "
                      "from Debian's repository, enough for `mvn package` of a jar without dependencies, "
                      "not for `dependency:go-offline` (pins a plugin version Debian lacks) or Spring Boot")


def plan_distroless(ref, name, tag):
    m = re.fullmatch(r"gcr\.io/distroless/(static|base|base-nossl|cc)-debian(\d+)", name)
    if not m or tag not in ("latest", "nonroot", "debug", "debug-nonroot"):
        raise Unavailable(f"distroless image {name}:{tag} is not supported (static, base, cc; latest, nonroot, debug)")
    flavour, release = m.groups()
    suites = {"11": "bookworm", "12": "bookworm", "13": "trixie"}
    if release not in suites:
        raise Unavailable(f"no Debian suite for distroless debian{release}")
    suite = suites[release]
    notes = [] if release != "11" else ["bookworm libraries for a debian11 reference"]
    libssl = "libssl3" if suite == "bookworm" else "libssl3t64"
    libraries = {"static": "", "base": f"libc6 {libssl}", "base-nossl": "libc6",
                 "cc": f"libc6 {libssl} libgcc-s1 libstdc++6 libgomp1"}[flavour]
    nonroot = "nonroot" in tag
    args = {"LIBRARIES": libraries, "DEBUG": "yes" if "debug" in tag else "no",
            "USER_ID": "65532" if nonroot else "0", "HOME_DIR": "/home/nonroot" if nonroot else "/"}
    what = f"Debian {suite} files: base-files, tzdata{', ' if libraries else ''}{libraries.replace(' ', ', ')}"
    return Plan(ref, "distroless", suite, what, args, notes, target="debug" if "debug" in tag else None)


def plan_swift(ref, name, tag):
    version, words = parse_tag(tag, UBUNTU_CODENAMES | DEBIAN_CODENAMES | {"slim"})
    suite, have, how = nearest("swift", version)
    notes = [how] if how else []
    if any(w in UBUNTU_CODENAMES for w in words):
        notes.append(f"Debian {suite}, not Ubuntu")
    notes.append("Debian's swiftlang toolchain")
    return Plan(ref, "swift", suite, f"Debian {suite} swiftlang {have}", {}, notes)


UBUNTU_SUITES = {"noble": "trixie", "24.04": "trixie", "oracular": "trixie", "24.10": "trixie", "plucky": "trixie",
                 "25.04": "trixie", "questing": "trixie", "25.10": "trixie", "latest": "trixie", "rolling": "trixie",
                 "devel": "trixie", "jammy": "bookworm", "22.04": "bookworm", "focal": "bookworm", "20.04": "bookworm"}


def plan_ubuntu(ref, name, tag):
    release = tag.split("-", 1)[0]
    if release not in UBUNTU_SUITES or not re.fullmatch(r"[a-z0-9.]+(-\d{8}(\.\d+)?)?", tag):
        raise Unavailable(f"ubuntu tag {tag!r} is not understood")
    suite = UBUNTU_SUITES[release]
    newer = suite == "trixie"
    notes = [f"Debian {suite}, not Ubuntu: apt installs Debian packages"]
    return Plan(ref, "ubuntu", suite, f"Debian {suite} base", {"UBUNTU_USER": "yes" if newer else "no"}, notes)


def plan_mysql(ref, name, tag):
    version, words = parse_tag(tag, {"oracle", "debian", "oraclelinux9", "lts", "innovation"})
    suite, have, how = nearest("mariadb", None)
    notes = [f"MariaDB {have}, not MySQL {version or tag} (Debian has no MySQL)",
             "SQL and protocol compatible for common use; no X protocol on 33060"]
    return Plan(ref, "mysql", suite, f"Debian {suite} mariadb-server {have}", {}, notes)


def plan_rabbitmq(ref, name, tag):
    version, words = parse_tag(tag, {"management", "alpine"})
    suite, have, how = nearest("rabbitmq", version)
    notes = [how] if how else []
    _alpine_note(words, notes)
    return Plan(ref, "rabbitmq", suite, f"Debian {suite} rabbitmq-server {have}",
                {"PLUGINS": "rabbitmq_management" if "management" in words else ""}, notes)


def plan_unavailable(reason: str):
    def handler(ref, name, tag):
        raise Unavailable(reason)
    return handler


# (image name pattern, handler, the reference pattern as `list` shows it, references it shows as examples)
FAMILIES = [
    (r"python", plan_python, "python:X.Y[-slim][-<codename>]", ["python:3.11-slim-bookworm", "python:3.12-slim-bookworm"]),
    (r"ghcr\.io/astral-sh/uv", plan_uv, "ghcr.io/astral-sh/uv:X.Y[.Z]", ["ghcr.io/astral-sh/uv:0.5.11"]),
    (r"node", plan_node, "node:N[-<codename>][-slim]", ["node:22-bookworm-slim"]),
    (r"nginxinc/nginx-unprivileged", plan_nginx_unprivileged, "nginxinc/nginx-unprivileged:X.Y[-alpine]",
     ["nginxinc/nginx-unprivileged:1.27-alpine"]),
    (r"busybox", plan_busybox, "busybox:X.Y[-musl|-glibc]", ["busybox:1.37-musl"]),
    (r"redis", plan_redis, "redis:X.Y[-alpine|-<codename>]", ["redis:7.4-alpine"]),
    (r"postgres", plan_postgres, "postgres:N[.M][-alpine|-<codename>]", ["postgres:16.6-alpine"]),
    (r"(quay\.io/)?prom(etheus)?/prometheus", plan_prometheus, "prom/prometheus:vX.Y.Z", ["prom/prometheus:v3.1.0"]),
    (r"ghcr\.io/open-webui/open-webui", plan_openwebui, "ghcr.io/open-webui/open-webui:vX.Y.Z|main",
     ["ghcr.io/open-webui/open-webui:v0.6.5"]),
    (r"golang", plan_golang, "golang:X.Y[-<codename>]", ["golang:1.23-bookworm"]),
    (r"rust", plan_rust, "rust:X.Y[-slim][-<codename>]", ["rust:1.83-slim-bookworm"]),
    (r"maven", plan_maven, "maven:X.Y-eclipse-temurin-N[-<codename>]", ["maven:3.9-eclipse-temurin-21-noble"]),
    (r"eclipse-temurin", plan_temurin, "eclipse-temurin:N[-jre|-jdk][-<codename>]",
     ["eclipse-temurin:21-jre-noble", "eclipse-temurin:17-jre-noble"]),
    (r"gcr\.io/distroless/[a-z-]+-debian\d+", plan_distroless, "gcr.io/distroless/{static,base,cc}-debianN[:nonroot|:debug]",
     ["gcr.io/distroless/static-debian12:nonroot", "gcr.io/distroless/cc-debian12:nonroot"]),
    (r"swift", plan_swift, "swift:X.Y[-<codename>]", ["swift:6.0-noble"]),
    (r"ubuntu", plan_ubuntu, "ubuntu:<codename|X.Y>[-<date>]", ["ubuntu:noble-20241118.1"]),
    (r"mysql", plan_mysql, "mysql:X.Y", ["mysql:8.4"]),
    (r"rabbitmq", plan_rabbitmq, "rabbitmq:X.Y[-management][-alpine]", ["rabbitmq:3.13-management-alpine"]),
    (r"grafana/grafana(-oss|-enterprise)?", plan_unavailable("Debian and PyPI have no Grafana"),
     "grafana/grafana:*", ["grafana/grafana:11.4.0"]),
    (r"mongo", plan_unavailable("Debian and PyPI have no MongoDB server (its licence keeps it out of Debian)"),
     "mongo:*", ["mongo:7.0"]),
    (r"traefik", plan_unavailable("Debian and PyPI have no Traefik"), "traefik:*", ["traefik:v3.2"]),
    (r"gradle", plan_unavailable("Debian's gradle is 4.4, far too old for current builds"), "gradle:*",
     ["gradle:8.12-jdk21-noble"]),
]


def plan(ref: str) -> Plan:
    """The Plan for one reference, or Unavailable saying why there can be none."""
    name, tag = split_ref(ref)
    for pattern, handler, _, _ in FAMILIES:
        if re.fullmatch(pattern, name):
            return handler(ref, name, tag)
    raise Unavailable(f"no stand-in is known for images named {name!r}")


# ---------------------------------------------------------------------------------------------
# PyPI: uv's binaries come from its wheel.


def fetch_uv(spec: str, dest: Path) -> str:
    """Puts uv and uvx from PyPI's `uv` wheel for this machine into dest; returns the version.

    Prefers the musllinux wheel: its binaries are static, like the real image's, so they run in
    a FROM scratch image and in any base they are copied into. Wheels of exact versions are
    kept in the user's cache; a version range (X.Y.*) is asked of the index each time.
    """
    machine = os.uname().machine
    arch = {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "scaffold-standins" / "wheels"
    cache.mkdir(parents=True, exist_ok=True)
    wheel, errors = None, []
    for platform in (f"musllinux_1_1_{arch}", f"manylinux_2_17_{arch}"):
        if not spec.endswith("*"):
            found = sorted(cache.glob(f"uv-{spec}-*{platform}*.whl"))
            if found:
                wheel = found[-1]
                break
        wheel = _download_wheel("uv", spec, platform, cache, errors)
        if wheel:
            break
    if wheel is None:
        raise Unavailable(f"no uv=={spec} wheel for {arch} from PyPI: {'; '.join(errors)[-300:]}")
    version = wheel.name.split("-")[1]
    with zipfile.ZipFile(wheel) as zf:
        for tool in ("uv", "uvx"):
            target = dest / tool
            target.write_bytes(zf.read(f"uv-{version}.data/scripts/{tool}"))
            target.chmod(0o755)
    (dest / "versions").write_text(f"uv {version} ({wheel.name})\n")
    return version


def _download_wheel(project: str, spec: str, platform: str, cache: Path, errors: list) -> Path | None:
    """Downloads the newest wheel matching spec and platform into cache; None (and a line in
    errors) if there is none.

    Uses the host's pip when it has one (it honours the host's index and certificate settings),
    else the index's JSON API over HTTPS.
    """
    fresh = Path(tempfile.mkdtemp(prefix="standin-wheel-"))
    try:
        if importlib.util.find_spec("pip") is not None:
            proc = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                                   "--only-binary=:all:", "--platform", platform, "--dest", str(fresh),
                                   f"{project}=={spec}"], capture_output=True, text=True)
            if proc.returncode != 0:
                errors.append(f"{platform}: {(proc.stderr.strip().splitlines() or ['pip failed'])[-1]}")
                return None
        elif not _download_wheel_simple(project, spec, platform, fresh):
            errors.append(f"{platform}: none on the index")
            return None
        wheels = sorted(fresh.glob(f"{project}-*.whl"))
        if not wheels:
            return None
        target = cache / wheels[-1].name
        shutil.move(str(wheels[-1]), target)
        return target
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _download_wheel_simple(project: str, spec: str, platform: str, dest: Path) -> Path | None:
    """pip-less fallback: the index's PEP 691 JSON pages; checks the wheel's sha256."""
    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")
    req = urllib.request.Request(f"{index}/{project}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(req, timeout=60) as resp:
        files = json.load(resp)["files"]
    libc, arch = re.match(r"((?:musl|many)linux)_\d+_\d+_(.+)", platform).groups()

    def version_of(f):
        return f["filename"].split("-")[1]

    def wanted(version):
        return version.startswith(spec[:-1]) if spec.endswith("*") else version == spec

    picks = [f for f in files if f["filename"].endswith(f"{arch}.whl") and f"{libc}_" in f["filename"]
             and wanted(version_of(f)) and not f.get("yanked")]
    if not picks:
        return None
    pick = max(picks, key=lambda f: _vkey(version_of(f)))
    with urllib.request.urlopen(pick["url"], timeout=300) as resp:
        data = resp.read()
    if "sha256" in pick.get("hashes", {}) and hashlib.sha256(data).hexdigest() != pick["hashes"]["sha256"]:
        raise RuntimeError(f"{pick['filename']}: checksum mismatch")
    target = dest / pick["filename"]
    target.write_bytes(data)
    return target


# ---------------------------------------------------------------------------------------------
# Building


def _inputs_key(p: Plan, base_id: str | None) -> str:
    """The cache key: the build folder's files, the plan, the base rootfs id and the CA bundle."""
    digest = hashlib.sha256(RECIPE.encode())
    digest.update(json.dumps({"kind": p.kind, "suite": p.suite, "args": p.args, "artifact": p.artifact_key,
                              "target": p.target, "base": base_id, "ref": p.ref}, sort_keys=True).encode())
    digest.update(sha256_file(host_ca_bundle()).encode())
    for folder in (HERE / p.kind, HERE / "common"):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(HERE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:32]


def installed_versions(p: Plan) -> list[str]:
    """What the built image records as backing it: "package version" per line, upstream versions."""
    text = read_image_file(p.ref, VERSIONS_FILE) or ""
    out = []
    for line in text.splitlines():
        words = line.split(None, 1)
        if len(words) == 2:
            out.append(f"{words[0]} {debian_upstream(words[1]) if p.suite else words[1]}")
    return out


def describe(p: Plan) -> str:
    """The `built`/`cached` line's text: what backs the image, exact versions, and deviations."""
    versions = installed_versions(p)
    if versions and p.suite and p.kind != "open-webui":
        text = f"Debian {p.suite} " + ", ".join(versions)
    else:
        text = p.what + (f": {', '.join(versions)}" if versions else "")
    return text + ("; " + "; ".join(p.notes) if p.notes else "")


def build_error(output: str) -> str:
    """The gist of a failed build: the failing step's last lines of output and its exit code."""
    lines = output.splitlines()
    failed = next((line for line in reversed(lines) if line.startswith("#") and " ERROR: " in line), "")
    step = failed.split(" ", 1)[0]
    said = [line.split(" ", 2)[2] for line in lines
            if step and line.startswith(step + " ") and re.match(r"#\d+ \d+\.\d+ ", line)]
    code = re.search(r"exit code: (\d+)", failed)
    gist = " | ".join(said[-3:]) or (lines[-1] if lines else "no output")
    return (gist[-400:] + (f" (exit code {code.group(1)})" if code else "")).strip()


def _build_one(p: Plan, log: Callable[[str], None], rebuild: bool, logdir: Path) -> Result:
    started = time.monotonic()
    base_id = ensure_base(p.suite, log) if p.suite else None
    key = _inputs_key(p, base_id)
    info = image_info(p.ref)
    labels = image_labels(info)
    if info and not rebuild and labels.get(LABEL_INPUTS) == key and labels.get(LABEL_REF) == p.ref:
        return Result(p.ref, "cached", describe(p), time.monotonic() - started)
    ctx = Path(tempfile.mkdtemp(prefix=f"standin-{p.kind}-"))
    try:
        shutil.copytree(HERE / p.kind, ctx, dirs_exist_ok=True)
        shutil.copytree(HERE / "common", ctx / "common")  # helpers any Dockerfile may bind-mount
        if p.artifacts:
            p.artifacts(ctx)
        args = ["build", "--progress=plain", "--tag", p.ref, "--label", f"{LABEL_INPUTS}={key}",
                "--label", f"{LABEL_KIND}={p.kind}", "--label", f"{LABEL_REF}={p.ref}"]
        if p.suite:
            args += ["--build-arg", f"BASE={base_ref(p.suite)}"]
        for name, value in p.args.items():
            args += ["--build-arg", f"{name}={value}"]
        if p.target:
            args += ["--target", p.target]
        proc = docker(*args, str(ctx), check=False)
        logfile = logdir / (re.sub(r"[^A-Za-z0-9_.-]+", "_", p.ref) + ".log")
        logfile.write_text((proc.stdout or "") + (proc.stderr or ""))
        if proc.returncode != 0:
            return Result(p.ref, "unavailable", f"stand-in build failed: {build_error(proc.stderr or '')} "
                          f"(log {logfile})", time.monotonic() - started)
    finally:
        shutil.rmtree(ctx, ignore_errors=True)
    # The image this tag named before, if it was an older stand-in, is now only clutter.
    if info and labels.get(LABEL_KIND) and labels.get(LABEL_REF, p.ref) == p.ref \
            and info["Id"] != (image_info(p.ref) or {}).get("Id"):
        docker("image", "rm", info["Id"], check=False)
    return Result(p.ref, "built", describe(p), time.monotonic() - started)


def _stderr(line: str) -> None:
    """Where news that is not a result line goes by default."""
    print(line, file=sys.stderr, flush=True)


def build(refs: list[str], log: Callable[[str], None] = print, jobs: int | None = None,
          rebuild: bool = False, progress: Callable[[str], None] | None = None) -> dict[str, Result]:
    """Builds (or reuses) a stand-in for each reference; logs one line per reference.

    progress (default: log) gets the other news: base rootfs work, each build's duration.
    """
    progress = progress or log
    results: dict[str, Result] = {}
    plans: list[Plan] = []
    for ref in dict.fromkeys(refs):
        try:
            plans.append(plan(ref))
        except Unavailable as err:
            results[ref] = Result(ref, "unavailable", str(err))
            log(results[ref].line())
    logdir = Path(os.environ.get("STANDINS_LOG_DIR") or tempfile.gettempdir()) / "scaffold-standins-logs"
    logdir.mkdir(parents=True, exist_ok=True)
    # Make the base rootfs images first, in parallel: every stand-in on a suite waits for it.
    suites = sorted({p.suite for p in plans if p.suite})
    failed_suites = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, len(suites))) as pool:
        futures = {pool.submit(ensure_base, suite, progress): suite for suite in suites}
        for future in concurrent.futures.as_completed(futures):
            try:
                future.result()
            except Exception as err:  # noqa: BLE001 -- reported per reference below
                failed_suites[futures[future]] = str(err)
    # Two builds at a time suit a 2-core machine: most of a build is waiting on downloads.
    jobs = jobs or int(os.environ.get("STANDINS_JOBS", "2"))

    def run(p: Plan) -> Result:
        if p.suite in failed_suites:
            return Result(p.ref, "unavailable", f"base rootfs {p.suite}: {failed_suites[p.suite]}")
        try:
            # One build of a reference at a time on an engine, across processes too.
            with _engine_lock("ref-" + hashlib.sha256(p.ref.encode()).hexdigest()[:16]):
                return _build_one(p, progress, rebuild, logdir)
        except Unavailable as err:
            return Result(p.ref, "unavailable", str(err))
        except Exception as err:  # noqa: BLE001 -- one failure must not stop the other builds
            return Result(p.ref, "unavailable", f"stand-in build failed: {err}")

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for future in concurrent.futures.as_completed([pool.submit(run, p) for p in plans]):
            result = future.result()
            results[result.ref] = result
            log(result.line())
            progress(f"  ({result.ref}: {result.seconds:.1f}s)")
    # An old base goes once nothing is built on it any more (else the engine refuses: fine).
    while _replaced_bases:
        docker("image", "rm", _replaced_bases.pop(), check=False)
    return {ref: results[ref] for ref in dict.fromkeys(refs)}


# ---------------------------------------------------------------------------------------------
# Contract checks (the functions live in checks.py beside this file)


def check(refs: list[str], log: Callable[[str], None] = print,
          progress: Callable[[str], None] | None = None) -> dict[str, Result]:
    """Runs each stand-in's contract self-test; logs a PASS or FAIL line per reference.

    progress (default: log) gets each check's duration.
    """
    progress = progress or log
    import checks  # beside this file; kept apart because it is long

    results = {}
    for ref in dict.fromkeys(refs):
        started = time.monotonic()
        try:
            p = plan(ref)
            if not is_standin(ref, p.kind):
                raise checks.CheckFailed("no stand-in image with this tag (run `build` first)")
            checks.run(p.kind, ref)
            result = Result(ref, "PASS", "", time.monotonic() - started)
        except Unavailable as err:
            result = Result(ref, "FAIL", f"unavailable: {err}", time.monotonic() - started)
        except checks.CheckFailed as err:
            result = Result(ref, "FAIL", str(err), time.monotonic() - started)
        except Exception as err:  # noqa: BLE001 -- report, and go on with the next reference
            result = Result(ref, "FAIL", f"{type(err).__name__}: {err}", time.monotonic() - started)
        results[ref] = result
        log(result.line())
        progress(f"  ({ref}: {result.seconds:.1f}s)")
    return results


# ---------------------------------------------------------------------------------------------
# Finding the references generated files use


def _substitute(value: str, defaults: dict) -> str | None:
    """Expands ${VAR:-default}, ${VAR} and $VAR from defaults; None if something stays unknown."""
    def expand(match):
        name, default = match.group(1) or match.group(3), match.group(2)
        if name in defaults:
            return defaults[name]
        if default is not None:
            return default
        raise KeyError(name)
    try:
        return re.sub(r"\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)", expand, value)
    except KeyError:
        return None


def dockerfile_references(text: str) -> list[str]:
    """The images a Dockerfile builds on or copies from (FROM, COPY --from, RUN --mount from=),
    leaving out its own stages; global ARG defaults are substituted."""
    lines = re.sub(r"\\\n", " ", text).splitlines()
    stages, args, refs, started = set(), {}, [], False
    for line in lines:
        words = line.split()
        if not words or words[0].startswith("#"):
            continue
        op = words[0].upper()
        if op == "ARG" and not started and len(words) > 1 and "=" in words[1]:
            name, value = words[1].split("=", 1)
            args[name] = value.strip("\"'")
        elif op == "FROM":
            started = True
            rest = [w for w in words[1:] if not w.startswith("--")]
            if rest:
                image = _substitute(rest[0], args)
                if image and image.lower() not in stages and image != "scratch":
                    refs.append(image)
                if len(rest) >= 3 and rest[1].upper() == "AS":
                    stages.add(rest[2].lower())
        for match in re.finditer(r"--from=([^\s,]+)|--mount=\S*?\bfrom=([^\s,]+)", line):
            source = _substitute(match.group(1) or match.group(2), args)
            if source and source.lower() not in stages and not source.isdigit():
                refs.append(source)
    return list(dict.fromkeys(refs))


def compose_images(text: str) -> tuple[dict, set]:
    """A generated compose file's service images and the services it builds (line-based: the
    files scaffold writes are regular enough that no YAML parser is needed)."""
    images, built, service, in_services = {}, set(), None, False
    for line in text.splitlines():
        if re.match(r"^\S", line):
            in_services = line.startswith("services:")
            continue
        if not in_services:
            continue
        m = re.match(r"^  ([A-Za-z0-9_.-]+):\s*$", line)
        if m:
            service = m.group(1)
            continue
        m = re.match(r"^    (image|build):\s*(.*)$", line)
        if m and service:
            if m.group(1) == "build":
                built.add(service)
            else:
                images[service] = m.group(2).strip().strip("\"'")
    return images, built


def references(paths: list) -> list[str]:
    """The base image references the Dockerfiles and compose files under paths need stood in
    for: FROM/COPY --from images that are not stages, and compose images of services that are
    not built (per directory, across its compose files)."""
    refs: list[str] = []
    files = []
    for path in map(Path, paths):
        files += sorted(path.rglob("*")) if path.is_dir() else [path]
    by_dir: dict = {}
    for f in files:
        if not f.is_file():
            continue
        if f.name.startswith("Dockerfile") and not f.name.endswith(".dockerignore") or f.suffix == ".Dockerfile":
            refs += dockerfile_references(f.read_text(errors="replace"))
        elif re.fullmatch(r"(docker-)?compose[\w.-]*\.ya?ml", f.name):
            images, built = compose_images(f.read_text(errors="replace"))
            entry = by_dir.setdefault(f.parent, ({}, set()))
            entry[0].update(images)
            entry[1].update(built)
    for images, built in by_dir.values():
        for service, image in images.items():
            image = _substitute(image, {})
            if service not in built and image:
                refs.append(image)
    return sorted(dict.fromkeys(refs))


# ---------------------------------------------------------------------------------------------
# Listing


def list_supported(log: Callable[[str], None] = print) -> None:
    """Prints each supported reference pattern with an example: what backs it, how it differs.

    A stand-in already built on this engine shows its installed versions too.
    """
    for _, _, pattern, samples in FAMILIES:
        log(pattern)
        for sample in samples:
            try:
                p = plan(sample)
            except Unavailable as err:
                log(f"    {sample}: unavailable: {err}")
                continue
            built = ""
            if is_standin(sample, p.kind):
                built = " [built here: " + (", ".join(installed_versions(p)) or "?") + "]"
            log(f"    {sample} -> {p.what}{built}")
            for note in p.notes:
                log(f"        - {note}")
    log("Debian versions that references are mapped onto (the nearest; see nearest()):")
    for family, offers in DEBIAN.items():
        log(f"    {family}: " + ", ".join(f"{version} ({suite})" for suite, version in offers.items()))
    log("    openjdk: " + ", ".join(f"{major} ({suite})" for major, suite in OPENJDK.items()))


# ---------------------------------------------------------------------------------------------
# CLI


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build (or reuse) a stand-in for each image reference")
    b.add_argument("refs", nargs="+")
    b.add_argument("--jobs", type=int, help="builds at a time (default 2, or STANDINS_JOBS)")
    b.add_argument("--rebuild", action="store_true", help="ignore cached stand-ins (not the base rootfs)")
    c = sub.add_parser("check", help="run each stand-in's contract self-test")
    c.add_argument("refs", nargs="+")
    sub.add_parser("list", help="print the supported reference patterns")
    r = sub.add_parser("refs", help="print the base image references generated files under PATHs need")
    r.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)

    def log(line: str) -> None:
        print(line, flush=True)

    if args.command == "build":
        results = build(args.refs, log=log, jobs=args.jobs, rebuild=args.rebuild, progress=_stderr)
        return 3 if any(r.status == "unavailable" for r in results.values()) else 0
    if args.command == "check":
        results = check(args.refs, log=log, progress=_stderr)
        return 0 if all(r.ok for r in results.values()) else 1
    if args.command == "refs":
        for ref in references(args.paths):
            log(ref)
        return 0
    list_supported(log)
    return 0


sys.path.insert(0, str(HERE))

if __name__ == "__main__":
    sys.exit(main())
