"""Contract self-tests of the stand-ins: each proves the behaviour generated files rely on.

`run(kind, ref)` raises CheckFailed with a reason, or returns when the stand-in honours its
real image's contract. Every container, network and image a check makes is removed after it.
"""

from __future__ import annotations

import gzip
import json
import secrets
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from standins import base_ref, build_error, docker, split_ref, standins_of_kind


class CheckFailed(Exception):
    """The stand-in does not honour its contract; the message says where."""


class Scratch:
    """Names for throwaway containers and a network, all removed on exit."""

    def __init__(self, kind: str):
        self.prefix = f"standin-check-{kind}-{secrets.token_hex(3)}"
        self.containers: list[str] = []
        self.images: list[str] = []
        self.network: str | None = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for name in self.containers:
            docker("rm", "-f", "-v", name, check=False)
        for image in self.images:
            docker("image", "rm", "-f", image, check=False)
        if self.network:
            docker("network", "rm", self.network, check=False)

    def net(self) -> str:
        if not self.network:
            self.network = self.prefix
            docker("network", "create", self.network)
        return self.network

    def name(self, role: str) -> str:
        name = f"{self.prefix}-{role}"
        self.containers.append(name)
        return name

    def build(self, dockerfile: str, files: dict[str, str] | None = None) -> str:
        """Builds a throwaway image from a Dockerfile text (and context files); returns its tag."""
        tag = f"{self.prefix}-img:{len(self.images)}"
        ctx = Path(tempfile.mkdtemp(prefix="standin-check-"))
        try:
            (ctx / "Dockerfile").write_text(dockerfile)
            for rel, text in (files or {}).items():
                (ctx / rel).write_text(text)
            # No build cache: a check must run its steps, not replay an earlier run's result.
            proc = docker("build", "--progress=plain", "--no-cache", "--tag", tag, str(ctx), check=False)
        finally:
            shutil.rmtree(ctx, ignore_errors=True)
        if proc.returncode != 0:
            raise CheckFailed(f"derived image build failed: {build_error(proc.stderr)}")
        self.images.append(tag)
        return tag


def tail(text: str, lines: int = 4) -> str:
    return " | ".join((text or "").strip().splitlines()[-lines:])[-500:]


def run_in(ref: str, *args: str, entrypoint: str | None = None, options: tuple = (), timeout: float = 180,
           expect_ok: bool = True, what: str = "") -> subprocess.CompletedProcess:
    """docker run --rm; fails the check (saying what was tried) unless the exit status is as expected."""
    cmd = ["run", "--rm", *options]
    if entrypoint is not None:
        cmd += ["--entrypoint", entrypoint]
    proc = docker(*cmd, ref, *args, check=False, timeout=timeout)
    if expect_ok and proc.returncode != 0:
        raise CheckFailed(f"{what or ' '.join(args)[:80]}: exit {proc.returncode}: {tail(proc.stdout + proc.stderr)}")
    return proc


def sh(ref: str, script: str, what: str, **kw) -> str:
    """Runs a shell script in the image; a non-zero exit fails the check with its output."""
    return run_in(ref, "-c", script, entrypoint="sh", what=what, **kw).stdout


def exec_in(container: str, *args: str, check: bool = True, what: str = "") -> subprocess.CompletedProcess:
    proc = docker("exec", container, *args, check=False, timeout=60)
    if check and proc.returncode != 0:
        raise CheckFailed(f"{what or ' '.join(args)[:80]}: exit {proc.returncode}: {tail(proc.stdout + proc.stderr)}")
    return proc


def wait_until(what: str, probe, timeout: float = 60, container: str | None = None) -> None:
    """Polls probe() until it is true; fails with the container's log tail otherwise."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if probe():
            return
        if container and docker("inspect", "-f", "{{.State.Running}}", container, check=False).stdout.strip() == "false":
            break
        time.sleep(1)
    logs = docker("logs", "--tail", "8", container, check=False) if container else None
    detail = f": {tail(logs.stdout + logs.stderr, 8)}" if logs else ""
    raise CheckFailed(f"{what} did not happen within {timeout:.0f}s{detail}")


def pid1_uid(container: str) -> str:
    """The real uid of the container's main process."""
    status = exec_in(container, "cat", "/proc/1/status").stdout
    return next((line.split()[1] for line in status.splitlines() if line.startswith("Uid:")), "?")


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def image_config(ref: str) -> dict:
    return json.loads(docker("image", "inspect", ref).stdout)[0]["Config"]


