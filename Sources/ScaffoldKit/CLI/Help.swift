/// The `--help` texts.
enum Help {
    static let overview = """
    scaffold \(ScaffoldVersion.current): render a project's whole deployment layer from one Swift blueprint.

    USAGE: scaffold <command> [options]

    COMMANDS:
      init [DIR] [--blueprint NAME] [--name NAME]   start a project from a preset (default: `default`)
      init DIR --adopt [--force] [--keep PATH]...   bring a folder with its own compose.yaml, Dockerfile, ...
                                                    under scaffold: diffs first, writes with --force
      import [-f FILE]... [--project DIR] [--name NAME] [--force]
                                                    draft Blueprint.swift from compose files and overlays
      regen [--project DIR] [--check] [--dry-run] [--force] [--verbose]
                                                    re-render after editing Blueprint.swift
      diff [--project DIR] [--summary]              show what regen would change
      dump [--project DIR]                          print the resolved model as JSON
      blueprints                                    list the presets
      render BLUEPRINT.swift -o DIR [--overrides DIR]
                                                    render a blueprint into DIR without a ledger
      lint [--project DIR]                          run the installed validators over generated files

    OPTIONS:
      --help      help for scaffold or a command
      --version   print the version

    EXIT CODES: 0 success · 1 drift, invalid blueprint or refusal · 64 usage error
    """

    static let command: [String: String] = [
        "init": """
        USAGE: scaffold init [DIR] [--blueprint NAME] [--name NAME]
               scaffold init DIR --adopt [--blueprint NAME] [--name NAME] [--force] [--keep PATH]...

        Creates DIR (default: the current folder) with a Blueprint.swift from a preset and renders it.
        Refuses when DIR already has a Blueprint.swift, or files scaffold generates (compose.yaml,
        a Dockerfile, ...); a refusal changes nothing.

        With --adopt, DIR is a folder that already has files of its own. Its blueprint is the
        folder's Blueprint.swift if there is one, else the --blueprint preset, else a
        `scaffold import` draft of its compose files (compose.yaml or docker-compose.yml and
        their overlays), else the default preset. It writes Blueprint.swift, renders, and prints
        the unified diff (yours → scaffold's) of every file you have that scaffold would write
        differently, writing nothing else until you rerun with --force.

          --blueprint NAME   the preset to start from (`scaffold blueprints` lists them; default: default)
          --name NAME        the project name (default: the folder's name, or compose's `name:`)
          --adopt            adopt a folder that has its own files (see above)
          --force            with --adopt: replace your files with scaffold's
          --keep PATH        with --adopt, repeatable: leave PATH yours; scaffold never writes it and
                             the ledger lists it under `kept`, so regen leaves it alone too
        """,
        "import": """
        USAGE: scaffold import [-f FILE]... [--project DIR] [--name NAME] [--force]

        Drafts DIR/Blueprint.swift from existing compose files. The files merge as
        `docker compose -f base.yml -f dev.yml ...` merges them; an overlay's name says which
        environment it is (docker-compose.dev.yml → development, compose.prod.yaml → production,
        staging, or any other name as a custom environment); files without one are the base every
        environment shares. Settings that differ between overlays become per-environment values.

        `build:` services become `.app` with the runtime their build context shows (pyproject.toml
        with uv.lock or poetry.lock, requirements.txt, package.json and its lockfile, go.mod,
        Cargo.toml, pom.xml, build.gradle, Package.swift); images of redis, postgres, mysql,
        mariadb, mongo, rabbitmq, prometheus, grafana, nginx and traefik become presets; other
        images `.image`. Variables that look like credentials become secret names, never values.
        What the blueprint can't express is kept as `// not imported:` comments in its service.
        Refuses when Blueprint.swift exists.

          -f, --file FILE    a compose file, relative to the current folder; repeat for overlays
                             (default: compose.yaml or docker-compose.yml in DIR and its overlays)
          --project DIR      the project root, where Blueprint.swift goes (default: the current folder)
          --name NAME        the project name (default: compose's `name:`, else the folder's name)
          --force            replace an existing Blueprint.swift with the new draft
        """,
        "regen": """
        USAGE: scaffold regen [--project DIR] [--check] [--dry-run] [--force] [--verbose]

        Re-renders the project from Blueprint.swift. Writes only files whose bytes change, deletes
        generated files that are no longer produced, and refuses to overwrite hand edits.

          --project DIR   the project root (default: the current folder)
          --check         write nothing; exit 1 with a unified diff when files drifted (for CI)
          --dry-run       write nothing; print what would change and exit 0
          --force         overwrite files edited by hand
          --verbose       print every fidelity warning even when nothing changed (otherwise
                          a no-op regen only counts them)
        """,
        "diff": """
        USAGE: scaffold diff [--project DIR] [--summary]

        Prints the unified diff of what `scaffold regen` would change.

          --project DIR   the project root (default: the current folder)
          --summary       a Markdown summary per environment and file instead of the diff
        """,
        "dump": """
        USAGE: scaffold dump [--project DIR]

        Prints the resolved, validated model as stable JSON.

          --project DIR   the project root (default: the current folder)
        """,
        "blueprints": """
        USAGE: scaffold blueprints

        Lists the presets `scaffold init --blueprint NAME` can start from.
        """,
        "render": """
        USAGE: scaffold render BLUEPRINT.swift -o DIR [--overrides DIR]

        Renders a blueprint into DIR (which must be empty or absent) without a ledger.

          -o, --output DIR   the output folder
          --overrides DIR    a template override folder (like a project's .scaffold/templates)
        """,
        "lint": """
        USAGE: scaffold lint [--project DIR]

        Runs every validator found on PATH (hadolint, docker-compose, kubectl, helm, terraform,
        actionlint, zizmor, shellcheck, yamllint, checkov, ...) over the project's generated files.
        Exits 1 on any failure, and when a kind of check never ran because its validator is
        missing; the SKIP lines say how to get each one.

          --project DIR   the project root (default: the current folder)
        """,
    ]
}
