"""`compose <env> up|health|reach|absent|down` and `dev-loop <service>`."""

from __future__ import annotations

import os
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

from .context import Ctx
from .util import one_line, run

UP_TIMEOUT = float(os.environ.get("SCAFFOLD_PROVE_UP_TIMEOUT", "900"))
SKIP_DIRS = {"node_modules", ".git", ".scaffold", "dist", "build", "target", ".venv", "__pycache__",
             "test", "tests", "deploy", ".github"}


def environment(ctx: Ctx, env: str, dev_loop_env: str | None) -> None:
    project = f"{ctx.name}-{env}"
    prefix = f"compose {env}"
    log = ctx.log(f"compose-{env}")
    log.unlink(missing_ok=True)
    config = ctx.configs.get(env) or {}
    apps = sorted(s for s, spec in config.get("services", {}).items() if "build" in spec)
    expected = ctx.expected(env)
    dependents = ([f"health {s}" for s in apps]
                  + [f"reach {s} -> {d}" for s in sorted(expected) for d in _deps(ctx, s, env)]
                  + [f"absent {s}" for s in sorted(ctx.absent(env))])
    jobs, crons = ctx.one_shot_jobs(env), ctx.crons(env)
    dependents += [f"job {s} completed" for s in jobs] + [f"cron {s} runs" for s in crons]
    loops = [s for s in apps] if env == dev_loop_env else []

    why = ctx.missing(ctx.env_images(env))
    if why or env in ctx.config_errors:
        reason = why or f"compose config failed: {ctx.config_errors[env]}"
        ctx.skip(f"{prefix} up", reason)
        for check in dependents:
            ctx.skip(f"{prefix} {check}", reason)
        for service in loops:
            ctx.skip(_loop_name(ctx, env, service, dev_loop_env), reason)
        return
    try:
        out = ctx.compose(env, "up", "--detach", "--wait", "--wait-timeout", "180", "--build",
                          project=project, timeout=UP_TIMEOUT, log=log)
        healthy, problems = ctx.wait_healthy(project, expected, 0, jobs=jobs)
        if out.ok and healthy:
            ctx.ok(f"{prefix} up")
        else:
            ctx.dump_project(project, env, log)
            reason = problems or out.why()
            if not out.ok and problems:
                reason = f"{out.why(120)}; {problems}"
            ctx.fail(f"{prefix} up", reason, log)
        containers = ctx.containers(project)
        by_service: dict = {}
        for c in containers:
            by_service.setdefault(ctx.service_of(c), []).append(c)

        def running(service):
            return [c for c in by_service.get(service, []) if (c.get("State") or {}).get("Status") == "running"]

        # A job ran to completion before its dependents started; a scheduled task runs with
        # `compose run`, as the host's crontab would start it.
        for service in jobs:
            check = f"{prefix} job {service} completed"
            states = [ctx.state(c) for c in by_service.get(service, [])]
            if states and all(st == "exited(0)" for st in states):
                ctx.ok(check)
            else:
                ctx.fail(check, f"{service}: {', '.join(states) or 'no container'}", log)
        for service in crons:
            check = f"{prefix} cron {service} runs"
            res = ctx.compose(env, "run", "--rm", service, project=project, timeout=300, log=log)
            if res.ok:
                ctx.ok(check)
            else:
                ctx.fail(check, f"compose run --rm {service}: {res.why()}", log)

        for service in apps:
            check = f"{prefix} health {service}"
            if ctx.lifecycle(service) != "service":
                ctx.skip(check, f"{service} is a {ctx.lifecycle(service)}: it runs to completion")
                continue
            live = running(service)
            if not live:
                ctx.skip(check, f"{service} is not running")
                continue
            model = ctx.service(service) or {}
            health = model.get("health") or {}
            paths = [p for p in (health.get("path"), health.get("readyPath"), health.get("livePath")) if p]
            if health.get("kind") not in (None, "http") or not paths:
                ctx.skip(check, f"the blueprint declares no HTTP health path for {service}")
                continue
            bad = []
            for c in live:
                for path in dict.fromkeys(paths):
                    res = ctx.probe(c["Id"], "http", f"http://127.0.0.1:{model.get('port')}{path}",
                                    seconds=20, log=log)
                    if not res.ok:
                        bad.append(f"{path} on {c['Name'].lstrip('/')}: {_probe_said(res)}")
            if bad:
                ctx.fail(check, "; ".join(bad), log)
            else:
                ctx.ok(check)

        # Published ports: what a developer opens in the browser answers from the host.
        for service in apps:
            model = ctx.service(service) or {}
            path = (model.get("health") or {}).get("path") or "/"
            for port in (config["services"][service].get("ports") or []):
                published = str(port.get("published") or "")
                if not published.isdigit() or str(port.get("target")) != str(model.get("port")):
                    continue
                check = f"{prefix} port {service} {published}"
                if not running(service):
                    ctx.skip(check, f"{service} is not running")
                    continue
                said = _host_get(f"http://127.0.0.1:{published}{path}")
                if said.startswith("HTTP 2"):
                    ctx.ok(check)
                else:
                    ctx.fail(check, f"GET {path} on host port {published}: {said}")

        for service in sorted(expected):
            for dep in _deps(ctx, service, env):
                check = f"{prefix} reach {service} -> {dep}"
                live = running(service)
                if not live:
                    ctx.skip(check, f"{service} is not running")
                    continue
                port = (ctx.service(dep) or {}).get("port")
                if not port:
                    ctx.skip(check, f"the model gives {dep} no port")
                    continue
                res = ctx.probe(live[0]["Id"], "tcp", dep, str(port), seconds=20, log=log)
                if res.ok:
                    ctx.ok(check)
                else:
                    ctx.fail(check, f"{dep}:{port} from {service}'s network: {_probe_said(res)}", log)

        listed = set(ctx.compose(env, "ps", "--all", "--services", project=project, timeout=60).out.split())
        defined = set(config.get("services", {}))
        for service in sorted(ctx.absent(env)):
            check = f"{prefix} absent {service}"
            if service in listed:
                ctx.fail(check, f"{service} has a container in {env}, where the model says it doesn't run")
            elif service in defined:
                ctx.fail(check, f"compose.{env}.yaml defines {service}, which the model says doesn't run in {env}")
            else:
                ctx.ok(check)

        for service in loops:
            dev_loop(ctx, env, service, running(service), log, dev_loop_env)
    finally:
        out = ctx.compose(env, "down", "--volumes", "--remove-orphans", "--timeout", "10",
                          project=project, timeout=180, log=log)
        left = ctx.containers(project)
        if out.ok and not left:
            ctx.ok(f"{prefix} down")
        else:
            ctx.fail(f"{prefix} down", out.why() if not out.ok else f"{len(left)} container(s) left", log)