# ---------------------------------------------------------------------------------------------


def check_python(ref: str) -> None:
    _, tag = split_ref(ref)
    slim = "slim" in tag.split("-")
    no_fetchers = 'if command -v curl || command -v wget; then echo "curl or wget is present"; exit 1; fi' if slim else ""
    sh(ref, f"""set -e
        test "$(id -u)" = 0 || {{ echo "runs as uid $(id -u), not root"; exit 1; }}
        for tool in python python3 pip pip3; do
            test -x /usr/local/bin/$tool || {{ echo "/usr/local/bin/$tool is missing"; exit 1; }}
        done
        case ":$PATH:" in *:/usr/local/bin:*) ;; *) echo "PATH lacks /usr/local/bin"; exit 1 ;; esac
        {no_fetchers}
        python --version
        pip --version
        # A venv, with pip installing into it from PyPI.
        python -m venv /opt/venv
        /opt/venv/bin/pip install --quiet --no-cache-dir six
        /opt/venv/bin/python -c 'import six'
        # pip installing into the system, as the real image allows (no PEP 668 refusal).
        pip install --quiet --no-cache-dir --root-user-action=ignore six
        python -c 'import six, sys; assert "/opt/venv" not in six.__file__'
        # A production stage: a numeric non-root user running the venv.
        groupadd --system --gid 10001 app
        useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin app
        setpriv --reuid 10001 --regid 10001 --clear-groups /opt/venv/bin/python -c 'import six'
    """, "python contract", timeout=300)
    config = image_config(ref)
    expect(config.get("Cmd") == ["python3"], f"CMD is {config.get('Cmd')}, not python3")
    # A reference naming a codename installs that suite's packages when asked by version.
    named = next((w for w in tag.split("-") if w in ("bookworm", "trixie")), None)
    if named:
        sh(ref, f"apt-get update -qq && apt-cache madison base-files | grep -q ' {named}/'",
           f"apt sees {named}'s archive")


def check_uv(ref: str) -> None:
    proc = run_in(ref, "--version", what="uv --version")
    expect(proc.stdout.startswith("uv "), f"uv --version printed {proc.stdout!r}")
    _, tag = split_ref(ref)
    if tag.count(".") == 2:
        expect(proc.stdout.split()[1] == tag, f"uv is {proc.stdout.split()[1]}, not {tag}")
    # As generated Dockerfiles use it: copied into a python stand-in, making a venv from PyPI.
    pythons = standins_of_kind("python")
    if pythons:
        with Scratch("uv") as scratch:
            scratch.build(f"""FROM {pythons[0]}
COPY --from={ref} /uv /uvx /usr/local/bin/
ENV UV_PROJECT_ENVIRONMENT=/opt/venv UV_LINK_MODE=copy UV_COMPILE_BYTECODE=1
RUN uv --version && uvx --version
RUN uv venv /opt/venv && VIRTUAL_ENV=/opt/venv uv pip install six && /opt/venv/bin/python -c 'import six'
""")


def check_node(ref: str) -> None:
    sh(ref, """set -e
        test "$(id -u)" = 0 || { echo "runs as uid $(id -u), not root"; exit 1; }
        node --version; npm --version; npx --version
        test "$(id -u node):$(id -g node)" = "1000:1000" || { echo "user node is $(id node)"; exit 1; }
        test "$(getent passwd node | cut -d: -f6)" = /home/node && test -d /home/node
        # npm ci of a project with a lockfile and no dependencies (run with no network at all).
        mkdir /tmp/app && cd /tmp/app
        printf '%s' '{"name":"probe","version":"1.0.0","scripts":{"build":"node -e \\"console.log(42)\\""}}' > package.json
        printf '%s' '{"name":"probe","version":"1.0.0","lockfileVersion":3,"requires":true,"packages":{"":{"name":"probe","version":"1.0.0"}}}' > package-lock.json
        npm ci
        npm run build | grep -qx 42
    """, "node contract", options=("--network", "none"), timeout=180)
    # The entrypoint hands flags to node.
    proc = run_in(ref, "-e", "console.log('entry')", what="entrypoint with a node flag")
    expect(proc.stdout.strip() == "entry", f"`-e` through the entrypoint printed {proc.stdout!r}")
    expect(image_config(ref).get("Cmd") == ["node"], "CMD is not node")


