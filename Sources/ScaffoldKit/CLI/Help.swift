/// The `--help` texts.
enum Help {
    static let overview = """
    scaffold \(ScaffoldVersion.current): render a project's whole deployment layer from one Swift blueprint.

    USAGE: scaffold <command> [options]

    COMMANDS:
      init [DIR] [--blueprint NAME] [--name NAME]   start a project from a preset (default: `default`)
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

        Creates DIR (default: the current folder) with a Blueprint.swift from a preset and renders it.
        Refuses when DIR already has a Blueprint.swift.

          --blueprint NAME   the preset to start from (`scaffold blueprints` lists them; default: default)
          --name NAME        the project name (default: the folder's name for the default preset)
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
