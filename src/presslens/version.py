"""The presslens version, in a module of its own so that the data model can cite it without import cycles."""

__version__ = "0.1.0"