NGINX_SITE = """# Like a generated single-page-app site.
server {
    listen 8080;
    root /usr/share/nginx/html;
    index index.html;
    location = /healthz { return 200 "ok\\n"; }
    location / { try_files $uri $uri/ /index.html; }
}
"""


def check_nginx_unprivileged(ref: str) -> None:
    config = image_config(ref)
    expect(config.get("User") in ("101", "101:101", "nginx"), f"USER is {config.get('User')!r}, not 101")
    expect("8080/tcp" in (config.get("ExposedPorts") or {}), "8080 is not exposed")
    expect(config.get("StopSignal") == "SIGQUIT", "STOPSIGNAL is not SIGQUIT")
    expect(config.get("Cmd") == ["nginx", "-g", "daemon off;"], f"CMD is {config.get('Cmd')}")
    sh(ref, """set -e
        test "$(id -u):$(id -g)" = "101:101" && test "$(id -un)" = nginx
        grep -q 'include /etc/nginx/conf.d/\\*.conf;' /etc/nginx/nginx.conf
        grep -q 'listen *8080;' /etc/nginx/conf.d/default.conf
        wget --help 2>&1 | grep -q spider
    """, "nginx layout")
    with Scratch("nginx") as scratch:
        # The image as it is: the default site on 8080.
        plain = scratch.name("default")
        docker("run", "-d", "--name", plain, ref)
        wait_until("default site answering", lambda: exec_in(
            plain, "wget", "--quiet", "--spider", "http://127.0.0.1:8080/", check=False).returncode == 0,
            30, plain)
        expect(pid1_uid(plain) == "101", "nginx does not run as 101")
        # As a generated Dockerfile uses it: its site as conf.d/default.conf, a numeric user,
        # then run with a read-only root and a tmpfs /tmp (as generated compose files do).
        derived = scratch.build(f"""FROM {ref}
COPY site.conf /etc/nginx/conf.d/default.conf
COPY index.html /usr/share/nginx/html/index.html
USER 10001:10001
""", {"site.conf": NGINX_SITE, "index.html": "<p>spa</p>\n"})
        hardened = scratch.name("readonly")
        docker("run", "-d", "--name", hardened, "--read-only", "--tmpfs", "/tmp", "--cap-drop", "ALL",
               "--security-opt", "no-new-privileges:true", derived)
        wait_until("hardened site answering", lambda: exec_in(
            hardened, "wget", "--quiet", "--spider", "http://127.0.0.1:8080/", check=False).returncode == 0,
            30, hardened)
        body = exec_in(hardened, "wget", "-qO-", "http://127.0.0.1:8080/healthz").stdout
        expect(body.strip() == "ok", f"/healthz answered {body!r}")
        spa = exec_in(hardened, "wget", "-qO-", "http://127.0.0.1:8080/some/route").stdout
        expect("spa" in spa, "the SPA fallback did not serve index.html")
        expect(pid1_uid(hardened) == "10001", "nginx does not run as the image's USER")
        started = time.monotonic()
        docker("stop", "--time", "20", hardened)
        expect(time.monotonic() - started < 8, "nginx did not stop promptly on SIGQUIT")


def check_busybox(ref: str) -> None:
    expect(image_config(ref).get("Cmd") == ["sh"], "CMD is not sh")
    sh(ref, """set -e
        test -x /bin/busybox
        test ! -e /lib/x86_64-linux-gnu && test ! -e /usr/lib
        echo hello | grep -q hello
        wget --help 2>&1 | grep -q spider
        nc --help 2>&1 | grep -q -- -z || nc --help 2>&1 | grep -qi listen
    """, "busybox applets")
    # As generated Dockerfiles use it: /bin/busybox alone in an image with no libc.
    with Scratch("busybox") as scratch:
        probe = scratch.build(f"""FROM scratch
COPY --from={ref} /bin/busybox /busybox/busybox
ENTRYPOINT ["/busybox/busybox"]
""")
        proc = run_in(probe, "echo", "static", what="busybox copied into an empty image")
        expect(proc.stdout.strip() == "static", "the copied busybox did not run (not static?)")


