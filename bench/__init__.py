"""rasd benchmarks: ``make bench`` runs every ``bench/*_bench.py``'s ``main()``."""
