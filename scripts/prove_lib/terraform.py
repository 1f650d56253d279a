def check(ctx):
    pass
