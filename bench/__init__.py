"""The benchmark suite behind `make bench`: see bench/README.md. Not part of `make test`."""
