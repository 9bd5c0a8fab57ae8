"""Demo content: real courses with tiny clips for ``lifelong --demo``, and synthetic catalogues.

``build_demo`` writes the packages and returns the catalogue records; ``synthetic_records``
yields metadata-only records at any scale for benchmarks.
"""