def check_redis(ref: str) -> None:
    config = image_config(ref)
    expect(config.get("WorkingDir") == "/data", "WORKDIR is not /data")
    expect("/data" in (config.get("Volumes") or {}), "/data is not a volume")
    expect("6379/tcp" in (config.get("ExposedPorts") or {}), "6379 is not exposed")
    expect(config.get("Cmd") == ["redis-server"], "CMD is not redis-server")
    sh(ref, 'test "$(id -u redis):$(id -g redis)" = "999:1000" && command -v redis-server redis-cli',
       "user redis 999:1000 and the binaries")
    with Scratch("redis") as scratch:
        net = scratch.net()
        server = scratch.name("server")
        # As generated compose runs it.
        docker("run", "-d", "--name", server, "--network", net, "--network-alias", "redis",
               ref, "redis-server", "--appendonly", "yes")
        wait_until("redis-cli ping inside the container", lambda: exec_in(
            server, "redis-cli", "ping", check=False).stdout.strip() == "PONG", 30, server)
        # From another container: only works without protected mode.
        proc = run_in(ref, "redis-cli", "-h", "redis", "set", "standin", "ok", options=("--network", net),
                      what="redis-cli from another container")
        expect(proc.stdout.strip() == "OK", f"SET from another container answered {proc.stdout.strip()!r}")
        expect(pid1_uid(server) == "999", "redis-server does not run as redis (999)")
        listing = exec_in(server, "sh", "-c", "stat -c '%u:%g' /data; ls /data").stdout.split()
        expect(listing[0] == "999:1000", f"/data is owned by {listing[0]}")
        expect("appendonlydir" in listing or "appendonly.aof" in listing, "--appendonly yes wrote nothing in /data")


def check_postgres(ref: str) -> None:
    config = image_config(ref)
    expect(config.get("StopSignal") == "SIGINT", "STOPSIGNAL is not SIGINT")
    expect("5432/tcp" in (config.get("ExposedPorts") or {}), "5432 is not exposed")
    expect("/var/lib/postgresql/data" in (config.get("Volumes") or {}), "PGDATA is not a volume")
    expect(config.get("Cmd") == ["postgres"], "CMD is not postgres")
    sh(ref, 'set -e; test "$(id -u postgres):$(id -g postgres)" = "70:70"; '
            'command -v postgres initdb pg_ctl psql pg_isready; test "$PGDATA" = /var/lib/postgresql/data',
       "user postgres 70:70, binaries and PGDATA")
    # No password and no trust: the official refusal.
    proc = run_in(ref, expect_ok=False, timeout=60)
    expect(proc.returncode != 0 and "superuser password is not specified" in proc.stderr,
           "starting without POSTGRES_PASSWORD did not fail with the official error")
    with Scratch("postgres") as scratch:
        net = scratch.net()
        server = scratch.name("server")
        env = ["-e", "POSTGRES_USER=app", "-e", "POSTGRES_PASSWORD=standin-secret", "-e", "POSTGRES_DB=probe",
               "-e", "PGDATA=/var/lib/postgresql/data/pgdata", "-e", "POSTGRES_INITDB_ARGS=--data-checksums"]
        docker("create", "--name", server, "--network", net, "--network-alias", "db", *env, ref)
        # Init scripts, copied in before the first start (docker cp works with a remote engine too).
        initdir = Path(tempfile.mkdtemp(prefix="standin-initdb-"))
        try:
            (initdir / "01-table.sql").write_text("CREATE TABLE marker (v text); INSERT INTO marker VALUES ('sql');\n")
            (initdir / "02-more.sh").write_text('psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" '
                                                "-c \"INSERT INTO marker VALUES ('sh')\"\n")
            (initdir / "03-gz.sql.gz").write_bytes(gzip.compress(b"INSERT INTO marker VALUES ('gz');\n"))
            for f in ("01-table.sql", "02-more.sh", "03-gz.sql.gz"):
                docker("cp", str(initdir / f), f"{server}:/docker-entrypoint-initdb.d/{f}")
        finally:
            shutil.rmtree(initdir, ignore_errors=True)
        docker("start", server)
        client = ("--network", net, "-e", "PGPASSWORD=standin-secret")

        def query(sql: str, password_ok: bool = True) -> subprocess.CompletedProcess:
            return run_in(ref, "psql", "-h", "db", "-U", "app", "-d", "probe", "-tAc", sql,
                          options=client if password_ok else ("--network", net, "-e", "PGPASSWORD=wrong"),
                          expect_ok=False, timeout=30)

        wait_until("the server accepting TCP logins after init", lambda: query("SELECT 1").stdout.strip() == "1",
                   120, server)
        exec_in(server, "pg_isready", "-U", "app", "-d", "probe", what="pg_isready -U app -d probe")
        rows = query("SELECT string_agg(v, ',' ORDER BY v) FROM marker").stdout.strip()
        expect(rows == "gz,sh,sql", f"init scripts left {rows!r} (want gz,sh,sql)")
        bad = query("SELECT 1", password_ok=False)
        expect(bad.returncode != 0 and "password authentication failed" in bad.stderr,
               "a wrong password was not refused")
        hba = exec_in(server, "sh", "-c", "tail -n 3 $PGDATA/pg_hba.conf").stdout
        expect("host all all all scram-sha-256" in hba, "host connections do not use scram-sha-256")
        expect(pid1_uid(server) == "70", "postgres does not run as uid 70")
        # A restart keeps the data and skips initialisation.
        started = time.monotonic()
        docker("restart", "--time", "20", server)
        expect(time.monotonic() - started < 15, "postgres did not stop promptly on SIGINT")
        wait_until("the server back after a restart", lambda: query("SELECT count(*) FROM marker").stdout.strip() == "3",
                   60, server)
        logs = docker("logs", server)
        expect("Skipping initialization" in logs.stdout + logs.stderr, "the restart did not skip initialisation")


