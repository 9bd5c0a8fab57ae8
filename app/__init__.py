"""Domain core of Lifelong Learning Desktop: no Qt, no network."""

__version__ = "0.1.0"
