"""CLI subcommands, one module each (see corroborate.cli)."""