PROMETHEUS_CONFIG = """global:
  scrape_interval: 15s
  evaluation_interval: 15s
scrape_configs:
  - job_name: "api"
    metrics_path: "/metrics"
    static_configs:
      - targets:
          - "api:8000"
"""


def check_prometheus(ref: str) -> None:
    config = image_config(ref)
    expect(config.get("User") in ("nobody", "65534"), f"USER is {config.get('User')!r}")
    expect(config.get("WorkingDir") == "/prometheus", "WORKDIR is not /prometheus")
    expect(config.get("Entrypoint") == ["/bin/prometheus"], "ENTRYPOINT is not /bin/prometheus")
    expect("9090/tcp" in (config.get("ExposedPorts") or {}), "9090 is not exposed")
    # A config like the generated one loads.
    sh(ref, f"""set -e
        test "$(id -u)" = 65534
        cat > /tmp/prometheus.yml <<'EOF'
{PROMETHEUS_CONFIG}EOF
        promtool check config /tmp/prometheus.yml
        promtool check config /etc/prometheus/prometheus.yml
    """, "promtool check config")
    with Scratch("prometheus") as scratch:
        server = scratch.name("server")
        docker("run", "-d", "--name", server, ref)
        wait_until("/-/healthy answering to busybox wget", lambda: exec_in(
            server, "wget", "--quiet", "--spider", "http://127.0.0.1:9090/-/healthy", check=False).returncode == 0,
            60, server)
        wait_until("/-/ready", lambda: exec_in(
            server, "wget", "--quiet", "--spider", "http://127.0.0.1:9090/-/ready", check=False).returncode == 0,
            60, server)
        expect(pid1_uid(server) == "65534", "prometheus does not run as nobody")
        expect("wal" in exec_in(server, "ls", "/prometheus").stdout.split(), "no TSDB in /prometheus")


def check_open_webui(ref: str) -> None:
    config = image_config(ref)
    expect(config.get("WorkingDir") == "/app/backend", "WORKDIR is not /app/backend")
    expect(config.get("User") in ("", "0", "root", None), "does not run as root")
    with Scratch("open-webui") as scratch:
        net = scratch.net()
        # A stand-in for the API OpenWebUI talks to: a static server answering /v1/models.
        api = scratch.name("api")
        docker("run", "-d", "--name", api, "--network", net, "--network-alias", "api", "--entrypoint", "sh", ref,
               "-c", "mkdir -p /srv/v1 && echo '{\"data\": []}' > /srv/v1/models && "
                     "exec python3 -m http.server 8000 --directory /srv")
        webui = scratch.name("webui")
        docker("run", "-d", "--name", webui, "--network", net, "-e", "OPENAI_API_BASE_URL=http://api:8000/v1",
               "-e", "WEBUI_SECRET_KEY=standin", ref)

        def get(path: str) -> subprocess.CompletedProcess:
            return exec_in(webui, "curl", "--silent", "--show-error", f"http://127.0.0.1:8080{path}", check=False)

        wait_until("GET /health", lambda: get("/health").returncode == 0, 30, webui)
        expect(json.loads(get("/health").stdout) == {"status": True}, "/health is not {\"status\": true}")
        exec_in(webui, "sh", "-c", "curl --silent --fail http://localhost:8080/health | jq -ne 'input.status == true'",
                what="the real image's healthcheck command")
        settings = json.loads(get("/_standin/config").stdout)["settings"]
        expect(settings["OPENAI_API_BASE_URL"] and settings["WEBUI_SECRET_KEY"], "set settings are not seen")
        expect(not settings["OPENAI_API_KEY"] and not settings["DATABASE_URL"], "unset settings are seen as set")
        reach = json.loads(get("/_standin/reach?env=OPENAI_API_BASE_URL&path=/models").stdout)
        expect(reach.get("ok") and reach["results"][0].get("status") == 200, f"the configured API: {reach}")
        reach = json.loads(get("/_standin/reach?url=http://api:8000/v1/models").stdout)
        expect(reach.get("status") == 200, f"reach by URL: {reach}")
        expect(pid1_uid(webui) == "0", "does not run as root")
        # The data directory persists across a restart.
        docker("restart", "--time", "10", webui)
        wait_until("GET /health after a restart", lambda: get("/health").returncode == 0, 30, webui)
        state = json.loads(exec_in(webui, "cat", "/app/backend/data/standin-state.json").stdout)
        expect(state["starts"] == 2, f"the data directory did not keep its state ({state})")


