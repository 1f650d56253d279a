"""Checks of the generated scripts/start.sh and scripts/deploy.sh, run as a developer would:
from the project folder, with compose's default project name."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from .context import LABEL, Ctx
from .util import one_line, run

UP_TIMEOUT = float(os.environ.get("SCAFFOLD_PROVE_UP_TIMEOUT", "900"))


def parse_usage(text: str) -> tuple[list, str | None, list]:
    """From start.sh's usage: [(env, [names...])], the default environment, [actions]."""
    envs, actions, default, section = [], [], None, None
    for line in text.splitlines():
        head = re.match(r"^(Environments|Actions)\b(.*):\s*$", line)
        if head:
            section = head.group(1)
            m = re.search(r"default:\s*([\w-]+)", head.group(2))
            if section == "Environments" and m:
                default = m.group(1)
            continue
        if not line.strip():
            section = None
            continue
        if section == "Environments":
            names = [n.strip() for n in line.split("|") if n.strip()]
            if names:
                envs.append((names[0], names))
        elif section == "Actions":
            word = line.split()[0]
            if re.fullmatch(r"[a-z][a-z-]*", word):
                actions.append(word)
    return envs, default, actions


class Scripts:
    def __init__(self, ctx: Ctx):
        self.ctx = ctx
        # The default project name: compose.yaml's top-level `name:`, else the folder's name.
        m = re.search(r"^name:\s*[\"']?([^\"'\s#]+)", (ctx.dir / "compose.yaml").read_text(), re.M)
        self.project = m.group(1) if m else re.sub(r"[^a-z0-9_-]", "", ctx.dir.name.lower())
        self.log = ctx.log("start.sh")

    def sh(self, *args, timeout: float = 120, env: dict | None = None, log: Path | None = None):
        return run(["bash", "scripts/" + args[0], *args[1:]], cwd=self.ctx.dir, timeout=timeout,
                   log=log or self.log, extra_env=env)

    def volumes(self) -> list:
        return run(["docker", "volume", "ls", "-q", "--filter", f"label=com.docker.compose.project={self.project}"],
                   timeout=60).out.split()

    def down(self, env: str) -> None:
        self.ctx.compose(env, "down", "--volumes", "--remove-orphans", "--timeout", "10", timeout=180,
                         log=self.log)

    def up_ok(self, check: str, out, env: str, log: Path) -> bool:
        """PASS when the script succeeded and every service of env is running and healthy."""
        healthy, problems = self.ctx.wait_healthy(self.project, self.ctx.expected(env), 60 if out.ok else 0, jobs=self.ctx.one_shot_jobs(env))
        if out.ok and healthy:
            return self.ctx.ok(check)
        self.ctx.dump_project(self.project, env, log)
        reason = out.why() if not out.ok else problems
        return self.ctx.fail(check, reason, log)


def start_sh(ctx: Ctx) -> None:
    script = ctx.dir / "scripts" / "start.sh"
    if not script.is_file():
        ctx.skip("start.sh", "the preset renders no scripts/start.sh")
        return
    s = Scripts(ctx)
    help_out = s.sh("start.sh", "--help", timeout=30)
    envs, default, actions = parse_usage(help_out.out)
    if help_out.ok and "Usage" in help_out.out and envs:
        ctx.ok("start.sh --help")
    else:
        ctx.fail("start.sh --help", help_out.why() if not help_out.ok else "usage lists no environments")
    names = {canonical: words for canonical, words in envs}
    dev = default if default in names else next((e for e in ctx.envs if ctx.mode(e) == "development"), None)
    prod = next((c for c, words in envs if "prod" in words or c == "production"), None)

    def word(env):  # what a developer types: the alias when there is one
        return (names.get(env) or [env])[-1]

    needed = set()
    for env in (dev, prod):
        if env:
            needed |= ctx.env_images(env)
    why = ctx.missing(needed)
    if why:
        for check in ("start.sh", "start.sh dev", "start.sh prod"):
            ctx.skip(check, why)
        _bad_arguments(ctx, s)
        return
    try:
        if dev in ctx.envs:
            _development(ctx, s, dev, word(dev), actions)
        else:
            ctx.skip("start.sh", "usage names no default development environment with a compose overlay")
        # Production-mode environments refuse to run (even `config`) without their secrets:
        # from here on .env has a dummy value for every secret.
        if (ctx.work / "dotenv").is_file():
            shutil.copyfile(ctx.work / "dotenv", ctx.dir / ".env")
        for env, words in envs:
            if env != dev and env in ctx.envs:
                check = f"start.sh {words[-1]} config"
                out = s.sh("start.sh", words[-1], "config", timeout=60)
                if out.ok and "services:" in out.out:
                    ctx.ok(check)
                else:
                    ctx.fail(check, out.why() if not out.ok else "printed no compose configuration", s.log)
        if prod in ctx.envs:
            _production(ctx, s, prod, word(prod))
        _bad_arguments(ctx, s)
    finally:
        for env in ctx.envs:
            s.down(env)
        dotenv = ctx.work / "dotenv"
        if dotenv.is_file():
            shutil.copyfile(dotenv, ctx.dir / ".env")


