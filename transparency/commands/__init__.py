"""One module per subcommand of the ``transparency`` command line (see ``transparency.cli``)."""
