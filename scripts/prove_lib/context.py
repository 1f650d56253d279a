"""One preset's working state: its rendered folder, resolved model, merged compose configs,
and the engine helpers every check uses."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from . import standin
from .files import Dockerfile, env_from_example, parse_dockerfile
from .util import Outcome, Report, one_line, run, safe_name

LABEL = "org.scaffold.prove"

# A probe run inside another container's network namespace: `http URL`, `text URL TEXT` or
# `tcp HOST PORT`, retried until it succeeds or the deadline passes.
PROBE = r'''
import socket, sys, time, urllib.error, urllib.request
mode, deadline = sys.argv[1], time.time() + float(sys.argv[2])
def once():
    if mode == "tcp":
        socket.create_connection((sys.argv[3], int(sys.argv[4])), timeout=5).close()
        return True, "connected"
    try:
        with urllib.request.urlopen(sys.argv[3], timeout=5) as r:
            status, body = r.status, r.read(4000).decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read(400).decode("utf-8", "replace")
    if mode == "http":
        return 200 <= status < 300, "HTTP %d" % status
    return 200 <= status < 300 and sys.argv[4] in body, "HTTP %d: %r" % (status, body[:160])
while True:
    try:
        ok, last = once()
    except Exception as e:
        ok, last = False, "%s: %s" % (type(e).__name__, e)
    if ok or time.time() >= deadline:
        print(("OK " if ok else "NO ") + last)
        sys.exit(0 if ok else 1)
    time.sleep(1)
'''


class Ctx:
    def __init__(self, root: Path, scaffold: Path, name: str, work: Path, logs: Path, report: Report,
                 jobs: int):
        self.root, self.scaffold, self.name = root, scaffold, name
        self.work, self.dir, self.logs = work, work / name, logs / name
        self.report, self.jobs = report, jobs
        self.logs.mkdir(parents=True, exist_ok=True)
        self.dump: dict = {}
        self.configs: dict = {}  # env -> merged compose config (JSON)
        self.config_errors: dict = {}  # env -> why `compose config` failed
        self.envs: list = []  # environments with a compose overlay, in the blueprint's order
        self.availability: dict = {}  # image reference -> (available, detail)
        self.built: dict = {}  # (service, target) -> image tag, for builds that passed
        self.build_failed: dict = {}  # (service, target) -> reason

    # -- reporting ----------------------------------------------------------------------------

    def ok(self, check):
        return self.report.ok(self.name, check)

    def fail(self, check, reason, log: Path | None = None):
        if log is not None:
            reason = f"{one_line(reason, 300)} (log {log})"
        return self.report.fail(self.name, check, reason)

    def skip(self, check, reason):
        return self.report.skip(self.name, check, reason)

    def log(self, what: str) -> Path:
        return self.logs / f"{safe_name(what)}.log"

    # -- the model ----------------------------------------------------------------------------

    def service(self, name: str) -> dict | None:
        return next((s for s in self.dump.get("services", []) if s.get("name") == name), None)

    def mode(self, env: str) -> str:
        for e in self.dump.get("environments", []):
            if e.get("name") == env:
                return e.get("mode", "production")
        return "production"

    def instance(self, service: dict, env: str) -> dict | None:
        return next((i for i in service.get("instances", []) if i.get("environment") == env), None)

    def present(self, env: str) -> list:
        """Services that exist as containers in env per the model (not absent, not managed),
        long-running or not."""
        names = []
        for s in self.dump.get("services", []):
            inst = self.instance(s, env)
            if inst is not None and not inst.get("managed"):
                names.append(s["name"])
        return names

    def lifecycle(self, name: str) -> str:
        """`service`, `job` (runs once before its dependents) or `cron` (runs on a schedule)."""
        return (self.service(name) or {}).get("lifecycle") or "service"

    def expected(self, env: str) -> list:
        """Services that run until stopped in env: what `up` must leave running."""
        return [s for s in self.present(env) if self.lifecycle(s) == "service"]

    def one_shot_jobs(self, env: str) -> list:
        """The one-shot jobs of env, which `up` runs to completion."""
        return [s for s in self.present(env) if self.lifecycle(s) == "job"]

    def crons(self, env: str) -> list:
        """The scheduled tasks of env, which `up` leaves to the host's crontab."""
        return [s for s in self.present(env) if self.lifecycle(s) == "cron"]

    def absent(self, env: str) -> list:
        return [s["name"] for s in self.dump.get("services", []) if s["name"] not in self.present(env)]

    def built_services(self, env: str | None = None) -> dict:
        """service -> its compose build section (context absolute), from env's merged config or,
        without env, from the first config that builds it."""
        found = {}
        for name in ([env] if env else self.envs):
            for svc, spec in (self.configs.get(name) or {}).get("services", {}).items():
                if "build" in spec and svc not in found:
                    found[svc] = spec["build"]
        return found

    def dockerfile(self, build: dict) -> Dockerfile:
        context = Path(build.get("context", "."))
        path = Path(build.get("dockerfile", "Dockerfile"))
        return parse_dockerfile(path if path.is_absolute() else context / path)

    def env_images(self, env: str) -> set:
        """Everything env's `up --build` needs: the build targets' bases and plain images."""
        refs = set()
        for svc, spec in (self.configs.get(env) or {}).get("services", {}).items():
            if "build" in spec:
                try:
                    refs |= self.dockerfile(spec["build"]).images_for(spec["build"].get("target"))
                except OSError:
                    pass
            elif spec.get("image"):
                refs.add(spec["image"])
        return refs

    def missing(self, refs) -> str | None:
        """Why refs can't all be had, or None when every one is available."""
        gone = sorted(r for r in refs if not self.availability.get(r, (False,))[0])
        if not gone:
            return None
        return "needs unavailable image(s): " + ", ".join(gone)

    # -- setup --------------------------------------------------------------------------------

    def render(self) -> bool:
        out = run([self.scaffold, "init", self.dir, "--blueprint", self.name], timeout=600,
                  log=self.log("render"))
        if not out.ok:
            return self.fail("render", f"scaffold init {out.why()}", self.log("render"))
        dump = run([self.scaffold, "dump", "--project", self.dir], timeout=120)
        try:
            self.dump = json.loads(dump.out[dump.out.index("{"):dump.out.rindex("}") + 1])
        except ValueError:
            return self.fail("render", f"scaffold dump printed no JSON ({dump.why()})", self.log("render"))
        order = [e["name"] for e in self.dump.get("environments", [])]
        overlays = sorted(p.name[len("compose."):-len(".yaml")] for p in self.dir.glob("compose.*.yaml"))
        self.envs = [e for e in order if e in overlays] + [e for e in overlays if e not in order]
        example = self.dir / ".env.example"
        if example.is_file():
            text, _ = env_from_example(example)
            (self.dir / ".env").write_text(text)
            os.chmod(self.dir / ".env", 0o600)
            (self.work / "dotenv").write_text(text)  # kept for checks that remove .env
        bad = []
        for env in self.envs:
            out = self.compose(env, "config", "--format", "json", project=f"{self.name}-{env}",
                               timeout=120, log=self.log(f"compose-config-{env}"), quiet=True)
            try:
                self.configs[env] = json.loads(out.out[out.out.index("{"):out.out.rindex("}") + 1])
                if not out.ok:
                    raise ValueError
            except ValueError:
                self.config_errors[env] = out.why()
                bad.append(f"compose.{env}.yaml: {out.why(160)}")
        if bad:
            return self.fail("render", "; ".join(bad), self.log("compose-config"))
        return self.ok("render")

    def all_images(self) -> set:
        refs = set()
        for env in self.envs:
            refs |= self.env_images(env)
        paths = set()
        for build in self.built_services().values():
            context = Path(build.get("context", "."))
            path = Path(build.get("dockerfile", "Dockerfile"))
            paths.add(path if path.is_absolute() else context / path)
        # Dockerfiles compose doesn't build (CI-only images) need their bases too.
        for path in self.dir.rglob("Dockerfile*"):
            if not path.name.endswith(".dockerignore") and not {"node_modules", ".scaffold"} & set(path.parts):
                paths.add(path)
        for path in sorted(paths):
            try:
                refs |= parse_dockerfile(path).all_images()
            except OSError:
                pass
        return refs

    def standins(self) -> None:
        refs = self.all_images()
        if not refs:
            self.ok("standins")
            return
        self.availability = standin.provide(self.root, refs, self.log("standins"))
        gone = {r: d for r, (ok, d) in self.availability.items() if not ok}
        if gone:
            self.skip("standins", "unavailable: " + "; ".join(f"{r} ({d})" for r, d in sorted(gone.items())))
        else:
            self.ok("standins")

    # -- docker helpers -----------------------------------------------------------------------

    def compose(self, env: str, *args, project: str | None = None, timeout: float = 300,
                log: Path | None = None, extra_env: dict | None = None, quiet: bool = False) -> Outcome:
        argv = ["docker", "compose"]
        if project:
            argv += ["-p", project]
        argv += ["-f", "compose.yaml", "-f", f"compose.{env}.yaml", *args]
        return run(argv, cwd=self.dir, timeout=timeout, log=log, extra_env=extra_env)

    def containers(self, project: str) -> list:
        ids = run(["docker", "ps", "-aq", "--filter", f"label=com.docker.compose.project={project}"],
                  timeout=60).out.split()
        if not ids:
            return []
        out = run(["docker", "inspect", *ids], timeout=60)
        try:
            return json.loads(out.out) if out.ok else []
        except ValueError:
            return []

    @staticmethod
    def state(container: dict) -> str:
        """running/healthy, running/starting, exited(1), ... for a `docker inspect` record."""
        st = container.get("State") or {}
        status = st.get("Status", "?")
        if status != "running":
            return f"{status}({st.get('ExitCode')})"
        health = (st.get("Health") or {}).get("Status")
        return f"running/{health}" if health else "running"

    @staticmethod
    def service_of(container: dict) -> str:
        return ((container.get("Config") or {}).get("Labels") or {}).get("com.docker.compose.service", "?")

    def wait_healthy(self, project: str, services, timeout: float, jobs=()) -> tuple[bool, str]:
        """Waits until every service has a container and all are running (healthy where they
        have a healthcheck), and every job has exited 0; returns (ok, what is wrong)."""
        deadline = time.monotonic() + timeout
        while True:
            containers = self.containers(project)
            have = {self.service_of(c) for c in containers}
            problems = [f"{s}: no container" for s in list(services) + list(jobs) if s not in have]
            for c in containers:
                st = self.state(c)
                if self.service_of(c) in jobs and st == "exited(0)":
                    continue
                if st not in ("running", "running/healthy"):
                    problems.append(f"{self.service_of(c)}: {st}")
            if not problems:
                return True, ""
            final = any("exited" in p or "unhealthy" in p or "dead" in p for p in problems)
            if final or time.monotonic() >= deadline:
                return False, "; ".join(sorted(set(problems)))
            time.sleep(3)

    def probe(self, container_id: str, *args, seconds: float = 20, log: Path | None = None) -> Outcome:
        """Runs PROBE in container_id's network namespace with the python stand-in."""
        image = standin.python_ref(self.root, self.availability)
        if image is None:
            return Outcome(["probe"], 1, "NO no image with python3 to probe with", 0, False)
        return run(["docker", "run", "--rm", "--pull", "never", "--label", f"{LABEL}={self.name}",
                    "--network", f"container:{container_id}", "--entrypoint", "python3", image,
                    "-c", PROBE, args[0], str(seconds), *args[1:]],
                   timeout=seconds + 60, log=log)

    def dump_project(self, project: str, env: str, log: Path) -> None:
        """compose ps -a and the logs' tails, for a failure's log."""
        self.compose(env, "ps", "-a", project=project, timeout=60, log=log)
        self.compose(env, "logs", "--no-color", "--tail", "80", project=project, timeout=90, log=log)

    def sweep(self) -> None:
        """Removes whatever this preset left in the engine: its containers, networks, volumes."""
        projects = {self.name} | {f"{self.name}-{env}" for env in self.envs}
        for env in self.envs:
            for project in sorted(projects):
                self.compose(env, "down", "--volumes", "--remove-orphans", "--timeout", "5",
                             project=project, timeout=120, log=self.log("cleanup"))
            break
        filters = [f"label={LABEL}={self.name}"] + [f"label=com.docker.compose.project={p}" for p in projects]
        for flt in filters:
            ids = run(["docker", "ps", "-aq", "--filter", flt], timeout=60).out.split()
            if ids:
                run(["docker", "rm", "-f", "-v", *ids], timeout=120, log=self.log("cleanup"))
            for kind in ("network", "volume"):
                ids = run(["docker", kind, "ls", "-q", "--filter", flt], timeout=60).out.split()
                if ids:
                    run(["docker", kind, "rm", *ids], timeout=120, log=self.log("cleanup"))
        # The images this preset built (stand-ins and the build cache stay for the next preset).
        repos = {s.get("imageRepository") for s in self.dump.get("services", []) if s.get("build")}
        refs = run(["docker", "images", "--format", "{{.Repository}}:{{.Tag}}"], timeout=60).out.split()
        mine = [r for r in refs if r.rsplit(":", 1)[0] in repos or r.startswith(f"scaffold-prove/{self.name}-")]
        if mine:
            run(["docker", "image", "rm", "-f", *mine], timeout=300, log=self.log("cleanup"))