def _development(ctx: Ctx, s: Scripts, env: str, alias: str, actions: list) -> None:
    log = s.log
    # No argument: the usage says it starts the default environment. A first run has no .env:
    # the script must make one.
    (ctx.dir / ".env").unlink(missing_ok=True)
    out = s.sh("start.sh", timeout=UP_TIMEOUT)
    s.up_ok("start.sh", out, env, log)
    if not (ctx.dir / ".env").is_file():
        shutil.copyfile(ctx.work / "dotenv", ctx.dir / ".env")
    for name in dict.fromkeys([alias, env]):
        out = s.sh("start.sh", name, timeout=UP_TIMEOUT)
        s.up_ok(f"start.sh {name}", out, env, log)

    out = s.sh("start.sh", alias, "ps", timeout=60)
    missing = [svc for svc in ctx.expected(env) if svc not in out.out]
    if out.ok and not missing:
        ctx.ok(f"start.sh {alias} ps")
    else:
        ctx.fail(f"start.sh {alias} ps", out.why() if not out.ok else f"does not list {', '.join(missing)}", log)

    out = s.sh("start.sh", alias, "config", timeout=60)
    if out.ok and "services:" in out.out:
        ctx.ok(f"start.sh {alias} config")
    else:
        ctx.fail(f"start.sh {alias} config", out.why() if not out.ok else "printed no compose configuration", log)

    # logs follows: a timeout after some output is what it should do.
    out = s.sh("start.sh", alias, "logs", timeout=15)
    printed = out.out.strip()
    if (out.timed_out or out.rc == 0) and printed:
        ctx.ok(f"start.sh {alias} logs")
    else:
        ctx.fail(f"start.sh {alias} logs", out.why() if not out.timed_out else "followed, but printed nothing", log)

    if "restart" in actions:
        out = s.sh("start.sh", alias, "restart", timeout=180)
        s.up_ok(f"start.sh {alias} restart", out, env, log)
    if "build" in actions:
        out = s.sh("start.sh", alias, "build", timeout=UP_TIMEOUT)
        if out.ok:
            ctx.ok(f"start.sh {alias} build")
        else:
            ctx.fail(f"start.sh {alias} build", out.why(), log)

    volumes_before = s.volumes()
    out = s.sh("start.sh", alias, "down", timeout=180)
    left = ctx.containers(s.project)
    kept = s.volumes()
    if out.ok and not left and set(volumes_before) <= set(kept):
        ctx.ok(f"start.sh {alias} down")
    elif not out.ok:
        ctx.fail(f"start.sh {alias} down", out.why(), log)
    elif left:
        ctx.fail(f"start.sh {alias} down", f"{len(left)} container(s) still there", log)
    else:
        ctx.fail(f"start.sh {alias} down", "removed volumes (the usage says they are kept)", log)

    if "clean" in actions:
        if not volumes_before:
            ctx.skip(f"start.sh {alias} clean", f"{env} has no volumes to delete")
        else:
            # Without a terminal and without SCAFFOLD_YES it must refuse and keep the data.
            out = s.sh("start.sh", alias, "clean", timeout=60)
            if out.rc not in (0, None) and set(s.volumes()) >= set(volumes_before):
                ctx.ok(f"start.sh {alias} clean (no terminal)")
            else:
                ctx.fail(f"start.sh {alias} clean (no terminal)",
                         f"exit {out.rc} and volumes {'kept' if s.volumes() else 'deleted'}: "
                         "it must refuse without a terminal or SCAFFOLD_YES=1", log)
            out = s.sh("start.sh", alias, "clean", timeout=180, env={"SCAFFOLD_YES": "1"})
            still = s.volumes()
            if out.ok and not still:
                ctx.ok(f"start.sh {alias} clean")
            else:
                ctx.fail(f"start.sh {alias} clean", out.why() if not out.ok else
                         f"volumes left: {', '.join(still)}", log)