def check_golang(ref: str) -> None:
    config = image_config(ref)
    expect(config.get("WorkingDir") == "/go", "WORKDIR is not /go")
    # A module without dependencies builds with no network at all, as a static binary.
    sh(ref, """set -e
        test "$GOPATH" = /go && test -x /usr/local/go/bin/go
        case ":$PATH:" in *:/usr/local/go/bin:*) ;; *) echo "PATH lacks /usr/local/go/bin"; exit 1 ;; esac
        go version
        mkdir /tmp/probe && cd /tmp/probe
        printf 'module example.com/probe\n\ngo 1.23\n' > go.mod
        : > go.sum
        printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("go-ok") }\n' > main.go
        go mod download
        CGO_ENABLED=0 go build -o /tmp/probe/server .
        test "$(/tmp/probe/server)" = go-ok
    """, "go build of a module without dependencies", options=("--network", "none"), timeout=300)


def check_rust(ref: str) -> None:
    sh(ref, """set -e
        test "$CARGO_HOME" = /usr/local/cargo && test "$RUSTUP_HOME" = /usr/local/rustup
        test -x /usr/local/cargo/bin/cargo && test -x /usr/local/cargo/bin/rustc
        test "$(command -v cargo)" = /usr/local/cargo/bin/cargo
        cargo --version && rustc --version
        cd /tmp && cargo new --quiet --bin probe && cd probe
        cargo build --release --quiet --offline
        test "$(./target/release/probe)" = "Hello, world!"
    """, "cargo build of a crate without dependencies", options=("--network", "none"), timeout=300)


JAVA_MAIN = 'package probe; public class Main { public static void main(String[] a) { System.out.println("java-ok"); } }'
POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>probe</groupId><artifactId>probe</artifactId><version>1.0</version><packaging>jar</packaging>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
</project>
"""


def check_eclipse_temurin(ref: str) -> None:
    _, tag = split_ref(ref)
    sh(ref, """set -e
        test "$JAVA_HOME" = /opt/java/openjdk && test -x /opt/java/openjdk/bin/java
        test "$(command -v java)" = /opt/java/openjdk/bin/java
        java -XX:MaxRAMPercentage=75 -version
        groupadd --system --gid 10001 app
        useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin app
        setpriv --reuid 10001 --regid 10001 --clear-groups java -version
    """, "java on PATH and JAVA_HOME", options=("--network", "none"))
    major = tag.split("-")[0].split(".")[0]
    proc = run_in(ref, "java", "-XshowSettings:properties", "-version", what="java -version")
    expect(f"java.specification.version = {major}" in proc.stderr, f"java is not version {major}")


def check_maven(ref: str) -> None:
    # `mvn package` of a jar without dependencies, with no network: plugins from Debian's repository.
    sh(ref, f"""set -e
        test "$JAVA_HOME" = /opt/java/openjdk && test -x /opt/java/openjdk/bin/javac
        test "$MAVEN_HOME" = /usr/share/maven
        mvn -v
        mkdir -p /tmp/probe/src/main/java/probe && cd /tmp/probe
        cat > pom.xml <<'EOF'
{POM}EOF
        echo '{JAVA_MAIN}' > src/main/java/probe/Main.java
        mvn -B -q package 2>&1 | grep -v 'Could not validate integrity' || true
        test "$(java -cp target/probe-1.0.jar probe.Main)" = java-ok
        rm -rf target && mvn -B -q -o package -DskipTests > /dev/null && test -f target/probe-1.0.jar
    """, "mvn package of a jar without dependencies", options=("--network", "none"), timeout=300)


def check_distroless(ref: str) -> None:
    name, tag = split_ref(ref)
    config = image_config(ref)
    nonroot = "nonroot" in tag
    want_user = "65532:65532" if nonroot else "0:0"
    expect(config.get("User") == want_user, f"USER is {config.get('User')!r}, not {want_user}")
    if nonroot:
        expect(config.get("WorkingDir") == "/home/nonroot", "WORKDIR is not /home/nonroot")
    with Scratch("distroless") as scratch:
        # No shell in the image: a static busybox copied in does the looking.
        probe = scratch.build(f"""FROM {base_ref("bookworm")} AS probe