RELOAD_SETTLE_SECONDS = 3
"""How long a dev loop waits after the server answers before it edits the source."""


def _host_get(url: str, seconds: float = 20) -> str:
    """GET from the host, retried for a while: 'HTTP <status>' or the error."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            # Straight to loopback, whatever proxy the environment names.
            with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(url, timeout=5) as resp:
                return f"HTTP {resp.status}"
        except urllib.error.HTTPError as err:
            said = f"HTTP {err.code}"
        except (OSError, ValueError) as err:
            said = f"{type(err).__name__}: {err}"
        if time.monotonic() >= deadline:
            return said
        time.sleep(1)


def _deps(ctx: Ctx, service: str, env: str) -> list:
    model = ctx.service(service) or {}
    inst = ctx.instance(model, env) or {}
    present = set(ctx.expected(env))
    return sorted(d for d in inst.get("dependsOn", []) if d in present)


def _probe_said(res) -> str:
    if res.timed_out:
        return f"probe timed out after {res.seconds:.0f}s"
    said = [l for l in res.out.splitlines() if l.startswith(("OK ", "NO "))]
    return one_line(said[-1][3:] if said else res.gist(), 200)


def _loop_name(ctx: Ctx, env: str, service: str, dev_loop_env: str) -> str:
    return f"dev-loop {service}"


def starter_file(context: Path, service: str) -> tuple[Path | None, str]:
    """The source file under the build context that carries the starter greeting, and the
    greeting itself: `hello from <service>`, else whichever `hello from ...` a file has (a
    starter at the project root, or shared by services, greets with the project's name)."""
    fallback: tuple = (None, "")
    for dirpath, dirnames, filenames in os.walk(context):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        for filename in sorted(filenames):
            path = Path(dirpath) / filename
            try:
                if path.stat().st_size > 200_000:
                    continue
                text = path.read_text(errors="strict")
            except (OSError, UnicodeDecodeError):
                continue
            if f"hello from {service}" in text:
                return path, f"hello from {service}"
            m = re.search(r"hello from [A-Za-z0-9_.-]+", text)
            if m and fallback[0] is None:
                fallback = (path, m.group(0))
    return fallback


def dev_loop(ctx: Ctx, env: str, service: str, live: list, log: Path, dev_loop_env: str) -> None:
    check = _loop_name(ctx, env, service, dev_loop_env)
    if ctx.lifecycle(service) != "service":
        ctx.skip(check, f"{service} is a {ctx.lifecycle(service)}: its next run reads the mounted source")
        return
    if not (ctx.service(service) or {}).get("port"):
        ctx.skip(check, f"{service} has no port to ask: a process without one reads the mounted source when restarted")
        return
    if not live:
        ctx.skip(check, f"{service} is not running in {env}")
        return
    build = ctx.built_services(env).get(service) or {}
    source, greeting = starter_file(Path(build.get("context", ctx.dir)), service)
    if source is None:
        ctx.fail(check, f"no file under {service}'s build context has a starter greeting ('hello from ...')")
        return
    # A starter greets with its own name: the service's, or the project's when the service is
    # built from the project root or shares its build context; any `hello from ...` will do.
    wrong = ""
    port = (ctx.service(service) or {}).get("port")
    before = {c["Id"] for c in live}
    original = source.read_bytes()
    edited = None
    try:
        # Services built from one context share its source: an earlier loop's edit and restore
        # reload this one too, so give it the same time to settle back as the edit gets.
        first = ctx.probe(live[0]["Id"], "text", f"http://127.0.0.1:{port}/", greeting, seconds=60, log=log)
        if not first.ok:
            ctx.fail(check, "; ".join(filter(None, [wrong, f"GET / before the edit: {_probe_said(first)}"])), log)
            return
        # A polling reloader (uvicorn's StatReload) forgets every mtime when it restarts and
        # takes the next poll as its new baseline: an edit that lands between the restart and
        # that poll is never seen. A person's edit comes seconds after the server settled, so
        # let a reload the previous loop's restore started finish before editing.
        time.sleep(RELOAD_SETTLE_SECONDS)
        changed = greeting.replace("hello from", "changed for")
        source.write_bytes(original.replace(greeting.encode(), changed.encode()))
        edited = changed
        res = ctx.probe(live[0]["Id"], "text", f"http://127.0.0.1:{port}/", changed, seconds=60, log=log)
        after = {c["Id"] for c in ctx.containers(f"{ctx.name}-{env}") if ctx.service_of(c) == service}
        rel = source.relative_to(ctx.dir)
        if res.ok and after == before and not wrong:
            ctx.ok(check)
        elif res.ok and after == before:
            ctx.fail(check, f"{wrong} (the reload itself works)")
        elif res.ok:
            ctx.fail(check, "; ".join(filter(None, [wrong, f"the change to {rel} showed only after the container was recreated"])))
        else:
            ctx.fail(check, "; ".join(filter(None, [wrong, f"edited {rel}; GET / still answers the old text after 60s ({_probe_said(res)})"])), log)
    finally:
        if edited:
            _let_siblings_settle(ctx, env, service, Path(build.get("context", ctx.dir)), source, edited, log)
        source.write_bytes(original)


def _let_siblings_settle(ctx: Ctx, env: str, service: str, context: Path, source: Path, changed: str, log: Path) -> None:
    """Before an edit is restored, waits until the other services that serve the same starter
    file answer with the edit (best effort, bounded), then lets their reload settle: a restore
    that lands while a sibling's polling reloader restarts is never seen by it, and that
    sibling's own loop would then find the edited text before its edit."""
    for other, build in sorted(ctx.built_services(env).items()):
        other_port = (ctx.service(other) or {}).get("port")
        if other == service or not other_port or ctx.lifecycle(other) != "service":
            continue
        if Path(build.get("context", ctx.dir)) != context or starter_file(context, other)[0] != source:
            continue
        for container in ctx.containers(f"{ctx.name}-{env}"):
            if ctx.service_of(container) == other:
                ctx.probe(container["Id"], "text", f"http://127.0.0.1:{other_port}/", changed, seconds=30, log=log)
    time.sleep(RELOAD_SETTLE_SECONDS)
