"""Checks of the generated scripts/start.sh and scripts/deploy.sh (filled in below)."""


def start_sh(ctx):
    pass


def deploy_sh(ctx):
    pass