RUN apt-get update && apt-get install -y --no-install-recommends busybox-static && cp "$(command -v busybox)" /busybox
FROM {ref}
COPY --from=probe /busybox /probe/busybox
""")

        def bb(*args: str) -> str:
            return run_in(probe, *args, entrypoint="/probe/busybox", what=" ".join(args)).stdout.strip()

        expect(bb("id", "-u") == want_user.split(":")[0], "runs as the wrong user")
        expect("nonroot:x:65532:65532:" in bb("cat", "/etc/passwd"), "/etc/passwd lacks nonroot 65532")
        expect(bb("stat", "-c", "%a", "/tmp") == "1777", "/tmp is not 1777")
        expect(bb("stat", "-c", "%u", "/home/nonroot") == "65532", "/home/nonroot is not nonroot's")
        expect("BEGIN CERTIFICATE" in bb("head", "-n", "1", "/etc/ssl/certs/ca-certificates.crt"), "no CA bundle")
        expect(bb("ls", "/usr/share/zoneinfo/UTC") != "", "no tzdata")
        if "/cc-" in name or "/base-" in name:
            # The dynamic loader loads the libraries a C/C++ binary needs (they are all there).
            loader = {"x86_64": "/lib64/ld-linux-x86-64.so.2", "aarch64": "/lib/ld-linux-aarch64.so.1"}
            arch = docker("info", "--format", "{{.Architecture}}").stdout.strip()
            lib = "libstdc++.so.6" if "/cc-" in name else "libssl.so.3"
            triplet = f"{arch}-linux-gnu"
            out = run_in(ref, "--list", f"/usr/lib/{triplet}/{lib}", entrypoint=loader[arch],
                         what=f"ld.so --list {lib}").stdout
            expect("not found" not in out and "libc.so.6" in out, f"{lib} cannot be loaded: {out.strip()}")


def check_swift(ref: str) -> None:
    sh(ref, """set -e
        swift --version && swiftc --version > /dev/null
        mkdir /tmp/probe && cd /tmp/probe
        swift package init --type executable --name probe > /dev/null
        swift build -c release --static-swift-stdlib > /dev/null
        test "$("$(swift build -c release --show-bin-path)/probe")" = "Hello, world!"
    """, "swift build of a package without dependencies", options=("--network", "none", "--cpus", "1"),
       timeout=600)


def check_ubuntu(ref: str) -> None:
    sh(ref, """set -e
        command -v apt-get dpkg groupadd useradd > /dev/null
        test "$(id -u)" = 0
        groupadd --system --gid 10001 app
        useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin app
        apt-get update > /dev/null
    """, "apt and the passwd tools")


def check_mysql(ref: str) -> None:
    config = image_config(ref)
    expect("3306/tcp" in (config.get("ExposedPorts") or {}), "3306 is not exposed")
    expect("/var/lib/mysql" in (config.get("Volumes") or {}), "/var/lib/mysql is not a volume")
    sh(ref, 'test "$(id -u mysql):$(id -g mysql)" = "999:999" && command -v mysqld mysql mysqladmin',
       "user mysql 999:999 and the mysql commands")
    proc = run_in(ref, expect_ok=False, timeout=60)
    expect(proc.returncode != 0 and "password option is not specified" in proc.stderr,
           "starting without a root password setting did not fail with the mysql image's error")
    with Scratch("mysql") as scratch:
        net = scratch.net()
        server = scratch.name("server")
        docker("run", "-d", "--name", server, "--network", net, "--network-alias", "db",
               "-e", "MYSQL_ROOT_PASSWORD=root-secret", "-e", "MYSQL_DATABASE=probe",
               "-e", "MYSQL_USER=app", "-e", "MYSQL_PASSWORD=app-secret", ref)

        def client(user: str, password: str, sql: str) -> subprocess.CompletedProcess:
            return run_in(ref, "mysql", "-h", "db", f"-u{user}", f"-p{password}", "-N", "-e", sql,
                          options=("--network", net), expect_ok=False, timeout=30)

        wait_until("the app user logging in over TCP",
                   lambda: client("app", "app-secret", "SELECT 1").stdout.strip() == "1", 120, server)
        # The generated healthcheck.
        exec_in(server, "mysqladmin", "ping", "-h", "127.0.0.1", what="mysqladmin ping -h 127.0.0.1")
        proc = client("app", "app-secret", "CREATE TABLE probe.t (v int); INSERT INTO probe.t VALUES (7); "
                                           "SELECT v FROM probe.t")
        expect(proc.stdout.strip() == "7", f"the app user cannot use MYSQL_DATABASE: {tail(proc.stderr)}")
        proc = client("root", "root-secret", "SELECT 1")
        expect(proc.stdout.strip() == "1", "root cannot log in over TCP with MYSQL_ROOT_PASSWORD")
        proc = client("app", "wrong", "SELECT 1")
        expect(proc.returncode != 0, "a wrong password was accepted")
        expect(pid1_uid(server) == "999", "the server does not run as mysql (999)")


def check_rabbitmq(ref: str) -> None:
    _, tag = split_ref(ref)
    management = "management" in tag.split("-")
    config = image_config(ref)
    expect("5672/tcp" in (config.get("ExposedPorts") or {}), "5672 is not exposed")
    expect("/var/lib/rabbitmq" in (config.get("Volumes") or {}), "/var/lib/rabbitmq is not a volume")
    with Scratch("rabbitmq") as scratch:
        net = scratch.net()
        server = scratch.name("server")
        docker("run", "-d", "--name", server, "--hostname", "queue", "--network", net, "--network-alias", "queue",
               "-e", "RABBITMQ_DEFAULT_USER=app", "-e", "RABBITMQ_DEFAULT_PASS=app-secret", ref)
        # The generated healthcheck, from `docker exec` (as root).
        wait_until("rabbitmq-diagnostics -q ping", lambda: exec_in(
            server, "rabbitmq-diagnostics", "-q", "ping", check=False).returncode == 0, 120, server)
        # The node answers pings before the broker has booted; the user exists once it has.
        wait_until("RABBITMQ_DEFAULT_USER created", lambda: "app" in exec_in(
            server, "rabbitmqctl", "-q", "list_users", check=False).stdout.split(), 60, server)
        expect(pid1_uid(server) == "100", "the server does not run as rabbitmq (100)")
        if management:
            # The management API, from another container, with the configured user.
            probe = (f"import base64, urllib.request; r = urllib.request.Request('http://queue:15672/api/overview'); "
                     f"r.add_header('Authorization', 'Basic ' + base64.b64encode(b'app:app-secret').decode()); "
                     f"print(urllib.request.urlopen(r, timeout=10).status)")
            pythons = standins_of_kind("python")
            if pythons:
                proc = run_in(pythons[0], "python3", "-c", probe, options=("--network", net), expect_ok=False)
                expect(proc.stdout.strip() == "200", f"management API: {tail(proc.stdout + proc.stderr)}")
            else:
                exec_in(server, "sh", "-c", "rabbitmq-plugins list -e -m | grep -qx rabbitmq_management",
                        what="management plugin enabled")


CHECKS = {
    "python": check_python,
    "uv": check_uv,
    "node": check_node,
    "nginx-unprivileged": check_nginx_unprivileged,
    "busybox": check_busybox,
    "redis": check_redis,
    "postgres": check_postgres,
    "prometheus": check_prometheus,
    "open-webui": check_open_webui,
    "golang": check_golang,
    "rust": check_rust,
    "eclipse-temurin": check_eclipse_temurin,
    "maven": check_maven,
    "distroless": check_distroless,
    "swift": check_swift,
    "ubuntu": check_ubuntu,
    "mysql": check_mysql,
    "rabbitmq": check_rabbitmq,
}


def run(kind: str, ref: str) -> None:
    if kind not in CHECKS:
        raise CheckFailed(f"no contract check for {kind}")
    CHECKS[kind](ref)
