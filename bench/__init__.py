"""Benchmarks, run as modules from the repository (`python -m bench.load`), so they import
the test support package (tests/support/) without editing sys.path."""
