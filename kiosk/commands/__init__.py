"""One module per `kiosk` sub-command group; each has `register(subcommands)`.

`kiosk/cli.py` finds every module here, so adding a command is adding a file. Handlers are
thin: parse, call one domain function, print, return an exit code. Heavy imports (Qt, the
content pipeline) happen inside handlers so that every other command stays quick.
"""
