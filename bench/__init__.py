"""Benchmarks: run `python -m bench` (or `make bench`); figures go to bench/results.json."""