def _production(ctx: Ctx, s: Scripts, env: str, alias: str) -> None:
    log = s.log
    dotenv = ctx.work / "dotenv"
    secrets = _secrets_for(ctx, env)
    if secrets and (ctx.dir / ".env.example").is_file():
        # A production-mode environment must refuse to start with its secrets unset.
        shutil.copyfile(ctx.dir / ".env.example", ctx.dir / ".env")
        out = s.sh("start.sh", alias, timeout=120)
        started = ctx.containers(s.project)
        if out.rc not in (0, None) and not started:
            ctx.ok(f"start.sh {alias} (secrets unset)")
        else:
            ctx.fail(f"start.sh {alias} (secrets unset)",
                     f"exit {out.rc} with {', '.join(secrets)} empty in .env: it should refuse to start", log)
            s.down(env)
    if dotenv.is_file():
        shutil.copyfile(dotenv, ctx.dir / ".env")
    out = s.sh("start.sh", alias, timeout=UP_TIMEOUT)
    s.up_ok(f"start.sh {alias}", out, env, log)
    out = s.sh("start.sh", alias, "down", timeout=180)
    left = ctx.containers(s.project)
    if out.ok and not left:
        ctx.ok(f"start.sh {alias} down")
    else:
        ctx.fail(f"start.sh {alias} down", out.why() if not out.ok else f"{len(left)} container(s) left", log)


def _secrets_for(ctx: Ctx, env: str) -> list:
    names = set()
    for service in ctx.dump.get("services", []):
        inst = ctx.instance(service, env)
        if inst and not inst.get("managed"):
            names |= {v["name"] for v in inst.get("variables", []) if v.get("secret")}
    return sorted(names)


def _bad_arguments(ctx: Ctx, s: Scripts) -> None:
    dev = next((e for e in ctx.envs if ctx.mode(e) == "development"), ctx.envs[0] if ctx.envs else "dev")
    for args, what in ((["no-such-environment"], "an unknown environment"),
                       ([dev, "no-such-action"], "an unknown action"),
                       ([dev, "ps", "a", "b"], "too many arguments")):
        check = "start.sh " + " ".join(args)
        out = s.sh("start.sh", *args, timeout=60)
        if out.rc == 2 and not out.timed_out:
            ctx.ok(check)
        else:
            ctx.fail(check, f"{what} should exit 2 with the usage; got {out.why()}", s.log)


# ---------------------------------------------------------------------------------------------
# deploy.sh


