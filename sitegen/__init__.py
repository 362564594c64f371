"""sitegen: a static timeline site generator for Arabic news."""

__version__ = "0.1.0"
