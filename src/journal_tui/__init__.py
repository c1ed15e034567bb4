"""journal-tui: a self-coaching journal that lives in the terminal."""

__version__ = "0.1.0"
