"""veille: an open-source observatory of illicit online trade."""

__version__ = "0.1.0"
