"""`terraform <cloud> <env>`: init against the local provider mirror, then `terraform test` per
environment when the root has tests (mock providers: no cloud account is needed)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from .context import Ctx
from .util import run

PROVIDERS = {"aws": "aws", "gcp": "google", "azure": "azurerm"}
# Usual places for an unpacked provider mirror, before searching the whole disk.
MIRROR_HINTS = ("~/.terraform.d/plugins", "~/.local/share/terraform/plugins", "/usr/local/share/terraform/plugins",
                "/usr/share/terraform/plugins", "/opt/terraform/plugins")
_mirror: list = []


def find_mirror(root: Path) -> Path | None:
    """The provider mirror scripts/lint found (.lint/terraform-mirror), else a search like its."""
    if _mirror:
        return _mirror[0]
    found = None
    recorded = root / ".lint" / "terraform-mirror"
    if recorded.is_file() and recorded.read_text().strip():
        found = Path(recorded.read_text().strip())
    for hint in MIRROR_HINTS:
        path = Path(os.path.expanduser(hint))
        if found is None and (path / "registry.terraform.io").is_dir():
            found = path
    if found is None:
        out = run(["find", "/", "(", "-path", "/proc", "-o", "-path", "/sys", "-o", "-path", "/dev", "-o",
                   "-path", "/run", "-o", "-path", "/tmp", "-o", "-path", str(root), "-o", "-name", ".terraform",
                   ")", "-prune", "-o", "-path", "*/registry.terraform.io/*", "-name", "terraform-provider-*",
                   "-print", "-quit"], timeout=300)
        hit = out.out.strip().splitlines()
        if hit and "/registry.terraform.io/" in hit[0]:
            found = Path(hit[0].split("/registry.terraform.io/")[0])
    _mirror.append(found)
    return found


def cli_config(ctx: Ctx, mirror: Path) -> Path:
    lint_rc = ctx.root / ".lint" / "terraformrc"
    if lint_rc.is_file() and str(mirror) in lint_rc.read_text():
        return lint_rc
    rc = ctx.work / "terraformrc"
    rc.write_text('provider_installation {\n  filesystem_mirror {\n'
                  f'    path    = "{mirror}"\n    include = ["registry.terraform.io/*/*"]\n  }}\n}}\n')
    return rc


def check(ctx: Ctx) -> None:
    base = ctx.dir / "deploy" / "terraform"
    roots = sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
    for tf_root in roots:
        cloud = tf_root.name
        envs = sorted(p.name[:-len(".tfvars")] for p in (tf_root / "environments").glob("*.tfvars"))
        names = [f"terraform {cloud} {env}" for env in envs] or [f"terraform {cloud}"]
        provider = PROVIDERS.get(cloud, cloud)
        if shutil.which("terraform") is None:
            for name in names:
                ctx.skip(name, "terraform is not installed")
            continue
        mirror = find_mirror(ctx.root)
        if mirror is None or not (mirror / "registry.terraform.io" / "hashicorp" / provider).is_dir():
            for name in names:
                ctx.skip(name, f"no offline provider mirror for hashicorp/{provider}")
            continue
        log = ctx.log(f"terraform-{cloud}")
        log.unlink(missing_ok=True)
        env = dict(os.environ, TF_CLI_CONFIG_FILE=str(cli_config(ctx, mirror)), TF_IN_AUTOMATION="1",
                   TF_INPUT="0", CHECKPOINT_DISABLE="1")
        env.pop("TF_PLUGIN_CACHE_DIR", None)
        init = run(["terraform", "init", "-backend=false", "-input=false", "-no-color"], cwd=tf_root, env=env,
                   timeout=300, log=log)
        if not init.ok:
            for name in names:
                ctx.fail(name, f"terraform init {init.why()}", log)
            continue
        tests = tf_root / "tests"
        if not tests.is_dir() or not any(tests.glob("*.tftest.hcl")):
            for name in names:
                ctx.skip(name, f"terraform init passed; no tests/*.tftest.hcl in deploy/terraform/{cloud} yet")
            continue
        for env_name, name in zip(envs, names):
            out = run(["terraform", "test", "-no-color", f"-var-file=environments/{env_name}.tfvars"],
                      cwd=tf_root, env=env, timeout=600, log=log)
            summary = next((l for l in reversed(out.out.splitlines()) if re.search(r"\d+ passed, \d+ failed", l)), "")
            if out.ok:
                ctx.ok(name)
            else:
                ctx.fail(name, summary.strip() or out.why(), log)
