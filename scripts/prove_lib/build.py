"""`build <service> <target>` and `image <service>`."""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import time
from pathlib import Path

from .context import LABEL, Ctx
from .util import Outcome, one_line, run

TARGETS = ("development", "production")
BUILD_TIMEOUT = float(os.environ.get("SCAFFOLD_PROVE_BUILD_TIMEOUT", "900"))


def build_error(out: Outcome) -> str:
    """The failing BuildKit step's last words, or the CLI's own error."""
    if out.timed_out:
        return f"timed out after {out.seconds:.0f}s"
    lines = out.out.splitlines()
    failed = next((l for l in reversed(lines) if re.match(r"#\d+ .*ERROR", l)), "")
    step = failed.split(" ", 1)[0] if failed else ""
    said = [l.split(" ", 2)[2] for l in lines if step and l.startswith(step + " ") and re.match(r"#\d+ \d+\.\d+ ", l)]
    if said:
        return " | ".join(s.strip() for s in said[-3:])
    final = next((l for l in reversed(lines) if l.startswith("ERROR")), "")
    return final or out.gist()


def tag_for(ctx: Ctx, service: str, target: str) -> str:
    return f"scaffold-prove/{ctx.name}-{service}:{target}"


def builds(ctx: Ctx) -> None:
    services = ctx.built_services()
    tasks = []
    for service in sorted(services):
        for target in TARGETS:
            tasks.append((service, target))

    def one(service: str, target: str):
        check = f"build {service} {target}"
        spec = services[service]
        try:
            df = ctx.dockerfile(spec)
        except OSError as err:
            return "FAIL", check, f"cannot read the Dockerfile: {err}"
        if df.stage(target) is None:
            return "FAIL", check, f"{df.path.name} has no stage named {target}"
        why = ctx.missing(df.images_for(target))
        if why:
            return "SKIP", check, why
        log = ctx.log(f"build-{service}-{target}")
        log.unlink(missing_ok=True)
        argv = ["docker", "build", "--progress=plain", "--target", target, "-f", df.path,
                "-t", tag_for(ctx, service, target), "--label", f"{LABEL}={ctx.name}"]
        for key, value in sorted((spec.get("args") or {}).items()):
            argv += ["--build-arg", f"{key}={value}"]
        out = run(argv + [spec.get("context", ".")], cwd=ctx.dir, timeout=BUILD_TIMEOUT, log=log)
        if out.ok:
            ctx.built[(service, target)] = tag_for(ctx, service, target)
            return "PASS", check, ""
        ctx.build_failed[(service, target)] = "build failed"
        return "FAIL", check, f"{one_line(build_error(out), 260)} (log {log})"

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, ctx.jobs)) as pool:
        futures = [pool.submit(one, *task) for task in tasks]
        for future in futures:  # in submission order: the output stays deterministic
            status, check, reason = future.result()
            ctx.report.line(status, ctx.name, check, reason)


def _production_env(ctx: Ctx, service: str) -> dict:
    """The variables production gives the service (secrets are .env's dummy values)."""
    for env in reversed(ctx.envs):
        if ctx.mode(env) == "production":
            spec = (ctx.configs.get(env) or {}).get("services", {}).get(service)
            if spec:
                return {k: ("" if v is None else str(v)) for k, v in (spec.get("environment") or {}).items()}
    return {}


def images(ctx: Ctx) -> None:
    for service in sorted(ctx.built_services()):
        check = f"image {service}"
        tag = ctx.built.get((service, "production"))
        if tag is None:
            ctx.skip(check, "production build " + ("failed" if (service, "production") in ctx.build_failed
                                                    else "did not run"))
            continue
        status, reason = _image(ctx, service, tag)
        ctx.report.line(status, ctx.name, check, reason)