def deploy_sh(ctx: Ctx) -> None:
    env = "production" if "production" in ctx.envs else None
    script = ctx.dir / "scripts" / "deploy.sh"
    if not script.is_file() or env is None:
        ctx.skip("deploy.sh", "no scripts/deploy.sh" if not script.is_file() else "no compose.production.yaml")
        return
    s = Scripts(ctx)
    s.log = ctx.log("deploy.sh")
    log = s.log
    steps = ["deploy.sh build v1", f"deploy.sh deploy {env} v1", f"deploy.sh status {env}",
             f"deploy.sh deploy {env} v2 (unhealthy)", f"deploy.sh deploy {env} v3", f"deploy.sh rollback {env}"]
    why = ctx.missing(ctx.env_images(env))
    if why:
        for step in steps:
            ctx.skip(step, why)
        return
    config = ctx.configs.get(env) or {}
    apps = {svc: spec for svc, spec in config.get("services", {}).items() if "build" in spec}
    repos = {svc: spec["image"].rsplit(":", 1)[0] for svc, spec in apps.items() if spec.get("image")}
    pending = list(steps)

    def skip_rest(reason):
        for step in pending:
            ctx.skip(step, reason)
        pending.clear()

    def done(step, ok, reason=""):
        pending.remove(step)
        if ok:
            ctx.ok(step)
        else:
            ctx.fail(step, reason, log)
        return ok

    def on_tag(tag) -> tuple[bool, str]:
        healthy, problems = ctx.wait_healthy(s.project, ctx.expected(env), 60, jobs=ctx.one_shot_jobs(env))
        wrong = [f"{ctx.service_of(c)} runs {c['Config']['Image']}" for c in ctx.containers(s.project)
                 if ctx.service_of(c) in repos and not c["Config"]["Image"].endswith(f":{tag}")]
        if not healthy:
            return False, problems
        if wrong:
            return False, "; ".join(sorted(wrong))
        return True, ""

    try:
        out = ctx.compose(env, "build", timeout=UP_TIMEOUT, log=log, extra_env={"IMAGE_TAG": "v1"})
        if not done(steps[0], out.ok, out.why()):
            return skip_rest("the v1 images did not build")
        out = s.sh("deploy.sh", "deploy", env, "v1", timeout=UP_TIMEOUT)
        ok, problems = on_tag("v1") if out.ok else (False, out.why())
        if not ok:
            ctx.dump_project(s.project, env, log)
        if not done(steps[1], ok, problems):
            return skip_rest(f"deploying v1 to {env} failed")
        out = s.sh("deploy.sh", "status", env, timeout=60)
        done(steps[2], out.ok and re.search(r"deployed:\s*v1\b", out.out) is not None,
             out.why() if not out.ok else f"does not say v1 is deployed: {one_line(out.out, 160)}")

        # v2: the v1 image with a health check that always fails (or, where compose sets its own
        # health check, an entrypoint that exits), so the deploy must fail and put v1 back.
        broken = ctx.work / "broken-v2"
        broken.mkdir(exist_ok=True)
        for svc, repo in sorted(repos.items()):
            own = "healthcheck" in apps[svc] and not apps[svc]["healthcheck"].get("disable")
            body = f"FROM {repo}:v1\n" + ('ENTRYPOINT ["false"]\n' if own else
                                          'HEALTHCHECK --interval=3s --timeout=2s --retries=2 CMD ["false"]\n')
            (broken / "Dockerfile").write_text(body)
            res = run(["docker", "build", "-t", f"{repo}:v2", "--label", f"{LABEL}={ctx.name}", broken],
                      timeout=300, log=log)
            if not res.ok:
                done(steps[3], False, f"could not build the broken v2 of {svc}: {res.why()}")
                break
        else:
            out = s.sh("deploy.sh", "deploy", env, "v2", timeout=UP_TIMEOUT)
            ok, problems = on_tag("v1")
            if out.ok:
                done(steps[3], False, "exited 0 although v2 never became healthy")
            elif not ok:
                ctx.dump_project(s.project, env, log)
                done(steps[3], False, f"v2 failed as it should, but v1 is not back: {problems}")
            else:
                done(steps[3], True)

        for svc, repo in sorted(repos.items()):
            run(["docker", "tag", f"{repo}:v1", f"{repo}:v3"], timeout=60, log=log)
        out = s.sh("deploy.sh", "deploy", env, "v3", timeout=UP_TIMEOUT)
        ok, problems = on_tag("v3") if out.ok else (False, out.why())
        if not done(steps[4], ok, problems):
            return skip_rest("deploying v3 failed")
        out = s.sh("deploy.sh", "rollback", env, timeout=UP_TIMEOUT)
        ok, problems = on_tag("v1") if out.ok else (False, out.why())
        status = s.sh("deploy.sh", "status", env, timeout=60)
        if ok and not re.search(r"deployed:\s*v1\b", status.out):
            ok, problems = False, f"status does not say v1: {one_line(status.out, 160)}"
        done(steps[5], ok, problems)
    finally:
        skip_rest("an earlier step failed")
        s.down(env)
        tags = [f"{repo}:{t}" for repo in repos.values() for t in ("v1", "v2", "v3")]
        run(["docker", "image", "rm", "-f", *tags], timeout=300, log=log)
        shutil.rmtree(ctx.dir / ".deploy", ignore_errors=True)
