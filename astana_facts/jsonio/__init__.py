"""Reading and writing records files: strict JSON in, canonical JSON out, positions on demand."""