def _image(ctx: Ctx, service: str, tag: str) -> tuple[str, str]:
    log = ctx.log(f"image-{service}")
    log.unlink(missing_ok=True)
    info = json.loads(run(["docker", "image", "inspect", tag], timeout=60, log=log).out or "[{}]")[0]
    config = info.get("Config") or {}
    user = (config.get("User") or "").split(":")[0]
    if not user.isdigit():
        return "FAIL", f"Config.User is {config.get('User')!r}, not a numeric uid"
    if int(user) < 1000:
        return "FAIL", f"Config.User uid {user} is below 1000" + (" (root)" if user == "0" else "")
    health = config.get("Healthcheck") or {}
    if not health.get("Test") or health["Test"][0] == "NONE":
        return "FAIL", "the image has no HEALTHCHECK"
    model = ctx.service(service) or {}
    name = f"prove-{ctx.name}-{service}-image"
    run(["docker", "rm", "-f", name], timeout=60)
    envfile = ctx.work / f"{service}.image.env"
    envfile.write_text("".join(f"{k}={v}\n" for k, v in sorted(_production_env(ctx, service).items())
                               if "\n" not in v))
    argv = ["docker", "run", "--detach", "--name", name, "--label", f"{LABEL}={ctx.name}",
            "--read-only", "--tmpfs", "/tmp", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
            "--env-file", envfile]
    # The paths the blueprint declares writable are tmpfs wherever the root is read-only.
    for path in sorted(set(model.get("writablePaths") or []) - {"/tmp"}):
        argv += ["--tmpfs", path]
    # The image runs alone here: the services it proxies to resolve (to nothing listening), as
    # their names do in compose and Kubernetes, so an nginx that resolves its upstreams at start
    # can start. Reaching them is proven by the compose checks.
    for peer in sorted({r.get("service") for r in model.get("routes") or []} - {None}):
        argv += ["--add-host", f"{peer}:127.0.0.1"]
    try:
        out = run(argv + [tag], timeout=120, log=log)
        if not out.ok:
            return "FAIL", f"docker run {out.why()} (log {log})"
        ns = 1_000_000_000
        budget = (health.get("StartPeriod", 0) + (health.get("Interval") or 30 * ns) * (health.get("Retries") or 3)
                  + (health.get("Timeout") or 30 * ns)) / ns + 15
        pid_checked = None
        deadline = time.monotonic() + budget
        status = "starting"
        while time.monotonic() < deadline:
            state = json.loads(run(["docker", "inspect", "-f", "{{json .State}}", name], timeout=60).out or "{}")
            if state.get("Status") != "running":
                run(["docker", "logs", "--tail", "60", name], timeout=60, log=log)
                return "FAIL", f"container {state.get('Status')} with exit code {state.get('ExitCode')} (log {log})"
            if pid_checked is None:
                pid_checked = _uids(state.get("Pid"), name)
                if pid_checked:
                    run(["docker", "logs", "--tail", "60", name], timeout=60, log=log)
                    return "FAIL", pid_checked
            status = (state.get("Health") or {}).get("Status", "")
            if status == "healthy":
                return "PASS", ""
            if status == "unhealthy":
                break
            time.sleep(2)
        last = (json.loads(run(["docker", "inspect", "-f", "{{json .State.Health}}", name], timeout=60).out
                           or "{}") or {}).get("Log") or [{}]
        run(["docker", "logs", "--tail", "60", name], timeout=60, log=log)
        return "FAIL", (f"HEALTHCHECK {status or 'never reported'} after {budget:.0f}s: "
                        f"{one_line(last[-1].get('Output', ''), 160)} (log {log})")
    finally:
        run(["docker", "rm", "-f", name], timeout=60)


def _uids(pid, name: str) -> str:
    """'' when the container's main process runs as non-root, else what is wrong."""
    text = ""
    try:
        text = Path(f"/proc/{int(pid)}/status").read_text()
    except (OSError, TypeError, ValueError):
        # The engine may be remote: ask inside the container instead.
        text = run(["docker", "exec", name, "cat", "/proc/1/status"], timeout=30).out
    uid = next((l.split()[1:] for l in text.splitlines() if l.startswith("Uid:")), None)
    if not uid:
        return "could not read the main process's uid"
    if "0" in uid:
        return f"the main process runs as root (Uid: {' '.join(uid)})"
    return ""
