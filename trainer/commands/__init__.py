"""The CLI's subcommands, one module each. They do the I/O; the model and engine stay pure."""
