"""Rule files: schema, loader (with file:line errors), and the compiler to the engine-neutral IR."""
